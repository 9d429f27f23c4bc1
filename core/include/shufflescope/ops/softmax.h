#pragma once
// Softmax over `count` logits: out[i] = exp(in[i] - max) / sum_j exp(in[j] - max)
// (max subtracted for stability). in and out may alias.

namespace shufflescope::ops {

void softmax(const float* in, int count, float* out);

}  // namespace shufflescope::ops
