#include "shufflescope/ops/convolution_backward.h"

#include <omp.h>

#include <Eigen/Core>

#include <algorithm>
#include <cassert>
#include "eigen_maps.h"
#include "gemm_blocking.h"

#include "shufflescope/ops/convolution.h"

namespace shufflescope::ops {

namespace {

// Task sizes of the two GEMMs (gemm_blocking.h).
constexpr int kRowBlock = 16;
constexpr int64_t kColumnBlock = 256;

// Threshold of the forward's im2col loop, used for every pass here.
constexpr int64_t kParallelWork = 32768;

struct ConvGeometry {
    int kernel, stride, padding;
    int inHeight, inWidth, outHeight, outWidth;
};

// The forward's im2col: row (ci, ky, kx) of `columns` holds, for every output pixel, the input
// value under that tap (0 in the padding). `plane` is input channel ci.
void im2colRow(const float* plane, int ky, int kx, const ConvGeometry& s, float* dst) {
    for (int oy = 0; oy < s.outHeight; ++oy) {
        const int iy = oy * s.stride - s.padding + ky;
        for (int ox = 0; ox < s.outWidth; ++ox) {
            const int ix = ox * s.stride - s.padding + kx;
            const bool inside = iy >= 0 && iy < s.inHeight && ix >= 0 && ix < s.inWidth;
            *dst++ = inside ? plane[iy * s.inWidth + ix] : 0.0f;
        }
    }
}

// col2im, the adjoint of im2colRow: adds every column value back onto the input cell it was read
// from (padding cells drop theirs).
void col2imRow(const float* src, int ky, int kx, const ConvGeometry& s, float* plane) {
    for (int oy = 0; oy < s.outHeight; ++oy) {
        const int iy = oy * s.stride - s.padding + ky;
        if (iy < 0 || iy >= s.inHeight) {
            src += s.outWidth;
            continue;
        }
        float* row = plane + int64_t(iy) * s.inWidth;
        for (int ox = 0; ox < s.outWidth; ++ox, ++src) {
            const int ix = ox * s.stride - s.padding + kx;
            if (ix >= 0 && ix < s.inWidth) row[ix] += *src;
        }
    }
}

}  // namespace

void conv2dBackward(ConstFeatureMap in, const float* weight, int groups, int kernel, int stride,
                    int padding, ConstFeatureMap gradOut, float* gradIn, float* gradWeight,
                    float* scratch) {
    assert(groups >= 1 && in.channels % groups == 0 && gradOut.channels % groups == 0);
    assert(gradOut.height == convOutputExtent(in.height, kernel, stride, padding));
    assert(gradOut.width == convOutputExtent(in.width, kernel, stride, padding));
    const ConvGeometry geometry{.kernel = kernel,
                                .stride = stride,
                                .padding = padding,
                                .inHeight = in.height,
                                .inWidth = in.width,
                                .outHeight = gradOut.height,
                                .outWidth = gradOut.width};
    const int cinG = in.channels / groups, coutG = gradOut.channels / groups;
    const int taps = kernel * kernel;
    const int rows = cinG * taps;
    const int64_t pixels = gradOut.planeSize();
    const bool parallel = rows * pixels > kParallelWork;

    for (int g = 0; g < groups; ++g) {
        const float* dyGroup = gradOut.channel(g * coutG);
        const float* wGroup = weight + int64_t(g) * coutG * rows;
        float* dwGroup = gradWeight + int64_t(g) * coutG * rows;
#pragma omp parallel if (parallel)
        {
            const GemmBlocking blocks(omp_get_num_threads() > 1, coutG, pixels, kRowBlock,
                                      kColumnBlock);
            // gradWeight_g (coutG x rows) += gradOut_g (coutG x pixels) * columns^T.
#pragma omp for schedule(static)
            for (int r = 0; r < rows; ++r)
                im2colRow(in.channel(g * cinG + r / taps), (r / kernel) % kernel, r % kernel,
                          geometry, scratch + int64_t(r) * pixels);
#pragma omp for schedule(static)
            for (int64_t block = 0; block < blocks.rowBlocks; ++block) {
                const int64_t row = blocks.rowBegin(block);
                const int64_t count = blocks.rowCount(block);
                Eigen::Map<const RowMatrix> dy(dyGroup + row * pixels, count, pixels);
                Eigen::Map<const RowMatrix> columns(scratch, rows, pixels);
                Eigen::Map<RowMatrix> dw(dwGroup + int64_t(row) * rows, count, rows);
                dw.noalias() += dy * columns.transpose();
            }
            if (gradIn) {
                // The columns are consumed: reuse the scratch for their gradient
                // W_g^T (rows x coutG) * gradOut_g, then fold it back per input channel (each
                // channel's taps are one task, so no two tasks add into the same plane).
#pragma omp for schedule(static)
                for (int64_t block = 0; block < blocks.columnBlocks; ++block) {
                    const int64_t begin = blocks.columnBegin(block);
                    const int64_t count = blocks.columnCount(block);
                    Eigen::Map<const RowMatrix> w(wGroup, coutG, rows);
                    Eigen::Map<const RowMatrix, 0, Stride> dy(dyGroup + begin, coutG, count,
                                                              Stride(pixels));
                    Eigen::Map<RowMatrix, 0, Stride> dcolumns(scratch + begin, rows, count,
                                                              Stride(pixels));
                    dcolumns.noalias() = w.transpose() * dy;
                }
#pragma omp for schedule(static)
                for (int ci = 0; ci < cinG; ++ci) {
                    float* plane = gradIn + (g * cinG + ci) * in.planeSize();
                    std::fill(plane, plane + in.planeSize(), 0.0f);
                    for (int t = 0; t < taps; ++t)
                        col2imRow(scratch + int64_t(ci * taps + t) * pixels, t / kernel, t % kernel,
                                  geometry, plane);
                }
            }
        }
    }
}

void convBiasBackward(ConstFeatureMap gradOut, float* gradBias) {
    const int64_t pixels = gradOut.planeSize();
    for (int c = 0; c < gradOut.channels; ++c) {
        const float* plane = gradOut.channel(c);
        float sum = 0.0f;
#pragma omp simd reduction(+ : sum)
        for (int64_t p = 0; p < pixels; ++p) sum += plane[p];
        gradBias[c] += sum;
    }
}

}  // namespace shufflescope::ops
