#pragma once
// A dense 3x3 convolution (padding 1, stride 1 or 2) for the inference fast path — the stem —
// with its bias (the folded BN) and ReLU fused:
//   in      [Cin, H, W]
//   weight  [Cout, Cin, 3, 3]  (PyTorch's layout)
//   bias    [Cout] or nullptr
//   out     [Cout, Ho, Wo], Ho = (H - 1)/stride + 1, out = max(0, conv + bias) when `relu`
// The output is cut into bands of rows; each band's im2col columns (Cin*9 rows, a few tens of KB)
// are made and multiplied at once by the 1x1 kernel (packed_pointwise.h) while they are in cache.
// Bands run on the work pool. scratchSize() floats of scratch, sized once by the caller.

#include "shufflescope/ops/packed_pointwise.h"

namespace shufflescope::ops {

class PackedConv3x3 {
  public:
    PackedConv3x3() = default;
    PackedConv3x3(const float* weight, const float* bias, int inChannels, int outChannels,
                  int stride, InstructionSet set = activeInstructionSet());

    static int64_t scratchSize(int inChannels, int outHeight, int outWidth);
    void run(ConstFeatureMap in, FeatureMap out, bool relu, float* scratch) const;

  private:
    PackedPointwiseConv columns_;  // [Cout] x [Cin*9] over the im2col rows
    int inChannels_ = 0, stride_ = 1;
};

}  // namespace shufflescope::ops
