#include "shufflescope/ops/linear.h"

#include <Eigen/Core>

#include <cstdint>

#include "channel_tasks.h"
#include "eigen_maps.h"

namespace shufflescope::ops {

// Blocks of output rows over the work pool, as the per-channel operators split their channels:
// the head's 1000 x 960 reads 3.8 MB of weights, which two threads stream from cache twice as
// fast; a small layer stays one block.
void fullyConnected(const float* in, const float* weight, const float* bias, int inFeatures,
                    int outFeatures, float* out) {
    forChannelBlocks(outFeatures, inFeatures, [&](int first, int end) {
        const int count = end - first;
        Eigen::Map<const RowMatrix> w(weight + int64_t(first) * inFeatures, count, inFeatures);
        Eigen::Map<const Eigen::VectorXf> x(in, inFeatures);
        Eigen::Map<Eigen::VectorXf> y(out + first, count);
        y.noalias() = w * x;
        if (bias) y += Eigen::Map<const Eigen::VectorXf>(bias + first, count);
    });
}

}  // namespace shufflescope::ops
