// Max, average and global average pooling against their definitions (tests/reference/naive_ops.h),
// padding included as PyTorch counts it; ShuffleNet's 3x3/2 windows in every kernel variant.

#include <catch2/catch.hpp>

#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/ops/pooling.h"
#include "support/feature_maps.h"
#include "support/kernel_variants.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

TEST_CASE("max and average pooling match the definitions, padding included as PyTorch", "[ops]") {
    struct Case {
        int c, h, w, kernel, stride, padding;
    };
    const std::vector<Case> cases = {
        {1, 1, 1, 3, 2, 1},   {2, 2, 2, 3, 2, 1}, {3, 7, 7, 3, 2, 1},      {4, 8, 6, 3, 2, 1},
        {2, 56, 56, 3, 2, 1}, {3, 5, 9, 3, 1, 1}, {2, 6, 7, 2, 2, 0},      {5, 3, 5, 3, 2, 1},
        {2, 1, 4, 3, 2, 1},   {6, 4, 1, 3, 2, 1}, {24, 112, 112, 3, 2, 1}, {9, 14, 14, 3, 2, 1},
        {3, 33, 65, 3, 2, 1}};
    forEachKernelVariant([&](InstructionSet, int) {
        for (const Case& c : cases) {
            CAPTURE(c.c, c.h, c.w, c.kernel, c.stride, c.padding);
            const auto in = randomValues(std::size_t(c.c * c.h * c.w), 51, -2, 2);
            int oh, ow;
            const auto expectedMax =
                naive::maxPool(in, c.c, c.h, c.w, c.kernel, c.stride, c.padding, oh, ow);
            std::vector<float> out(expectedMax.size());
            ops::maxPool2d(mapOf(in, c.c, c.h, c.w), c.kernel, c.stride, c.padding,
                           mapOf(out, c.c, oh, ow));
            REQUIRE_CLOSE(out, expectedMax);
            const auto expectedAvg =
                naive::avgPool(in, c.c, c.h, c.w, c.kernel, c.stride, c.padding, oh, ow);
            ops::avgPool2d(mapOf(in, c.c, c.h, c.w), c.kernel, c.stride, c.padding,
                           mapOf(out, c.c, oh, ow));
            REQUIRE_CLOSE(out, expectedAvg);
        }
    });
}

TEST_CASE("the corner of a 3x3/2 average pool divides by 9, counting zero padding", "[ops]") {
    std::vector<float> in(16, 9.0f), out(4);
    ops::avgPool2d(mapOf(in, 1, 4, 4), 3, 2, 1, mapOf(out, 1, 2, 2));
    REQUIRE(out[0] == Approx(4.0f));  // 4 real cells of 9 / 9 cells
    REQUIRE(out[3] == Approx(9.0f));
}

TEST_CASE("global average pool matches the definition", "[ops]") {
    const auto a = randomValues(60, 41, -2, 2);
    std::vector<float> pooled(5);
    ops::globalAvgPool(mapOf(a, 5, 3, 4), pooled.data());
    REQUIRE_CLOSE(pooled, naive::globalAvgPool(a, 5, 12));
}
