#pragma once
// A grouped 1x1 convolution for the inference fast path: the weights packed once, at load, into
// the layout of the active instruction set's kernel (core/src/ops/kernels/), then run many times.
// Same function as pointwiseConv (pointwise_conv.h), shapes and epilogue alike:
//   in      [Cin, H, W]
//   weight  [Cout, Cin/groups]   (PyTorch's [Cout, Cin/groups, 1, 1])
//   bias    [Cout] or nullptr
//   out     [Cout, H, W]; out = act(W_k * in_k + bias (+ residual)), act = ReLU when `relu`
// run() splits the work over groups, pixel ranges and, where a group has few pixels, output
// channels, on the work pool (work_pool.h).

#include "shufflescope/base/instruction_set.h"
#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

class PackedPointwiseConv {
  public:
    PackedPointwiseConv() = default;
    PackedPointwiseConv(const float* weight, const float* bias, int inChannels, int outChannels,
                        int groups, InstructionSet set = activeInstructionSet());

    // outChannelStride: floats between out's channel planes (0: H * W, packed); with another
    // stride (MarginedPlanes) there is no residual.
    void run(ConstFeatureMap in, FeatureMap out, bool relu, const float* residual = nullptr,
             int64_t outChannelStride = 0) const;

    // On the calling thread, a dense (groups = 1) convolution over `pixels` columns of a matrix
    // whose channel rows are inStride apart, into rows outStride apart: how a convolution that
    // has made its own columns (im2col, packed_conv3x3.h) uses the kernel.
    void runColumns(const float* in, int64_t inStride, float* out, int64_t outStride,
                    int64_t pixels, bool relu) const;

    InstructionSet instructionSet() const { return set_; }

  private:
    InstructionSet set_ = InstructionSet::Portable;
    int inChannels_ = 0, outChannels_ = 0, groups_ = 1;
    AlignedFloats panels_;  // per group: ceil(Cout/g / rows per panel) panels of [Cin/g][rows]
    AlignedFloats bias_;    // [Cout], zeros without a bias
};

}  // namespace shufflescope::ops
