#pragma once
// The Eigen types every GEMM-based operator maps its buffers with: CHW planes and PyTorch weight
// layouts are row-major, so matrices are stated RowMajor explicitly (style habit 7).

#include <Eigen/Core>

namespace shufflescope::ops {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Stride = Eigen::OuterStride<>;

}  // namespace shufflescope::ops
