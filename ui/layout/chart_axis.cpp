#include "layout/chart_axis.h"

#include <algorithm>
#include <cmath>

namespace shufflescope::ui {

int NiceAxis::intervals() const {
    return int(std::lround(max / tick));
}

NiceAxis niceAxis(double max, int maxIntervals) {
    maxIntervals = std::max(1, maxIntervals);
    if (!(max > 0) || !std::isfinite(max)) return {1, 1, 0};
    // Start a decade below the even split and walk up 1, 2, 5, 10, 20, ... until it fits.
    int exponent = int(std::floor(std::log10(max / maxIntervals)));
    for (;;) {
        const double decade = std::pow(10.0, exponent);
        for (const double mantissa : {1.0, 2.0, 5.0}) {
            const double tick = mantissa * decade;
            // A hair of tolerance: 15.000000001 should not need a fourth interval of 5.
            const double steps = std::ceil(max / tick - 1e-9);
            if (steps <= maxIntervals) {
                NiceAxis axis;
                axis.tick = tick;
                axis.max = std::max(1.0, steps) * tick;
                axis.decimals = std::max(0, -exponent);
                return axis;
            }
        }
        ++exponent;
    }
}

}  // namespace shufflescope::ui
