#include "support/tensor_compare.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace testing_support {

Comparison compareClose(std::span<const float> actual, std::span<const float> expected,
                        double relative, double absolute) {
    Comparison c;
    if (actual.size() != expected.size()) {
        c.ok = false;
        c.report = "size mismatch: " + std::to_string(actual.size()) + " vs expected " +
                   std::to_string(expected.size());
        return c;
    }
    for (float v : expected) c.maxMagnitude = std::max(c.maxMagnitude, double(std::fabs(v)));
    c.bound = relative * c.maxMagnitude + absolute;
    std::ptrdiff_t firstBad = -1;
    for (std::size_t i = 0; i < actual.size(); ++i) {
        const double d = std::fabs(double(actual[i]) - double(expected[i]));
        if (!(d <= c.bound) && firstBad < 0) firstBad = std::ptrdiff_t(i);
        if (d > c.maxDiff || std::isnan(d)) c.maxDiff = std::isnan(d) ? INFINITY : d;
    }
    c.ok = firstBad < 0;
    std::ostringstream out;
    out << "max |diff| " << c.maxDiff << " (bound " << c.bound << ", max |expected| "
        << c.maxMagnitude << ")";
    if (!c.ok)
        out << "; first bad index " << firstBad << ": actual " << actual[std::size_t(firstBad)]
            << ", expected " << expected[std::size_t(firstBad)];
    c.report = out.str();
    return c;
}

}  // namespace testing_support
