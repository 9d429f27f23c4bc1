#include "shufflescope/ops/pooling_backward.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "shufflescope/ops/convolution.h"

namespace shufflescope::ops {

namespace {

// The forward pools' threshold.
constexpr int64_t kParallelWork = 16384;

// ShuffleNet's pools are all 3x3, stride 2, padding 1: they get the fast paths below.
bool isShuffleNetWindow(int kernel, int stride, int padding) {
    return kernel == 3 && stride == 2 && padding == 1;
}

// The plane index of a window's first maximum, PyTorch's CPU kernel exactly: start at the first
// cell inside the input with -inf, take a cell only when strictly greater (the first maximum wins
// ties) or NaN. Padding never wins.
int windowArgmax(const float* src, int h, int w, int y0, int x0, int kernel) {
    const int yBegin = std::max(y0, 0), yEnd = std::min(y0 + kernel, h);
    const int xBegin = std::max(x0, 0), xEnd = std::min(x0 + kernel, w);
    int best = yBegin * w + xBegin;
    float bestValue = -std::numeric_limits<float>::infinity();
    for (int y = yBegin; y < yEnd; ++y)
        for (int x = xBegin; x < xEnd; ++x) {
            const float v = src[y * w + x];
            if (v > bestValue || std::isnan(v)) {
                bestValue = v;
                best = y * w + x;
            }
        }
    return best;
}

// [SECTION] Max pool 3x3/2/1
// Windows inside the input find their argmax with selects instead of branches: which cell wins
// is data-dependent, so branches mispredict about every other window, and the select chain
// vectorises across the row. The gradients are added in a second, scalar pass, because
// neighbouring windows share a column and can share their argmax.
constexpr int kColumnChunk = 256;

void maxPool3x3s2Backward(const float* src, int h, int w, const float* grad, int oh, int ow,
                          float* dst) {
    std::fill(dst, dst + int64_t(h) * w, 0.0f);
    // Interior: o*2 - 1 >= 0 and o*2 + 1 <= extent - 1.
    const int lastRow = std::min(oh - 1, (h - 2) / 2), lastColumn = std::min(ow - 1, (w - 2) / 2);
    int argmax[kColumnChunk];
    for (int oy = 0; oy < oh; ++oy) {
        const int y0 = oy * 2 - 1;
        const float* g = grad + int64_t(oy) * ow;
        if (oy < 1 || oy > lastRow || lastColumn < 1) {
            for (int ox = 0; ox < ow; ++ox)
                dst[windowArgmax(src, h, w, y0, ox * 2 - 1, 3)] += g[ox];
            continue;
        }
        dst[windowArgmax(src, h, w, y0, -1, 3)] += g[0];
        for (int ox = lastColumn + 1; ox < ow; ++ox)
            dst[windowArgmax(src, h, w, y0, ox * 2 - 1, 3)] += g[ox];
        const float* r0 = src + int64_t(y0) * w;
        for (int chunk = 1; chunk <= lastColumn; chunk += kColumnChunk) {
            const int count = std::min(kColumnChunk, lastColumn + 1 - chunk);
#pragma omp simd
            for (int i = 0; i < count; ++i) {
                const int x0 = (chunk + i) * 2 - 1;
                float best = r0[x0];
                int at = x0;
                // The 8 other cells in scan order, unrolled so that the loop over i vectorises.
                const int cells[8] = {x0 + 1,     x0 + 2,     x0 + w,         x0 + w + 1,
                                      x0 + w + 2, x0 + 2 * w, x0 + 2 * w + 1, x0 + 2 * w + 2};
                for (int k = 0; k < 8; ++k) {
                    const float v = r0[cells[k]];
                    const bool take = v > best || v != v;  // v != v: NaN, PyTorch's rule
                    best = take ? v : best;
                    at = take ? cells[k] : at;
                }
                argmax[i] = at;
            }
            for (int i = 0; i < count; ++i) dst[int64_t(y0) * w + argmax[i]] += g[chunk + i];
        }
    }
}

// [SECTION] Average pool 3x3/2/1
// Every window's divisor is 9 (count_include_pad: a window never reaches past the padded input's
// last row or column when stride 2 and padding 1), so the gradient is a gather: an even input
// row/column is under output row/column o = i/2 only, an odd one under (i-1)/2 and (i+1)/2 (when
// it exists). `a` and `b` are the output rows over this input row; `bWeight` is 0 when there is
// only one (then `b` is `a`).
void avgPool3x3s2Row(const float* a, const float* b, float bWeight, int w, int ow, float* dst) {
    constexpr float kShare = 1.0f / 9.0f;
    const int even = (w + 1) / 2, odd = w / 2;
    for (int m = 0; m < even; ++m) dst[2 * m] = (a[m] + b[m] * bWeight) * kShare;
    const int both = std::min(odd, ow - 1);  // odd columns with a right neighbour
    for (int m = 0; m < both; ++m)
        dst[2 * m + 1] = (a[m] + a[m + 1] + (b[m] + b[m + 1]) * bWeight) * kShare;
    for (int m = both; m < odd; ++m) dst[2 * m + 1] = (a[m] + b[m] * bWeight) * kShare;
}

void avgPool3x3s2Backward(const float* grad, int oh, int ow, float* dst, int h, int w) {
    for (int iy = 0; iy < h; ++iy) {
        const float* a = grad + int64_t(iy / 2) * ow;  // (iy - 1)/2 for odd iy
        const bool two = iy % 2 == 1 && (iy + 1) / 2 < oh;
        const float* b = two ? grad + int64_t((iy + 1) / 2) * ow : a;
        avgPool3x3s2Row(a, b, two ? 1.0f : 0.0f, w, ow, dst + int64_t(iy) * w);
    }
}

}  // namespace

void maxPool2dBackward(ConstFeatureMap in, int kernel, int stride, int padding,
                       ConstFeatureMap gradOut, FeatureMap gradIn) {
    assert(in.channels == gradOut.channels && gradIn.channels == in.channels);
    assert(gradIn.height == in.height && gradIn.width == in.width);
    assert(gradOut.height == convOutputExtent(in.height, kernel, stride, padding));
    assert(gradOut.width == convOutputExtent(in.width, kernel, stride, padding));
    const int h = in.height, w = in.width;
    const bool fast = isShuffleNetWindow(kernel, stride, padding);
#pragma omp parallel for schedule(static) if (in.channels * gradOut.planeSize() > kParallelWork)
    for (int c = 0; c < in.channels; ++c) {
        const float* src = in.channel(c);
        const float* grad = gradOut.channel(c);
        float* dst = gradIn.channel(c);
        if (fast) {
            maxPool3x3s2Backward(src, h, w, grad, gradOut.height, gradOut.width, dst);
            continue;
        }
        std::fill(dst, dst + in.planeSize(), 0.0f);
        for (int oy = 0; oy < gradOut.height; ++oy)
            for (int ox = 0; ox < gradOut.width; ++ox)
                dst[windowArgmax(src, h, w, oy * stride - padding, ox * stride - padding,
                                 kernel)] += grad[oy * gradOut.width + ox];
    }
}

void avgPool2dBackward(int kernel, int stride, int padding, ConstFeatureMap gradOut,
                       FeatureMap gradIn) {
    assert(gradIn.channels == gradOut.channels);
    assert(gradOut.height == convOutputExtent(gradIn.height, kernel, stride, padding));
    assert(gradOut.width == convOutputExtent(gradIn.width, kernel, stride, padding));
    const int h = gradIn.height, w = gradIn.width;
    const bool fast = isShuffleNetWindow(kernel, stride, padding);
#pragma omp parallel for schedule(static) if (gradIn.channels * gradOut.planeSize() > kParallelWork)
    for (int c = 0; c < gradIn.channels; ++c) {
        const float* grad = gradOut.channel(c);
        float* dst = gradIn.channel(c);
        if (fast) {
            avgPool3x3s2Backward(grad, gradOut.height, gradOut.width, dst, h, w);
            continue;
        }
        std::fill(dst, dst + gradIn.planeSize(), 0.0f);
        for (int oy = 0; oy < gradOut.height; ++oy)
            for (int ox = 0; ox < gradOut.width; ++ox) {
                const int y0 = oy * stride - padding, x0 = ox * stride - padding;
                // The forward's count_include_pad divisor: the window clipped to the padded
                // input.
                const int divisor = (std::min(y0 + kernel, h + padding) - y0) *
                                    (std::min(x0 + kernel, w + padding) - x0);
                const float share = grad[oy * gradOut.width + ox] / float(divisor);
                for (int y = std::max(y0, 0); y < std::min(y0 + kernel, h); ++y)
                    for (int x = std::max(x0, 0); x < std::min(x0 + kernel, w); ++x)
                        dst[y * w + x] += share;
            }
    }
}

void globalAvgPoolBackward(const float* gradOut, FeatureMap gradIn) {
    const int64_t pixels = gradIn.planeSize();
    for (int c = 0; c < gradIn.channels; ++c)
        std::fill(gradIn.channel(c), gradIn.channel(c) + pixels, gradOut[c] / float(pixels));
}

}  // namespace shufflescope::ops
