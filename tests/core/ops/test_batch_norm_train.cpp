// Batch norm's training-mode forward: batch statistics against the double-precision reference
// (tests/reference/naive_backward.h), and the running statistics updated as PyTorch does.

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "reference/naive_backward.h"
#include "shufflescope/ops/batch_norm_train.h"
#include "support/feature_maps.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;
using naive64::toDouble;

TEST_CASE("batch norm training forward: the unbiased running variance of a hand-made batch",
          "[backward]") {
    // One channel holding {1, 3} over a batch of 2 images: mean 2, biased variance 1 (what
    // normalises: out = -+1/sqrt(1 + eps)), unbiased variance 2 (what the running average takes).
    const Tensor in = tensorOf({1.0f, 3.0f}, {2, 1, 1, 1});
    Tensor out({2, 1, 1, 1});
    const float gamma = 1.0f, beta = 0.0f;
    float mean = 0, invStd = 0, runningMean = 0.0f, runningVar = 1.0f;
    ops::batchNormTrainForward(in, &gamma, &beta, out, &mean, &invStd, &runningMean, &runningVar);
    REQUIRE(mean == 2.0f);
    REQUIRE(invStd == Approx(1.0 / std::sqrt(1.0 + 1e-5)));
    REQUIRE(out[0] == Approx(-1.0 / std::sqrt(1.0 + 1e-5)));
    REQUIRE(out[1] == Approx(1.0 / std::sqrt(1.0 + 1e-5)));
    REQUIRE(runningMean == Approx(0.9 * 0.0 + 0.1 * 2.0));
    REQUIRE(runningVar == Approx(0.9 * 1.0 + 0.1 * 2.0));
}

TEST_CASE("batch norm training forward uses batch statistics and updates running ones as PyTorch",
          "[backward]") {
    struct Case {
        int n, c, h, w;
        float offset, momentum;  // offset: added to every value (|mean| >> std)
    };
    const std::vector<Case> cases = {{2, 1, 1, 1, 0, 0.1f},    {1, 3, 2, 3, 0, 0.1f},
                                     {4, 5, 3, 3, 0, 0.3f},    {3, 7, 5, 1, 0, 0.1f},
                                     {4, 32, 24, 24, 0, 0.1f},  // parallel
                                     {2, 3, 4, 5, 1000, 0.1f}};
    for (const Case& c : cases) {
        CAPTURE(c.n, c.c, c.h, c.w, c.offset, c.momentum);
        const int hw = c.h * c.w;
        std::vector<float> values =
            randomValues(std::size_t(c.n) * count(c.c, c.h, c.w), 151, -2, 2);
        for (std::size_t i = 0; i < values.size(); ++i)  // a different mean per channel
            values[i] += c.offset + 0.25f * float((i / std::size_t(hw)) % std::size_t(c.c));
        const Tensor in = tensorOf(values, {c.n, c.c, c.h, c.w});
        const std::vector<float> gamma = randomValues(std::size_t(c.c), 152, 0.5f, 1.5f);
        const std::vector<float> beta = randomValues(std::size_t(c.c), 153);
        const std::vector<float> runningMean0 = randomValues(std::size_t(c.c), 154);
        const std::vector<float> runningVar0 = randomValues(std::size_t(c.c), 155, 0.5f, 2.0f);
        std::vector<float> runningMean = runningMean0, runningVar = runningVar0;
        std::vector<float> mean(std::size_t(c.c), kNaN), invStd(std::size_t(c.c), kNaN);
        Tensor out({c.n, c.c, c.h, c.w});
        ops::batchNormTrainForward(in, gamma.data(), beta.data(), out, mean.data(), invStd.data(),
                                   runningMean.data(), runningVar.data(), c.momentum);

        const auto expected = naive64::batchNormTrain(toDouble(values), c.n, c.c, hw,
                                                      toDouble(gamma), toDouble(beta));
        const double m = double(c.n) * hw;
        std::vector<float> outExpected(expected.out.begin(), expected.out.end());
        std::vector<float> meanExpected(std::size_t(c.c)), invStdExpected(std::size_t(c.c)),
            runningMeanExpected(std::size_t(c.c)), runningVarExpected(std::size_t(c.c));
        for (std::size_t k = 0; k < std::size_t(c.c); ++k) {
            meanExpected[k] = float(expected.mean[k]);
            invStdExpected[k] = float(1.0 / std::sqrt(expected.biasedVar[k] + 1e-5));
            runningMeanExpected[k] =
                float((1.0 - c.momentum) * runningMean0[k] + c.momentum * expected.mean[k]);
            runningVarExpected[k] = float((1.0 - c.momentum) * runningVar0[k] +
                                          c.momentum * expected.biasedVar[k] * m / (m - 1));
        }
        REQUIRE_CLOSE(valuesOf(out), outExpected);
        REQUIRE_CLOSE(mean, meanExpected);
        REQUIRE_CLOSE(invStd, invStdExpected);
        REQUIRE_CLOSE(runningMean, runningMeanExpected);
        REQUIRE_CLOSE(runningVar, runningVarExpected);
    }
}
