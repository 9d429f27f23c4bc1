#pragma once
// Batch normalisation in inference mode (running statistics), PyTorch's formula:
//   out[c] = (in[c] - mean[c]) / sqrt(var[c] + eps) * gamma[c] + beta[c]
//   in, out [C, H, W] (may alias); gamma, beta, mean, var [C].

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

inline constexpr float kBatchNormEpsilon = 1e-5f;

void batchNorm(ConstFeatureMap in, const float* gamma, const float* beta, const float* mean,
               const float* var, FeatureMap out, float eps = kBatchNormEpsilon);

// The per-channel affine form y = x*scale + shift that BN reduces to at inference; used to fold
// BN into the preceding convolution.
void batchNormAffine(int channels, const float* gamma, const float* beta, const float* mean,
                     const float* var, float* scale, float* shift, float eps = kBatchNormEpsilon);

}  // namespace shufflescope::ops
