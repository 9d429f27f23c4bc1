#include "shufflescope/ops/softmax.h"

#include <algorithm>
#include <cmath>

namespace shufflescope::ops {

void softmax(const float* in, int count, float* out) {
    if (count <= 0) return;
    const float peak = *std::max_element(in, in + count);
    double sum = 0.0;
    for (int i = 0; i < count; ++i) {
        out[i] = std::exp(in[i] - peak);
        sum += out[i];
    }
    const float inv = float(1.0 / sum);
    for (int i = 0; i < count; ++i) out[i] *= inv;
}

}  // namespace shufflescope::ops
