#pragma once
// Backward passes against finite differences. For every operator, a scalar loss
// L = sum(r * forward(x)) with a fixed random r (so dL/d(out) = r is the gradOut fed to the
// backward), evaluated in DOUBLE by the loops-only forwards of tests/reference/naive_backward.h;
// the float backward's dL/dx, dL/dweight, ... must match the central differences
// (L(x + h e_i) - L(x - h e_i)) / 2h at the same float point.
//
// Why double and this tolerance: with h = 1e-4, a double central difference is exact up to
// rounding (~1e-12 |L| / h) for the linear operators and within h^2 |L'''| ~ 1e-8 for batch norm
// and softmax, so the numeric side is ~1e-8 accurate and every reported mismatch is the float
// backward's. The float side rounds ~1e-7 per operation over sums of up to a few thousand terms,
// so |analytic - numeric| <= 1e-4 * max|numeric| + 1e-6 passes every correct gradient with a wide
// margin, while any wrong index, tap or scale is off by O(max|numeric|). Non-smooth operators are
// probed away from their kinks: ReLU inputs satisfy |x| >= 0.01 and max-pool inputs are distinct
// values 0.01 apart, far beyond h.
//
// The backward tests (tests/core/ops/test_*_backward.cpp) also pin the shared conventions: input
// gradients are OVERWRITTEN (their buffers start as kNaN, from support/tensor_values.h, so a
// missed cell fails), parameter gradients ACCUMULATE (their buffers start at a random offset that
// minus() takes away before the check), and a null gradIn skips the input gradient without
// changing the parameter gradients. Big shapes that cross the operators' OpenMP thresholds probe
// an even spread of kFewProbes indices per tensor; small ones probe every index (kAllProbes).

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "reference/naive_backward.h"

namespace testing_support {

inline constexpr double kStep = 1e-4;
inline constexpr double kRelative = 1e-4;
inline constexpr double kAbsolute = 1e-6;
inline constexpr std::size_t kAllProbes = 100000;  // small shapes: every index
inline constexpr std::size_t kFewProbes = 24;      // shapes sized to cross the OpenMP thresholds

struct GradientCheck {
    bool ok = true;
    std::string report;
};

// Central differences of loss (a double function of all of x) against the analytic gradient, at
// every index when there are at most maxProbes, otherwise at an even spread including both ends.
GradientCheck checkGradient(const std::vector<float>& x, std::span<const float> analytic,
                            const std::function<double(const naive64::DVec&)>& loss,
                            std::size_t maxProbes);

// An accumulated gradient minus the value its buffer started at.
std::vector<float> minus(const std::vector<float>& accumulated, const std::vector<float>& start);

}  // namespace testing_support

// REQUIRE that the gradient `analytic` of `loss` at `x` matches central differences at up to
// `maxProbes` indices, printing the report under the name `what`.
#define REQUIRE_GRADIENT(what, x, analytic, loss, maxProbes)                      \
    do {                                                                          \
        const testing_support::GradientCheck check_ =                             \
            testing_support::checkGradient((x), (analytic), (loss), (maxProbes)); \
        INFO(what << ": " << check_.report);                                      \
        REQUIRE(check_.ok);                                                       \
    } while (0)
