// Every operator against its loops-only reference (tests/reference/naive_ops.h), over sweeps of
// shapes, groups and strides: odd sizes, c = 1, groups = channels, stride 2, g = 1..8.

#include <catch2/catch.hpp>

#include "reference/naive_ops.h"
#include "shufflescope/ops/activation.h"
#include "shufflescope/ops/batch_norm.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "shufflescope/ops/convolution.h"
#include "shufflescope/ops/depthwise_conv.h"
#include "shufflescope/ops/linear.h"
#include "shufflescope/ops/merge.h"
#include "shufflescope/ops/pointwise_conv.h"
#include "shufflescope/ops/pooling.h"
#include "shufflescope/ops/softmax.h"
#include "support/tensor_compare.h"

using namespace shufflescope;
using testing_support::compareClose;
using testing_support::randomValues;

namespace {

FeatureMap mapOf(std::vector<float>& v, int c, int h, int w) {
    return {v.data(), c, h, w};
}
ConstFeatureMap mapOf(const std::vector<float>& v, int c, int h, int w) {
    return {v.data(), c, h, w};
}

}  // namespace

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

TEST_CASE("depthwise 3x3 convolution matches the naive convolution with groups = channels",
          "[ops]") {
    struct Case {
        int c, h, w, stride;
    };
    const std::vector<Case> cases = {{1, 1, 1, 1},   {1, 1, 1, 2},  {3, 2, 2, 1},
                                     {3, 2, 3, 2},   {5, 7, 5, 1},  {5, 7, 5, 2},
                                     {4, 8, 8, 2},   {6, 9, 13, 2}, {2, 28, 28, 1},
                                     {2, 28, 28, 2}, {7, 3, 17, 1}, {60, 14, 14, 2}};
    for (const Case& c : cases)
        for (bool withBias : {false, true}) {
            CAPTURE(c.c, c.h, c.w, c.stride, withBias);
            const auto in = randomValues(std::size_t(c.c * c.h * c.w), 11);
            const auto weight = randomValues(std::size_t(c.c * 9), 12);
            const auto bias = withBias ? randomValues(std::size_t(c.c), 13) : std::vector<float>{};
            int oh, ow;
            const auto expected =
                naive::conv2d(in, c.c, c.h, c.w, weight, bias, c.c, c.c, 3, c.stride, 1, oh, ow);
            std::vector<float> out(expected.size(), NAN);
            ops::depthwiseConv3x3(mapOf(in, c.c, c.h, c.w), weight.data(),
                                  withBias ? bias.data() : nullptr, c.stride,
                                  mapOf(out, c.c, oh, ow));
            REQUIRE_CLOSE(out, expected);
        }
}

TEST_CASE("depthwise convolution with a source-channel map equals shuffle then convolve", "[ops]") {
    const int c = 12, h = 6, w = 7, g = 3;
    const auto in = randomValues(std::size_t(c * h * w), 14);
    const auto weight = randomValues(std::size_t(c * 9), 15);
    const auto shuffled = naive::channelShuffle(in, c, h * w, g);
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
}

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

TEST_CASE("batch norm (inference) matches the definition", "[ops]") {
    for (auto [c, hw] : {std::pair{1, 1}, {5, 7}, {24, 49}}) {
        CAPTURE(c, hw);
        const auto in = randomValues(std::size_t(c * hw), 31, -3, 3);
        const auto gamma = randomValues(std::size_t(c), 32, 0.5f, 1.5f);
        const auto beta = randomValues(std::size_t(c), 33);
        const auto mean = randomValues(std::size_t(c), 34);
        const auto var = randomValues(std::size_t(c), 35, 0.01f, 2.0f);
        const auto expected = naive::batchNorm(in, c, hw, gamma, beta, mean, var);
        std::vector<float> out(in.size());
        ops::batchNorm(mapOf(in, c, hw, 1), gamma.data(), beta.data(), mean.data(), var.data(),
                       mapOf(out, c, hw, 1));
        REQUIRE_CLOSE(out, expected);

        // The folded form scale*x + shift is the same function.
        std::vector<float> scale(static_cast<std::size_t>(c)), shift(scale.size()),
            folded(in.size());
        ops::batchNormAffine(c, gamma.data(), beta.data(), mean.data(), var.data(), scale.data(),
                             shift.data());
        for (int ch = 0; ch < c; ++ch)
            for (int p = 0; p < hw; ++p) {
                const std::size_t i = std::size_t(ch * hw + p);
                folded[i] = in[i] * scale[std::size_t(ch)] + shift[std::size_t(ch)];
            }
        REQUIRE_CLOSE(folded, expected);
    }
}

TEST_CASE("ReLU, add, concat, global pool, fully connected and softmax match the definitions",
          "[ops]") {
    const auto a = randomValues(60, 41, -2, 2), b = randomValues(36, 42, -2, 2);
    std::vector<float> out(a.size());
    ops::relu(a.data(), out.data(), int64_t(a.size()));
    REQUIRE_CLOSE(out, naive::relu(a));

    const auto a2 = randomValues(60, 43);
    ops::addFeatureMaps(mapOf(a, 5, 3, 4), mapOf(a2, 5, 3, 4), mapOf(out, 5, 3, 4));
    REQUIRE_CLOSE(out, naive::add(a, a2));

    std::vector<float> joined(a.size() + b.size());
    ops::concatChannels(mapOf(a, 5, 3, 4), mapOf(b, 3, 3, 4), mapOf(joined, 8, 3, 4));
    REQUIRE_CLOSE(joined, naive::concat(a, b));

    std::vector<float> pooled(5);
    ops::globalAvgPool(mapOf(a, 5, 3, 4), pooled.data());
    REQUIRE_CLOSE(pooled, naive::globalAvgPool(a, 5, 12));

    for (auto [in, outF] : {std::pair{1, 1}, {60, 10}, {960, 1000}}) {
        CAPTURE(in, outF);
        const auto x = randomValues(std::size_t(in), 44);
        const auto w = randomValues(std::size_t(in * outF), 45);
        const auto bias = randomValues(std::size_t(outF), 46);
        std::vector<float> y(static_cast<std::size_t>(outF));
        ops::fullyConnected(x.data(), w.data(), bias.data(), in, outF, y.data());
        REQUIRE_CLOSE(y, naive::fullyConnected(x, w, bias, outF));
    }

    for (float scale : {1.0f, 100.0f}) {  // large logits must not overflow
        auto logits = randomValues(10, 47, -scale, scale);
        std::vector<float> p(logits.size());
        ops::softmax(logits.data(), int(logits.size()), p.data());
        REQUIRE_CLOSE(p, naive::softmax(logits));
    }
}

TEST_CASE("max and average pooling match the definitions, padding included as PyTorch", "[ops]") {
    struct Case {
        int c, h, w, kernel, stride, padding;
    };
    const std::vector<Case> cases = {{1, 1, 1, 3, 2, 1}, {2, 2, 2, 3, 2, 1},   {3, 7, 7, 3, 2, 1},
                                     {4, 8, 6, 3, 2, 1}, {2, 56, 56, 3, 2, 1}, {3, 5, 9, 3, 1, 1},
                                     {2, 6, 7, 2, 2, 0}};
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
}

TEST_CASE("the corner of a 3x3/2 average pool divides by 9, counting zero padding", "[ops]") {
    std::vector<float> in(16, 9.0f), out(4);
    ops::avgPool2d(mapOf(in, 1, 4, 4), 3, 2, 1, mapOf(out, 1, 2, 2));
    REQUIRE(out[0] == Approx(4.0f));  // 4 real cells of 9 / 9 cells
    REQUIRE(out[3] == Approx(9.0f));
}

TEST_CASE("channel shuffle is the paper's reshape (g, n) -> transpose -> flatten", "[ops]") {
    // 6 channels, g = 3: groups {0,1} {2,3} {4,5} -> one from each group in turn.
    REQUIRE(ops::channelShufflePermutation(6, 3) == std::vector<int>{0, 2, 4, 1, 3, 5});
    REQUIRE(ops::channelShufflePermutation(8, 2) == std::vector<int>{0, 4, 1, 5, 2, 6, 3, 7});
    REQUIRE(ops::channelShufflePermutation(5, 1) == std::vector<int>{0, 1, 2, 3, 4});
    for (int g = 1; g <= 8; ++g)
        for (int n : {1, 2, 5, 30}) {
            const int c = g * n, hw = 6;
            CAPTURE(g, n);
            const auto in = randomValues(std::size_t(c * hw), 61);
            std::vector<float> out(in.size());
            ops::channelShuffle(mapOf(in, c, 2, 3), g, mapOf(out, c, 2, 3));
            REQUIRE_CLOSE(out, naive::channelShuffle(in, c, hw, g));
            // Output channel j*g + i takes input channel i*n + j.
            const auto source = ops::channelShufflePermutation(c, g);
            for (int i = 0; i < g; ++i)
                for (int j = 0; j < n; ++j) REQUIRE(source[std::size_t(j * g + i)] == i * n + j);
        }
}
