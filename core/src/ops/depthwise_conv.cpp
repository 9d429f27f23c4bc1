#include "shufflescope/ops/depthwise_conv.h"

#include <cassert>

namespace shufflescope::ops {

namespace {

// One output row of one channel. `rows` are the three input rows under the kernel (nullptr where
// the row lies in the zero padding). Interior columns need no bounds checks, which lets the
// compiler vectorise the stride-1 loop.
template <int Stride>
void depthwiseRow(const float* const rows[3], const float* k, float bias, int inWidth, int outWidth,
                  float* dst) {
    auto tap = [&](int ox) {
        float sum = bias;
        const int x0 = ox * Stride - 1;
        for (int dy = 0; dy < 3; ++dy) {
            if (!rows[dy]) continue;
            for (int dx = 0; dx < 3; ++dx) {
                const int ix = x0 + dx;
                if (ix >= 0 && ix < inWidth) sum += rows[dy][ix] * k[dy * 3 + dx];
            }
        }
        return sum;
    };
    // Columns whose 3 taps are all inside the row: ox*S - 1 >= 0 and ox*S + 1 <= inWidth - 1.
    const int first = 1;
    int last = (inWidth - 2) / Stride;  // inclusive
    if (last >= outWidth) last = outWidth - 1;
    if (last < first) {
        for (int ox = 0; ox < outWidth; ++ox) dst[ox] = tap(ox);
        return;
    }
    dst[0] = tap(0);
    // A row in the padding contributes nothing: read the middle row with zero weights instead.
    const float* r0 = rows[0] ? rows[0] : rows[1];
    const float* r1 = rows[1];
    const float* r2 = rows[2] ? rows[2] : rows[1];
    const float w0 = rows[0] ? 1.0f : 0.0f, w2 = rows[2] ? 1.0f : 0.0f;
    const float k00 = k[0] * w0, k01 = k[1] * w0, k02 = k[2] * w0;
    const float k10 = k[3], k11 = k[4], k12 = k[5];
    const float k20 = k[6] * w2, k21 = k[7] * w2, k22 = k[8] * w2;
    for (int ox = first; ox <= last; ++ox) {
        const int x = ox * Stride - 1;
        dst[ox] = bias + r0[x] * k00 + r0[x + 1] * k01 + r0[x + 2] * k02 + r1[x] * k10 +
                  r1[x + 1] * k11 + r1[x + 2] * k12 + r2[x] * k20 + r2[x + 1] * k21 +
                  r2[x + 2] * k22;
    }
    for (int ox = last + 1; ox < outWidth; ++ox) dst[ox] = tap(ox);
}

template <int Stride>
void depthwiseChannel(const float* src, int inHeight, int inWidth, const float* k, float bias,
                      float* dst, int outHeight, int outWidth) {
    for (int oy = 0; oy < outHeight; ++oy) {
        const float* rows[3];
        for (int dy = 0; dy < 3; ++dy) {
            const int iy = oy * Stride - 1 + dy;
            rows[dy] = (iy >= 0 && iy < inHeight) ? src + int64_t(iy) * inWidth : nullptr;
        }
        // The middle row always exists (oy*S < inHeight); the fast path relies on that.
        depthwiseRow<Stride>(rows, k, bias, inWidth, outWidth, dst + int64_t(oy) * outWidth);
    }
}

}  // namespace

void depthwiseConv3x3(ConstFeatureMap in, const float* weight, const float* bias, int stride,
                      FeatureMap out, const int* sourceChannel) {
    assert(stride == 1 || stride == 2);
    assert(in.channels == out.channels);
    assert(out.height == (in.height - 1) / stride + 1 && out.width == (in.width - 1) / stride + 1);
    const bool parallel = int64_t(out.channels) * out.planeSize() > 16384;
#pragma omp parallel for schedule(static) if (parallel)
    for (int c = 0; c < out.channels; ++c) {
        const float* src = in.channel(sourceChannel ? sourceChannel[c] : c);
        const float b = bias ? bias[c] : 0.0f;
        if (stride == 1)
            depthwiseChannel<1>(src, in.height, in.width, weight + 9 * c, b, out.channel(c),
                                out.height, out.width);
        else
            depthwiseChannel<2>(src, in.height, in.width, weight + 9 * c, b, out.channel(c),
                                out.height, out.width);
    }
}

}  // namespace shufflescope::ops
