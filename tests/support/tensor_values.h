#pragma once
// Values for the tests' tensors: deterministic random values, random Tensors of a shape,
// Tensors made from plain vectors and back, and the NaN that fills buffers an operator must
// overwrite (a cell it misses stays NaN and fails the comparison).

#include <cstdint>
#include <limits>
#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/model/config.h"

namespace testing_support {

inline const float kNaN = std::numeric_limits<float>::quiet_NaN();

// Deterministic values in [lo, hi).
std::vector<float> randomValues(std::size_t count, uint32_t seed, float lo = -1.0f,
                                float hi = 1.0f);

// A Tensor of `shape` holding randomValues(its size, seed, lo, hi) in order.
shufflescope::Tensor randomTensor(std::vector<int64_t> shape, uint32_t seed, float lo = -1.0f,
                                  float hi = 1.0f);

// `count` random images of the configuration's input shape, [count, C, H, W].
shufflescope::Tensor randomImages(const shufflescope::ModelConfig& config, int count, uint32_t seed,
                                  float lo = -1.0f, float hi = 1.0f);

// A Tensor of `shape` holding `values` in order (values.size() must be the shape's size).
shufflescope::Tensor tensorOf(const std::vector<float>& values, std::vector<int64_t> shape);

// A Tensor's values in order.
std::vector<float> valuesOf(const shufflescope::Tensor& t);

}  // namespace testing_support
