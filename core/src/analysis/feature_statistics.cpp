#include "shufflescope/analysis/feature_statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shufflescope {

namespace {

// One pass over `count` values: everything ChannelStatistics holds.
ChannelStatistics statisticsOf(const float* v, int64_t count) {
    ChannelStatistics s;
    float lo = std::numeric_limits<float>::infinity(), hi = -lo;
    double sum = 0;
    int64_t counted = 0, zeros = 0;
    for (int64_t i = 0; i < count; ++i) {
        if (std::isnan(v[i])) {
            ++s.nanCount;
            continue;
        }
        lo = std::min(lo, v[i]);
        hi = std::max(hi, v[i]);
        sum += v[i];
        zeros += v[i] == 0.0f;
        ++counted;
    }
    if (counted > 0) {
        s.min = lo;
        s.max = hi;
        s.mean = float(sum / double(counted));
        s.zeroFraction = float(double(zeros) / double(counted));
    }
    return s;
}

}  // namespace

std::vector<ChannelStatistics> channelStatistics(ConstFeatureMap map) {
    std::vector<ChannelStatistics> stats(static_cast<std::size_t>(map.channels));
    for (int c = 0; c < map.channels; ++c)
        stats[static_cast<std::size_t>(c)] = statisticsOf(map.channel(c), map.planeSize());
    return stats;
}

ChannelStatistics overallStatistics(const std::vector<ChannelStatistics>& channels) {
    if (channels.empty()) return {};
    ChannelStatistics all = channels.front();
    double sum = 0, zeros = 0;
    all.nanCount = 0;
    for (const ChannelStatistics& s : channels) {
        all.min = std::min(all.min, s.min);
        all.max = std::max(all.max, s.max);
        sum += s.mean;
        zeros += s.zeroFraction;
        all.nanCount += s.nanCount;
    }
    all.mean = float(sum / double(channels.size()));
    all.zeroFraction = float(zeros / double(channels.size()));
    return all;
}

ValueRange channelRange(const std::vector<ChannelStatistics>& channels, int channel,
                        RangeMode mode) {
    if (mode == RangeMode::Shared) {
        const ChannelStatistics all = overallStatistics(channels);
        return {all.min, all.max};
    }
    const ChannelStatistics& s = channels.at(static_cast<std::size_t>(channel));
    return {s.min, s.max};
}

ValueRange valueRange(const float* values, long long count) {
    const ChannelStatistics s = statisticsOf(values, count);
    return {s.min, s.max};
}

long long Histogram::maxCount() const {
    return counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
}

Histogram histogram(const float* values, long long count, int bins) {
    Histogram h;
    h.counts.assign(static_cast<std::size_t>(std::max(bins, 1)), 0);
    const ChannelStatistics range = statisticsOf(values, count);
    if (count - range.nanCount <= 0) return h;
    h.lo = range.min;
    h.hi = range.max;
    h.total = count - range.nanCount;
    const double width = (h.hi - h.lo) / double(h.counts.size());
    for (long long i = 0; i < count; ++i) {
        if (std::isnan(values[i])) continue;
        const int bin = width > 0 ? static_cast<int>((values[i] - h.lo) / width) : 0;
        ++h.counts[static_cast<std::size_t>(
            std::clamp(bin, 0, static_cast<int>(h.counts.size()) - 1))];
    }
    return h;
}

Moments moments(const float* values, long long count) {
    // Welford: the running mean and the sum of squared deviations from it.
    double mean = 0, deviations = 0;
    long long n = 0;
    for (long long i = 0; i < count; ++i) {
        if (std::isnan(values[i])) continue;
        ++n;
        const double delta = values[i] - mean;
        mean += delta / double(n);
        deviations += delta * (values[i] - mean);
    }
    if (n == 0) return {};
    return {mean, std::sqrt(std::max(0.0, deviations / double(n)))};
}

double zeroFraction(const float* values, long long count) {
    long long zeros = 0, counted = 0;
    for (long long i = 0; i < count; ++i) {
        if (std::isnan(values[i])) continue;
        ++counted;
        zeros += values[i] == 0.0f;
    }
    return counted > 0 ? double(zeros) / double(counted) : 0.0;
}

std::vector<int> topIndices(const std::vector<float>& values, int k) {
    std::vector<int> order(values.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    const int n = std::clamp(k, 0, static_cast<int>(order.size()));
    // A strict weak order even with NaNs: every NaN after every number.
    std::partial_sort(order.begin(), order.begin() + n, order.end(), [&](int a, int b) {
        const float va = values[static_cast<std::size_t>(a)],
                    vb = values[static_cast<std::size_t>(b)];
        if (std::isnan(va) != std::isnan(vb)) return std::isnan(vb);
        if (std::isnan(va)) return a < b;
        return va > vb || (va == vb && a < b);
    });
    order.resize(static_cast<std::size_t>(n));
    return order;
}

}  // namespace shufflescope
