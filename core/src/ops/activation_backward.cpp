#include "shufflescope/ops/activation_backward.h"

namespace shufflescope::ops {

void reluBackward(const float* out, const float* gradOut, float* gradIn, int64_t count) {
    // Called per image by the trainer (already parallel over images): one branch-free pass that
    // vectorises, as the forward's. PyTorch's threshold_backward rule, out <= 0 ? 0 : gradOut: a
    // NaN output (from a NaN input) passes its gradient on. gradOut is read on both sides of the
    // select: a load on one side only is a possible trap, which kept GCC from vectorising the loop
    // for the package's baseline (SSE2) — a branch that mispredicts on half the values, 16% of a
    // training step there.
#pragma omp simd
    for (int64_t i = 0; i < count; ++i) {
        const float g = gradOut[i];
        gradIn[i] = out[i] <= 0.0f ? 0.0f : g;
    }
}

}  // namespace shufflescope::ops
