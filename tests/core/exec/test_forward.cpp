// The two forward passes: capture (every step kept) and fast (BN folded, fused, shuffle by
// indexing) must give the same logits for every g, width and shuffle setting, and in every
// kernel variant (instruction set, one or two threads).

#include <catch2/catch.hpp>

#include "shufflescope/base/error.h"
#include "shufflescope/exec/capture_forward.h"
#include "shufflescope/exec/fast_forward.h"
#include "shufflescope/model/initialization.h"
#include "support/kernel_variants.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using Catch::Matchers::Contains;
using testing_support::randomImages;

TEST_CASE("fast and capture paths agree on logits for every g, width and shuffle",
          "[forward][slow]") {
    for (double s : supportedWidthScales())
        for (int g = 1; g <= 8; ++g)
            for (bool shuffle : {true, false}) {
                CAPTURE(g, s, shuffle);
                ModelConfig c = presetConfig("imagenet");
                c.groups = g;
                c.widthScale = s;
                c.shuffle = shuffle;
                c.inputHeight = c.inputWidth = 16;  // small: the sweep is 80 networks
                c.classes = 16;
                const Network net = Network::build(c);
                const Parameters params = randomParameters(net, 100 + uint64_t(g));
                const Tensor input = randomImages(c, 1, uint32_t(g), -2, 2);
                const Tensor expected = logitsOf(net, forwardCapture(net, params, input));
                FastForward fast(net, params);
                std::vector<float> logits(static_cast<std::size_t>(c.classes));
                fast.run(input.data(), logits.data());
                const auto cmp = testing_support::compareClose(logits, expected.values());
                INFO(cmp.report);
                REQUIRE(cmp.ok);
            }
}

TEST_CASE("fast path agrees with capture on both presets at full size", "[forward]") {
    testing_support::forEachKernelVariant([](InstructionSet, int) {
        for (const char* preset : {"imagenet", "fashion"}) {
            CAPTURE(preset);
            const Network net = Network::build(presetConfig(preset));
            const Parameters params = randomParameters(net, 7);
            const Tensor input = randomImages(net.config(), 1, 8, -2, 2);
            const Tensor expected = logitsOf(net, forwardCapture(net, params, input));
            FastForward fast(net, params);
            std::vector<float> logits(std::size_t(net.config().classes));
            for (int repeat = 0; repeat < 2; ++repeat) {  // buffers are reused: the second run too
                fast.run(input.data(), logits.data());
                const auto cmp = testing_support::compareClose(logits, expected.values());
                INFO(cmp.report);
                REQUIRE(cmp.ok);
            }
        }
    });
}

TEST_CASE("capture records every step with its planned shape, softmax sums to one", "[forward]") {
    ModelConfig c = presetConfig("fashion");
    c.groups = 4;
    const Network net = Network::build(c);
    const Parameters params = randomParameters(net, 3);
    const std::vector<Tensor> out = forwardCapture(net, params, randomImages(c, 2, 4, -2, 2));
    REQUIRE(int(out.size()) == net.stepCount());
    for (int i = 0; i < net.stepCount(); ++i) {
        const StepShape& s = net.step(i).out;
        CAPTURE(net.step(i).name);
        REQUIRE(out[std::size_t(i)].shape() ==
                std::vector<int64_t>{2, s.channels, s.height, s.width});
    }
    const Tensor& probs = out.back();
    for (int n = 0; n < 2; ++n) {
        double sum = 0;
        for (int k = 0; k < c.classes; ++k) sum += probs[n * c.classes + k];
        CHECK(sum == Approx(1.0).epsilon(1e-5));
    }
    // Batch images are independent: image 1 alone gives the same logits as in the batch.
    const Tensor batchLogits = logitsOf(net, out);
    Tensor second({1, c.inChannels, c.inputHeight, c.inputWidth});
    std::copy(out[0].data() + second.size(), out[0].data() + 2 * second.size(), second.data());
    const Tensor alone = logitsOf(net, forwardCapture(net, params, second));
    const auto cmp = testing_support::compareClose(
        alone.values(),
        std::span<const float>(batchLogits.data() + c.classes, std::size_t(c.classes)));
    INFO(cmp.report);
    REQUIRE(cmp.ok);
}

TEST_CASE("the shuffle step permutes when on and is the identity when off", "[forward]") {
    for (bool shuffle : {true, false}) {
        ModelConfig c = presetConfig("fashion");
        c.shuffle = shuffle;
        const Network net = Network::build(c);
        const std::vector<Tensor> out =
            forwardCapture(net, randomParameters(net, 5), randomImages(c, 1, 6, -2, 2));
        const int step = *net.findStep("stages.1.2.shuffle");
        const Tensor& before = out[std::size_t(step - 1)];
        const Tensor& after = out[std::size_t(step)];
        const bool identical =
            std::equal(before.data(), before.data() + before.size(), after.data());
        CHECK(identical == !shuffle);
    }
}

TEST_CASE("random initialisation is deterministic for a seed and differs across seeds",
          "[forward]") {
    const Network net = Network::build(presetConfig("fashion"));
    const Parameters a = randomParameters(net, 42), b = randomParameters(net, 42),
                     other = randomParameters(net, 43);
    checkParameters(net, a, "random");
    for (const auto& [name, tensor] : a) {
        CAPTURE(name);
        REQUIRE(std::equal(tensor.data(), tensor.data() + tensor.size(), b.at(name).data()));
    }
    const Tensor& w = a.at("stages.1.0.pw1.weight");
    CHECK_FALSE(
        std::equal(w.data(), w.data() + w.size(), other.at("stages.1.0.pw1.weight").data()));
    // BN statistics are calibrated, not the trivial 0 / 1.
    const Tensor& mean = a.at("stages.1.3.bn3.running_mean");
    const Tensor& var = a.at("stages.1.3.bn3.running_var");
    CHECK(std::any_of(mean.data(), mean.data() + mean.size(), [](float v) { return v != 0.0f; }));
    CHECK(std::any_of(var.data(), var.data() + var.size(), [](float v) { return v != 1.0f; }));
}

TEST_CASE("an input of the wrong shape is refused with the expected one", "[forward]") {
    const Network net = Network::build(presetConfig("fashion"));
    const Parameters params = randomParameters(net, 1);
    REQUIRE_THROWS_WITH(forwardCapture(net, params, Tensor({1, 3, 32, 32})),
                        Contains("[1, 3, 32, 32]") && Contains("[N, 1, 32, 32]"));
}
