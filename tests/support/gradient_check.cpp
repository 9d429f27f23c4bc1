#include "support/gradient_check.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace testing_support {

namespace {

std::vector<std::size_t> probeIndices(std::size_t count, std::size_t maxProbes) {
    std::vector<std::size_t> probes;
    if (count <= maxProbes) {
        probes.resize(count);
        std::iota(probes.begin(), probes.end(), std::size_t(0));
    } else {
        for (std::size_t k = 0; k < maxProbes; ++k)
            probes.push_back(k * (count - 1) / (maxProbes - 1));
    }
    return probes;
}

}  // namespace

GradientCheck checkGradient(const std::vector<float>& x, std::span<const float> analytic,
                            const std::function<double(const naive64::DVec&)>& loss,
                            std::size_t maxProbes) {
    GradientCheck check;
    if (analytic.size() != x.size()) {
        check.ok = false;
        check.report = "gradient has " + std::to_string(analytic.size()) + " values, expected " +
                       std::to_string(x.size());
        return check;
    }
    naive64::DVec point = naive64::toDouble(x);
    const std::vector<std::size_t> probes = probeIndices(x.size(), maxProbes);
    std::vector<double> numeric(probes.size());
    double scale = 0;
    for (std::size_t k = 0; k < probes.size(); ++k) {
        const std::size_t i = probes[k];
        const double saved = point[i];
        point[i] = saved + kStep;
        const double plus = loss(point);
        point[i] = saved - kStep;
        const double minus = loss(point);
        point[i] = saved;
        numeric[k] = (plus - minus) / (2 * kStep);
        scale = std::max(scale, std::fabs(numeric[k]));
    }
    const double bound = kRelative * scale + kAbsolute;
    double maxDiff = 0;
    std::ptrdiff_t firstBad = -1;
    for (std::size_t k = 0; k < probes.size(); ++k) {
        const double d = std::fabs(double(analytic[probes[k]]) - numeric[k]);
        if (!(d <= bound) && firstBad < 0) firstBad = std::ptrdiff_t(k);
        maxDiff = std::isnan(d) ? INFINITY : std::max(maxDiff, d);
    }
    check.ok = firstBad < 0;
    std::ostringstream out;
    out << "probed " << probes.size() << " of " << x.size() << "; max |analytic - numeric| "
        << maxDiff << " (bound " << bound << ", max |numeric| " << scale << ")";
    if (!check.ok) {
        const std::size_t k = std::size_t(firstBad);
        out << "; first bad index " << probes[k] << ": analytic " << analytic[probes[k]]
            << ", numeric " << numeric[k];
    }
    check.report = out.str();
    return check;
}

std::vector<float> minus(const std::vector<float>& accumulated, const std::vector<float>& start) {
    std::vector<float> d(accumulated.size());
    for (std::size_t i = 0; i < d.size(); ++i) d[i] = accumulated[i] - start[i];
    return d;
}

}  // namespace testing_support
