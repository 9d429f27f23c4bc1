#include "shufflescope/ops/linear.h"

#include <Eigen/Core>

#include <algorithm>
#include <cstdint>

#include "eigen_maps.h"
#include "shufflescope/base/threading.h"
#include "shufflescope/base/work_pool.h"

namespace shufflescope::ops {

namespace {

// Below this many weights a second thread costs more than it saves (the head's 1000 x 960
// reads 3.8 MB of weights: two threads stream them from cache twice as fast).
constexpr int64_t kMinParallelWeights = 256 * 1024;

void rows(const float* in, const float* weight, const float* bias, int inFeatures, int first,
          int count, float* out) {
    Eigen::Map<const RowMatrix> w(weight + int64_t(first) * inFeatures, count, inFeatures);
    Eigen::Map<const Eigen::VectorXf> x(in, inFeatures);
    Eigen::Map<Eigen::VectorXf> y(out + first, count);
    y.noalias() = w * x;
    if (bias) y += Eigen::Map<const Eigen::VectorXf>(bias + first, count);
}

}  // namespace

void fullyConnected(const float* in, const float* weight, const float* bias, int inFeatures,
                    int outFeatures, float* out) {
    const int threads = threadCount();
    if (threads <= 1 || int64_t(inFeatures) * outFeatures < kMinParallelWeights) {
        rows(in, weight, bias, inFeatures, 0, outFeatures, out);
        return;
    }
    // Blocks of whole output rows, two per thread.
    const int blocks = std::min(outFeatures, 2 * threads);
    const int per = (outFeatures + blocks - 1) / blocks;
    parallelFor(blocks, [&](int64_t b) {
        const int first = int(b) * per;
        const int count = std::min(per, outFeatures - first);
        if (count > 0) rows(in, weight, bias, inFeatures, first, count, out);
    });
}

}  // namespace shufflescope::ops
