// The channel shuffle's backward against finite differences (support/gradient_check.h: the method,
// its tolerance, and the conventions every backward test pins).

#include <catch2/catch.hpp>

#include <vector>

#include "reference/naive_backward.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "shufflescope/ops/channel_shuffle_backward.h"
#include "support/feature_maps.h"
#include "support/gradient_check.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;
using naive64::dot;
using naive64::DVec;
using naive64::toDouble;

TEST_CASE("channel shuffle backward is the inverse permutation", "[backward]") {
    for (int g = 1; g <= 8; ++g)
        for (int n : {1, 2, 5}) {
            const int c = g * n, h = 2, w = 3;
            CAPTURE(g, n);
            const std::vector<float> in = randomValues(count(c, h, w), 201);
            const std::vector<float> r = randomValues(in.size(), 202);
            std::vector<float> gradIn(in.size(), kNaN);
            ops::channelShuffleBackward(mapOf(r, c, h, w), g, mapOf(gradIn, c, h, w));
            const DVec rd = toDouble(r);
            auto loss = [&](const DVec& x) {
                return dot(rd, naive64::channelShuffle(x, c, h * w, g));
            };
            REQUIRE_GRADIENT("dL/din", in, gradIn, loss, kAllProbes);

            // Undoing the forward exactly.
            std::vector<float> shuffled(in.size()), restored(in.size(), kNaN);
            ops::channelShuffle(mapOf(in, c, h, w), g, mapOf(shuffled, c, h, w));
            ops::channelShuffleBackward(mapOf(shuffled, c, h, w), g, mapOf(restored, c, h, w));
            REQUIRE(restored == in);
        }
}
