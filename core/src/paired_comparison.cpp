#include "shufflescope/train/paired_comparison.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "shufflescope/error.h"

namespace shufflescope::train {

PairedComparison comparePredictions(const std::vector<int>& first, const std::vector<int>& second,
                                    const std::vector<uint8_t>& labels) {
    if (first.size() != labels.size() || second.size() != labels.size())
        throw Error("cannot compare predictions of " + std::to_string(first.size()) + " and " +
                    std::to_string(second.size()) + " images on a test set of " +
                    std::to_string(labels.size()));
    PairedComparison result;
    result.count = int(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const bool a = first[i] == labels[i], b = second[i] == labels[i];
        if (a && b)
            ++result.bothRight;
        else if (a)
            ++result.onlyFirstRight;
        else if (b)
            ++result.onlySecondRight;
        else
            ++result.bothWrong;
    }
    result.pValue = mcnemarExactPValue(result.onlyFirstRight, result.onlySecondRight);
    return result;
}

double mcnemarExactPValue(int b, int c) {
    const int n = b + c, k = std::min(b, c);
    if (n == 0 || b == c) return 1.0;
    // P(X <= k) = sum_i C(n, i) / 2^n. The terms grow with i up to k < n/2, so sum them relative
    // to the largest (i = k) to keep every exp() in range for n in the tens of thousands.
    const auto logTerm = [n](int i) {
        return std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) -
               n * std::log(2.0);
    };
    const double largest = logTerm(k);
    double relativeSum = 0;
    for (int i = 0; i <= k; ++i) relativeSum += std::exp(logTerm(i) - largest);
    return std::min(1.0, 2.0 * std::exp(largest) * relativeSum);
}

}  // namespace shufflescope::train
