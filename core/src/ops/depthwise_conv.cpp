#include "shufflescope/ops/depthwise_conv.h"

#include <cassert>

#include "channel_tasks.h"
#include "kernels/kernel_table.h"

namespace shufflescope::ops {

void depthwiseConv3x3(ConstFeatureMap in, const float* weight, const float* bias, int stride,
                      FeatureMap out, const int* sourceChannel) {
    assert(stride == 1 || stride == 2);
    assert(in.channels == out.channels);
    assert(out.height == (in.height - 1) / stride + 1 && out.width == (in.width - 1) / stride + 1);
    const kernels::KernelTable& kernels = kernels::kernelTable(activeInstructionSet());
    forChannelBlocks(out.channels, 9 * out.planeSize(), [&](int first, int end) {
        for (int c = first; c < end; ++c)
            kernels.depthwise(in.channel(sourceChannel ? sourceChannel[c] : c), in.height, in.width,
                              weight + 9 * c, bias ? bias[c] : 0.0f, stride, out.channel(c),
                              out.height, out.width);
    });
}

}  // namespace shufflescope::ops
