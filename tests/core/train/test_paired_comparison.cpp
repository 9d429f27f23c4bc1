// Comparing two models image by image: the exact McNemar p-value against exact binomial sums,
// the four counts on a hand-made example, refusal of mismatched lengths, and evaluate()'s
// per-image predictions agreeing with its own confusion matrix.

#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "shufflescope/base/error.h"
#include "shufflescope/model/initialization.h"
#include "shufflescope/train/paired_comparison.h"
#include "shufflescope/train/training_run.h"

using namespace shufflescope;
using namespace shufflescope::train;

namespace {

// The reference: min(1, 2 * sum_{i <= min(b, c)} C(n, i) / 2^n) with binomial coefficients from
// Pascal's triangle in long double (integers exact up to n = 60 where long double has a 64-bit
// mantissa, as on x86-64 Linux; elsewhere within the tolerance used below).
double naivePValue(int b, int c) {
    const int n = b + c;
    std::vector<long double> row{1};
    for (int r = 1; r <= n; ++r) {
        std::vector<long double> next(std::size_t(r + 1), 1);
        for (int i = 1; i < r; ++i)
            next[std::size_t(i)] = row[std::size_t(i - 1)] + row[std::size_t(i)];
        row = std::move(next);
    }
    long double tail = 0;
    for (int i = 0; i <= std::min(b, c); ++i) tail += row[std::size_t(i)];
    return double(std::min<long double>(1, 2 * tail / std::pow(2.0L, n)));
}

}  // namespace

TEST_CASE(
    "paired comparison: McNemar's exact p-value equals the binomial sum for every split up to 60") {
    for (int b = 0; b <= 30; ++b)
        for (int c = 0; c <= 30; ++c) {
            INFO("b = " << b << ", c = " << c);
            REQUIRE(mcnemarExactPValue(b, c) == Approx(naivePValue(b, c)).epsilon(1e-10));
            REQUIRE(mcnemarExactPValue(b, c) == mcnemarExactPValue(c, b));
        }
}

TEST_CASE("paired comparison: p-values at test-set sizes match exact rational arithmetic") {
    // From Python: min(1, 2 * Fraction(sum(comb(b + c, i) for i in range(min(b, c) + 1)), 2 ** (b +
    // c)))
    REQUIRE(mcnemarExactPValue(0, 5) == Approx(0.0625).epsilon(1e-12));
    REQUIRE(mcnemarExactPValue(1, 9) == Approx(0.021484375).epsilon(1e-12));
    REQUIRE(mcnemarExactPValue(272, 312) == Approx(0.10648380938428469).epsilon(1e-9));
    REQUIRE(mcnemarExactPValue(150, 190) == Approx(0.0342700465332938).epsilon(1e-9));
    REQUIRE(mcnemarExactPValue(400, 460) == Approx(0.04416954819458901).epsilon(1e-9));
    // No disagreements, or an even split, is no evidence at all.
    REQUIRE(mcnemarExactPValue(0, 0) == 1.0);
    REQUIRE(mcnemarExactPValue(200, 200) == 1.0);
    // Far beyond double's range for C(n, i) directly: still exact to many digits.
    REQUIRE(mcnemarExactPValue(4000, 6000) == Approx(1.7404316412268784e-89).epsilon(1e-9));
    REQUIRE(mcnemarExactPValue(4900, 5100) == Approx(0.04658552770494739).epsilon(1e-9));
}

TEST_CASE("paired comparison: p-values print with three significant digits, tiny ones as a bound") {
    CHECK(formatPValue(0.0499) == "p = 0.0499");  // never "0.05" next to "below 0.05"
    CHECK(formatPValue(0.05) == "p = 0.05");
    CHECK(formatPValue(0.10648380938428469) == "p = 0.106");
    CHECK(formatPValue(1.0) == "p = 1");
    CHECK(formatPValue(0.00123) == "p = 0.00123");
    CHECK(formatPValue(0.000999) == "p < 0.001");
    CHECK(formatPValue(mcnemarExactPValue(4000, 6000)) == "p < 0.001");
}

TEST_CASE("paired comparison: counts each image once, by which model gets it right") {
    const std::vector<uint8_t> labels{0, 1, 2, 3, 4, 5, 6};
    const std::vector<int> first{0, 1, 2, 9, 9, 5, 9};   // right on 0, 1, 2, 5
    const std::vector<int> second{0, 9, 2, 3, 9, 9, 6};  // right on 0, 2, 3, 6
    const PairedComparison p = comparePredictions(first, second, labels);
    CHECK(p.count == 7);
    CHECK(p.bothRight == 2);        // images 0, 2
    CHECK(p.onlyFirstRight == 2);   // 1, 5
    CHECK(p.onlySecondRight == 2);  // 3, 6
    CHECK(p.bothWrong == 1);        // 4
    CHECK(p.pValue == 1.0);
    const PairedComparison swapped = comparePredictions(second, first, labels);
    CHECK(swapped.onlyFirstRight == p.onlySecondRight);
    CHECK(swapped.onlySecondRight == p.onlyFirstRight);
}

TEST_CASE("paired comparison: predictions for a different number of images are refused") {
    const std::vector<uint8_t> labels{0, 1, 2};
    REQUIRE_THROWS_AS(comparePredictions({0, 1}, {0, 1, 2}, labels), Error);
    REQUIRE_THROWS_WITH(comparePredictions({0, 1, 2}, {0, 1, 2, 3}, labels),
                        Catch::Contains("3 and 4 images on a test set of 3"));
}

TEST_CASE("evaluate: its per-image predictions are the ones its confusion matrix counts",
          "[slow]") {
    // More than one evaluation chunk (256 images), the last one partial, so that every image's
    // prediction must land at its own index.
    Dataset data;
    data.count = 600;
    data.images.resize(std::size_t(data.count * data.height * data.width));
    data.labels.resize(std::size_t(data.count));
    std::mt19937 rng(5);
    for (auto& pixel : data.images) pixel = uint8_t(rng() % 256);
    for (int i = 0; i < data.count; ++i)
        data.labels[std::size_t(i)] = uint8_t(i % kFashionMnistClasses);

    const Network net = Network::build(presetConfig("fashion"));
    const EvaluationResult r = evaluate(net, randomParameters(net, 7), data);
    REQUIRE(r.predictions.size() == std::size_t(data.count));
    std::vector<std::vector<int>> recount(10, std::vector<int>(10, 0));
    for (int i = 0; i < data.count; ++i) {
        const int predicted = r.predictions[std::size_t(i)];
        REQUIRE(predicted >= 0);
        REQUIRE(predicted < 10);
        ++recount[data.labels[std::size_t(i)]][std::size_t(predicted)];
    }
    CHECK(recount == r.confusion);
    // Random weights predict more than one class on noise, so the check above is not vacuous.
    CHECK(std::set<int>(r.predictions.begin(), r.predictions.end()).size() > 1);
}
