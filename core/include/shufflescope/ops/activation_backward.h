#pragma once
// Backward pass of ReLU (activation.h), elementwise over `count` floats:
//   gradIn[i] = out[i] > 0 ? gradOut[i] : 0
// `out` is the forward's OUTPUT: out > 0 exactly where in > 0, so this is PyTorch's
// threshold_backward (gradient 0 at in == 0) without keeping the input, which lets the forward
// run in place. gradIn is OVERWRITTEN and may alias gradOut.

#include <cstdint>

namespace shufflescope::ops {

void reluBackward(const float* out, const float* gradOut, float* gradIn, int64_t count);

}  // namespace shufflescope::ops
