#pragma once
// Loops-only reference implementations of every operator the network uses, written for
// obviousness, not speed: each output element is computed straight from the definition.
// The engine's operators are tested against these over sweeps of shapes and groups.
// Tensors are NCHW (N = 1 here: [C, H, W] held in std::vector<float>).

#include <vector>

namespace naive {

using Vec = std::vector<float>;

// weight [Cout, Cin/groups, K, K]; bias may be empty.
Vec conv2d(const Vec& in, int cin, int h, int w, const Vec& weight, const Vec& bias, int cout,
           int groups, int kernel, int stride, int padding, int& outH, int& outW);
Vec batchNorm(const Vec& in, int c, int hw, const Vec& gamma, const Vec& beta, const Vec& mean,
              const Vec& var, float eps = 1e-5f);
Vec relu(const Vec& in);
Vec maxPool(const Vec& in, int c, int h, int w, int kernel, int stride, int padding, int& outH,
            int& outW);
// count_include_pad=True as PyTorch.
Vec avgPool(const Vec& in, int c, int h, int w, int kernel, int stride, int padding, int& outH,
            int& outW);
// The paper's shuffle written as the three tensor operations: reshape to (g, n, HW), transpose
// the first two axes, flatten.
Vec channelShuffle(const Vec& in, int c, int hw, int groups);
Vec concat(const Vec& a, const Vec& b);
Vec add(const Vec& a, const Vec& b);
Vec globalAvgPool(const Vec& in, int c, int hw);
Vec fullyConnected(const Vec& in, const Vec& weight, const Vec& bias, int out);
Vec softmax(const Vec& in);

}  // namespace naive
