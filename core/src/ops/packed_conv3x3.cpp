#include "shufflescope/ops/packed_conv3x3.h"

#include <algorithm>
#include <cassert>

#include "kernels/kernel_table.h"
#include "shufflescope/base/work_pool.h"

namespace shufflescope::ops {

namespace {

// Output pixels per band: its columns (Cin*9 x this) stay in L1/L2 between im2col and the GEMM.
constexpr int64_t kBandPixels = 512;

int bandRows(int outWidth) {
    return int(std::max<int64_t>(1, kBandPixels / std::max(outWidth, 1)));
}

}  // namespace

PackedConv3x3::PackedConv3x3(const float* weight, const float* bias, int inChannels,
                             int outChannels, int stride, InstructionSet set)
    : columns_(weight, bias, inChannels * 9, outChannels, 1, set),
      inChannels_(inChannels),
      stride_(stride) {}

int64_t PackedConv3x3::scratchSize(int inChannels, int outHeight, int outWidth) {
    return int64_t(inChannels) * 9 * outHeight * outWidth;
}

void PackedConv3x3::run(ConstFeatureMap in, FeatureMap out, bool relu, float* scratch) const {
    assert(in.channels == inChannels_);
    assert(out.height == (in.height - 1) / stride_ + 1 &&
           out.width == (in.width - 1) / stride_ + 1);
    const kernels::KernelTable& kernels = kernels::kernelTable(columns_.instructionSet());
    const int rows = bandRows(out.width);
    const int bands = (out.height + rows - 1) / rows;
    parallelFor(bands, [&](int64_t b) {
        const int first = int(b) * rows, end = std::min(out.height, first + rows);
        const int64_t pixels = int64_t(end - first) * out.width;
        // Each band has its own part of the scratch: the bands of one call never share it.
        float* cols = scratch + int64_t(inChannels_) * 9 * first * out.width;
        kernels.im2col3x3(in.data, in.channels, in.height, in.width, stride_, first, end, out.width,
                          cols);
        columns_.runColumns(cols, pixels, out.data + int64_t(first) * out.width, out.planeSize(),
                            pixels, relu);
    });
}

}  // namespace shufflescope::ops
