#include "shufflescope/ops/linear.h"

#include <Eigen/Core>

#include "eigen_maps.h"

namespace shufflescope::ops {

void fullyConnected(const float* in, const float* weight, const float* bias, int inFeatures,
                    int outFeatures, float* out) {
    Eigen::Map<const RowMatrix> w(weight, outFeatures, inFeatures);
    Eigen::Map<const Eigen::VectorXf> x(in, inFeatures);
    Eigen::Map<Eigen::VectorXf> y(out, outFeatures);
    y.noalias() = w * x;
    if (bias) y += Eigen::Map<const Eigen::VectorXf>(bias, outFeatures);
}

}  // namespace shufflescope::ops
