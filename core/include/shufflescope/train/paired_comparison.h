#pragma once
// Two models compared image by image on the same test set: which images only one of them
// classifies correctly, and whether that split is larger than chance would make it.
//
// Why paired: two accuracies measured on the same 10,000 images share most of their errors, so
// the question "is model A really better than B?" is decided by the images they disagree on.
// If the models were equally good, each such image would be equally likely to favour either one;
// McNemar's exact test asks how often a fair coin would split them at least as unevenly.
// It measures the test set's sampling noise only — not the spread between training seeds.

#include <cstdint>
#include <vector>

namespace shufflescope::train {

struct PairedComparison {
    int count = 0;  // images compared
    int bothRight = 0;
    int onlyFirstRight = 0;   // first model right, second wrong
    int onlySecondRight = 0;  // second model right, first wrong
    int bothWrong = 0;
    double pValue = 1;  // exact two-sided McNemar test on onlyFirstRight vs onlySecondRight
};

// first, second: [count] predicted class of each image; labels: [count] true class.
// Throws Error if the three lengths differ.
PairedComparison comparePredictions(const std::vector<int>& first, const std::vector<int>& second,
                                    const std::vector<uint8_t>& labels);

// The exact two-sided McNemar (sign) test: the probability that a fair coin tossed b + c times
// gives a split at least as uneven as b : c, i.e. min(1, 2 * P(X <= min(b, c))) for
// X ~ Binomial(b + c, 1/2). 1 when b + c = 0. Computed in log space, so any count is fine.
double mcnemarExactPValue(int b, int c);

}  // namespace shufflescope::train
