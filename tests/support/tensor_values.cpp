#include "support/tensor_values.h"

#include <algorithm>
#include <random>

namespace testing_support {

std::vector<float> randomValues(std::size_t count, uint32_t seed, float lo, float hi) {
    std::mt19937 engine(seed);
    std::vector<float> v(count);
    for (float& x : v) x = lo + (hi - lo) * float(engine() >> 8) * (1.0f / 16777216.0f);
    return v;
}

shufflescope::Tensor randomTensor(std::vector<int64_t> shape, uint32_t seed, float lo, float hi) {
    shufflescope::Tensor t(std::move(shape));
    const std::vector<float> values = randomValues(std::size_t(t.size()), seed, lo, hi);
    std::copy(values.begin(), values.end(), t.data());
    return t;
}

shufflescope::Tensor randomImages(const shufflescope::ModelConfig& config, int count, uint32_t seed,
                                  float lo, float hi) {
    return randomTensor({count, config.inChannels, config.inputHeight, config.inputWidth}, seed, lo,
                        hi);
}

shufflescope::Tensor tensorOf(const std::vector<float>& values, std::vector<int64_t> shape) {
    shufflescope::Tensor t(std::move(shape));
    std::copy(values.begin(), values.end(), t.data());
    return t;
}

std::vector<float> valuesOf(const shufflescope::Tensor& t) {
    return {t.data(), t.data() + t.size()};
}

}  // namespace testing_support
