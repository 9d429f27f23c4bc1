// The pointwise convolution's backward against finite differences (support/gradient_check.h: the
// method, its tolerance, and the conventions every backward test pins).
// Also: per-image backward calls (pointwise and depthwise) from parallel threads, as a trainer
// makes them.

#include <catch2/catch.hpp>

#include <vector>

#include "reference/naive_backward.h"
#include "shufflescope/ops/depthwise_conv_backward.h"
#include "shufflescope/ops/pointwise_conv_backward.h"
#include "support/feature_maps.h"
#include "support/gradient_check.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;
using naive64::dot;
using naive64::DVec;
using naive64::toDouble;

TEST_CASE("pointwise convolution backward matches finite differences", "[backward]") {
    struct Case {
        int cin, cout, groups, h, w;
        std::size_t probes;
    };
    const std::vector<Case> cases = {
        {1, 1, 1, 1, 1, kAllProbes},       {3, 5, 1, 7, 5, kAllProbes},
        {8, 8, 8, 4, 3, kAllProbes},       {16, 32, 2, 5, 1, kAllProbes},
        {12, 24, 4, 3, 5, kAllProbes},     {30, 60, 5, 2, 2, kAllProbes},
        {36, 72, 6, 3, 3, kAllProbes},     {56, 112, 7, 2, 3, kAllProbes},
        {48, 96, 8, 3, 3, kAllProbes},     {6, 9, 3, 5, 5, kAllProbes},
        {120, 120, 3, 14, 14, kFewProbes},  // parallel: 40*40*196*3 MACs > 65536
        {48, 80, 1, 11, 13, kFewProbes}};   // parallel, several row blocks and column blocks
    for (const Case& c : cases) {
        CAPTURE(c.cin, c.cout, c.groups, c.h, c.w);
        const std::vector<float> in = randomValues(count(c.cin, c.h, c.w), 101);
        const std::vector<float> weight = randomValues(std::size_t(c.cout * c.cin / c.groups), 102);
        const std::vector<float> r = randomValues(count(c.cout, c.h, c.w), 103);
        const std::vector<float> start = randomValues(weight.size(), 104);
        std::vector<float> gradIn(in.size(), kNaN), gradWeight = start;
        ops::pointwiseConvBackward(mapOf(in, c.cin, c.h, c.w), weight.data(), c.groups,
                                   mapOf(r, c.cout, c.h, c.w), gradIn.data(), gradWeight.data());

        const DVec rd = toDouble(r), xd = toDouble(in), wd = toDouble(weight);
        auto lossOfInput = [&](const DVec& x) {
            return dot(rd, naive64::conv2d(x, c.cin, c.h, c.w, wd, c.cout, c.groups, 1, 1, 0));
        };
        auto lossOfWeight = [&](const DVec& wv) {
            return dot(rd, naive64::conv2d(xd, c.cin, c.h, c.w, wv, c.cout, c.groups, 1, 1, 0));
        };
        REQUIRE_GRADIENT("dL/din", in, gradIn, lossOfInput, c.probes);
        REQUIRE_GRADIENT("dL/dweight (accumulated)", weight, minus(gradWeight, start), lossOfWeight,
                         c.probes);

        std::vector<float> weightOnly = start;
        ops::pointwiseConvBackward(mapOf(in, c.cin, c.h, c.w), weight.data(), c.groups,
                                   mapOf(r, c.cout, c.h, c.w), nullptr, weightOnly.data());
        REQUIRE(weightOnly == gradWeight);
    }
}

// [SECTION] Reentrancy

TEST_CASE("per-image backward calls from parallel threads agree with the serial results",
          "[backward]") {
    // How a trainer uses them: one image per thread, weight gradients in per-thread buffers. The
    // operators' own parallel regions then run nested, one thread each, and take one GEMM per
    // group instead of blocks: the same values up to rounding (the blocking changes the GEMM
    // kernels' summation order), and no shared state between the calls.
    const int images = 4, cin = 24, cout = 48, groups = 3, h = 14, w = 14;
    std::vector<std::vector<float>> inputs, grads;
    for (int n = 0; n < images; ++n) {
        inputs.push_back(randomValues(count(cin, h, w), 271 + uint32_t(n)));
        grads.push_back(randomValues(count(cout, h, w), 281 + uint32_t(n)));
    }
    const std::vector<float> weight = randomValues(std::size_t(cout * cin / groups), 291);
    const std::vector<float> dwWeight = randomValues(std::size_t(cout * 9), 292);
    // The depthwise pass reads gradOut's [48, 14, 14] maps as its input: any map of that shape
    // serves.
    auto run = [&](int n, std::vector<float>& gradIn, std::vector<float>& gradWeight,
                   std::vector<float>& dwGradIn, std::vector<float>& dwGradWeight) {
        ops::pointwiseConvBackward(mapOf(inputs[std::size_t(n)], cin, h, w), weight.data(), groups,
                                   mapOf(grads[std::size_t(n)], cout, h, w), gradIn.data(),
                                   gradWeight.data());
        ops::depthwiseConv3x3Backward(mapOf(grads[std::size_t(n)], cout, h, w), dwWeight.data(), 2,
                                      mapOf(grads[std::size_t(n)], cout, 7, 7), dwGradIn.data(),
                                      dwGradWeight.data());
    };
    std::vector<std::vector<float>> serial(4 * images), parallel(4 * images);
    for (auto* results : {&serial, &parallel})
        for (int n = 0; n < images; ++n) {
            (*results)[std::size_t(4 * n)].assign(count(cin, h, w), kNaN);
            (*results)[std::size_t(4 * n + 1)].assign(weight.size(), 0.0f);
            (*results)[std::size_t(4 * n + 2)].assign(count(cout, h, w), kNaN);
            (*results)[std::size_t(4 * n + 3)].assign(dwWeight.size(), 0.0f);
        }
    auto slot = [](std::vector<std::vector<float>>& r, int n, int k) -> std::vector<float>& {
        return r[std::size_t(4 * n + k)];
    };
    for (int n = 0; n < images; ++n)
        run(n, slot(serial, n, 0), slot(serial, n, 1), slot(serial, n, 2), slot(serial, n, 3));
#pragma omp parallel for schedule(static, 1)
    for (int n = 0; n < images; ++n)
        run(n, slot(parallel, n, 0), slot(parallel, n, 1), slot(parallel, n, 2),
            slot(parallel, n, 3));
    for (std::size_t k = 0; k < serial.size(); ++k) {
        CAPTURE(k / 4, k % 4);
        REQUIRE_CLOSE(parallel[k], serial[k]);
    }
}
