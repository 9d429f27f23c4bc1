#pragma once
// Backward pass of the grouped 1x1 convolution (pointwise_conv.h), one image.
//   in          [Cin, H, W]        the forward input
//   weight      [Cout, Cin/groups]
//   gradOut     [Cout, H, W]       dL/d(out)
//   gradIn      [Cin, H, W]        dL/d(in), OVERWRITTEN; nullptr skips it (e.g. when `in` is the
//                                  network input)
//   gradWeight  [Cout, Cin/groups] dL/d(weight), ACCUMULATED (+=) so that a trainer can sum the
//                                  images of a batch into one buffer per thread
// Per group k, two GEMMs:  gradWeight_k += gradOut_k * in_k^T,  gradIn_k = W_k^T * gradOut_k.
// A forward bias's gradient is convBiasBackward (convolution_backward.h). The forward's fused
// epilogue (residual, ReLU) is not part of this op: apply reluBackward first, and the residual's
// gradient is gradOut itself.

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

void pointwiseConvBackward(ConstFeatureMap in, const float* weight, int groups,
                           ConstFeatureMap gradOut, float* gradIn, float* gradWeight);

}  // namespace shufflescope::ops
