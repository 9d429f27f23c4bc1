#include "shufflescope/ops/pooling.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace shufflescope::ops {

namespace {

// ShuffleNet's pools are all 3x3, stride 2, padding 1. Their interior windows need no bounds
// checks; only the first row/column and (for even sizes) nothing else touch the padding.
bool isShuffleNetWindow(int kernel, int stride, int padding) {
    return kernel == 3 && stride == 2 && padding == 1;
}

// Reduces one channel with a 3x3/2/1 window. `combine` folds a value into the accumulator;
// `finish` turns the accumulator and the window's padded cell count into the output.
template <typename Combine, typename Finish>
void window3x3s2(const float* src, int h, int w, float* dst, int oh, int ow, float init,
                 Combine combine, Finish finish) {
    for (int oy = 0; oy < oh; ++oy) {
        const int y0 = oy * 2 - 1;
        const bool rowInside = y0 >= 0 && y0 + 2 < h;
        for (int ox = 0; ox < ow; ++ox) {
            const int x0 = ox * 2 - 1;
            float acc = init;
            if (rowInside && x0 >= 0 && x0 + 2 < w) {
                const float* r = src + y0 * w + x0;
                for (int dy = 0; dy < 3; ++dy, r += w)
                    acc = combine(combine(combine(acc, r[0]), r[1]), r[2]);
            } else {
                for (int y = std::max(y0, 0); y < std::min(y0 + 3, h); ++y)
                    for (int x = std::max(x0, 0); x < std::min(x0 + 3, w); ++x)
                        acc = combine(acc, src[y * w + x]);
            }
            // Cells inside the padded input (count_include_pad), for the average.
            const int padded = (std::min(y0 + 3, h + 1) - y0) * (std::min(x0 + 3, w + 1) - x0);
            dst[oy * ow + ox] = finish(acc, padded);
        }
    }
}

}  // namespace

void maxPool2d(ConstFeatureMap in, int kernel, int stride, int padding, FeatureMap out) {
    assert(in.channels == out.channels);
    if (isShuffleNetWindow(kernel, stride, padding)) {
#pragma omp parallel for schedule(static) if (in.channels * out.planeSize() > 16384)
        for (int c = 0; c < in.channels; ++c)
            window3x3s2(
                in.channel(c), in.height, in.width, out.channel(c), out.height, out.width,
                -std::numeric_limits<float>::infinity(),
                [](float a, float b) { return std::max(a, b); }, [](float a, int) { return a; });
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
#pragma omp parallel for schedule(static) if (in.channels * out.planeSize() > 16384)
        for (int c = 0; c < in.channels; ++c)
            window3x3s2(
                in.channel(c), in.height, in.width, out.channel(c), out.height, out.width, 0.0f,
                [](float a, float b) { return a + b; },
                [](float sum, int cells) { return sum / float(cells); });
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
