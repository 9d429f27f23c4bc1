// The dense and grouped KxK convolution's backward, and the bias gradient, against finite
// differences (support/gradient_check.h: the method, its tolerance, and the conventions every
// backward test pins).

#include <catch2/catch.hpp>

#include <vector>

#include "reference/naive_backward.h"
#include "shufflescope/ops/convolution.h"
#include "shufflescope/ops/convolution_backward.h"
#include "support/feature_maps.h"
#include "support/gradient_check.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;
using naive64::dot;
using naive64::DVec;
using naive64::toDouble;

TEST_CASE("dense and grouped KxK convolution backward matches finite differences", "[backward]") {
    struct Case {
        int cin, cout, groups, h, w, kernel, stride, padding;
        std::size_t probes;
    };
    const std::vector<Case> cases = {
        {1, 1, 1, 1, 1, 3, 1, 1, kAllProbes},    {3, 24, 1, 9, 9, 3, 2, 1, kAllProbes},
        {1, 12, 1, 7, 5, 3, 2, 1, kAllProbes},   {4, 6, 2, 8, 6, 3, 1, 1, kAllProbes},
        {6, 6, 6, 5, 5, 3, 2, 1, kAllProbes},    {5, 7, 1, 6, 7, 1, 1, 0, kAllProbes},
        {3, 8, 1, 10, 9, 5, 2, 2, kAllProbes},   {8, 16, 4, 7, 7, 2, 3, 0, kAllProbes},
        {3, 24, 1, 72, 72, 3, 2, 1, kFewProbes},   // the stem's shape class, parallel im2col
        {6, 40, 2, 40, 40, 3, 1, 1, kFewProbes}};  // parallel, grouped, several row blocks
    for (const Case& c : cases) {
        CAPTURE(c.cin, c.cout, c.groups, c.h, c.w, c.kernel, c.stride, c.padding);
        const int oh = extent(c.h, c.kernel, c.stride, c.padding);
        const int ow = extent(c.w, c.kernel, c.stride, c.padding);
        const std::vector<float> in = randomValues(count(c.cin, c.h, c.w), 131);
        const std::vector<float> weight =
            randomValues(std::size_t(c.cout * c.cin / c.groups * c.kernel * c.kernel), 132);
        const std::vector<float> r = randomValues(count(c.cout, oh, ow), 133);
        const std::vector<float> start = randomValues(weight.size(), 134);
        std::vector<float> scratch(
            std::size_t(ops::conv2dScratchSize(c.cin, c.groups, c.kernel, oh, ow)));
        std::vector<float> gradIn(in.size(), kNaN), gradWeight = start;
        ops::conv2dBackward(mapOf(in, c.cin, c.h, c.w), weight.data(), c.groups, c.kernel, c.stride,
                            c.padding, mapOf(r, c.cout, oh, ow), gradIn.data(), gradWeight.data(),
                            scratch.data());

        const DVec rd = toDouble(r), xd = toDouble(in), wd = toDouble(weight);
        auto lossOfInput = [&](const DVec& x) {
            return dot(rd, naive64::conv2d(x, c.cin, c.h, c.w, wd, c.cout, c.groups, c.kernel,
                                           c.stride, c.padding));
        };
        auto lossOfWeight = [&](const DVec& wv) {
            return dot(rd, naive64::conv2d(xd, c.cin, c.h, c.w, wv, c.cout, c.groups, c.kernel,
                                           c.stride, c.padding));
        };
        REQUIRE_GRADIENT("dL/din", in, gradIn, lossOfInput, c.probes);
        REQUIRE_GRADIENT("dL/dweight (accumulated)", weight, minus(gradWeight, start), lossOfWeight,
                         c.probes);

        std::vector<float> weightOnly = start;
        ops::conv2dBackward(mapOf(in, c.cin, c.h, c.w), weight.data(), c.groups, c.kernel, c.stride,
                            c.padding, mapOf(r, c.cout, oh, ow), nullptr, weightOnly.data(),
                            scratch.data());
        REQUIRE(weightOnly == gradWeight);
    }
}

TEST_CASE("a convolution bias's gradient is the sum of its channel's output gradient",
          "[backward]") {
    const int c = 5, h = 3, w = 7;
    const std::vector<float> y = randomValues(count(c, h, w), 141);
    const std::vector<float> bias = randomValues(std::size_t(c), 142);
    const std::vector<float> r = randomValues(y.size(), 143);
    const std::vector<float> start = randomValues(bias.size(), 144);
    std::vector<float> gradBias = start;
    ops::convBiasBackward(mapOf(r, c, h, w), gradBias.data());
    const DVec rd = toDouble(r), yd = toDouble(y);
    auto loss = [&](const DVec& b) {
        DVec out = yd;
        for (std::size_t i = 0; i < out.size(); ++i) out[i] += b[i / std::size_t(h * w)];
        return dot(rd, out);
    };
    REQUIRE_GRADIENT("dL/dbias (accumulated)", bias, minus(gradBias, start), loss, kAllProbes);
}
