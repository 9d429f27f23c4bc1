// The dense and grouped KxK convolution (the stem's) against its loops-only reference
// (tests/reference/naive_ops.h), over kernels, strides, paddings and groups.

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/ops/convolution.h"
#include "support/feature_maps.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

TEST_CASE("dense and grouped KxK convolution matches the naive convolution", "[ops]") {
    struct Case {
        int cin, cout, groups, h, w, kernel, stride, padding;
    };
    const std::vector<Case> cases = {{1, 1, 1, 1, 1, 3, 1, 1},    {3, 24, 1, 9, 9, 3, 2, 1},
                                     {3, 24, 1, 32, 32, 3, 1, 1}, {1, 12, 1, 7, 5, 3, 2, 1},
                                     {4, 6, 2, 8, 6, 3, 1, 1},    {6, 6, 6, 5, 5, 3, 2, 1},
                                     {5, 7, 1, 6, 7, 1, 1, 0},    {3, 8, 1, 10, 9, 5, 2, 2}};
    for (const Case& c : cases) {
        CAPTURE(c.cin, c.cout, c.groups, c.h, c.w, c.kernel, c.stride, c.padding);
        const auto in = randomValues(std::size_t(c.cin * c.h * c.w), 21);
        const auto weight =
            randomValues(std::size_t(c.cout * c.cin / c.groups * c.kernel * c.kernel), 22);
        const auto bias = randomValues(std::size_t(c.cout), 23);
        int oh, ow;
        const auto expected = naive::conv2d(in, c.cin, c.h, c.w, weight, bias, c.cout, c.groups,
                                            c.kernel, c.stride, c.padding, oh, ow);
        REQUIRE(oh == ops::convOutputExtent(c.h, c.kernel, c.stride, c.padding));
        std::vector<float> out(expected.size(), NAN);
        std::vector<float> scratch(
            std::size_t(ops::conv2dScratchSize(c.cin, c.groups, c.kernel, oh, ow)));
        ops::conv2d(mapOf(in, c.cin, c.h, c.w), weight.data(), bias.data(), c.groups, c.kernel,
                    c.stride, c.padding, mapOf(out, c.cout, oh, ow), scratch.data());
        REQUIRE_CLOSE(out, expected);
    }
}
