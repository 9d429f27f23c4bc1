#include "shufflescope/ops/linear.h"

#include <Eigen/Core>

namespace shufflescope::ops {

void fullyConnected(const float* in, const float* weight, const float* bias, int inFeatures,
                    int outFeatures, float* out) {
    using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    Eigen::Map<const RowMatrix> w(weight, outFeatures, inFeatures);
    Eigen::Map<const Eigen::VectorXf> x(in, inFeatures);
    Eigen::Map<Eigen::VectorXf> y(out, outFeatures);
    y.noalias() = w * x;
    if (bias) y += Eigen::Map<const Eigen::VectorXf>(bias, outFeatures);
}

}  // namespace shufflescope::ops
