#include "shufflescope/ops/pointwise_conv_backward.h"

#include <omp.h>

#include <Eigen/Core>

#include "eigen_maps.h"
#include <algorithm>
#include <cassert>

namespace shufflescope::ops {


namespace {
// The weight gradient reduces over pixels, so its tasks split the output channels instead (each
// task owns its rows of gradWeight: no reduction buffers). The input gradient splits the pixels
// as the forward does.
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
        // Alone (serial, or nested in a trainer's per-image threads), one GEMM per group and
        // pass: splitting would only re-pack the shared operand once per block.
        const bool split = omp_get_num_threads() > 1;
        const int rowBlock = split ? kRowBlock : coutG;
        const int64_t columnBlock = split ? kColumnBlock : pixels;
        const int rowBlocks = (coutG + rowBlock - 1) / rowBlock;
        const int64_t columnBlocks = (pixels + columnBlock - 1) / columnBlock;
        const int64_t weightTasks = int64_t(groups) * rowBlocks;
        const int64_t inputTasks = gradIn ? groups * columnBlocks : 0;
#pragma omp for schedule(static) nowait
        for (int64_t task = 0; task < weightTasks; ++task) {
            const int g = int(task / rowBlocks);
            const int row = int(task % rowBlocks) * rowBlock;
            const int rows = std::min(rowBlock, coutG - row);
            const int channel = g * coutG + row;
            Eigen::Map<const RowMatrix> dy(gradOut.channel(channel), rows, pixels);
            Eigen::Map<const RowMatrix> x(in.channel(g * cinG), cinG, pixels);
            Eigen::Map<RowMatrix> dw(gradWeight + int64_t(channel) * cinG, rows, cinG);
            dw.noalias() += dy * x.transpose();
        }
#pragma omp for schedule(static)
        for (int64_t task = 0; task < inputTasks; ++task) {
            const int g = int(task / columnBlocks);
            const int64_t begin = (task % columnBlocks) * columnBlock;
            const int64_t count = std::min(columnBlock, pixels - begin);
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
