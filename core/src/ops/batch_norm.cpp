#include "shufflescope/ops/batch_norm.h"

#include <cmath>

namespace shufflescope::ops {

void batchNormAffine(int channels, const float* gamma, const float* beta, const float* mean,
                     const float* var, float* scale, float* shift, float eps) {
    for (int c = 0; c < channels; ++c) {
        scale[c] = gamma[c] / std::sqrt(var[c] + eps);
        shift[c] = beta[c] - mean[c] * scale[c];
    }
}

void batchNorm(ConstFeatureMap in, const float* gamma, const float* beta, const float* mean,
               const float* var, FeatureMap out, float eps) {
    const int64_t pixels = in.planeSize();
#pragma omp parallel for schedule(static) if (in.channels * pixels > 65536)
    for (int c = 0; c < in.channels; ++c) {
        // Same order of operations as PyTorch's CPU kernel: (x - mean) * invstd * gamma + beta.
        const float invstd = 1.0f / std::sqrt(var[c] + eps);
        const float a = invstd * gamma[c];
        const float m = mean[c], b = beta[c];
        const float* src = in.channel(c);
        float* dst = out.channel(c);
        for (int64_t p = 0; p < pixels; ++p) dst[p] = (src[p] - m) * a + b;
    }
}

}  // namespace shufflescope::ops
