#include "shufflescope/ops/pointwise_conv.h"

#include <Eigen/Core>

#include <algorithm>
#include <cassert>
#include "eigen_maps.h"

namespace shufflescope::ops {

namespace {
// Columns (pixels) per task: large enough for an efficient GEMM, small enough that the 2-8 groups
// times the column blocks keep every thread busy on small stages.
constexpr int64_t kColumnBlock = 128;
}  // namespace

void pointwiseConv(ConstFeatureMap in, const float* weight, const float* bias, int groups,
                   FeatureMap out, bool relu, const float* residual) {
    assert(in.height == out.height && in.width == out.width);
    assert(in.channels % groups == 0 && out.channels % groups == 0);
    const int cinG = in.channels / groups, coutG = out.channels / groups;
    const int64_t pixels = in.planeSize();
    const int64_t blocks = (pixels + kColumnBlock - 1) / kColumnBlock;
    const int64_t tasks = groups * blocks;
    const bool parallel = int64_t(cinG) * coutG * pixels * groups > 65536;

#pragma omp parallel for schedule(static) if (parallel)
    for (int64_t task = 0; task < tasks; ++task) {
        const int g = int(task / blocks);
        const int64_t begin = (task % blocks) * kColumnBlock;
        const int64_t count = std::min(kColumnBlock, pixels - begin);
        Eigen::Map<const RowMatrix> w(weight + int64_t(g) * coutG * cinG, coutG, cinG);
        Eigen::Map<const RowMatrix, 0, Stride> x(in.channel(g * cinG) + begin, cinG, count,
                                                 Stride(pixels));
        Eigen::Map<RowMatrix, 0, Stride> y(out.channel(g * coutG) + begin, coutG, count,
                                           Stride(pixels));
        y.noalias() = w * x;
        if (bias || relu || residual)
            for (int o = 0; o < coutG; ++o) {
                const int channel = g * coutG + o;
                const float b = bias ? bias[channel] : 0.0f;
                float* row = &y(o, 0);
                if (residual) {
                    const float* r = residual + channel * pixels + begin;
                    for (int64_t p = 0; p < count; ++p) row[p] += r[p];
                }
                if (relu)
                    for (int64_t p = 0; p < count; ++p) row[p] = std::max(row[p] + b, 0.0f);
                else
                    for (int64_t p = 0; p < count; ++p) row[p] += b;
            }
    }
}

}  // namespace shufflescope::ops
