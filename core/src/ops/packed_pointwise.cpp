#include "shufflescope/ops/packed_pointwise.h"

#include <algorithm>
#include <cassert>

#include "kernels/kernel_table.h"
#include "shufflescope/base/threading.h"
#include "shufflescope/base/work_pool.h"

namespace shufflescope::ops {

namespace {

int64_t ceilDiv(int64_t a, int64_t b) {
    return (a + b - 1) / b;
}

// Below this many multiply-adds a task is not worth handing to another thread.
constexpr int64_t kMinTaskMacs = 32 * 1024;

}  // namespace

PackedPointwiseConv::PackedPointwiseConv(const float* weight, const float* bias, int inChannels,
                                         int outChannels, int groups, InstructionSet set)
    : set_(set), inChannels_(inChannels), outChannels_(outChannels), groups_(groups) {
    assert(groups >= 1 && inChannels % groups == 0 && outChannels % groups == 0);
    const kernels::KernelTable& table = kernels::kernelTable(set);
    const int rowsPerPanel = table.pointwiseRows;
    const int depth = inChannels / groups, rows = outChannels / groups;
    const int64_t panels = ceilDiv(rows, rowsPerPanel);
    panels_.assign(std::size_t(groups * panels * depth * rowsPerPanel), 0.0f);
    for (int g = 0; g < groups; ++g)
        for (int r = 0; r < rows; ++r) {
            const int64_t panel = g * panels + r / rowsPerPanel;
            for (int k = 0; k < depth; ++k)
                panels_[std::size_t((panel * depth + k) * rowsPerPanel + r % rowsPerPanel)] =
                    weight[int64_t(g * rows + r) * depth + k];
        }
    bias_.assign(std::size_t(outChannels), 0.0f);
    if (bias) std::copy(bias, bias + outChannels, bias_.begin());
}

void PackedPointwiseConv::run(ConstFeatureMap in, FeatureMap out, bool relu, const float* residual,
                              int64_t outChannelStride) const {
    assert(in.channels == inChannels_ && out.channels == outChannels_);
    assert(in.height == out.height && in.width == out.width);
    assert(outChannelStride == 0 || !residual);
    const kernels::KernelTable& table = kernels::kernelTable(set_);
    const int rowsPerPanel = table.pointwiseRows;  // as packed: the table of set_
    const int depth = inChannels_ / groups_, rows = outChannels_ / groups_;
    const int64_t pixels = in.planeSize();
    const int64_t outStride = outChannelStride ? outChannelStride : pixels;
    const int64_t panels = ceilDiv(rows, rowsPerPanel);

    // Tasks: every group split into pixel ranges (whole register tiles) and, where that leaves
    // too few for the threads, into runs of weight panels — about four tasks per thread, so
    // threads that start late or run slow even out, none smaller than kMinTaskMacs.
    const int threads = threadCount();
    const int64_t tiles = ceilDiv(pixels, table.pointwiseColumns);
    const int64_t macs = int64_t(groups_) * rows * depth * pixels;
    int64_t wanted = threads > 1 ? std::min<int64_t>(4 * threads, macs / kMinTaskMacs) : 1;
    wanted = std::max<int64_t>(1, ceilDiv(wanted, groups_));  // per group
    const int64_t pixelParts = std::min(tiles, wanted);
    const int64_t panelParts = std::min(panels, ceilDiv(wanted, pixelParts));
    const int64_t tilesPerPart = ceilDiv(tiles, pixelParts);
    const int64_t panelsPerPart = ceilDiv(panels, panelParts);

    const auto task = [&](int64_t t) {
        const int g = int(t / (pixelParts * panelParts));
        const int64_t pixelPart = (t / panelParts) % pixelParts, panelPart = t % panelParts;
        const int64_t begin = pixelPart * tilesPerPart * table.pointwiseColumns;
        const int64_t end = std::min(pixels, begin + tilesPerPart * table.pointwiseColumns);
        const int firstRow = int(panelPart * panelsPerPart * rowsPerPanel);
        const int lastRow = std::min(rows, int((panelPart + 1) * panelsPerPart * rowsPerPanel));
        if (begin >= end || firstRow >= lastRow) return;
        const int channel = g * rows + firstRow;
        kernels::PointwiseGroup group{
            panels_.data() + (g * panels + firstRow / rowsPerPanel) * depth * rowsPerPanel,
            bias_.data() + channel,
            in.channel(g * depth),
            residual ? residual + channel * pixels : nullptr,
            out.data + channel * outStride,
            pixels,
            outStride,
            depth,
            lastRow - firstRow,
            relu};
        table.pointwise(group, begin, end);
    };
    parallelFor(groups_ * pixelParts * panelParts, task);
}

void PackedPointwiseConv::runColumns(const float* in, int64_t inStride, float* out,
                                     int64_t outStride, int64_t pixels, bool relu) const {
    assert(groups_ == 1);
    const kernels::PointwiseGroup group{
        panels_.data(), bias_.data(), in,          nullptr,      out,
        inStride,       outStride,    inChannels_, outChannels_, relu};
    kernels::kernelTable(set_).pointwise(group, 0, pixels);
}

}  // namespace shufflescope::ops
