#pragma once
// Double-precision, loops-only forwards of every operator the network trains, for the
// finite-difference gradient checks of the backward passes (tests/core/ops/test_*_backward.cpp,
// through tests/support/gradient_check.h).
// In double, a central difference (L(x+h) - L(x-h))/2h of a scalar loss L = sum(r * f(x)) is
// accurate to ~1e-9 here, so every mismatch it reports is the float backward's. Same definitions
// and layouts as naive_ops.h (one image [C, H, W]), plus batch norm in training mode over a whole
// [N, C, H*W] batch and softmax cross-entropy.

#include <vector>

namespace naive64 {

using DVec = std::vector<double>;

DVec toDouble(const std::vector<float>& v);
double dot(const DVec& a, const DVec& b);

// weight [Cout, Cin/groups, K, K]; output [Cout, Ho, Wo], Ho = (H + 2*padding - K)/stride + 1.
DVec conv2d(const DVec& in, int cin, int h, int w, const DVec& weight, int cout, int groups,
            int kernel, int stride, int padding);

// Training-mode batch norm: statistics of each channel over all N*H*W values, the biased
// variance normalising.
struct BatchNormTrainResult {
    DVec out, mean, biasedVar;
};
BatchNormTrainResult batchNormTrain(const DVec& in, int n, int c, int hw, const DVec& gamma,
                                    const DVec& beta, double eps = 1e-5);

DVec relu(const DVec& in);
DVec maxPool(const DVec& in, int c, int h, int w, int kernel, int stride, int padding);
// count_include_pad=True as PyTorch.
DVec avgPool(const DVec& in, int c, int h, int w, int kernel, int stride, int padding);
// Reshape (g, n, HW) -> transpose -> flatten, as naive::channelShuffle.
DVec channelShuffle(const DVec& in, int c, int hw, int groups);
DVec globalAvgPool(const DVec& in, int c, int hw);
// in [In], weight [Out, In], bias [Out] (may be empty).
DVec fullyConnected(const DVec& in, const DVec& weight, const DVec& bias, int out);
// -log(softmax(logits)[label]), straight from the definition (the logits in the tests are small
// enough not to overflow exp in double).
double softmaxCrossEntropy(const DVec& logits, int label);

}  // namespace naive64
