#pragma once
// Backward pass of the grouped 1x1 convolution (pointwise_conv.h).
//   in          [Cin, H, W]        the forward input (per image)
//   weight      [Cout, Cin/groups]
//   gradOut     [Cout, H, W]       dL/d(out)
//   gradIn      [Cin, H, W]        dL/d(in), OVERWRITTEN
//   gradWeight  [Cout, Cin/groups] dL/d(weight), ACCUMULATED (+=) so that a trainer can sum the
//                                  images of a batch into one buffer per thread
// Per group k:  gradIn_k = W_k^T * gradOut_k  (a 1x1 convolution itself: the packed kernel of
// packed_pointwise.h with the transposed weights), and  gradWeight_k += gradOut_k * in_k^T  (the
// instruction set's weight-gradient kernel, core/src/ops/kernels/, which sums a run of images in
// registers). A forward bias's gradient is convBiasBackward (convolution_backward.h). The
// forward's fused epilogue (residual, ReLU) is not part of this op: apply reluBackward first, and
// the residual's gradient is gradOut itself.

#include "shufflescope/base/instruction_set.h"
#include "shufflescope/base/tensor.h"
#include "shufflescope/ops/packed_pointwise.h"

namespace shufflescope::ops {

// The weights packed once (a trainer: once per batch, as they change every step), then used for
// every image. Both passes run on the calling thread's share: inputGradient uses the work pool
// (inline inside an OpenMP region), weightGradient runs where it is called.
class PointwiseConvBackward {
  public:
    PointwiseConvBackward(const float* weight, int inChannels, int outChannels, int groups,
                          InstructionSet set = activeInstructionSet());

    // One image: gradIn = W^T * gradOut per group, or gradIn += W^T * gradOut when `accumulate`
    // (an input read by several steps sums their gradients; added in the kernel's epilogue).
    void inputGradient(ConstFeatureMap gradOut, FeatureMap gradIn, bool accumulate = false) const;

    // Images [first, last) of a batch: in [N, Cin, H, W] and gradOut [N, Cout, H, W].
    void weightGradient(const Tensor& in, const Tensor& gradOut, int first, int last,
                        float* gradWeight) const;
    // The same for one image's maps.
    void weightGradient(ConstFeatureMap in, ConstFeatureMap gradOut, float* gradWeight) const;

  private:
    void weightGradient(const float* in, const float* gradOut, int64_t pixels, int images,
                        float* gradWeight) const;

    int inChannels_, outChannels_, groups_;
    PackedPointwiseConv transposed_;  // W_k^T per group: Cout channels in, Cin out; its set is ours
};

// One image, the weights packed on each call. gradIn may be nullptr (e.g. when `in` is the network
// input): only the weight gradient.
void pointwiseConvBackward(ConstFeatureMap in, const float* weight, int groups,
                           ConstFeatureMap gradOut, float* gradIn, float* gradWeight);

}  // namespace shufflescope::ops
