// The pooling backwards (max, average, global average) against finite differences
// (support/gradient_check.h: the method, its tolerance, and the conventions every backward test
// pins).
// Also: which cell of a tied max-pool window takes the gradient, as PyTorch.

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <tuple>
#include <vector>

#include "reference/naive_backward.h"
#include "shufflescope/ops/pooling_backward.h"
#include "support/feature_maps.h"
#include "support/gradient_check.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;
using naive64::dot;
using naive64::DVec;
using naive64::toDouble;

namespace {

// Distinct values 0.01 apart in random order: no window of a max pool has a tie within x +- h.
std::vector<float> distinctValues(std::size_t n, uint32_t seed) {
    std::vector<float> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = 0.01f * float(i) - 0.005f * float(n);
    std::shuffle(v.begin(), v.end(), std::mt19937(seed));
    return v;
}

}  // namespace

TEST_CASE("max and average pooling backward match finite differences", "[backward]") {
    struct Case {
        int c, h, w, kernel, stride, padding;
        std::size_t probes;
    };
    const std::vector<Case> cases = {
        {1, 1, 1, 3, 2, 1, kAllProbes},
        {2, 2, 2, 3, 2, 1, kAllProbes},
        {3, 7, 7, 3, 2, 1, kAllProbes},
        {4, 8, 6, 3, 2, 1, kAllProbes},
        {3, 5, 9, 3, 1, 1, kAllProbes},
        {2, 6, 7, 2, 2, 0, kAllProbes},
        {2, 9, 8, 3, 3, 0, kAllProbes},
        {24, 56, 56, 3, 2, 1, kFewProbes}};  // the stem pool's shape class, parallel
    for (const Case& c : cases) {
        CAPTURE(c.c, c.h, c.w, c.kernel, c.stride, c.padding);
        const int oh = extent(c.h, c.kernel, c.stride, c.padding);
        const int ow = extent(c.w, c.kernel, c.stride, c.padding);
        const std::vector<float> in = distinctValues(count(c.c, c.h, c.w), 181);
        const std::vector<float> r = randomValues(count(c.c, oh, ow), 182);
        const DVec rd = toDouble(r);

        std::vector<float> gradMax(in.size(), kNaN);
        ops::maxPool2dBackward(mapOf(in, c.c, c.h, c.w), c.kernel, c.stride, c.padding,
                               mapOf(r, c.c, oh, ow), mapOf(gradMax, c.c, c.h, c.w));
        auto maxLoss = [&](const DVec& x) {
            return dot(rd, naive64::maxPool(x, c.c, c.h, c.w, c.kernel, c.stride, c.padding));
        };
        REQUIRE_GRADIENT("max pool dL/din", in, gradMax, maxLoss, c.probes);

        std::vector<float> gradAvg(in.size(), kNaN);
        ops::avgPool2dBackward(c.kernel, c.stride, c.padding, mapOf(r, c.c, oh, ow),
                               mapOf(gradAvg, c.c, c.h, c.w));
        auto avgLoss = [&](const DVec& x) {
            return dot(rd, naive64::avgPool(x, c.c, c.h, c.w, c.kernel, c.stride, c.padding));
        };
        REQUIRE_GRADIENT("average pool dL/din", in, gradAvg, avgLoss, c.probes);
    }
}

TEST_CASE("max pool backward gives a tied window's gradient to its first maximum, as PyTorch",
          "[backward]") {
    // A constant 4x4 map (as after a ReLU that zeroed a region), 3x3/2 pad 1: every window is a
    // tie, and the first cell inside the input (row-major) of each window takes its gradient.
    const std::vector<float> constant(16, 0.0f), grad = {1, 2, 3, 4};
    std::vector<float> gradIn(16, kNaN);
    ops::maxPool2dBackward(mapOf(constant, 1, 4, 4), 3, 2, 1, mapOf(grad, 1, 2, 2),
                           mapOf(gradIn, 1, 4, 4));
    REQUIRE(gradIn == std::vector<float>{1, 2, 0, 0,  //
                                         3, 4, 0, 0,  //
                                         0, 0, 0, 0,  //
                                         0, 0, 0, 0});

    // Three equal maxima, none at the window's start: the first in scan order (index 1) wins.
    const std::vector<float> window = {0.5f, 1, 0.2f, 1, 0.3f, 1, 0, 0, 0.9f}, one = {1};
    std::vector<float> gradWindow(9, kNaN);
    ops::maxPool2dBackward(mapOf(window, 1, 3, 3), 3, 1, 0, mapOf(one, 1, 1, 1),
                           mapOf(gradWindow, 1, 3, 3));
    REQUIRE(gradWindow == std::vector<float>{0, 1, 0, 0, 0, 0, 0, 0, 0});

    // The same rule on the vectorised path (windows of a 3x3/2/1 pool inside the input): in a
    // 5x5 map, output (1, 1) covers rows and columns 1..3; its maxima 1 at (2, 1) and (3, 3) tie.
    std::vector<float> map(25, 0.0f);
    map[2 * 5 + 1] = map[3 * 5 + 3] = 1.0f;
    const std::vector<float> onlyCentre = {0, 0, 0, 0, 1, 0, 0, 0, 0};
    std::vector<float> gradMap(25, kNaN);
    ops::maxPool2dBackward(mapOf(map, 1, 5, 5), 3, 2, 1, mapOf(onlyCentre, 1, 3, 3),
                           mapOf(gradMap, 1, 5, 5));
    std::vector<float> expected(25, 0.0f);
    expected[2 * 5 + 1] = 1.0f;
    REQUIRE(gradMap == expected);

    // A NaN is taken as the maximum (PyTorch: a NaN propagates through the pool), on both paths.
    map[3 * 5 + 2] = kNaN;
    ops::maxPool2dBackward(mapOf(map, 1, 5, 5), 3, 2, 1, mapOf(onlyCentre, 1, 3, 3),
                           mapOf(gradMap, 1, 5, 5));
    std::fill(expected.begin(), expected.end(), 0.0f);
    expected[3 * 5 + 2] = 1.0f;
    REQUIRE(gradMap == expected);
    ops::maxPool2dBackward(mapOf(map, 1, 5, 5), 3, 1, 0, mapOf(onlyCentre, 1, 3, 3),
                           mapOf(gradMap, 1, 5, 5));
    std::fill(expected.begin(), expected.end(), 0.0f);
    expected[3 * 5 + 2] = 1.0f;  // output (1, 1) of the 3x3/1 pool covers rows/columns 1..3
    REQUIRE(gradMap == expected);
}

TEST_CASE("average pool backward divides by 9 at the corner, counting zero padding", "[backward]") {
    const std::vector<float> grad = {9, 0, 0, 0};
    std::vector<float> gradIn(16, kNaN);
    ops::avgPool2dBackward(3, 2, 1, mapOf(grad, 1, 2, 2), mapOf(gradIn, 1, 4, 4));
    // The corner window's 4 cells inside the input get 9/9; its 5 padded cells' shares vanish.
    REQUIRE(gradIn == std::vector<float>{1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
}

TEST_CASE("global average pool backward spreads each channel's gradient evenly", "[backward]") {
    for (auto [c, h, w] : {std::tuple{1, 1, 1}, {5, 3, 4}, {3, 7, 7}}) {
        CAPTURE(c, h, w);
        const std::vector<float> in = randomValues(count(c, h, w), 191);
        const std::vector<float> r = randomValues(std::size_t(c), 192);
        std::vector<float> gradIn(in.size(), kNaN);
        ops::globalAvgPoolBackward(r.data(), mapOf(gradIn, c, h, w));
        const DVec rd = toDouble(r);
        // (c and area copied: clang 14 cannot capture structured bindings, a C++20 feature.)
        auto loss = [&rd, channels = c, area = h * w](const DVec& x) {
            return dot(rd, naive64::globalAvgPool(x, channels, area));
        };
        REQUIRE_GRADIENT("dL/din", in, gradIn, loss, kAllProbes);
    }
}
