#pragma once
// Round numbers for a chart's value axis: 0 / 5 / 10 / 15, 0 / 100 / 200, never 0 / 11 / 22 / 43.
// A plain function, tested without a display (tests/ui/test_number_format.cpp).

namespace shufflescope::ui {

struct NiceAxis {
    double max = 1;         // the axis end: a whole number of ticks, >= the data's maximum
    double tick = 1;        // 1, 2 or 5 times a power of ten
    int decimals = 0;       // what a tick label needs to show the tick exactly
    int intervals() const;  // max / tick
};

// The smallest tick of 1, 2 or 5 x 10^k that covers [0, max] in at most maxIntervals steps, and
// the axis end it gives. max <= 0 (nothing to show) gives 0..1.
NiceAxis niceAxis(double max, int maxIntervals = 5);

}  // namespace shufflescope::ui
