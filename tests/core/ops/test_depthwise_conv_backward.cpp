// The depthwise 3x3 convolution's backward against finite differences (support/gradient_check.h:
// the method, its tolerance, and the conventions every backward test pins).
// (Its calls from parallel threads are tested with the pointwise backward's, in
// test_pointwise_conv_backward.cpp.)

#include <catch2/catch.hpp>

#include <vector>

#include "reference/naive_backward.h"
#include "shufflescope/base/instruction_set.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "shufflescope/ops/depthwise_conv_backward.h"
#include "support/feature_maps.h"
#include "support/gradient_check.h"
#include "support/kernel_variants.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;
using naive64::dot;
using naive64::DVec;
using naive64::toDouble;

TEST_CASE("depthwise 3x3 convolution backward matches finite differences", "[backward]") {
    struct Case {
        int c, h, w, stride;
        std::size_t probes;
    };
    const std::vector<Case> cases = {
        {1, 1, 1, 1, kAllProbes},    {1, 1, 1, 2, kAllProbes},  {3, 2, 2, 1, kAllProbes},
        {3, 2, 3, 2, kAllProbes},    {5, 7, 5, 1, kAllProbes},  {5, 7, 5, 2, kAllProbes},
        {4, 8, 8, 2, kAllProbes},    {6, 9, 13, 2, kAllProbes}, {7, 3, 17, 1, kAllProbes},
        {3, 5, 1, 1, kAllProbes},    {3, 5, 1, 2, kAllProbes},  {2, 1, 6, 2, kAllProbes},
        {2, 2, 9, 2, kAllProbes},    {2, 28, 28, 1, 300},       {2, 28, 28, 2, 300},
        {24, 28, 28, 1, kFewProbes},    // parallel: 24*28*28 > 16384
        {120, 23, 23, 2, kFewProbes}};  // parallel at stride 2: 120*12*12 > 16384
    // Stride 1 runs the instruction set's margined plane kernels: every set, one and two threads.
    forEachKernelVariant([&](InstructionSet set, int threads) {
        for (const Case& c : cases) {
            CAPTURE(c.c, c.h, c.w, c.stride, instructionSetName(set), threads);
            const int oh = (c.h - 1) / c.stride + 1, ow = (c.w - 1) / c.stride + 1;
            const std::vector<float> in = randomValues(count(c.c, c.h, c.w), 111);
            const std::vector<float> weight = randomValues(std::size_t(c.c * 9), 112);
            const std::vector<float> r = randomValues(count(c.c, oh, ow), 113);
            const std::vector<float> start = randomValues(weight.size(), 114);
            std::vector<float> gradIn(in.size(), kNaN), gradWeight = start;
            ops::depthwiseConv3x3Backward(mapOf(in, c.c, c.h, c.w), weight.data(), c.stride,
                                          mapOf(r, c.c, oh, ow), gradIn.data(), gradWeight.data());

            const DVec rd = toDouble(r), xd = toDouble(in), wd = toDouble(weight);
            auto lossOfInput = [&](const DVec& x) {
                return dot(rd, naive64::conv2d(x, c.c, c.h, c.w, wd, c.c, c.c, 3, c.stride, 1));
            };
            auto lossOfWeight = [&](const DVec& wv) {
                return dot(rd, naive64::conv2d(xd, c.c, c.h, c.w, wv, c.c, c.c, 3, c.stride, 1));
            };
            REQUIRE_GRADIENT("dL/din", in, gradIn, lossOfInput, c.probes);
            REQUIRE_GRADIENT("dL/dweight (accumulated)", weight, minus(gradWeight, start),
                             lossOfWeight, c.probes);

            std::vector<float> weightOnly = start;
            ops::depthwiseConv3x3Backward(mapOf(in, c.c, c.h, c.w), weight.data(), c.stride,
                                          mapOf(r, c.c, oh, ow), nullptr, weightOnly.data());
            REQUIRE(weightOnly == gradWeight);
        }
    });
}

TEST_CASE("depthwise backward with a source-channel map is the backward of shuffle then convolve",
          "[backward]") {
    for (int g : {2, 3, 4, 8})
        for (int stride : {1, 2}) {
            const int c = 2 * g, h = 6, w = 7;
            const int oh = (h - 1) / stride + 1, ow = (w - 1) / stride + 1;
            CAPTURE(g, stride);
            const std::vector<float> in = randomValues(count(c, h, w), 121);
            const std::vector<float> weight = randomValues(std::size_t(c * 9), 122);
            const std::vector<float> r = randomValues(count(c, oh, ow), 123);
            const std::vector<int> source = ops::channelShufflePermutation(c, g);
            std::vector<float> gradIn(in.size(), kNaN), gradWeight(weight.size(), 0.0f);
            ops::depthwiseConv3x3Backward(mapOf(in, c, h, w), weight.data(), stride,
                                          mapOf(r, c, oh, ow), gradIn.data(), gradWeight.data(),
                                          source.data());

            const DVec rd = toDouble(r), xd = toDouble(in), wd = toDouble(weight);
            auto lossOfInput = [&](const DVec& x) {
                const DVec shuffled = naive64::channelShuffle(x, c, h * w, g);
                return dot(rd, naive64::conv2d(shuffled, c, h, w, wd, c, c, 3, stride, 1));
            };
            auto lossOfWeight = [&](const DVec& wv) {
                const DVec shuffled = naive64::channelShuffle(xd, c, h * w, g);
                return dot(rd, naive64::conv2d(shuffled, c, h, w, wv, c, c, 3, stride, 1));
            };
            REQUIRE_GRADIENT("dL/din", in, gradIn, lossOfInput, kAllProbes);
            REQUIRE_GRADIENT("dL/dweight", weight, gradWeight, lossOfWeight, kAllProbes);
        }
}
