// The fast path's per-channel kernels — the depthwise 3x3 convolution, ShuffleNet's 3x3 stride-2
// pools and the stem's im2col — written as plain loops that each kernels_<set>.cpp compiles with
// its own flags, so the compiler vectorises them for that instruction set. Included inside the
// set's namespace; not a header (no include guard on purpose). No std:: function is called here:
// an inline function compiled with one set's flags must not be shared with another's.

namespace {

inline int smaller(int a, int b) {
    return a < b ? a : b;
}
inline float larger(float a, float b) {
    return a > b ? a : b;
}

// One output row of a depthwise 3x3 (padding 1). `rows` are the three input rows under the kernel
// (nullptr in the zero padding). Interior columns need no bounds checks, which lets the compiler
// vectorise the stride-1 loop.
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
    const int last = smaller((inWidth - 2) / Stride, outWidth - 1);  // inclusive
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
void depthwisePlane(const float* src, int inHeight, int inWidth, const float* k, float bias,
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

void depthwise(const float* src, int inHeight, int inWidth, const float* k, float bias, int stride,
               float* dst, int outHeight, int outWidth) {
    if (stride == 1)
        depthwisePlane<1>(src, inHeight, inWidth, k, bias, dst, outHeight, outWidth);
    else
        depthwisePlane<2>(src, inHeight, inWidth, k, bias, dst, outHeight, outWidth);
}

// Depthwise 3x3, stride 1, over a whole plane as one loop: the plane has at least w + 1 zeros
// before and after it (its margins), which stand for the padding rows, and left / right (0 or 1
// per pixel) drop the taps that would wrap to the previous or next row. One long vector loop
// instead of a short one per row: Stage 4's rows are 7 wide, its planes 49.
void depthwiseMargined(const float* src, int h, int w, const float* k, float bias, float* dst,
                       const float* left, const float* right) {
    const int64_t n = int64_t(h) * w;
    const float* up = src - w;
    const float* down = src + w;
    for (int64_t i = 0; i < n; ++i) {
        const float centre = k[1] * up[i] + k[4] * src[i] + k[7] * down[i];
        const float before = k[0] * up[i - 1] + k[3] * src[i - 1] + k[6] * down[i - 1];
        const float after = k[2] * up[i + 1] + k[5] * src[i + 1] + k[8] * down[i + 1];
        // Selected, not multiplied by the 0/1 mask: a wrapped neighbour that is infinite must not
        // make NaN (0 * inf) where the padding has a zero.
        dst[i] =
            bias + centre + (left[i] != 0.0f ? before : 0.0f) + (right[i] != 0.0f ? after : 0.0f);
    }
}

// The weight gradient of depthwiseMargined over one plane: gradWeight[dy*3 + dx] += the sum over
// pixels i of grad[i] * src[i + (dy - 1) * w + dx - 1], with the same margins and masks — a tap
// that would wrap to the previous or next row contributes 0. One vector loop with nine sums.
void depthwiseWeightGradientMargined(const float* src, const float* grad, int h, int w,
                                     const float* left, const float* right, float* gradWeight) {
    const int64_t n = int64_t(h) * w;
    const float* up = src - w;
    const float* down = src + w;
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
#pragma omp simd reduction(+ : s0, s1, s2, s3, s4, s5, s6, s7, s8)
    for (int64_t i = 0; i < n; ++i) {
        // The wrapped neighbours are read, then selected away (as in depthwiseMargined: no 0 *
        // inf), with both sides of each select computed so that it vectorises.
        const bool hasLeft = left[i] != 0.0f, hasRight = right[i] != 0.0f;
        const float upLeft = up[i - 1], srcLeft = src[i - 1], downLeft = down[i - 1];
        const float upRight = up[i + 1], srcRight = src[i + 1], downRight = down[i + 1];
        const float g = grad[i];
        s0 += g * (hasLeft ? upLeft : 0.0f);
        s1 += g * up[i];
        s2 += g * (hasRight ? upRight : 0.0f);
        s3 += g * (hasLeft ? srcLeft : 0.0f);
        s4 += g * src[i];
        s5 += g * (hasRight ? srcRight : 0.0f);
        s6 += g * (hasLeft ? downLeft : 0.0f);
        s7 += g * down[i];
        s8 += g * (hasRight ? downRight : 0.0f);
    }
    gradWeight[0] += s0;
    gradWeight[1] += s1;
    gradWeight[2] += s2;
    gradWeight[3] += s3;
    gradWeight[4] += s4;
    gradWeight[5] += s5;
    gradWeight[6] += s6;
    gradWeight[7] += s7;
    gradWeight[8] += s8;
}

// A 3x3 window, stride 2, padding 1 over one channel: first the three rows under each output row
// are combined column by column (contiguous, vectorised), then each output takes three
// neighbouring columns of that. Average: count_include_pad, as PyTorch's default — the window is
// clipped to the padded input, which with this window, stride and padding is always 9 cells.
template <bool Average>
void pool3x3s2(const float* src, int h, int w, float* dst, int oh, int ow, float* rowScratch) {
    for (int oy = 0; oy < oh; ++oy) {
        const int y0 = 2 * oy - 1;
        const float* mid = src + int64_t(y0 + 1) * w;  // y0 + 1 = 2 * oy < h always
        const float* top = y0 >= 0 ? src + int64_t(y0) * w : mid;
        const float* bottom = y0 + 2 < h ? src + int64_t(y0 + 2) * w : mid;
        if (Average) {
            // A row in the padding adds zeros: count it with weight 0.
            const float t = y0 >= 0 ? 1.0f : 0.0f, b = y0 + 2 < h ? 1.0f : 0.0f;
            for (int x = 0; x < w; ++x) rowScratch[x] = top[x] * t + mid[x] + bottom[x] * b;
        } else {
            // The maximum of a row with itself: a padding row changes nothing.
            for (int x = 0; x < w; ++x) rowScratch[x] = larger(larger(top[x], mid[x]), bottom[x]);
        }
        float* out = dst + int64_t(oy) * ow;
        // Output column ox reads columns 2ox - 1 .. 2ox + 1; the first and possibly the last
        // fall partly in the padding.
        const auto edge = [&](int ox) {
            const int x0 = 2 * ox - 1;
            float acc = rowScratch[x0 + 1];
            if (x0 >= 0) acc = Average ? acc + rowScratch[x0] : larger(acc, rowScratch[x0]);
            if (x0 + 2 < w)
                acc = Average ? acc + rowScratch[x0 + 2] : larger(acc, rowScratch[x0 + 2]);
            return Average ? acc * (1.0f / 9.0f) : acc;
        };
        const int last = smaller((w - 2) / 2, ow - 1);  // inclusive: 2 * ox + 1 <= w - 1
        out[0] = edge(0);
        for (int ox = 1; ox <= last; ++ox) {
            const float* v = rowScratch + 2 * ox - 1;
            out[ox] =
                Average ? (v[0] + v[1] + v[2]) * (1.0f / 9.0f) : larger(larger(v[0], v[1]), v[2]);
        }
        for (int ox = last + 1 > 1 ? last + 1 : 1; ox < ow; ++ox) out[ox] = edge(ox);
    }
}

void maxPool(const float* src, int h, int w, float* dst, int oh, int ow, float* rowScratch) {
    pool3x3s2<false>(src, h, w, dst, oh, ow, rowScratch);
}
void averagePool(const float* src, int h, int w, float* dst, int oh, int ow, float* rowScratch) {
    pool3x3s2<true>(src, h, w, dst, oh, ow, rowScratch);
}

// im2col of a 3x3 convolution with padding 1 for output rows [oyBegin, oyEnd): column row
// (c, ky, kx) holds, for each of those output pixels in order, the input under that tap (0 in the
// padding). cols: [channels * 9][(oyEnd - oyBegin) * ow].
void im2col3x3(const float* in, int channels, int h, int w, int stride, int oyBegin, int oyEnd,
               int ow, float* cols) {
    const int64_t pixels = int64_t(oyEnd - oyBegin) * ow;
    for (int c = 0; c < channels; ++c)
        for (int ky = 0; ky < 3; ++ky)
            for (int kx = 0; kx < 3; ++kx) {
                float* dst = cols + int64_t(c * 9 + ky * 3 + kx) * pixels;
                for (int oy = oyBegin; oy < oyEnd; ++oy, dst += ow) {
                    const int iy = oy * stride - 1 + ky;
                    if (iy < 0 || iy >= h) {
                        for (int ox = 0; ox < ow; ++ox) dst[ox] = 0.0f;
                        continue;
                    }
                    const float* row = in + (int64_t(c) * h + iy) * w;
                    // Columns inside the row: 0 <= ox*S - 1 + kx < w.
                    int first = 0;
                    while (first < ow && first * stride - 1 + kx < 0) ++first;
                    int end = ow;
                    while (end > first && (end - 1) * stride - 1 + kx >= w) --end;
                    for (int ox = 0; ox < first; ++ox) dst[ox] = 0.0f;
                    const float* from = row + first * stride - 1 + kx;
                    for (int ox = first; ox < end; ++ox, from += stride) dst[ox] = *from;
                    for (int ox = end; ox < ow; ++ox) dst[ox] = 0.0f;
                }
            }
}

}  // namespace
