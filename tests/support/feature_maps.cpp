#include "support/feature_maps.h"

#include "shufflescope/ops/convolution.h"

namespace testing_support {

shufflescope::FeatureMap mapOf(std::vector<float>& v, int c, int h, int w) {
    return {v.data(), c, h, w};
}

shufflescope::ConstFeatureMap mapOf(const std::vector<float>& v, int c, int h, int w) {
    return {v.data(), c, h, w};
}

std::size_t count(int c, int h, int w) {
    return std::size_t(c) * std::size_t(h) * std::size_t(w);
}

int extent(int size, int kernel, int stride, int padding) {
    return shufflescope::ops::convOutputExtent(size, kernel, stride, padding);
}

}  // namespace testing_support
