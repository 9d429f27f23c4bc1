#include "shufflescope/ops/merge_backward.h"

#include <cassert>
#include <cstring>

namespace shufflescope::ops {

void addFeatureMapsBackward(ConstFeatureMap gradOut, float* gradA, float* gradB) {
    const std::size_t bytes =
        static_cast<std::size_t>(gradOut.channels * gradOut.planeSize()) * sizeof(float);
    if (gradA) std::memcpy(gradA, gradOut.data, bytes);
    if (gradB) std::memcpy(gradB, gradOut.data, bytes);
}

void concatChannelsBackward(ConstFeatureMap gradOut, int channelsA, float* gradA, float* gradB) {
    assert(channelsA >= 0 && channelsA <= gradOut.channels);
    const int64_t aCount = channelsA * gradOut.planeSize();
    const int64_t bCount = (gradOut.channels - channelsA) * gradOut.planeSize();
    if (gradA) std::memcpy(gradA, gradOut.data, std::size_t(aCount) * sizeof(float));
    if (gradB) std::memcpy(gradB, gradOut.data + aCount, std::size_t(bCount) * sizeof(float));
}

}  // namespace shufflescope::ops
