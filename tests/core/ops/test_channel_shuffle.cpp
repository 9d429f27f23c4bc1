// The channel shuffle against the paper's reshape -> transpose -> flatten
// (tests/reference/naive_ops.h), for g = 1..8, and the permutation it is read through.

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "support/feature_maps.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

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

TEST_CASE("shuffle destinations invert the permutation: input i*n + j lands at j*g + i", "[ops]") {
    for (const auto& [channels, groups] :
         std::vector<std::pair<int, int>>{{6, 3}, {24, 8}, {240, 3}, {1536, 8}, {7, 1}, {35, 5}}) {
        CAPTURE(channels, groups);
        const std::vector<int> source = ops::channelShufflePermutation(channels, groups);
        const std::vector<int> destination = ops::channelShuffleDestinations(channels, groups);
        const int n = channels / groups;
        for (int c = 0; c < channels; ++c) {
            CAPTURE(c);
            REQUIRE(destination[std::size_t(c)] == (c % n) * groups + c / n);
            REQUIRE(ops::channelShuffleDestination(c, channels, groups) ==
                    destination[std::size_t(c)]);
            REQUIRE(source[std::size_t(destination[std::size_t(c)])] == c);
        }
    }
}
