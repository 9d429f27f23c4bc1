// The depthwise 3x3 convolution against its loops-only reference (tests/reference/naive_ops.h),
// over sweeps of shapes and strides (odd sizes, c = 1, stride 2), and with the channel shuffle
// folded in as a source-channel map; in every kernel variant (instruction set, threads).

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/base/instruction_set.h"
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

namespace {

// `in` ([C, H, W], packed) copied into planes with margins: the storage first filled with garbage,
// then the planes copied in and the margins zeroed, as the fast path lays them out.
struct MarginedCopy {
    AlignedFloats storage;
    ops::MarginedPlanes planes;
    MarginedCopy(const std::vector<float>& in, int c, int h, int w)
        : storage(std::size_t(ops::MarginedPlanes::sizeFor(c, h, w)), 1e6f),
          planes{storage.data() + ops::MarginedPlanes::margin(w), c, h, w,
                 ops::MarginedPlanes::strideFor(h, w)} {
        for (int k = 0; k < c; ++k)
            std::copy_n(in.data() + int64_t(k) * h * w, h * w, planes.channel(k));
        ops::zeroMargins(planes);
    }
    MarginedCopy(const MarginedCopy&) = delete;  // planes points into storage
};

}  // namespace

TEST_CASE("depthwise convolution over planes with zero margins matches the naive convolution",
          "[ops]") {
    struct Case {
        int c, h, w, stride;
    };
    // Stage 2-4's planes at both strides, odd sizes, a single row and a single column.
    const std::vector<Case> cases = {{12, 7, 7, 1},  {12, 14, 14, 1}, {6, 28, 28, 1},
                                     {8, 56, 56, 2}, {5, 1, 9, 1},    {5, 9, 1, 1},
                                     {3, 1, 1, 1},   {7, 13, 6, 2},   {9, 5, 11, 1}};
    forEachKernelVariant([&](InstructionSet, int) {
        for (const Case& k : cases)
            for (bool shuffled : {false, true}) {
                CAPTURE(k.c, k.h, k.w, k.stride, shuffled);
                const auto in = randomValues(std::size_t(k.c * k.h * k.w), 31);
                const auto weight = randomValues(std::size_t(k.c * 9), 32);
                const auto bias = randomValues(std::size_t(k.c), 33);
                const int g = k.c % 3 == 0 ? 3 : 1;
                const auto source = ops::channelShufflePermutation(k.c, g);
                const auto reference = shuffled ? naive::channelShuffle(in, k.c, k.h * k.w, g) : in;
                int oh, ow;
                const auto expected = naive::conv2d(reference, k.c, k.h, k.w, weight, bias, k.c,
                                                    k.c, 3, k.stride, 1, oh, ow);
                const MarginedCopy copy(in, k.c, k.h, k.w);
                const ops::MarginedPlanes& planes = copy.planes;
                const AlignedFloats masks = ops::depthwiseColumnMasks(k.h, k.w);
                std::vector<float> out(expected.size(), NAN);
                ops::depthwiseConv3x3(planes, weight.data(), bias.data(), k.stride,
                                      mapOf(out, k.c, oh, ow), shuffled ? source.data() : nullptr,
                                      masks.data());
                REQUIRE_CLOSE(out, expected);
            }
    });
}

TEST_CASE("an infinite pixel reaches only the outputs whose window covers it", "[ops]") {
    // Over whole planes the kernels read a row's neighbours across the row's end and drop them
    // with the column masks: an infinity there must be dropped, not multiplied by 0 (NaN).
    const int h = 5, w = 6;
    std::vector<float> in(std::size_t(h * w), 0.5f);
    in[std::size_t(1 * w + (w - 1))] = INFINITY;  // row 1's last pixel
    const std::vector<float> weight(9, 1.0f);
    const auto covered = [&](int y, int x) { return std::abs(y - 1) <= 1 && x >= w - 2; };
    const auto check = [&](const std::vector<float>& out) {
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                CAPTURE(y, x);
                const float v = out[std::size_t(y * w + x)];
                REQUIRE((covered(y, x) ? std::isinf(v) : std::isfinite(v)));
            }
    };
    forEachKernelVariant([&](InstructionSet set, int) {
        CAPTURE(instructionSetName(set));
        std::vector<float> out(in.size());
        ops::depthwiseConv3x3(mapOf(in, 1, h, w), weight.data(), nullptr, 1, mapOf(out, 1, h, w));
        check(out);
        const MarginedCopy copy(in, 1, h, w);
        const ops::MarginedPlanes& planes = copy.planes;
        const AlignedFloats masks = ops::depthwiseColumnMasks(h, w);
        std::fill(out.begin(), out.end(), NAN);
        ops::depthwiseConv3x3(planes, weight.data(), nullptr, 1, mapOf(out, 1, h, w), nullptr,
                              masks.data());
        check(out);
    });
}
