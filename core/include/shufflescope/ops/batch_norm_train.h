#pragma once
// Batch normalisation in TRAINING mode, PyTorch's semantics (nn.BatchNorm2d.train()). The
// statistics are those of the whole batch, so unlike the per-image operators these take whole
// NCHW tensors:
//   in, out, gradOut, gradIn   [N, C, H, W]
//   gamma, beta, running*, saved*, grad*   [C]
// Forward, per channel c over the M = N*H*W values:
//   mean = sum(x)/M,  var = sum((x - mean)^2)/M  (biased: this is what normalises)
//   out  = (x - mean) * invStd * gamma + beta,   invStd = 1/sqrt(var + eps)
//   runningMean = (1 - momentum)*runningMean + momentum*mean
//   runningVar  = (1 - momentum)*runningVar  + momentum*var*M/(M - 1)   (unbiased, as PyTorch)
// M must be > 1 (PyTorch rejects a single value per channel in training, asserted here).
// savedMean / savedInvStd keep the batch statistics for the backward. out may alias in, but the
// backward needs the forward input, so a trainer that aliases must keep a copy.
//
// Backward, the full-batch formula (xhat = (x - mean)*invStd):
//   gradGamma += sum(gradOut * xhat),  gradBeta += sum(gradOut)           (ACCUMULATED)
//   gradIn = gamma*invStd * (gradOut - sum(gradOut)/M - xhat*sum(gradOut*xhat)/M)  (OVERWRITTEN)
// gradIn may alias gradOut (same tensor); gradGamma / gradBeta may be nullptr.
// Both parallelise over channels (OpenMP); sums are accumulated in double.
//
// The *Relu* variants are BN followed by ReLU in one pass (the pw1 -> bn1 -> relu1 and stem
// pattern): out = max(BN(x), 0), and the backward takes that activated `out` and the gradient
// with respect to it, masks the gradient where out <= 0 (reluBackward's rule) and goes on as the
// plain backward. Results equal the two operators run one after the other, bit for bit; a
// trainer saves a full read and write of the batch per fused pair.
//
// batchNormAddReluTrainForward is a residual block's end, bn3 -> add -> relu, in one pass:
// out = max(BN(x) + residual, 0), residual [N, C, H, W] (the shortcut), bit for bit the three
// operators in turn. Its backward is ReLU's mask on the gradient (the add passes it on unchanged
// to both inputs), then the plain batchNormTrainBackward.

#include "shufflescope/base/tensor.h"
#include "shufflescope/ops/batch_norm.h"

namespace shufflescope::ops {

inline constexpr float kBatchNormMomentum = 0.1f;

void batchNormTrainForward(const Tensor& in, const float* gamma, const float* beta, Tensor& out,
                           float* savedMean, float* savedInvStd, float* runningMean,
                           float* runningVar, float momentum = kBatchNormMomentum,
                           float eps = kBatchNormEpsilon);

void batchNormTrainBackward(const Tensor& in, const float* gamma, const float* savedMean,
                            const float* savedInvStd, const Tensor& gradOut, Tensor& gradIn,
                            float* gradGamma, float* gradBeta);

void batchNormReluTrainForward(const Tensor& in, const float* gamma, const float* beta, Tensor& out,
                               float* savedMean, float* savedInvStd, float* runningMean,
                               float* runningVar, float momentum = kBatchNormMomentum,
                               float eps = kBatchNormEpsilon);

void batchNormAddReluTrainForward(const Tensor& in, const float* gamma, const float* beta,
                                  const Tensor& residual, Tensor& out, float* savedMean,
                                  float* savedInvStd, float* runningMean, float* runningVar,
                                  float momentum = kBatchNormMomentum,
                                  float eps = kBatchNormEpsilon);

void batchNormReluTrainBackward(const Tensor& in, const float* gamma, const float* savedMean,
                                const float* savedInvStd, const Tensor& out, const Tensor& gradOut,
                                Tensor& gradIn, float* gradGamma, float* gradBeta);

}  // namespace shufflescope::ops
