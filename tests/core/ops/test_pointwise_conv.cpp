// The pointwise (1x1, grouped) convolution against its loops-only reference
// (tests/reference/naive_ops.h), over sweeps of shapes and groups: odd sizes, c = 1, groups =
// channels, g = 1..8; and its fused residual + ReLU epilogue.

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/ops/pointwise_conv.h"
#include "support/feature_maps.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

TEST_CASE("pointwise convolution matches the naive grouped convolution", "[ops]") {
    struct Case {
        int cin, cout, groups, h, w;
    };
    const std::vector<Case> cases = {{1, 1, 1, 1, 1},    {3, 5, 1, 7, 5},     {24, 60, 1, 9, 11},
                                     {60, 240, 3, 5, 7}, {8, 8, 8, 4, 3},     {16, 32, 2, 13, 1},
                                     {40, 80, 4, 6, 6},  {56, 112, 7, 3, 5},  {48, 96, 8, 17, 9},
                                     {30, 60, 5, 2, 2},  {36, 72, 6, 11, 13}, {240, 960, 3, 1, 1},
                                     {12, 24, 4, 40, 40}};
    for (const Case& c : cases)
        for (bool withBias : {false, true}) {
            CAPTURE(c.cin, c.cout, c.groups, c.h, c.w, withBias);
            const auto in = randomValues(std::size_t(c.cin * c.h * c.w), 1);
            const auto weight = randomValues(std::size_t(c.cout * c.cin / c.groups), 2);
            const auto bias =
                withBias ? randomValues(std::size_t(c.cout), 3) : std::vector<float>{};
            int oh, ow;
            const auto expected =
                naive::conv2d(in, c.cin, c.h, c.w, weight, bias, c.cout, c.groups, 1, 1, 0, oh, ow);
            std::vector<float> out(expected.size(), NAN);
            ops::pointwiseConv(mapOf(in, c.cin, c.h, c.w), weight.data(),
                               withBias ? bias.data() : nullptr, c.groups,
                               mapOf(out, c.cout, c.h, c.w));
            REQUIRE_CLOSE(out, expected);
        }
}

TEST_CASE("pointwise convolution's fused epilogue adds the residual, then applies ReLU", "[ops]") {
    const int cin = 12, cout = 12, g = 3, h = 5, w = 6;
    const auto in = randomValues(std::size_t(cin * h * w), 4);
    const auto weight = randomValues(std::size_t(cout * cin / g), 5);
    const auto bias = randomValues(std::size_t(cout), 6);
    const auto residual = randomValues(std::size_t(cout * h * w), 7);
    int oh, ow;
    const auto expected = naive::relu(
        naive::add(naive::conv2d(in, cin, h, w, weight, bias, cout, g, 1, 1, 0, oh, ow), residual));
    std::vector<float> out(expected.size());
    ops::pointwiseConv(mapOf(in, cin, h, w), weight.data(), bias.data(), g, mapOf(out, cout, h, w),
                       true, residual.data());
    REQUIRE_CLOSE(out, expected);
}
