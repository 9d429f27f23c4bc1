#pragma once
// Backward pass of ReLU (activation.h), elementwise over `count` floats:
//   gradIn[i] = out[i] <= 0 ? 0 : gradOut[i]
// `out` is the forward's OUTPUT: out > 0 exactly where in > 0, and out is NaN where in is, so
// this is PyTorch's threshold_backward on the result (gradient 0 at in == 0, and even where
// gradOut is NaN; passed on where the output is NaN) without keeping the input, which lets the
// forward run in place. gradIn is OVERWRITTEN and may alias gradOut.

#include <cstdint>

namespace shufflescope::ops {

void reluBackward(const float* out, const float* gradOut, float* gradIn, int64_t count);

}  // namespace shufflescope::ops
