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
#include <string>
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

// Below this p-value a gap is called more than the test set's sampling noise (the usual 5%).
inline constexpr double kSignificanceLevel = 0.05;

// The exact two-sided McNemar (sign) test: the probability that a fair coin tossed b + c times
// gives a split at least as uneven as b : c, i.e. min(1, 2 * P(X <= min(b, c))) for
// X ~ Binomial(b + c, 1/2). 1 when b + c = 0. Summed relative to its largest term with the log
// of that term built from a product of ratios, so counts in the tens of thousands neither
// overflow nor lose precision; a p-value below ~1e-308 comes back as 0.
double mcnemarExactPValue(int b, int c);

// "p = 0.0552", "p = 0.51", "p < 0.001": three significant digits, so a value just under
// kSignificanceLevel never prints as 0.05, and no exponent notation for a classroom.
std::string formatPValue(double p);

}  // namespace shufflescope::train
