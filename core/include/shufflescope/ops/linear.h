#pragma once
// Fully connected layer (PyTorch nn.Linear):
//   in [In], weight [Out, In] row-major, bias [Out] or nullptr -> out [Out]
//   out[o] = sum_i weight[o, i] * in[i] + bias[o]

namespace shufflescope::ops {

void fullyConnected(const float* in, const float* weight, const float* bias, int inFeatures,
                    int outFeatures, float* out);

}  // namespace shufflescope::ops
