#pragma once
// Grouped 1x1 convolution (ShuffleNet's GConv1x1; groups = 1 is a dense 1x1 conv).
//   in      [Cin, H, W]
//   weight  [Cout, Cin/groups]          (PyTorch's [Cout, Cin/groups, 1, 1] without the 1x1)
//   bias    [Cout] or nullptr
//   out     [Cout, H, W]
// Output channel o of group k = o / (Cout/groups) sees only input channels
// [k*Cin/groups, (k+1)*Cin/groups): the block-diagonal structure that divides the cost by g.
// Each group is one GEMM: out_k (Cout/g x HW) = W_k (Cout/g x Cin/g) * in_k (Cin/g x HW).
// Fused epilogue for the fast path, applied in this order: + bias, + residual (same layout as
// out, may be nullptr), max(0, .) when `relu`. Runs the packed kernels (packed_pointwise.h),
// packing the weights on every call.

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

void pointwiseConv(ConstFeatureMap in, const float* weight, const float* bias, int groups,
                   FeatureMap out, bool relu = false, const float* residual = nullptr);

}  // namespace shufflescope::ops
