// The statistics every view, the CLI's PNGs and the lessons show (analysis/feature_statistics.h)
// and the colouring they share (analysis/colormap.h).

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "shufflescope/analysis/colormap.h"
#include "shufflescope/analysis/feature_statistics.h"
#include "support/feature_maps.h"
#include "support/tensor_values.h"

using namespace shufflescope;

using testing_support::kNaN;
using testing_support::mapOf;

TEST_CASE("channel statistics: min, max and mean per channel and overall", "[statistics]") {
    const std::vector<float> mapValues = {1, 2, 3, 6, /* */ -4, -4, -4, -4, /* */ 0, 10, 0, 10};
    const ConstFeatureMap map = mapOf(mapValues, 3, 2, 2);
    const std::vector<ChannelStatistics> stats = channelStatistics(map);
    REQUIRE(stats.size() == 3);
    REQUIRE(stats[0].min == 1);
    REQUIRE(stats[0].max == 6);
    REQUIRE(stats[0].mean == Approx(3));
    REQUIRE(stats[1].min == -4);
    REQUIRE(stats[1].max == -4);
    REQUIRE(stats[2].mean == Approx(5));
    const ChannelStatistics all = overallStatistics(stats);
    REQUIRE(all.min == -4);
    REQUIRE(all.max == 10);
    const ValueRange own = channelRange(stats, 2, RangeMode::PerChannel);
    const ValueRange shared = channelRange(stats, 2, RangeMode::Shared);
    REQUIRE((own.low == 0 && own.high == 10));
    REQUIRE((shared.low == -4 && shared.high == 10));
    REQUIRE(own.normalise(5) == Approx(0.5));
    REQUIRE(ValueRange{3, 3}.normalise(3) == 0.0f);  // a constant channel: the low end
}

TEST_CASE("channel statistics: the share of exact zeros", "[statistics]") {
    const std::vector<float> mapValues = {0, 0, 0, 5, /* */ -1, 2, 3, 4};
    const ConstFeatureMap map = mapOf(mapValues, 2, 2, 2);
    const std::vector<ChannelStatistics> stats = channelStatistics(map);
    CHECK(stats[0].zeroFraction == Approx(0.75));
    CHECK(stats[1].zeroFraction == 0.0f);
    CHECK(overallStatistics(stats).zeroFraction == Approx(0.375));
}

TEST_CASE("value statistics: histogram counts everything, zeros, top-k order", "[statistics]") {
    const std::vector<float> values = {-2, -1, 0, 0, 0, 1, 2, 3};
    const Histogram h = histogram(values.data(), static_cast<long long>(values.size()), 5);
    REQUIRE(h.lo == -2);
    REQUIRE(h.hi == 3);
    long long total = 0;
    for (long long c : h.counts) total += c;
    REQUIRE(total == 8);
    REQUIRE(h.counts == std::vector<long long>{1, 1, 3, 1, 2});  // the maximum joins the last bin
    REQUIRE(zeroFraction(values.data(), 8) == Approx(3.0 / 8));
    const Moments m = moments(values.data(), 8);
    REQUIRE(m.mean == Approx(3.0 / 8));
    REQUIRE(topIndices({0.1f, 0.5f, 0.2f, 0.5f}, 3) == std::vector<int>{1, 3, 2});
    REQUIRE(topIndices({0.1f}, 5) == std::vector<int>{0});
}

TEST_CASE("statistics skip NaNs and count them: a diverged map keeps a usable range",
          "[statistics]") {
    const std::vector<float> mapValues = {kNaN, 1, 3, kNaN, /* */ kNaN, kNaN, kNaN, kNaN};
    const ConstFeatureMap map = mapOf(mapValues, 2, 2, 2);
    const std::vector<ChannelStatistics> stats = channelStatistics(map);
    CHECK(stats[0].min == 1);
    CHECK(stats[0].max == 3);
    CHECK(stats[0].mean == Approx(2));
    CHECK(stats[0].nanCount == 2);
    // All NaN: nothing to measure, zeros rather than NaN or infinities.
    CHECK(stats[1].min == 0);
    CHECK(stats[1].max == 0);
    CHECK(stats[1].mean == 0);
    CHECK(stats[1].nanCount == 4);
    CHECK(overallStatistics(stats).nanCount == 6);

    const std::vector<float> values = {kNaN, -1, 0, 1, kNaN};
    const Histogram h = histogram(values.data(), 5, 2);
    CHECK(h.total == 3);
    CHECK(h.lo == -1);
    CHECK(h.hi == 1);
    CHECK(h.counts == std::vector<long long>{1, 2});
    const Moments m = moments(values.data(), 5);
    CHECK(m.mean == Approx(0));
    CHECK(m.stddev == Approx(std::sqrt(2.0 / 3)));
    CHECK(zeroFraction(values.data(), 5) == Approx(1.0 / 3));
    const ValueRange range = valueRange(values.data(), 5);
    CHECK((range.low == -1 && range.high == 1));
    // NaNs rank last, never between numbers.
    CHECK(topIndices({kNaN, 0.5f, kNaN, 0.7f}, 4) == std::vector<int>{3, 1, 0, 2});
}

TEST_CASE("moments are accurate for values far from zero (no sum-of-squares cancellation)",
          "[statistics]") {
    // 1e8 + {1, 2, 3} as floats are 1e8 + {0, 0, 8}: exact in float, mean 1e8 + 8/3. The
    // sum-of-squares formula loses everything here (1e16 against a variance of ~14).
    const std::vector<float> values = {1e8f + 1, 1e8f + 2, 1e8f + 3};
    const double a = values[0], b = values[1], c = values[2];
    const double mean = (a + b + c) / 3;
    const double variance =
        ((a - mean) * (a - mean) + (b - mean) * (b - mean) + (c - mean) * (c - mean)) / 3;
    const Moments m = moments(values.data(), 3);
    CHECK(m.mean == Approx(mean).epsilon(1e-15));
    CHECK(m.stddev == Approx(std::sqrt(variance)).epsilon(1e-9));
}

TEST_CASE("colourOf: viridis at 256 levels over the range, NaN and constants at the low end",
          "[statistics]") {
    const ValueRange range{-2, 2};
    CHECK(colourOf(-2, range) == viridis(0));
    CHECK(colourOf(2, range) == viridis(1));
    CHECK(colourOf(0, range) == viridis(128 / 255.0f));
    CHECK(colourOf(-5, range) == viridis(0));  // outside the range: clamped
    CHECK(colourOf(9, range) == viridis(1));
    CHECK(colourOf(kNaN, range) == viridis(0));
    CHECK(colourOf(7, ValueRange{7, 7}) == viridis(0));
}
