#pragma once
// ReLU: out = max(0, in), elementwise over `count` floats (in and out may alias).

#include <cstdint>

namespace shufflescope::ops {

void relu(const float* in, float* out, int64_t count);

}  // namespace shufflescope::ops
