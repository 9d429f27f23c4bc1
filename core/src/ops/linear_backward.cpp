#include "shufflescope/ops/linear_backward.h"

#include <omp.h>

#include <Eigen/Core>

#include <algorithm>
#include <cstdint>
#include "eigen_maps.h"

namespace shufflescope::ops {

namespace {
// Tasks own rows of gradWeight (output features) for the weight gradient, and columns (input
// features) for the input gradient: disjoint writes, no reduction buffers.
constexpr int kRowBlock = 64;
constexpr int kColumnBlock = 128;
// Per image the weight gradient is a rank-1 update streaming Out*In floats: worth threads only
// when it is as large as the elementwise passes' threshold (relu's). The batch form is a GEMM.
constexpr int64_t kParallelUpdate = 262144;
constexpr int64_t kParallelGemm = 65536;

int blocks(int extent, int block) {
    return (extent + block - 1) / block;
}
}  // namespace

void fullyConnectedBackward(const float* in, const float* weight, const float* gradOut,
                            int inFeatures, int outFeatures, float* gradIn, float* gradWeight,
                            float* gradBias) {
    Eigen::Map<const RowMatrix> w(weight, outFeatures, inFeatures);
    Eigen::Map<const Eigen::VectorXf> dy(gradOut, outFeatures);
    Eigen::Map<const Eigen::RowVectorXf> x(in, inFeatures);
    Eigen::Map<RowMatrix> dw(gradWeight, outFeatures, inFeatures);
    const int rowTasks = blocks(outFeatures, kRowBlock);
    const int columnTasks = gradIn ? blocks(inFeatures, kColumnBlock) : 0;
#pragma omp parallel if (int64_t(outFeatures) * inFeatures > kParallelUpdate)
    {
#pragma omp for schedule(static) nowait
        for (int task = 0; task < rowTasks; ++task) {
            const int row = task * kRowBlock, count = std::min(kRowBlock, outFeatures - row);
            dw.middleRows(row, count).noalias() += dy.segment(row, count) * x;
        }
#pragma omp for schedule(static)
        for (int task = 0; task < columnTasks; ++task) {
            const int column = task * kColumnBlock;
            const int count = std::min(kColumnBlock, inFeatures - column);
            Eigen::Map<Eigen::VectorXf> dx(gradIn + column, count);
            dx.noalias() = w.middleCols(column, count).transpose() * dy;
        }
    }
    if (gradBias) Eigen::Map<Eigen::VectorXf>(gradBias, outFeatures) += dy;
}

void fullyConnectedBackwardBatch(const float* in, const float* weight, const float* gradOut,
                                 int batch, int inFeatures, int outFeatures, float* gradIn,
                                 float* gradWeight, float* gradBias) {
    Eigen::Map<const RowMatrix> w(weight, outFeatures, inFeatures);
    Eigen::Map<const RowMatrix> dy(gradOut, batch, outFeatures);
    Eigen::Map<const RowMatrix> x(in, batch, inFeatures);
    Eigen::Map<RowMatrix> dw(gradWeight, outFeatures, inFeatures);
#pragma omp parallel if (int64_t(batch) * outFeatures * inFeatures > kParallelGemm)
    {
        // Alone (serial, or nested), one GEMM per pass: blocks would only re-pack operands.
        const bool split = omp_get_num_threads() > 1;
        const int rowBlock = split ? kRowBlock : outFeatures;
        const int columnBlock = split ? kColumnBlock : inFeatures;
        const int rowTasks = blocks(outFeatures, rowBlock);
        const int columnTasks = gradIn ? blocks(inFeatures, columnBlock) : 0;
#pragma omp for schedule(static) nowait
        for (int task = 0; task < rowTasks; ++task) {
            // gradWeight rows (Out block x In) += gradOut^T (Out block x N) * in (N x In).
            const int row = task * rowBlock, count = std::min(rowBlock, outFeatures - row);
            dw.middleRows(row, count).noalias() += dy.middleCols(row, count).transpose() * x;
        }
#pragma omp for schedule(static)
        for (int task = 0; task < columnTasks; ++task) {
            // gradIn columns (N x In block) = gradOut (N x Out) * weight (Out x In block).
            const int column = task * columnBlock;
            const int count = std::min(columnBlock, inFeatures - column);
            Eigen::Map<RowMatrix, 0, Eigen::OuterStride<>> dx(gradIn + column, batch, count,
                                                              Eigen::OuterStride<>(inFeatures));
            dx.noalias() = dy * w.middleCols(column, count);
        }
    }
    if (gradBias) Eigen::Map<Eigen::RowVectorXf>(gradBias, outFeatures) += dy.colwise().sum();
}

}  // namespace shufflescope::ops
