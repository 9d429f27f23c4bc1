#include "shufflescope/ops/convolution.h"

#include <Eigen/Core>

#include <cassert>
#include "eigen_maps.h"

namespace shufflescope::ops {

int convOutputExtent(int extent, int kernel, int stride, int padding) {
    return (extent + 2 * padding - kernel) / stride + 1;
}

long long conv2dScratchSize(int inChannels, int groups, int kernel, int outHeight, int outWidth) {
    return 1LL * (inChannels / groups) * kernel * kernel * outHeight * outWidth;
}

void conv2d(ConstFeatureMap in, const float* weight, const float* bias, int groups, int kernel,
            int stride, int padding, FeatureMap out, float* scratch) {
    assert(in.channels % groups == 0 && out.channels % groups == 0);
    assert(out.height == convOutputExtent(in.height, kernel, stride, padding));
    assert(out.width == convOutputExtent(in.width, kernel, stride, padding));
    const int cinG = in.channels / groups, coutG = out.channels / groups;
    const int rows = cinG * kernel * kernel;
    const int64_t pixels = out.planeSize();

    for (int g = 0; g < groups; ++g) {
        // im2col: row (ci, ky, kx) holds, for every output pixel, the input value under that tap.
#pragma omp parallel for schedule(static) if (rows * pixels > 32768)
        for (int r = 0; r < rows; ++r) {
            const int ci = g * cinG + r / (kernel * kernel);
            const int ky = (r / kernel) % kernel, kx = r % kernel;
            const float* plane = in.channel(ci);
            float* dst = scratch + int64_t(r) * pixels;
            for (int oy = 0; oy < out.height; ++oy) {
                const int iy = oy * stride - padding + ky;
                for (int ox = 0; ox < out.width; ++ox) {
                    const int ix = ox * stride - padding + kx;
                    const bool inside = iy >= 0 && iy < in.height && ix >= 0 && ix < in.width;
                    *dst++ = inside ? plane[iy * in.width + ix] : 0.0f;
                }
            }
        }
        Eigen::Map<const RowMatrix> w(weight + int64_t(g) * coutG * rows, coutG, rows);
        Eigen::Map<const RowMatrix> columns(scratch, rows, pixels);
        Eigen::Map<RowMatrix> result(out.channel(g * coutG), coutG, pixels);
        result.noalias() = w * columns;
    }
    if (bias)
        for (int c = 0; c < out.channels; ++c) {
            float* plane = out.channel(c);
            for (int64_t p = 0; p < pixels; ++p) plane[p] += bias[c];
        }
}

}  // namespace shufflescope::ops
