#pragma once
// Comparing float arrays the way every fidelity test here does: the maximum absolute difference
// must not exceed `relative` x the reference's maximum magnitude (plus `absolute`, for tensors
// that are all zeros). On failure the report names the first bad index, both values and the max
// difference, so a failing sweep case says exactly where it went wrong.

#include <span>
#include <string>

namespace testing_support {

struct Comparison {
    bool ok = true;
    double maxDiff = 0, maxMagnitude = 0, bound = 0;
    std::string report;
};

Comparison compareClose(std::span<const float> actual, std::span<const float> expected,
                        double relative = 1e-4, double absolute = 1e-6);

}  // namespace testing_support

// REQUIRE that `actual` is close to `expected` (compareClose's defaults), printing the report.
#define REQUIRE_CLOSE(actual, expected)                                        \
    do {                                                                       \
        const auto cmp_ = testing_support::compareClose((actual), (expected)); \
        INFO(cmp_.report);                                                     \
        REQUIRE(cmp_.ok);                                                      \
    } while (0)
