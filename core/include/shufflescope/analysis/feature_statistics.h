#pragma once
// Statistics of feature maps and other value arrays, as every view, the CLI's --dump PNGs and
// the lessons show them — computed here once, so the app and the CLI can never disagree about
// the same tensor.
//
// NaN-aware: a NaN (a diverged checkpoint) is counted in nanCount and otherwise skipped, so it
// never poisons a range, a mean or a histogram. Sums are accumulated in double; the standard
// deviation uses Welford's update (no cancellation of sum-of-squares minus squared mean).
// Infinities are ordinary values: they stretch a range, as they should be seen to.

#include <cstdint>
#include <vector>

#include "shufflescope/base/tensor.h"

namespace shufflescope {

// [SECTION] Per-channel statistics of a [C, H, W] map

struct ChannelStatistics {
    float min = 0, max = 0, mean = 0;  // over the channel's non-NaN values; 0 when there are none
    float zeroFraction = 0;            // share of non-NaN values that are exactly 0 (ReLU's clip)
    int64_t nanCount = 0;
};

std::vector<ChannelStatistics> channelStatistics(ConstFeatureMap map);
// Min and max over all channels, mean of the (equal-sized) channels' means and zero fractions,
// NaNs summed: the whole map's statistics.
ChannelStatistics overallStatistics(const std::vector<ChannelStatistics>& channels);

// [SECTION] Which range a channel is coloured over

enum class RangeMode {
    PerChannel,  // each channel stretched over its own min..max: shows every channel's pattern
    Shared,      // one min..max for the whole map: shows which channels are strong
};

// The value range that maps to the colour scale's ends (see colormap.h's colourOf).
struct ValueRange {
    float low = 0, high = 0;
    // t in [0, 1] for values in range; a constant channel (low == high) maps to 0.
    float normalise(float v) const { return high > low ? (v - low) / (high - low) : 0.0f; }
};

ValueRange channelRange(const std::vector<ChannelStatistics>& channels, int channel,
                        RangeMode mode);
// The min..max of a flat array (a vector of logits, a few channels sharing one scale).
ValueRange valueRange(const float* values, long long count);

// [SECTION] Statistics of a flat array of values

struct Histogram {
    double lo = 0, hi = 0;          // range of the non-NaN values; bins split it evenly
    std::vector<long long> counts;  // per bin
    long long total = 0;            // values binned (NaNs are not)
    double binWidth() const { return counts.empty() ? 0 : (hi - lo) / double(counts.size()); }
    long long maxCount() const;
};
// `bins` equal bins over [min, max] of the values (a constant input gets one full bin).
Histogram histogram(const float* values, long long count, int bins);

struct Moments {
    double mean = 0, stddev = 0;  // population standard deviation, over the non-NaN values
};
Moments moments(const float* values, long long count);

// Fraction of the non-NaN values that are exactly zero (what a ReLU produced).
double zeroFraction(const float* values, long long count);

// Indices of the k largest values, largest first (ties: lower index first; NaNs last).
std::vector<int> topIndices(const std::vector<float>& values, int k);

}  // namespace shufflescope
