#include "shufflescope/ops/pointwise_conv.h"

#include "shufflescope/ops/packed_pointwise.h"

namespace shufflescope::ops {

// One implementation: the packed kernels (packed_pointwise.h). Packing reads the weights once,
// Cout x Cin/g floats, against Cout x Cin/g x H x W multiply-adds; callers that run one weight
// many times (the fast path, a batch) keep a PackedPointwiseConv instead.
void pointwiseConv(ConstFeatureMap in, const float* weight, const float* bias, int groups,
                   FeatureMap out, bool relu, const float* residual) {
    PackedPointwiseConv(weight, bias, in.channels, out.channels, groups)
        .run(in, out, relu, residual);
}

}  // namespace shufflescope::ops
