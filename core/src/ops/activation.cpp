#include "shufflescope/ops/activation.h"

#include <algorithm>

namespace shufflescope::ops {

void relu(const float* in, float* out, int64_t count) {
#pragma omp parallel for simd schedule(static) if (count > 262144)
    for (int64_t i = 0; i < count; ++i) out[i] = std::max(in[i], 0.0f);
}

}  // namespace shufflescope::ops
