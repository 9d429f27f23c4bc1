// The fast path's packed 1x1 convolution (packed_pointwise.h) against the loops-only reference,
// for every instruction set this CPU runs (portable, AVX2, AVX-512: each its own kernel), on one
// and two threads: shapes whose pixels and channels do not fill the register tiles, every group
// count, each ShuffleNet layer's real shape, and the epilogue (bias, residual, ReLU).

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/base/instruction_set.h"
#include "shufflescope/base/threading.h"
#include "shufflescope/ops/packed_conv3x3.h"
#include "shufflescope/ops/packed_pointwise.h"
#include "support/feature_maps.h"
#include "support/kernel_variants.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

namespace {

struct Shape {
    int cin, cout, groups, h, w;
};

// out = act(conv + bias (+ residual)) by the reference's loops.
std::vector<float> expectedOutput(const Shape& s, const std::vector<float>& in,
                                  const std::vector<float>& weight, const std::vector<float>& bias,
                                  const std::vector<float>* residual, bool relu) {
    int oh, ow;
    auto out = naive::conv2d(in, s.cin, s.h, s.w, weight, bias, s.cout, s.groups, 1, 1, 0, oh, ow);
    if (residual) out = naive::add(out, *residual);
    return relu ? naive::relu(out) : out;
}

void checkShape(const Shape& s, InstructionSet set, bool withBias, bool withResidual, bool relu) {
    CAPTURE(s.cin, s.cout, s.groups, s.h, s.w, instructionSetName(set), withBias, withResidual,
            relu, threadCount());
    const auto in = randomValues(std::size_t(s.cin * s.h * s.w), 11);
    const auto weight = randomValues(std::size_t(s.cout * s.cin / s.groups), 12);
    const auto bias = withBias ? randomValues(std::size_t(s.cout), 13) : std::vector<float>{};
    const auto residual = randomValues(std::size_t(s.cout * s.h * s.w), 14);
    const auto expected =
        expectedOutput(s, in, weight, bias, withResidual ? &residual : nullptr, relu);
    const ops::PackedPointwiseConv conv(weight.data(), withBias ? bias.data() : nullptr, s.cin,
                                        s.cout, s.groups, set);
    REQUIRE(conv.instructionSet() == set);
    std::vector<float> out(expected.size(), NAN);
    conv.run(mapOf(in, s.cin, s.h, s.w), mapOf(out, s.cout, s.h, s.w), relu,
             withResidual ? residual.data() : nullptr);
    REQUIRE_CLOSE(out, expected);
}

}  // namespace

TEST_CASE("packed pointwise convolution matches the naive one in every instruction set", "[ops]") {
    // Pixel counts around the tile widths (portable 8, AVX2 24, AVX-512 48: 1, 7, 8, 9, 23..25,
    // 47..49, 97) and channel counts around the panel heights (4 and 8), groups 1..8.
    const std::vector<Shape> shapes = {{1, 1, 1, 1, 1},   {3, 5, 1, 7, 1},    {24, 60, 1, 3, 3},
                                       {6, 9, 3, 1, 23},  {8, 8, 8, 5, 5},    {16, 36, 2, 7, 7},
                                       {40, 84, 4, 6, 8}, {56, 112, 7, 3, 5}, {48, 96, 8, 1, 47},
                                       {30, 60, 5, 7, 7}, {36, 78, 6, 1, 49}, {12, 28, 4, 97, 1},
                                       {20, 44, 2, 9, 9}, {9, 17, 1, 1, 25},  {64, 128, 4, 4, 12}};
    forEachKernelVariant([&](InstructionSet set, int) {
        for (const Shape& s : shapes)
            for (int variant = 0; variant < 4; ++variant)
                checkShape(s, set, variant & 1, variant & 2, variant != 0);
    });
}

TEST_CASE("packed pointwise convolution matches at every ShuffleNet layer's shape", "[ops]") {
    // ImageNet 1x g = 3 and g = 8: each stage's 1x1 convolutions at their resolution (Stage 2's
    // first is dense, on 56 x 56), the main branch of a stride-2 unit (out = stage width - in).
    const std::vector<Shape> shapes = {
        {24, 60, 1, 56, 56},   {60, 216, 3, 28, 28},  {240, 60, 3, 28, 28},  {60, 240, 3, 28, 28},
        {240, 120, 3, 28, 28}, {120, 240, 3, 14, 14}, {480, 120, 3, 14, 14}, {120, 480, 3, 14, 14},
        {960, 240, 3, 7, 7},   {240, 960, 3, 7, 7},   {384, 96, 8, 28, 28},  {96, 360, 8, 28, 28},
        {1536, 384, 8, 7, 7},  {384, 1536, 8, 7, 7}};
    forEachKernelVariant([&](InstructionSet set, int) {
        for (const Shape& s : shapes) checkShape(s, set, true, s.cin == s.cout, true);
    });
}

TEST_CASE("the active instruction set is one the CPU supports", "[ops]") {
    const std::vector<InstructionSet> sets = supportedInstructionSets();
    REQUIRE(sets.front() == InstructionSet::Portable);
    REQUIRE(sets.back() == detectedInstructionSet());
    const InstructionSet before = activeInstructionSet();
    // Asking for more than the CPU has gives what it has.
    CHECK(setInstructionSet(InstructionSet::Avx512) == detectedInstructionSet());
    CHECK(setInstructionSet(InstructionSet::Portable) == InstructionSet::Portable);
    CHECK(activeInstructionSet() == InstructionSet::Portable);
    setInstructionSet(before);
    CHECK(instructionSetName(InstructionSet::Avx2) == "avx2");
}

TEST_CASE("packed 3x3 convolution (the stem) matches the naive one in every kernel variant",
          "[ops]") {
    struct Case {
        int cin, cout, h, w, stride;
    };
    // The ImageNet stem (3 -> 24, 224 x 224, stride 2), the small-input stem (stride 1), odd
    // sizes, outputs narrower and wider than a band.
    const std::vector<Case> cases = {{3, 24, 224, 224, 2}, {1, 24, 32, 32, 1}, {3, 5, 7, 9, 2},
                                     {2, 9, 1, 1, 1},      {4, 13, 5, 600, 2}, {3, 24, 37, 3, 1}};
    forEachKernelVariant([&](InstructionSet set, int) {
        for (const Case& c : cases)
            for (bool relu : {false, true}) {
                CAPTURE(c.cin, c.cout, c.h, c.w, c.stride, relu);
                const auto in = randomValues(std::size_t(c.cin * c.h * c.w), 21);
                const auto weight = randomValues(std::size_t(c.cout * c.cin * 9), 22);
                const auto bias = randomValues(std::size_t(c.cout), 23);
                int oh, ow;
                auto expected = naive::conv2d(in, c.cin, c.h, c.w, weight, bias, c.cout, 1, 3,
                                              c.stride, 1, oh, ow);
                if (relu) expected = naive::relu(expected);
                const ops::PackedConv3x3 conv(weight.data(), bias.data(), c.cin, c.cout, c.stride,
                                              set);
                std::vector<float> scratch(
                    std::size_t(ops::PackedConv3x3::scratchSize(c.cin, oh, ow)), NAN);
                std::vector<float> out(expected.size(), NAN);
                conv.run(mapOf(in, c.cin, c.h, c.w), mapOf(out, c.cout, oh, ow), relu,
                         scratch.data());
                REQUIRE_CLOSE(out, expected);
            }
    });
}
