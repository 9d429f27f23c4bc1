#pragma once
// Backward pass of the fully connected layer (linear.h).
// One image:
//   in [In], weight [Out, In] row-major, gradOut [Out]
//   gradIn     [In]       = weight^T * gradOut, OVERWRITTEN; nullptr skips it
//   gradWeight [Out, In] += gradOut * in^T     (ACCUMULATED)
//   gradBias   [Out]     += gradOut            (ACCUMULATED; nullptr skips it)
// A whole batch at once (rows are images):
//   in [N, In], gradOut [N, Out], gradIn [N, In] or nullptr
//   gradWeight += gradOut^T * in, gradBias += column sums of gradOut
// Prefer the batch form: per image the weight gradient is a rank-1 update that streams the whole
// [Out, In] matrix through memory once per image; the batch form is one GEMM.

namespace shufflescope::ops {

void fullyConnectedBackward(const float* in, const float* weight, const float* gradOut,
                            int inFeatures, int outFeatures, float* gradIn, float* gradWeight,
                            float* gradBias);

void fullyConnectedBackwardBatch(const float* in, const float* weight, const float* gradOut,
                                 int batch, int inFeatures, int outFeatures, float* gradIn,
                                 float* gradWeight, float* gradBias);

}  // namespace shufflescope::ops
