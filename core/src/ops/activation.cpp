#include "shufflescope/ops/activation.h"

#include <omp.h>

namespace shufflescope::ops {

namespace {

// Below this many values starting threads costs more than the pass. Called from inside a parallel
// region (the trainer's per-image loop) the pass stays on the calling thread.
constexpr int64_t kParallelCount = 262144;

// Branch-free so that it vectorises (a branch per value mispredicts on half the values). NaN
// passes through, as in PyTorch, and as std::max(v, 0) in the fused batch norm + ReLU.
void reluSpan(const float* in, float* out, int64_t count) {
#pragma omp simd
    for (int64_t i = 0; i < count; ++i) out[i] = in[i] < 0.0f ? 0.0f : in[i];
}

}  // namespace

void relu(const float* in, float* out, int64_t count) {
    if (count <= kParallelCount || omp_in_parallel()) {
        reluSpan(in, out, count);
        return;
    }
#pragma omp parallel
    {
        const int threads = omp_get_num_threads(), t = omp_get_thread_num();
        const int64_t begin = count * t / threads, end = count * (t + 1) / threads;
        reluSpan(in + begin, out + begin, end - begin);
    }
}

}  // namespace shufflescope::ops
