#include "shufflescope/ops/merge.h"

#include <cassert>
#include <cstring>

namespace shufflescope::ops {

void addFeatureMaps(ConstFeatureMap a, ConstFeatureMap b, FeatureMap out) {
    assert(a.channels == b.channels && a.planeSize() == b.planeSize());
    const int64_t count = int64_t(a.channels) * a.planeSize();
#pragma omp simd
    for (int64_t i = 0; i < count; ++i) out.data[i] = a.data[i] + b.data[i];
}

void concatChannels(ConstFeatureMap a, ConstFeatureMap b, FeatureMap out) {
    assert(a.planeSize() == b.planeSize() && out.channels == a.channels + b.channels);
    const int64_t aCount = int64_t(a.channels) * a.planeSize();
    const int64_t bCount = int64_t(b.channels) * b.planeSize();
    if (out.data != a.data) std::memmove(out.data, a.data, std::size_t(aCount) * sizeof(float));
    std::memmove(out.data + aCount, b.data, std::size_t(bCount) * sizeof(float));
}

}  // namespace shufflescope::ops
