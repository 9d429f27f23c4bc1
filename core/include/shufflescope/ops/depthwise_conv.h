#pragma once
// Depthwise 3x3 convolution, padding 1, stride 1 or 2: one 3x3 filter per channel.
//   in      [C, H, W]
//   weight  [C, 9]        (PyTorch's [C, 1, 3, 3])
//   bias    [C] or nullptr
//   out     [C, Ho, Wo], Ho = (H - 1)/stride + 1
// sourceChannel (optional, [C]): output channel c reads input channel sourceChannel[c]. The fast
// path uses it to apply the channel shuffle by indexing instead of copying.

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

void depthwiseConv3x3(ConstFeatureMap in, const float* weight, const float* bias, int stride,
                      FeatureMap out, const int* sourceChannel = nullptr);

// The fast path's layout: channel planes `channelStride` floats apart with at least W + 1 zeros
// between them and around them (margins: marginedPlanesSize, zeroMargins). The margins stand for
// the zero padding's rows, so a stride-1 convolution runs over each whole plane as one vector loop
// instead of row by row — Stage 4's rows are 7 wide. columnMasks: depthwiseColumnMasks(H, W).
struct MarginedPlanes {
    float* data;  // plane 0's first pixel
    int channels, height, width;
    int64_t channelStride;  // H * W + margin
    static int64_t margin(int width) { return int64_t(width) + 1; }
    static int64_t strideFor(int height, int width) {
        return int64_t(height) * width + margin(width);
    }
    // Floats to allocate for `channels` planes, the margin before the first included; data
    // starts margin(width) floats in.
    static int64_t sizeFor(int channels, int height, int width) {
        return margin(width) + channels * strideFor(height, width);
    }
    float* channel(int c) const { return data + c * channelStride; }
    FeatureMap plane0() const { return {data, channels, height, width}; }
};
void zeroMargins(const MarginedPlanes& planes);
// [2][H*W]: 1 where pixel i has a left neighbour in its row, then 1 where it has a right one.
AlignedFloats depthwiseColumnMasks(int height, int width);
void depthwiseConv3x3(const MarginedPlanes& in, const float* weight, const float* bias, int stride,
                      FeatureMap out, const int* sourceChannel, const float* columnMasks);

}  // namespace shufflescope::ops
