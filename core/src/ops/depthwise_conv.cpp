#include "shufflescope/ops/depthwise_conv.h"

#include <algorithm>
#include <cassert>

#include "channel_tasks.h"
#include "kernels/kernel_table.h"
#include "margined_scratch.h"

namespace shufflescope::ops {

void depthwiseConv3x3(ConstFeatureMap in, const float* weight, const float* bias, int stride,
                      FeatureMap out, const int* sourceChannel) {
    assert(stride == 1 || stride == 2);
    assert(in.channels == out.channels);
    assert(out.height == (in.height - 1) / stride + 1 && out.width == (in.width - 1) / stride + 1);
    const kernels::KernelTable& kernels = kernels::kernelTable(activeInstructionSet());
    forChannelBlocks(out.channels, 9 * out.planeSize(), [&](int first, int end) {
        // Stride 1 over whole planes copied between margins (margined_scratch.h): 1.2x (56 x 56)
        // to 2.8x (8 x 8) the row kernel's speed, copy included, on planes in cache. Stride 2 row
        // by row.
        MarginedScratch* margined =
            stride == 1 ? &MarginedScratch::forThisThread(in.height, in.width) : nullptr;
        for (int c = first; c < end; ++c) {
            const float* src = in.channel(sourceChannel ? sourceChannel[c] : c);
            const float b = bias ? bias[c] : 0.0f;
            if (margined)
                kernels.depthwiseMargined(margined->input(src), in.height, in.width, weight + 9 * c,
                                          b, out.channel(c), margined->left(), margined->right());
            else
                kernels.depthwise(src, in.height, in.width, weight + 9 * c, b, stride,
                                  out.channel(c), out.height, out.width);
        }
    });
}

void zeroMargins(const MarginedPlanes& planes) {
    const int64_t plane = int64_t(planes.height) * planes.width;
    const int64_t margin = MarginedPlanes::margin(planes.width);
    std::fill(planes.data - margin, planes.data, 0.0f);
    for (int c = 0; c < planes.channels; ++c)
        std::fill(planes.channel(c) + plane, planes.channel(c) + plane + margin, 0.0f);
}

AlignedFloats depthwiseColumnMasks(int height, int width) {
    const int64_t plane = int64_t(height) * width;
    AlignedFloats masks(std::size_t(2 * plane));
    for (int64_t i = 0; i < plane; ++i) {
        masks[std::size_t(i)] = i % width != 0 ? 1.0f : 0.0f;
        masks[std::size_t(plane + i)] = i % width != width - 1 ? 1.0f : 0.0f;
    }
    return masks;
}

void depthwiseConv3x3(const MarginedPlanes& in, const float* weight, const float* bias, int stride,
                      FeatureMap out, const int* sourceChannel, const float* columnMasks) {
    assert(stride == 1 || stride == 2);
    assert(in.channels == out.channels);
    assert(in.channelStride >= MarginedPlanes::strideFor(in.height, in.width));
    const kernels::KernelTable& kernels = kernels::kernelTable(activeInstructionSet());
    const int64_t plane = int64_t(in.height) * in.width;
    forChannelBlocks(out.channels, 9 * out.planeSize(), [&](int first, int end) {
        for (int c = first; c < end; ++c) {
            const float* src = in.channel(sourceChannel ? sourceChannel[c] : c);
            const float b = bias ? bias[c] : 0.0f;
            if (stride == 1)
                kernels.depthwiseMargined(src, in.height, in.width, weight + 9 * c, b,
                                          out.channel(c), columnMasks, columnMasks + plane);
            else
                kernels.depthwise(src, in.height, in.width, weight + 9 * c, b, 2, out.channel(c),
                                  out.height, out.width);
        }
    });
}

}  // namespace shufflescope::ops
