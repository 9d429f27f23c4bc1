// Batch norm's training-mode backward against finite differences (support/gradient_check.h: the
// method, its tolerance, and the conventions every backward test pins).
// Also: the fused batch norm + ReLU against the two operators, batch norm + add + ReLU against the
// three, and the same bits whatever the threads' channel shares.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include <omp.h>

#include "reference/naive_backward.h"
#include "shufflescope/ops/activation.h"
#include "shufflescope/ops/activation_backward.h"
#include "shufflescope/ops/batch_norm_train.h"
#include "shufflescope/ops/merge.h"
#include "support/feature_maps.h"
#include "support/gradient_check.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;
using naive64::dot;
using naive64::DVec;
using naive64::toDouble;

TEST_CASE("batch norm training backward matches finite differences through the whole batch",
          "[backward]") {
    struct Case {
        int n, c, h, w;
        std::size_t probes;
    };
    const std::vector<Case> cases = {
        {2, 1, 1, 1, kAllProbes}, {1, 3, 2, 3, kAllProbes},
        {4, 5, 3, 3, kAllProbes}, {3, 7, 5, 1, kAllProbes},
        {5, 2, 7, 3, kAllProbes}, {4, 32, 24, 24, kFewProbes}};  // parallel
    for (const Case& c : cases) {
        CAPTURE(c.n, c.c, c.h, c.w);
        const int hw = c.h * c.w;
        const std::vector<int64_t> shape = {c.n, c.c, c.h, c.w};
        const std::vector<float> x =
            randomValues(std::size_t(c.n) * count(c.c, c.h, c.w), 161, -2, 2);
        const std::vector<float> gamma = randomValues(std::size_t(c.c), 162, 0.5f, 1.5f);
        const std::vector<float> beta = randomValues(std::size_t(c.c), 163);
        const std::vector<float> r = randomValues(x.size(), 164);
        const Tensor in = tensorOf(x, shape);
        Tensor out(shape);
        std::vector<float> mean(std::size_t(c.c)), invStd(std::size_t(c.c));
        std::vector<float> runningMean(std::size_t(c.c), 0.0f), runningVar(std::size_t(c.c), 1.0f);
        ops::batchNormTrainForward(in, gamma.data(), beta.data(), out, mean.data(), invStd.data(),
                                   runningMean.data(), runningVar.data());

        const Tensor gradOut = tensorOf(r, shape);
        Tensor gradIn = tensorOf(std::vector<float>(x.size(), kNaN), shape);
        const std::vector<float> gammaStart = randomValues(gamma.size(), 165);
        const std::vector<float> betaStart = randomValues(beta.size(), 166);
        std::vector<float> gradGamma = gammaStart, gradBeta = betaStart;
        ops::batchNormTrainBackward(in, gamma.data(), mean.data(), invStd.data(), gradOut, gradIn,
                                    gradGamma.data(), gradBeta.data());

        const DVec rd = toDouble(r), xd = toDouble(x), gd = toDouble(gamma), bd = toDouble(beta);
        auto lossOfInput = [&](const DVec& v) {
            return dot(rd, naive64::batchNormTrain(v, c.n, c.c, hw, gd, bd).out);
        };
        auto lossOfGamma = [&](const DVec& v) {
            return dot(rd, naive64::batchNormTrain(xd, c.n, c.c, hw, v, bd).out);
        };
        auto lossOfBeta = [&](const DVec& v) {
            return dot(rd, naive64::batchNormTrain(xd, c.n, c.c, hw, gd, v).out);
        };
        REQUIRE_GRADIENT("dL/din", x, valuesOf(gradIn), lossOfInput, c.probes);
        REQUIRE_GRADIENT("dL/dgamma (accumulated)", gamma, minus(gradGamma, gammaStart),
                         lossOfGamma, kAllProbes);
        REQUIRE_GRADIENT("dL/dbeta (accumulated)", beta, minus(gradBeta, betaStart), lossOfBeta,
                         kAllProbes);

        // In place (gradIn = gradOut), without parameter gradients: the same input gradient.
        Tensor inPlace = tensorOf(r, shape);
        ops::batchNormTrainBackward(in, gamma.data(), mean.data(), invStd.data(), inPlace, inPlace,
                                    nullptr, nullptr);
        REQUIRE(valuesOf(inPlace) == valuesOf(gradIn));
    }
}

namespace {

// The fused-versus-separate tests' batches: a tiny one and one of Stage 2's size.
const std::vector<std::vector<int64_t>> kFusionShapes = {{2, 3, 4, 5}, {8, 30, 16, 16}};

// A batch of `shape` and its batch norm's gamma and beta (some outputs < 0), from seeds
// seed, seed + 1, seed + 2.
struct BatchNormInputs {
    int c;
    int64_t size;
    Tensor in;
    std::vector<float> gamma, beta;
};
BatchNormInputs batchNormInputs(const std::vector<int64_t>& shape, uint32_t seed) {
    const int c = int(shape[1]);
    const int64_t size = shape[0] * shape[1] * shape[2] * shape[3];
    return {c, size, tensorOf(randomValues(std::size_t(size), seed, -2, 2), shape),
            randomValues(std::size_t(c), seed + 1, 0.5f, 1.5f),
            randomValues(std::size_t(c), seed + 2)};
}

}  // namespace

TEST_CASE("batch norm + ReLU fused equals the two operators one after the other, bit for bit",
          "[backward]") {
    for (const std::vector<int64_t>& shape : kFusionShapes) {
        CAPTURE(shape);
        // Named copies, not a structured binding: clang 14 cannot capture one in a lambda.
        const BatchNormInputs inputs = batchNormInputs(shape, 181);
        const int c = inputs.c;
        const int64_t size = inputs.size;
        const Tensor& in = inputs.in;
        const std::vector<float>&gamma = inputs.gamma, &beta = inputs.beta;
        // NaN gradients where the ReLU blocks: both paths must give exactly 0 there, so nothing
        // reaches the sums (PyTorch's threshold_backward; a product with a 0/1 mask would not).
        Tensor gradOut = tensorOf(randomValues(std::size_t(size), 184), shape);
        {
            Tensor probe(shape);
            std::vector<float> m(std::size_t(c), 0.0f), v(std::size_t(c), 0.0f),
                rm(std::size_t(c), 0.0f), rv(std::size_t(c), 1.0f);
            ops::batchNormReluTrainForward(in, gamma.data(), beta.data(), probe, m.data(), v.data(),
                                           rm.data(), rv.data());
            for (int64_t i = 0; i < size; i += 2)
                if (probe.data()[i] == 0.0f) gradOut.data()[i] = kNaN;
        }
        struct Result {
            Tensor out, gradIn;
            std::vector<float> mean, invStd, runningMean, runningVar, gradGamma, gradBeta;
        };
        const auto run = [&](bool fused) {
            Result r{Tensor(shape),
                     Tensor(shape),
                     std::vector<float>(std::size_t(c)),
                     std::vector<float>(std::size_t(c)),
                     std::vector<float>(std::size_t(c), 0.0f),
                     std::vector<float>(std::size_t(c), 1.0f),
                     std::vector<float>(std::size_t(c), 0.0f),
                     std::vector<float>(std::size_t(c), 0.0f)};
            if (fused) {
                ops::batchNormReluTrainForward(in, gamma.data(), beta.data(), r.out, r.mean.data(),
                                               r.invStd.data(), r.runningMean.data(),
                                               r.runningVar.data());
                ops::batchNormReluTrainBackward(in, gamma.data(), r.mean.data(), r.invStd.data(),
                                                r.out, gradOut, r.gradIn, r.gradGamma.data(),
                                                r.gradBeta.data());
            } else {
                Tensor normalised(shape), masked(shape);
                ops::batchNormTrainForward(in, gamma.data(), beta.data(), normalised, r.mean.data(),
                                           r.invStd.data(), r.runningMean.data(),
                                           r.runningVar.data());
                ops::relu(normalised.data(), r.out.data(), size);
                ops::reluBackward(r.out.data(), gradOut.data(), masked.data(), size);
                ops::batchNormTrainBackward(in, gamma.data(), r.mean.data(), r.invStd.data(),
                                            masked, r.gradIn, r.gradGamma.data(),
                                            r.gradBeta.data());
            }
            return r;
        };
        const Result fused = run(true), separate = run(false);
        REQUIRE(std::count_if(fused.out.data(), fused.out.data() + size,
                              [](float v) { return v == 0.0f; }) > 0);
        REQUIRE(valuesOf(fused.out) == valuesOf(separate.out));
        REQUIRE(valuesOf(fused.gradIn) == valuesOf(separate.gradIn));
        REQUIRE(std::all_of(fused.gradIn.data(), fused.gradIn.data() + size,
                            [](float v) { return std::isfinite(v); }));
        REQUIRE(std::all_of(fused.gradGamma.begin(), fused.gradGamma.end(),
                            [](float v) { return std::isfinite(v); }));
        REQUIRE(fused.runningMean == separate.runningMean);
        REQUIRE(fused.runningVar == separate.runningVar);
        REQUIRE(fused.gradGamma == separate.gradGamma);
        REQUIRE(fused.gradBeta == separate.gradBeta);
    }
}

TEST_CASE(
    "batch norm + add + ReLU fused equals the three operators one after the other, bit for bit",
    "[backward]") {
    // A residual block's end: out = max(BN(x) + shortcut, 0).
    for (const std::vector<int64_t>& shape : kFusionShapes) {
        CAPTURE(shape);
        // Named copies, not a structured binding: clang 14 cannot capture one in a lambda.
        const BatchNormInputs inputs = batchNormInputs(shape, 191);
        const int c = inputs.c;
        const int64_t size = inputs.size;
        const Tensor& in = inputs.in;
        const std::vector<float>&gamma = inputs.gamma, &beta = inputs.beta;
        const Tensor shortcut = tensorOf(randomValues(std::size_t(size), 194, -1, 1), shape);
        struct Result {
            Tensor out;
            std::vector<float> mean, invStd, runningMean, runningVar;
        };
        const auto run = [&](bool fused) {
            Result r{Tensor(shape), std::vector<float>(std::size_t(c)),
                     std::vector<float>(std::size_t(c)), std::vector<float>(std::size_t(c), 0.0f),
                     std::vector<float>(std::size_t(c), 1.0f)};
            if (fused) {
                ops::batchNormAddReluTrainForward(in, gamma.data(), beta.data(), shortcut, r.out,
                                                  r.mean.data(), r.invStd.data(),
                                                  r.runningMean.data(), r.runningVar.data());
            } else {
                Tensor normalised(shape), sum(shape);
                ops::batchNormTrainForward(in, gamma.data(), beta.data(), normalised, r.mean.data(),
                                           r.invStd.data(), r.runningMean.data(),
                                           r.runningVar.data());
                for (int n = 0; n < shape[0]; ++n)
                    ops::addFeatureMaps(imageOf(normalised, n), imageOf(shortcut, n),
                                        imageOf(sum, n));
                ops::relu(sum.data(), r.out.data(), size);
            }
            return r;
        };
        const Result fused = run(true), separate = run(false);
        const auto zeros = std::count_if(fused.out.data(), fused.out.data() + size,
                                         [](float v) { return v == 0.0f; });
        REQUIRE(zeros > 0);
        REQUIRE(zeros < size);
        REQUIRE(valuesOf(fused.out) == valuesOf(separate.out));
        REQUIRE(fused.mean == separate.mean);
        REQUIRE(fused.invStd == separate.invStd);
        REQUIRE(fused.runningMean == separate.runningMean);
        REQUIRE(fused.runningVar == separate.runningVar);
    }
}

TEST_CASE("batch norm training gives the same bits on one thread as on three uneven channel shares",
          "[backward]") {
    // Each thread takes a share of the channels and walks it image by image; a channel's sums
    // must not depend on the share it falls in, and no channel may be left out or done twice.
    const std::vector<int64_t> shape{8, 31, 17, 17};  // above the parallel threshold; 31 = 10+10+11
    const int c = int(shape[1]);
    const int64_t size = shape[0] * shape[1] * shape[2] * shape[3];
    const Tensor in = tensorOf(randomValues(std::size_t(size), 191, -2, 2), shape);
    const std::vector<float> gamma = randomValues(std::size_t(c), 192, 0.5f, 1.5f);
    const std::vector<float> beta = randomValues(std::size_t(c), 193);
    const Tensor gradOut = tensorOf(randomValues(std::size_t(size), 194), shape);
    struct Result {
        std::vector<float> out, gradIn, mean, invStd, runningMean, runningVar, gradGamma, gradBeta;
    };
    const bool fused = GENERATE(true, false);
    CAPTURE(fused);
    const auto run = [&](int threads) {
        const int previous = omp_get_max_threads();
        const int previousDynamic = omp_get_dynamic();
        omp_set_dynamic(0);  // the team must have exactly `threads`, or the test proves nothing
        omp_set_num_threads(threads);
        int team = 0;
#pragma omp parallel
        {
#pragma omp single
            team = omp_get_num_threads();
        }
        REQUIRE(team == threads);
        const std::size_t n = std::size_t(c);
        std::vector<float> mean(n), invStd(n), runningMean(n, 0.0f), runningVar(n, 1.0f),
            gradGamma(n, 0.0f), gradBeta(n, 0.0f);
        Tensor out(shape), gradIn(shape);
        if (fused) {
            ops::batchNormReluTrainForward(in, gamma.data(), beta.data(), out, mean.data(),
                                           invStd.data(), runningMean.data(), runningVar.data());
            ops::batchNormReluTrainBackward(in, gamma.data(), mean.data(), invStd.data(), out,
                                            gradOut, gradIn, gradGamma.data(), gradBeta.data());
        } else {
            ops::batchNormTrainForward(in, gamma.data(), beta.data(), out, mean.data(),
                                       invStd.data(), runningMean.data(), runningVar.data());
            ops::batchNormTrainBackward(in, gamma.data(), mean.data(), invStd.data(), gradOut,
                                        gradIn, gradGamma.data(), gradBeta.data());
        }
        omp_set_num_threads(previous);
        omp_set_dynamic(previousDynamic);
        return Result{valuesOf(out), valuesOf(gradIn), mean,      invStd,
                      runningMean,   runningVar,       gradGamma, gradBeta};
    };
    const Result one = run(1), three = run(3);
    REQUIRE(one.out == three.out);
    REQUIRE(one.gradIn == three.gradIn);
    REQUIRE(one.mean == three.mean);
    REQUIRE(one.invStd == three.invStd);
    REQUIRE(one.runningMean == three.runningMean);
    REQUIRE(one.runningVar == three.runningVar);
    REQUIRE(one.gradGamma == three.gradGamma);
    REQUIRE(one.gradBeta == three.gradBeta);
    // Every channel was normalised: its gradient with respect to beta is its sum of (masked) dy.
    REQUIRE(
        std::none_of(one.gradBeta.begin(), one.gradBeta.end(), [](float v) { return v == 0.0f; }));
}
