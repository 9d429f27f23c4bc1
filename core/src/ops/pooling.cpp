#include "shufflescope/ops/pooling.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace shufflescope::ops {

void maxPool2d(ConstFeatureMap in, int kernel, int stride, int padding, FeatureMap out) {
    assert(in.channels == out.channels);
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
