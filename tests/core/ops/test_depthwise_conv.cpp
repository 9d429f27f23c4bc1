// The depthwise 3x3 convolution against its loops-only reference (tests/reference/naive_ops.h),
// over sweeps of shapes and strides (odd sizes, c = 1, stride 2), and with the channel shuffle
// folded in as a source-channel map; in every kernel variant (instruction set, threads).

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "shufflescope/ops/depthwise_conv.h"
#include "support/feature_maps.h"
#include "support/kernel_variants.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

TEST_CASE("depthwise 3x3 convolution matches the naive convolution with groups = channels",
          "[ops]") {
    struct Case {
        int c, h, w, stride;
    };
    const std::vector<Case> cases = {
        {1, 1, 1, 1},  {1, 1, 1, 2},    {3, 2, 2, 1},   {3, 2, 3, 2},    {5, 7, 5, 1},
        {5, 7, 5, 2},  {4, 8, 8, 2},    {6, 9, 13, 2},  {2, 28, 28, 1},  {2, 28, 28, 2},
        {7, 3, 17, 1}, {60, 14, 14, 2}, {240, 7, 7, 1}, {16, 56, 56, 2}, {3, 1, 40, 1}};
    forEachKernelVariant([&](InstructionSet, int) {
        for (const Case& c : cases)
            for (bool withBias : {false, true}) {
                CAPTURE(c.c, c.h, c.w, c.stride, withBias);
                const auto in = randomValues(std::size_t(c.c * c.h * c.w), 11);
                const auto weight = randomValues(std::size_t(c.c * 9), 12);
                const auto bias =
                    withBias ? randomValues(std::size_t(c.c), 13) : std::vector<float>{};
                int oh, ow;
                const auto expected = naive::conv2d(in, c.c, c.h, c.w, weight, bias, c.c, c.c, 3,
                                                    c.stride, 1, oh, ow);
                std::vector<float> out(expected.size(), NAN);
                ops::depthwiseConv3x3(mapOf(in, c.c, c.h, c.w), weight.data(),
                                      withBias ? bias.data() : nullptr, c.stride,
                                      mapOf(out, c.c, oh, ow));
                REQUIRE_CLOSE(out, expected);
            }
    });
}

TEST_CASE("depthwise convolution with a source-channel map equals shuffle then convolve", "[ops]") {
    const int c = 12, h = 6, w = 7, g = 3;
    const auto in = randomValues(std::size_t(c * h * w), 14);
    const auto weight = randomValues(std::size_t(c * 9), 15);
    const auto shuffled = naive::channelShuffle(in, c, h * w, g);
    forEachKernelVariant([&](InstructionSet, int) {
        for (int stride : {1, 2}) {
            int oh, ow;
            const auto expected =
                naive::conv2d(shuffled, c, h, w, weight, {}, c, c, 3, stride, 1, oh, ow);
            std::vector<float> out(expected.size());
            const auto source = ops::channelShufflePermutation(c, g);
            ops::depthwiseConv3x3(mapOf(in, c, h, w), weight.data(), nullptr, stride,
                                  mapOf(out, c, oh, ow), source.data());
            REQUIRE_CLOSE(out, expected);
        }
    });
}
