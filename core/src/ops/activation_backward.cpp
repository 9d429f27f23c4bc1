#include "shufflescope/ops/activation_backward.h"

namespace shufflescope::ops {

void reluBackward(const float* out, const float* gradOut, float* gradIn, int64_t count) {
    // The forward relu's threshold: below it, starting threads costs more than the pass.
#pragma omp parallel for simd schedule(static) if (count > 262144)
    for (int64_t i = 0; i < count; ++i) gradIn[i] = out[i] > 0.0f ? gradOut[i] : 0.0f;
}

}  // namespace shufflescope::ops
