#include "shufflescope/ops/depthwise_conv_backward.h"

#include <algorithm>
#include <cassert>
#include <vector>

#include "kernels/kernel_table.h"
#include "margined_scratch.h"
#include "shufflescope/base/instruction_set.h"
#include "shufflescope/ops/depthwise_conv.h"

namespace shufflescope::ops {

namespace {

// [SECTION] Stride 2: weight gradient (stride 1 runs over margined planes, below)
// gradWeight[dy*3 + dx] += sum over output pixels of gradOut(oy, ox) * in(oy*S-1+dy, ox*S-1+dx).
// Output pixels whose 9 taps are all inside the input go through blocks of one vector's width of
// columns: down a block's rows, the 9 per-lane accumulators stay in registers, and they are
// reduced once per block. (A dot product per row and tap pays a loop start and a horizontal
// reduction for every ~30 products at ShuffleNet's sizes: it measured 3-4x slower.) The border
// pixels go through a checked loop.
#ifdef __AVX512F__
constexpr int kLanes = 16;
#else
constexpr int kLanes = 8;  // 9 accumulators + loads fit AVX2's 16 registers
#endif

// Interior pixels of rows [firstRow, lastRow] and columns [column, column + count), count <=
// kLanes; Full: count == kLanes, a constant trip count that keeps `acc` in registers.
template <int Stride, bool Full>
void interiorBlock(const float* src, int inWidth, const float* grad, int outWidth, int firstRow,
                   int lastRow, int column, int count, float* sums) {
    const int n = Full ? kLanes : count;
    float acc[9][kLanes] = {};
    for (int oy = firstRow; oy <= lastRow; ++oy) {
        const float* g = grad + int64_t(oy) * outWidth + column;
        const float* r0 = src + int64_t(oy * Stride - 1) * inWidth + (column * Stride - 1);
        const float* r1 = r0 + inWidth;
        const float* r2 = r1 + inWidth;
#pragma omp simd
        for (int i = 0; i < n; ++i) {
            const float gv = g[i];
            const int x = i * Stride;
            acc[0][i] += gv * r0[x];
            acc[1][i] += gv * r0[x + 1];
            acc[2][i] += gv * r0[x + 2];
            acc[3][i] += gv * r1[x];
            acc[4][i] += gv * r1[x + 1];
            acc[5][i] += gv * r1[x + 2];
            acc[6][i] += gv * r2[x];
            acc[7][i] += gv * r2[x + 1];
            acc[8][i] += gv * r2[x + 2];
        }
    }
    for (int t = 0; t < 9; ++t) {
        float sum = 0.0f;
        for (int i = 0; i < n; ++i) sum += acc[t][i];
        sums[t] += sum;
    }
}

template <int Stride>
void accumulateWeightGradient(const float* src, int inHeight, int inWidth, const float* grad,
                              int outHeight, int outWidth, float* gradWeight) {
    float sums[9] = {};
    auto borderPixel = [&](int oy, int ox) {
        const float g = grad[int64_t(oy) * outWidth + ox];
        for (int dy = 0; dy < 3; ++dy) {
            const int iy = oy * Stride - 1 + dy;
            if (iy < 0 || iy >= inHeight) continue;
            for (int dx = 0; dx < 3; ++dx) {
                const int ix = ox * Stride - 1 + dx;
                if (ix >= 0 && ix < inWidth) sums[dy * 3 + dx] += g * src[iy * inWidth + ix];
            }
        }
    };
    // Interior: o*S - 1 >= 0 and o*S + 1 <= extent - 1 (empty when the input is 1 or 2 wide).
    const int firstRow = 1, lastRow = std::min(outHeight - 1, (inHeight - 2) / Stride);
    const int firstColumn = 1, lastColumn = std::min(outWidth - 1, (inWidth - 2) / Stride);
    const bool interior = firstRow <= lastRow && firstColumn <= lastColumn;
    for (int oy = 0; oy < outHeight; ++oy) {
        if (!interior || oy < firstRow || oy > lastRow) {
            for (int ox = 0; ox < outWidth; ++ox) borderPixel(oy, ox);
            continue;
        }
        for (int ox = 0; ox < firstColumn; ++ox) borderPixel(oy, ox);
        for (int ox = lastColumn + 1; ox < outWidth; ++ox) borderPixel(oy, ox);
    }
    if (interior) {
        int column = firstColumn;
        for (; column + kLanes - 1 <= lastColumn; column += kLanes)
            interiorBlock<Stride, true>(src, inWidth, grad, outWidth, firstRow, lastRow, column,
                                        kLanes, sums);
        if (column <= lastColumn)
            interiorBlock<Stride, false>(src, inWidth, grad, outWidth, firstRow, lastRow, column,
                                         lastColumn + 1 - column, sums);
    }
    for (int t = 0; t < 9; ++t) gradWeight[t] += sums[t];
}

// [SECTION] Stride 2: input gradient
// Written as a gather, so that every input cell is computed once (no zeroing, no scattered
// read-modify-write): gradIn(iy, ix) = sum over taps (dy, dx) of k[dy*3+dx] * gradOut(oy, ox)
// for the (oy, ox) with oy*S - 1 + dy = iy, ox*S - 1 + dx = ix.

// Stride 2: an even input column 2m is only under tap dx = 1 of output column m; an odd column
// 2m+1 under dx = 2 of column m and dx = 0 of column m+1 (when it exists). Rows alike: `a` and
// `b` are the (at most two) gradOut rows over this input row with their kernel rows; a missing
// `b` is `a` with zero weights.
void inputGradientRowStride2(const float* a, const float* ka, const float* b, const float* kb,
                             int width, int outWidth, float* dst) {
    const int even = (width + 1) / 2, odd = width / 2;
    for (int m = 0; m < even; ++m) dst[2 * m] = a[m] * ka[1] + b[m] * kb[1];
    const int both = std::min(odd, outWidth - 1);  // odd columns with a right neighbour
    for (int m = 0; m < both; ++m)
        dst[2 * m + 1] = a[m] * ka[2] + b[m] * kb[2] + a[m + 1] * ka[0] + b[m + 1] * kb[0];
    for (int m = both; m < odd; ++m) dst[2 * m + 1] = a[m] * ka[2] + b[m] * kb[2];
}

void inputGradientStride2(const float* grad, const float* k, int height, int width, int outHeight,
                          int outWidth, float* dst) {
    static constexpr float kZeros[3] = {0.0f, 0.0f, 0.0f};
    for (int iy = 0; iy < height; ++iy) {
        const float *a, *ka, *b, *kb;
        if (iy % 2 == 0) {  // only tap row dy = 1 of output row iy/2
            a = b = grad + int64_t(iy / 2) * outWidth;
            ka = k + 3;
            kb = kZeros;
        } else {  // tap row 2 of output row (iy-1)/2 and tap row 0 of row (iy+1)/2
            a = grad + int64_t(iy / 2) * outWidth;
            ka = k + 6;
            const bool below = (iy + 1) / 2 < outHeight;
            b = below ? grad + int64_t((iy + 1) / 2) * outWidth : a;
            kb = below ? k : kZeros;
        }
        inputGradientRowStride2(a, ka, b, kb, width, outWidth, dst + int64_t(iy) * width);
    }
}

// [SECTION] Stride 1 over margined planes
// Each plane is copied into a buffer with the fast path's margins (margined_scratch.h): the input
// gradient is then the margined forward kernel over gradOut with the kernel turned 180 degrees,
// and the weight gradient one vector loop over the plane — no border pixels to take apart, which
// at 8 x 8 are almost half of them.
void backwardStride1(const kernels::KernelTable& kernels, const float* src, const float* grad,
                     const float* k, int h, int w, float* gradIn, float* gradWeight) {
    MarginedScratch& scratch = MarginedScratch::forThisThread(h, w);
    kernels.depthwiseWeightGradientMargined(scratch.input(src), grad, h, w, scratch.left(),
                                            scratch.right(), gradWeight);
    if (!gradIn) return;
    float rotated[9];
    for (int t = 0; t < 9; ++t) rotated[t] = k[8 - t];
    kernels.depthwiseMargined(scratch.gradient(grad), h, w, rotated, 0.0f, gradIn, scratch.left(),
                              scratch.right());
}

}  // namespace

void depthwiseConv3x3Backward(ConstFeatureMap in, const float* weight, int stride,
                              ConstFeatureMap gradOut, float* gradIn, float* gradWeight,
                              const int* sourceChannel) {
    assert(stride == 1 || stride == 2);
    assert(in.channels == gradOut.channels);
    assert(gradOut.height == (in.height - 1) / stride + 1);
    assert(gradOut.width == (in.width - 1) / stride + 1);
    const bool parallel = int64_t(gradOut.channels) * gradOut.planeSize() > 16384;
    const kernels::KernelTable& kernels = kernels::kernelTable(activeInstructionSet());
#pragma omp parallel for schedule(static) if (parallel)
    for (int c = 0; c < gradOut.channels; ++c) {
        // A permutation: every input channel is written by exactly one task.
        const int source = sourceChannel ? sourceChannel[c] : c;
        const float* src = in.channel(source);
        const float* grad = gradOut.channel(c);
        const float* k = weight + 9 * c;
        if (stride == 1) {
            backwardStride1(kernels, src, grad, k, in.height, in.width,
                            gradIn ? gradIn + source * in.planeSize() : nullptr,
                            gradWeight + 9 * c);
        } else {
            accumulateWeightGradient<2>(src, in.height, in.width, grad, gradOut.height,
                                        gradOut.width, gradWeight + 9 * c);
            if (gradIn)
                inputGradientStride2(grad, k, in.height, in.width, gradOut.height, gradOut.width,
                                     gradIn + source * in.planeSize());
        }
    }
}

}  // namespace shufflescope::ops
