#pragma once
// Backward pass of the dense or grouped KxK convolution (convolution.h), one image.
//   in          [Cin, H, W]               the forward input
//   weight      [Cout, Cin/groups, K, K]
//   gradOut     [Cout, Ho, Wo]            dL/d(out), Ho = convOutputExtent(H, K, stride, padding)
//   gradIn      [Cin, H, W]               dL/d(in), OVERWRITTEN; nullptr skips it (the stem's
//                                         input is the image: its gradient is never needed)
//   gradWeight  [Cout, Cin/groups, K, K]  dL/d(weight), ACCUMULATED (+=)
// As the forward: im2col + GEMM per group (gradWeight_g += gradOut_g * columns_g^T), and for
// gradIn the column gradient W_g^T * gradOut_g folded back onto the image (col2im).
// `scratch` must hold conv2dScratchSize(Cin, groups, K, Ho, Wo) floats, as the forward's.

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

void conv2dBackward(ConstFeatureMap in, const float* weight, int groups, int kernel, int stride,
                    int padding, ConstFeatureMap gradOut, float* gradIn, float* gradWeight,
                    float* scratch);

// Gradient of a per-channel bias added to any convolution's output:
//   gradOut [C, H, W] -> gradBias [C] ACCUMULATED (+=), the sum of each channel's plane.
void convBiasBackward(ConstFeatureMap gradOut, float* gradBias);

}  // namespace shufflescope::ops
