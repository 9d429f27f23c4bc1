// Training in the engine: the whole network's gradients against finite differences, SGD's update
// rule, and loss that falls on real Fashion-MNIST images.

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <random>

#include "shufflescope/model/initialization.h"
#include "shufflescope/train/fashion_mnist.h"
#include "shufflescope/train/trainer.h"
#include "support/model_configs.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace shufflescope::train;
using testing_support::fashionConfig;
using testing_support::randomImages;

namespace {

ModelConfig tinyConfig(int groups, bool shuffle) {
    ModelConfig c = fashionConfig(groups, shuffle);
    c.inputHeight = c.inputWidth = 16;  // Stages 2-4 at 8x8, 4x4, 2x2: fast, BN well conditioned
    return c;
}

}  // namespace

// Finite differences in float32 are only trustworthy where the loss is smooth enough over a step
// h: the last stage and the classifier. Earlier layers sit behind 16 units of batch norm and ReLU
// kinks; they are checked exactly against PyTorch's autograd by the parity fixtures instead.
TEST_CASE("trainer: gradients of Stage 4 and the classifier match finite differences",
          "[trainer][slow]") {
    for (auto [groups, shuffle] : {std::pair{2, true}, {3, false}}) {
        const ModelConfig config = tinyConfig(groups, shuffle);
        const Network net = Network::build(config);
        Trainer trainer(net, randomParameters(net, 5), SgdSettings{0.0f, 0.0f});
        const Tensor batch = randomImages(config, 8, 9, -1.5f, 1.5f);
        const std::vector<int> labels = {1, 7, 3, 3, 0, 9, 4, 2};
        trainer.computeGradients(batch, labels);
        const Parameters analytic = trainer.gradients();

        std::mt19937 pick(17);
        int checked = 0, agreed = 0;
        for (const ParameterSpec& spec : net.parameterSpecs()) {
            if (!spec.trainable ||
                !(spec.name.rfind("stages.2.", 0) == 0 || spec.name.rfind("fc.", 0) == 0))
                continue;
            // bn2's bias has a zero gradient by construction (bn3 removes any per-channel shift).
            if (spec.name.find("bn2.bias") != std::string::npos) continue;
            Tensor& p = trainer.parameters().at(spec.name);
            for (int sample = 0; sample < 2; ++sample) {
                const int64_t k = int64_t(pick() % uint32_t(p.size()));
                const float original = p[k];
                const float h = 1e-2f;
                p[k] = original + h;
                const double up = trainer.computeGradients(batch, labels).loss;
                p[k] = original - h;
                const double down = trainer.computeGradients(batch, labels).loss;
                p[k] = original;
                const double numeric = (up - down) / (2.0 * h);
                const double exact = analytic.at(spec.name)[k];
                ++checked;
                // Float32 losses and ReLU kinks make single samples noisy; require close agreement
                // and count the few that a kink can break.
                if (std::fabs(numeric - exact) <= 2e-3 + 0.05 * std::fabs(numeric))
                    ++agreed;
                else {
                    UNSCOPED_INFO(spec.name << "[" << k << "]: analytic " << exact << ", numeric "
                                            << numeric);
                }
            }
        }
        CAPTURE(groups, shuffle, checked, agreed);
        CHECK(agreed >= checked - 1);
        CHECK(checked > 40);
    }
}

TEST_CASE("trainer: SGD with momentum and weight decay follows PyTorch's rule", "[trainer]") {
    const ModelConfig config = tinyConfig(2, true);
    const Network net = Network::build(config);
    const SgdSettings sgd{0.9f, 1e-3f};
    Trainer trainer(net, randomParameters(net, 3), sgd);
    const Tensor batch = randomImages(config, 3, 4, -1.5f, 1.5f);
    const std::vector<int> labels = {0, 5, 9};
    const std::string name = "stages.1.2.pw1.weight";
    std::vector<float> p(trainer.parameters().at(name).values().begin(),
                         trainer.parameters().at(name).values().end());
    std::vector<float> buffer(p.size(), 0.0f);
    for (float lr : {0.1f, 0.05f}) {
        trainer.computeGradients(batch, labels);
        const Tensor& g = trainer.gradients().at(name);
        for (std::size_t k = 0; k < p.size(); ++k) {
            const float d = g[int64_t(k)] + sgd.weightDecay * p[k];
            buffer[k] = sgd.momentum * buffer[k] + d;
            p[k] -= lr * buffer[k];
        }
        trainer.applySgd(lr);
        const auto cmp =
            testing_support::compareClose(trainer.parameters().at(name).values(), p, 1e-6);
        INFO(cmp.report);
        REQUIRE(cmp.ok);
    }
}

// torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm) before optimizer.step(): the global
// L2 norm over every gradient, each scaled by max_norm / (norm + 1e-6) when it is larger; the SGD
// step then adds weight decay to the clipped gradient (weight decay is not clipped).
TEST_CASE(
    "trainer: gradient-norm clipping scales the raw gradients before weight decay and momentum",
    "[trainer]") {
    const ModelConfig config = tinyConfig(3, true);
    const Network net = Network::build(config);
    const Parameters start = randomParameters(net, 3);
    const Tensor batch = randomImages(config, 4, 4, -1.5f, 1.5f);
    const std::vector<int> labels = {0, 5, 9, 2};
    const float lr = 0.1f, momentum = 0.9f, decay = 1e-2f;  // a decay large enough to notice

    // The unclipped gradients and their global norm, computed naively.
    Trainer plain(net, start, SgdSettings{momentum, decay});
    plain.computeGradients(batch, labels);
    double sum = 0;
    for (const auto& [name, g] : plain.gradients())
        for (float v : g.values()) sum += double(v) * double(v);
    const double norm = std::sqrt(sum);
    REQUIRE(norm > 0);
    CHECK(plain.gradientNorm() == Approx(norm).epsilon(1e-9));

    const double limit = norm / 10;
    Trainer clipped(net, start, SgdSettings{momentum, decay, float(limit)});
    const BatchResult result = clipped.trainBatch(batch, labels, lr);
    CHECK(result.gradientNorm == Approx(norm).epsilon(1e-9));  // reported before clipping
    const double scale = limit / (norm + 1e-6);
    double clippedSum = 0;
    for (const auto& [name, g] : plain.gradients()) {
        CAPTURE(name);
        const Tensor& p0 = start.at(name);
        const Tensor& clippedGradient = clipped.gradients().at(name);
        std::vector<float> expectedGradient(std::size_t(g.size())),
            expectedWeights(expectedGradient);
        for (int64_t k = 0; k < g.size(); ++k) {
            expectedGradient[std::size_t(k)] = float(g[k] * scale);
            // The first step's momentum buffer is the (clipped gradient + decay * p) itself.
            expectedWeights[std::size_t(k)] =
                p0[k] - lr * (expectedGradient[std::size_t(k)] + decay * p0[k]);
            clippedSum += double(clippedGradient[k]) * double(clippedGradient[k]);
        }
        const auto gradients =
            testing_support::compareClose(clippedGradient.values(), expectedGradient, 1e-6);
        INFO(gradients.report);
        REQUIRE(gradients.ok);
        const auto weights = testing_support::compareClose(clipped.parameters().at(name).values(),
                                                           expectedWeights, 1e-6);
        INFO(weights.report);
        REQUIRE(weights.ok);
    }
    CHECK(std::sqrt(clippedSum) == Approx(limit).epsilon(1e-5));  // the new global norm

    // Below the limit nothing changes: the step is bit for bit the unclipped one.
    Trainer generous(net, start, SgdSettings{momentum, decay, float(2 * norm)});
    generous.trainBatch(batch, labels, lr);
    plain.applySgd(lr);
    for (const auto& [name, p] : plain.parameters()) {
        CAPTURE(name);
        const Tensor& other = generous.parameters().at(name);
        REQUIRE(std::equal(p.data(), p.data() + p.size(), other.data()));
    }
}

TEST_CASE("trainer: bad batches are refused with what was expected", "[trainer]") {
    const ModelConfig config = tinyConfig(2, true);
    const Network net = Network::build(config);
    Trainer trainer(net, randomParameters(net, 3));
    REQUIRE_THROWS_WITH(trainer.computeGradients(randomImages(config, 1, 1, -1.5f, 1.5f), {0}),
                        Catch::Contains("N >= 2"));
    REQUIRE_THROWS_WITH(trainer.computeGradients(randomImages(config, 2, 1, -1.5f, 1.5f), {0}),
                        Catch::Contains("2 images but 1 labels"));
    REQUIRE_THROWS_WITH(trainer.computeGradients(randomImages(config, 2, 1, -1.5f, 1.5f), {0, 10}),
                        Catch::Contains("label 10"));
}

TEST_CASE("trainer: the loss falls when training on Fashion-MNIST images", "[trainer][slow]") {
    const std::string directory = defaultFashionMnistDirectory();
    if (!std::filesystem::exists(directory)) {
        WARN("Fashion-MNIST is not installed (dataset-fashion-mnist); skipped");
        return;
    }
    const Dataset data = loadFashionMnist(directory, true);
    const Network net = Network::build(presetConfig("fashion"));
    Trainer trainer(net, randomParameters(net, 1));
    std::vector<int> indices(32);
    for (int i = 0; i < 32; ++i) indices[std::size_t(i)] = i;
    Tensor batch;
    std::vector<int> labels;
    makeInputBatch(data, indices, batch, labels, Augmentation{}, nullptr);
    const double first = trainer.trainBatch(batch, labels, 0.01f).loss;
    double last = first;
    for (int step = 0; step < 20; ++step) last = trainer.trainBatch(batch, labels, 0.01f).loss;
    CAPTURE(first, last);
    CHECK(last < 0.25 * first);  // a few images are memorised quickly
}
