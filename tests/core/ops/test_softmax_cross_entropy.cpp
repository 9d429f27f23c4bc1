// Softmax cross-entropy, the training loss: its value against the definition and its gradient
// against finite differences (support/gradient_check.h), for one image and a batch, and its
// stability for large logits.

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "reference/naive_backward.h"
#include "shufflescope/ops/softmax_cross_entropy.h"
#include "support/gradient_check.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;
using naive64::DVec;
using naive64::toDouble;

TEST_CASE("softmax cross-entropy: loss and gradient match the definition and finite differences",
          "[backward]") {
    struct Case {
        int classes, label;
    };
    for (const Case& c : {Case{1, 0}, Case{2, 1}, Case{10, 0}, Case{10, 7}, Case{1000, 999}}) {
        CAPTURE(c.classes, c.label);
        const std::vector<float> logits = randomValues(std::size_t(c.classes), 241, -3, 3);
        std::vector<float> grad(logits.size(), kNaN);
        const float loss = ops::softmaxCrossEntropy(logits.data(), c.classes, c.label, grad.data());
        const DVec ld = toDouble(logits);
        REQUIRE(loss == Approx(naive64::softmaxCrossEntropy(ld, c.label)).margin(1e-6));
        auto lossOfLogits = [&](const DVec& v) { return naive64::softmaxCrossEntropy(v, c.label); };
        REQUIRE_GRADIENT("dL/dlogits", logits, grad, lossOfLogits, kAllProbes);
        // softmax sums to 1 and the one-hot to 1: the gradient sums to 0.
        double sum = 0;
        for (float g : grad) sum += g;
        REQUIRE(sum == Approx(0.0).margin(1e-6));
        REQUIRE(ops::softmaxCrossEntropy(logits.data(), c.classes, c.label, nullptr) == loss);
    }
}

TEST_CASE("softmax cross-entropy is stable: shifting the logits by 1000 changes nothing",
          "[backward]") {
    const std::vector<float> logits = randomValues(10, 251, -100, 100);
    std::vector<float> shifted = logits, grad(10), gradShifted(10);
    for (float& v : shifted) v += 1000.0f;  // exp(1000) overflows double, let alone float
    const float loss = ops::softmaxCrossEntropy(logits.data(), 10, 3, grad.data());
    const float lossShifted = ops::softmaxCrossEntropy(shifted.data(), 10, 3, gradShifted.data());
    REQUIRE(std::isfinite(loss));
    // The shift rounds the logits to float's spacing at 1000 (6e-5): compare within that.
    REQUIRE(lossShifted == Approx(loss).margin(1e-3));
    for (std::size_t j = 0; j < grad.size(); ++j) {
        REQUIRE(std::isfinite(gradShifted[j]));
        REQUIRE(gradShifted[j] == Approx(grad[j]).margin(1e-3));
    }
}

TEST_CASE("softmax cross-entropy over a batch: the mean loss and gradients divided by N",
          "[backward]") {
    const int batch = 4, classes = 6;
    const std::vector<float> logits = randomValues(std::size_t(batch * classes), 261, -2, 2);
    const std::vector<int> labels = {0, 5, 2, 2};
    std::vector<float> grad(logits.size(), kNaN);
    const float mean =
        ops::softmaxCrossEntropyBatch(logits.data(), batch, classes, labels.data(), grad.data());
    double total = 0;
    for (int n = 0; n < batch; ++n) {
        std::vector<float> single(static_cast<std::size_t>(classes));
        total += ops::softmaxCrossEntropy(logits.data() + n * classes, classes,
                                          labels[std::size_t(n)], single.data());
        for (int j = 0; j < classes; ++j)
            REQUIRE(grad[std::size_t(n * classes + j)] ==
                    Approx(single[std::size_t(j)] / batch).margin(1e-7));
    }
    REQUIRE(mean == Approx(total / batch));
}
