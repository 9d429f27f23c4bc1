// ReLU's backward against finite differences (support/gradient_check.h: the method, its tolerance,
// and the conventions every backward test pins).
// Also its edges (0, -0, NaN) as PyTorch's threshold_backward treats them.

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "reference/naive_backward.h"
#include "shufflescope/ops/activation.h"
#include "shufflescope/ops/activation_backward.h"
#include "support/gradient_check.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;
using naive64::dot;
using naive64::DVec;
using naive64::toDouble;

namespace {

// Random values with |x| >= 0.01: ReLU's kink at 0 stays far from x +- h.
std::vector<float> awayFromZero(std::size_t n, uint32_t seed) {
    std::vector<float> v = randomValues(n, seed);
    for (float& x : v) x = x < 0 ? x - 0.01f : x + 0.01f;
    return v;
}

}  // namespace

TEST_CASE("ReLU backward matches finite differences and passes nothing where the input was 0",
          "[backward]") {
    const std::vector<float> x = awayFromZero(999, 171);
    const std::vector<float> r = randomValues(x.size(), 172);
    std::vector<float> out(x.size()), gradIn(x.size(), kNaN);
    ops::relu(x.data(), out.data(), int64_t(x.size()));
    ops::reluBackward(out.data(), r.data(), gradIn.data(), int64_t(x.size()));
    const DVec rd = toDouble(r);
    auto loss = [&](const DVec& v) { return dot(rd, naive64::relu(v)); };
    REQUIRE_GRADIENT("dL/din", x, gradIn, loss, kAllProbes);

    // PyTorch's threshold_backward: the gradient at in == 0 (out == 0) is 0.
    const std::vector<float> kink = {0.0f, -0.0f, -1.0f, 2.0f}, ones(4, 1.0f);
    std::vector<float> kinkOut(4), kinkGrad(4, kNaN);
    ops::relu(kink.data(), kinkOut.data(), 4);
    ops::reluBackward(kinkOut.data(), ones.data(), kinkGrad.data(), 4);
    REQUIRE(kinkGrad == std::vector<float>{0.0f, 0.0f, 0.0f, 1.0f});
    // And at the edges, as threshold_backward(grad, result, 0): a blocked position gives exactly
    // +0 even for a NaN gradient; a NaN output (from a NaN input) passes its gradient on.
    const std::vector<float> edgeIn = {-1.0f, kNaN, 3.0f}, edgeGrad = {kNaN, 2.0f, kNaN};
    std::vector<float> edgeOut(3), edgeGradIn(3);
    ops::relu(edgeIn.data(), edgeOut.data(), 3);
    ops::reluBackward(edgeOut.data(), edgeGrad.data(), edgeGradIn.data(), 3);
    REQUIRE(edgeGradIn[0] == 0.0f);
    REQUIRE_FALSE(std::signbit(edgeGradIn[0]));
    REQUIRE(edgeGradIn[1] == 2.0f);
    REQUIRE(std::isnan(edgeGradIn[2]));

    // In place and past the parallel threshold: the definition, exactly.
    const std::size_t big = 300000;
    const std::vector<float> bigIn = randomValues(big, 173), bigGrad = randomValues(big, 174);
    std::vector<float> bigOut(big), inPlace = bigGrad;
    ops::relu(bigIn.data(), bigOut.data(), int64_t(big));
    ops::reluBackward(bigOut.data(), inPlace.data(), inPlace.data(), int64_t(big));
    for (std::size_t i = 0; i < big; ++i)
        if (inPlace[i] != (bigIn[i] > 0 ? bigGrad[i] : 0.0f)) FAIL("index " << i);
}
