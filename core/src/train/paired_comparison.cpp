#include "shufflescope/train/paired_comparison.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "shufflescope/base/error.h"

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
    // P(X <= k) = sum_{i <= k} C(n, i) / 2^n. The terms grow with i up to k < n/2: take the log
    // of the largest, C(n, k) / 2^n, as a sum of logs of ratios (no lgamma, which is not
    // thread-safe in glibc), then add the smaller ones relative to it, walking down with
    // C(n, i - 1) = C(n, i) * i / (n - i + 1).
    double logLargest = -n * std::log(2.0);
    for (int i = 1; i <= k; ++i) logLargest += std::log(double(n - k + i) / double(i));
    double relative = 1, relativeSum = 1;
    for (int i = k; i > 0; --i) {
        relative *= double(i) / double(n - i + 1);
        relativeSum += relative;
        if (relative < 1e-18 * relativeSum) break;  // the rest cannot change the double
    }
    return std::min(1.0, 2.0 * std::exp(logLargest) * relativeSum);
}

std::string formatPValue(double p) {
    if (p < 0.001) return "p < 0.001";
    char text[32];
    std::snprintf(text, sizeof text, "p = %.3g", p);
    return text;
}

}  // namespace shufflescope::train
