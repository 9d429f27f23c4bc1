// PyTorch parity through committed fixtures (tests/fixtures/*.safetensors, written by
// tests/pytorch/make_fixtures.py): the same weights and input through PyTorch's ShuffleNet v1
// module and through the engine must give every captured step's output within
// 1e-4 x that tensor's max magnitude. Needs no Python to run.

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>

#include "shufflescope/exec/capture_forward.h"
#include "shufflescope/exec/fast_forward.h"
#include "shufflescope/io/config_json.h"
#include "shufflescope/io/safetensors.h"
#include "support/fixture_files.h"
#include "support/tensor_compare.h"

using namespace shufflescope;

namespace {

constexpr const char* kFixtureFormat = "1";
constexpr const char* kRegenerate =
    "regenerate the fixtures: cmake --build build && /usr/bin/python3 "
    "tests/pytorch/make_fixtures.py "
    "--cli build/app/shufflescope-cli";

std::vector<std::filesystem::path> fixtureFiles() {
    return testing_support::safetensorsFilesIn(SHUFFLESCOPE_FIXTURES_DIR);
}

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("the parity fixtures cover every configuration the issue names", "[parity]") {
    std::set<std::string> names;
    for (const auto& f : fixtureFiles()) names.insert(f.stem().string());
    INFO(kRegenerate);
    for (const char* expected : {"g1_shuffle", "g2_shuffle", "g3_shuffle", "g4_shuffle",
                                 "g8_shuffle", "g3_noshuffle", "g8_noshuffle", "fashion_g3"})
        CHECK(names.count(expected) == 1);
}

TEST_CASE("every captured step matches PyTorch", "[parity]") {
    const auto files = fixtureFiles();
    REQUIRE_FALSE(files.empty());
    for (const auto& file : files) {
        const std::string name = file.filename().string();
        CAPTURE(name);
        INFO(kRegenerate);
        const SafetensorsContent fixture = readSafetensors(file.string());
        const auto format = fixture.metadata.find("fixture_format");
        REQUIRE(format != fixture.metadata.end());
        REQUIRE(format->second == kFixtureFormat);

        const ModelConfig config =
            configFromJson(nlohmann::json::parse(fixture.metadata.at("shufflescope.config")), name);
        const Network net = Network::build(config);
        Parameters params;
        for (const auto& [key, tensor] : fixture.tensors)
            if (!startsWith(key, "capture.") && key != "input" && key != "logits" &&
                key.find("num_batches_tracked") == std::string::npos)
                params.emplace(key, tensor);
        checkParameters(net, params, name);

        // The fixture's step list must be the engine's: a renamed or added step means a stale
        // fixture.
        std::ostringstream engineSteps;
        for (int i = 0; i < net.stepCount(); ++i) engineSteps << (i ? "," : "") << net.step(i).name;
        REQUIRE(fixture.metadata.at("step_names") == engineSteps.str());

        const std::vector<Tensor> outputs =
            forwardCapture(net, params, fixture.tensors.at("input"));
        for (int i = 1; i < net.stepCount(); ++i) {
            const std::string step = net.step(i).name;
            CAPTURE(step);
            const Tensor& expected = fixture.tensors.at("capture." + step);
            const Tensor& actual = outputs[std::size_t(i)];
            REQUIRE(actual.shape() == expected.shape());
            const auto cmp = testing_support::compareClose(actual.values(), expected.values());
            INFO(cmp.report);
            REQUIRE(cmp.ok);
        }

        // The fast path reaches PyTorch's logits too.
        const Tensor& logits = fixture.tensors.at("logits");
        FastForward fast(net, params);
        std::vector<float> fastLogits(static_cast<std::size_t>(config.classes));
        fast.run(fixture.tensors.at("input").data(), fastLogits.data());
        const auto cmp = testing_support::compareClose(fastLogits, logits.values());
        INFO(cmp.report);
        REQUIRE(cmp.ok);
    }
}
