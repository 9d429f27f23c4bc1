// PyTorch parity of TRAINING through committed fixtures (tests/fixtures/training/, written by
// tests/pytorch/make_training_fixtures.py), against a float64 PyTorch reference:
//  * from the same weights and batch, the engine's loss and every parameter's gradient in train
//    mode;
//  * a few SGD steps (torch.optim.SGD: momentum, weight decay) with the engine's optimiser driven
//    by PyTorch's gradients of each step, while the engine's own forward passes update the BN
//    running statistics: every parameter and statistic afterwards. (Why not the engine's own
//    gradients at later steps: ReLU kinks make them discontinuous in the weights, so float32
//    rounding alone can move them by more than the tolerance — see the fixture script.)
// The rule is the forward fixtures': max |diff| within 1e-4 x the tensor's max magnitude — with,
// for gradients, a floor of 1e-3 x the largest gradient of any tensor, since a BN bias that feeds
// a 1x1 conv and another BN has a gradient that is exactly 0 in theory and rounding noise in both
// implementations.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "shufflescope/io/config_json.h"
#include "shufflescope/io/safetensors.h"
#include "shufflescope/train/trainer.h"
#include "support/fixture_files.h"
#include "support/tensor_compare.h"

using namespace shufflescope;

namespace {

constexpr const char* kRegenerate =
    "regenerate: cmake --build build && /usr/bin/python3 tests/pytorch/make_training_fixtures.py "
    "--cli build/app/shufflescope-cli";
constexpr double kRelative = 1e-4;

struct TrainingFixture {
    std::string name;
    Network network;
    Parameters init;
    Tensor batch;
    std::vector<int> labels;
    SafetensorsContent content;
    const Tensor& at(const std::string& key) const { return content.tensors.at(key); }
    float number(const std::string& key) const { return std::stof(content.metadata.at(key)); }
};

Parameters withPrefix(const SafetensorsContent& content, const std::string& prefix) {
    Parameters out;
    for (const auto& [key, tensor] : content.tensors)
        if (key.rfind(prefix, 0) == 0) out.emplace(key.substr(prefix.size()), tensor);
    return out;
}

TrainingFixture loadFixture(const std::filesystem::path& path) {
    SafetensorsContent content = readSafetensors(path.string());
    REQUIRE(content.metadata.at("fixture_format") == "train-1");
    const ModelConfig config = configFromJson(
        nlohmann::json::parse(content.metadata.at("shufflescope.config")), path.string());
    TrainingFixture f{path.stem().string(),
                      Network::build(config),
                      withPrefix(content, "init."),
                      content.tensors.at("batch"),
                      {},
                      std::move(content)};
    checkParameters(f.network, f.init, f.name);
    for (float v : f.at("labels").values()) f.labels.push_back(int(v));
    return f;
}

std::vector<std::filesystem::path> fixtureFiles() {
    return testing_support::safetensorsFilesIn(SHUFFLESCOPE_FIXTURES_DIR "/training");
}

}  // namespace

TEST_CASE("training parity: loss and every gradient in train mode match PyTorch",
          "[parity][trainer]") {
    const auto files = fixtureFiles();
    INFO(kRegenerate);
    REQUIRE(files.size() == 2);
    for (const auto& file : files) {
        const TrainingFixture f = loadFixture(file);
        CAPTURE(f.name);
        train::Trainer trainer(f.network, f.init);
        const train::BatchResult result = trainer.computeGradients(f.batch, f.labels);
        CHECK(result.loss == Approx(f.at("loss").values()[0]).epsilon(kRelative));

        const Parameters expected = withPrefix(f.content, "step1.grad.");
        REQUIRE(expected.size() == trainer.gradients().size());
        double largest = 0;
        for (const auto& [name, g] : expected)
            for (float v : g.values()) largest = std::max(largest, double(std::fabs(v)));
        for (const auto& [name, g] : expected) {
            CAPTURE(name);
            const auto cmp =
                testing_support::compareClose(trainer.gradients().at(name).values(), g.values(),
                                              kRelative, kRelative * 1e-3 * largest);
            INFO(cmp.report);
            CHECK(cmp.ok);
        }
    }
}

TEST_CASE("training parity: weights and BN statistics after SGD steps match torch.optim.SGD",
          "[parity][trainer]") {
    for (const auto& file : fixtureFiles()) {
        const TrainingFixture f = loadFixture(file);
        CAPTURE(f.name);
        train::Trainer trainer(f.network, f.init, {f.number("momentum"), f.number("weight_decay")});
        const int steps = std::stoi(f.content.metadata.at("steps"));
        REQUIRE(steps >= 2);
        for (int s = 1; s <= steps; ++s) {
            trainer.computeGradients(f.batch,
                                     f.labels);  // the forward updates BN's running statistics
            const Parameters torchGradients =
                withPrefix(f.content, "step" + std::to_string(s) + ".grad.");
            REQUIRE(torchGradients.size() == trainer.gradients().size());
            for (const auto& [name, g] : torchGradients) trainer.setGradient(name, g);
            trainer.applySgd(f.number("lr"));
        }

        const Parameters expected = withPrefix(f.content, "after.");
        REQUIRE(expected.size() == trainer.parameters().size());
        for (const auto& [name, p] : expected) {
            CAPTURE(name);
            const auto cmp = testing_support::compareClose(trainer.parameters().at(name).values(),
                                                           p.values(), kRelative);
            INFO(cmp.report);
            CHECK(cmp.ok);
        }
    }
}

TEST_CASE("training parity: a second batch's gradients do not depend on the first's buffers",
          "[trainer]") {
    // The trainer zeroes only the gradient buffers that several steps sum into; every other one
    // must be overwritten completely by its single writer. A stale value would make the second
    // call differ from the first.
    for (const auto& file : fixtureFiles()) {
        const TrainingFixture f = loadFixture(file);
        CAPTURE(f.name);
        train::Trainer trainer(f.network, f.init);
        trainer.computeGradients(f.batch, f.labels);
        const Parameters first = trainer.gradients();
        Tensor other =
            f.batch;  // a different batch in between fills every buffer with other values
        for (float& v : other.values()) v = -2.0f * v + 0.5f;
        trainer.computeGradients(other, f.labels);
        trainer.computeGradients(f.batch, f.labels);
        for (const auto& [name, g] : first) {
            CAPTURE(name);
            REQUIRE(std::equal(g.data(), g.data() + g.size(), trainer.gradients().at(name).data()));
        }
    }
}
