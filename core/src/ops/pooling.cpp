#include "shufflescope/ops/pooling.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <vector>

#include "channel_tasks.h"
#include "kernels/kernel_table.h"

namespace shufflescope::ops {

namespace {

// ShuffleNet's pools are all 3x3, stride 2, padding 1: those run the vectorised kernels
// (kernels/plane_kernels.inl); other windows the general loops below.
bool isShuffleNetWindow(int kernel, int stride, int padding) {
    return kernel == 3 && stride == 2 && padding == 1;
}

// The 3x3/2/1 case through the instruction set's kernel, a row of scratch per block of channels
// (on the stack up to kStackRow floats).
template <class Kernel>
void pool3x3s2(ConstFeatureMap in, FeatureMap out, Kernel kernel) {
    constexpr int kStackRow = 2048;
    forChannelBlocks(in.channels, 3 * out.planeSize(), [&](int first, int end) {
        float stackRow[kStackRow];
        std::vector<float> heapRow(in.width > kStackRow ? std::size_t(in.width) : 0);
        float* row = in.width > kStackRow ? heapRow.data() : stackRow;
        for (int c = first; c < end; ++c)
            kernel(in.channel(c), in.height, in.width, out.channel(c), out.height, out.width, row);
    });
}

}  // namespace

void maxPool2d(ConstFeatureMap in, int kernel, int stride, int padding, FeatureMap out) {
    assert(in.channels == out.channels);
    if (isShuffleNetWindow(kernel, stride, padding)) {
        pool3x3s2(in, out, kernels::kernelTable(activeInstructionSet()).maxPool);
        return;
    }
#pragma omp parallel for schedule(static) if (in.channels * out.planeSize() > 16384)
    for (int c = 0; c < in.channels; ++c) {
        const float* src = in.channel(c);
        float* dst = out.channel(c);
        for (int oy = 0; oy < out.height; ++oy)
            for (int ox = 0; ox < out.width; ++ox) {
                const int y0 = oy * stride - padding, x0 = ox * stride - padding;
                float best = -std::numeric_limits<float>::infinity();
                for (int y = std::max(y0, 0); y < std::min(y0 + kernel, in.height); ++y)
                    for (int x = std::max(x0, 0); x < std::min(x0 + kernel, in.width); ++x)
                        best = std::max(best, src[y * in.width + x]);
                dst[oy * out.width + ox] = best;
            }
    }
}

void avgPool2d(ConstFeatureMap in, int kernel, int stride, int padding, FeatureMap out) {
    assert(in.channels == out.channels);
    if (isShuffleNetWindow(kernel, stride, padding)) {
        pool3x3s2(in, out, kernels::kernelTable(activeInstructionSet()).averagePool);
        return;
    }
#pragma omp parallel for schedule(static) if (in.channels * out.planeSize() > 16384)
    for (int c = 0; c < in.channels; ++c) {
        const float* src = in.channel(c);
        float* dst = out.channel(c);
        for (int oy = 0; oy < out.height; ++oy)
            for (int ox = 0; ox < out.width; ++ox) {
                const int y0 = oy * stride - padding, x0 = ox * stride - padding;
                // count_include_pad: the window is clipped to the padded input, not the input.
                const int divisor = (std::min(y0 + kernel, in.height + padding) - y0) *
                                    (std::min(x0 + kernel, in.width + padding) - x0);
                float sum = 0.0f;
                for (int y = std::max(y0, 0); y < std::min(y0 + kernel, in.height); ++y)
                    for (int x = std::max(x0, 0); x < std::min(x0 + kernel, in.width); ++x)
                        sum += src[y * in.width + x];
                dst[oy * out.width + ox] = sum / float(divisor);
            }
    }
}

void globalAvgPool(ConstFeatureMap in, float* out) {
    const int64_t pixels = in.planeSize();
    for (int c = 0; c < in.channels; ++c) {
        const float* src = in.channel(c);
        double sum = 0.0;
        for (int64_t p = 0; p < pixels; ++p) sum += src[p];
        out[c] = float(sum / double(pixels));
    }
}

}  // namespace shufflescope::ops
