#include "shufflescope/ops/pointwise_conv_backward.h"

#include <omp.h>

#include <Eigen/Core>

#include <algorithm>
#include <cassert>
#include "eigen_maps.h"
#include "gemm_blocking.h"

namespace shufflescope::ops {

namespace {
// Task sizes of the two GEMMs (gemm_blocking.h).
constexpr int kRowBlock = 32;
constexpr int64_t kColumnBlock = 128;
}  // namespace

void pointwiseConvBackward(ConstFeatureMap in, const float* weight, int groups,
                           ConstFeatureMap gradOut, float* gradIn, float* gradWeight) {
    assert(groups >= 1 && in.channels % groups == 0 && gradOut.channels % groups == 0);
    assert(in.height == gradOut.height && in.width == gradOut.width);
    const int cinG = in.channels / groups, coutG = gradOut.channels / groups;
    const int64_t pixels = in.planeSize();
    // The forward's threshold: both passes cost the same MACs as the forward.
    const bool parallel = int64_t(cinG) * coutG * pixels * groups > 65536;

#pragma omp parallel if (parallel)
    {
        const GemmBlocking blocks(omp_get_num_threads() > 1, coutG, pixels, kRowBlock,
                                  kColumnBlock);
        const int64_t weightTasks = groups * blocks.rowBlocks;
        const int64_t inputTasks = gradIn ? groups * blocks.columnBlocks : 0;
#pragma omp for schedule(static) nowait
        for (int64_t task = 0; task < weightTasks; ++task) {
            const int g = int(task / blocks.rowBlocks);
            const int64_t rows = blocks.rowCount(task % blocks.rowBlocks);
            const int64_t channel = g * coutG + blocks.rowBegin(task % blocks.rowBlocks);
            Eigen::Map<const RowMatrix> dy(gradOut.channel(channel), rows, pixels);
            Eigen::Map<const RowMatrix> x(in.channel(g * cinG), cinG, pixels);
            Eigen::Map<RowMatrix> dw(gradWeight + int64_t(channel) * cinG, rows, cinG);
            dw.noalias() += dy * x.transpose();
        }
#pragma omp for schedule(static)
        for (int64_t task = 0; task < inputTasks; ++task) {
            const int g = int(task / blocks.columnBlocks);
            const int64_t begin = blocks.columnBegin(task % blocks.columnBlocks);
            const int64_t count = blocks.columnCount(task % blocks.columnBlocks);
            Eigen::Map<const RowMatrix> w(weight + int64_t(g) * coutG * cinG, coutG, cinG);
            Eigen::Map<const RowMatrix, 0, Stride> dy(gradOut.channel(g * coutG) + begin, coutG,
                                                      count, Stride(pixels));
            Eigen::Map<RowMatrix, 0, Stride> dx(gradIn + g * cinG * pixels + begin, cinG, count,
                                                Stride(pixels));
            dx.noalias() = w.transpose() * dy;
        }
    }
}

}  // namespace shufflescope::ops
