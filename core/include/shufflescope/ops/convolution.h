#pragma once
// Dense or grouped KxK convolution, zero padding, no dilation (the stem's 3x3 conv).
//   in      [Cin, H, W]
//   weight  [Cout, Cin/groups, K, K]   (PyTorch layout)
//   bias    [Cout] or nullptr
//   out     [Cout, Ho, Wo], Ho = (H + 2*padding - K)/stride + 1 (same for W)
// Implemented as im2col + GEMM per group; `scratch` must hold (Cin/groups)*K*K*Ho*Wo floats.

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

int convOutputExtent(int extent, int kernel, int stride, int padding);

void conv2d(ConstFeatureMap in, const float* weight, const float* bias, int groups, int kernel,
            int stride, int padding, FeatureMap out, float* scratch);

// Floats of scratch conv2d needs for these shapes.
long long conv2dScratchSize(int inChannels, int groups, int kernel, int outHeight, int outWidth);

}  // namespace shufflescope::ops
