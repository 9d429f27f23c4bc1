// The bundled Fashion-MNIST models (assets/models) keep their contract: each file is the
// configuration its name says, trained with the one recipe and seed, and records its test
// accuracy on all 10,000 test images; every shuffle-on model reaches 90% (g = 3: 91%); all
// together stay under 16 MB. All 16 configurations are there.

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "shufflescope/io/checkpoint.h"
#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"

using namespace shufflescope;
namespace fs = std::filesystem;

TEST_CASE(
    "bundled models: each is its named configuration, one recipe and seed, with its test accuracy",
    "[checkpoint]") {
    const fs::path directory = fs::path(SHUFFLESCOPE_ASSETS_DIR) / "models";
    std::uintmax_t totalBytes = 0;
    int found = 0;
    std::string recipe;  // the first model's, which every other must share
    for (int g = 1; g <= 8; ++g)
        for (const bool shuffle : {true, false}) {
            const fs::path path =
                directory / ("fashion-g" + std::to_string(g) +
                             (shuffle ? "-shuffle" : "-noshuffle") + ".safetensors");
            if (!fs::exists(path)) continue;
            CAPTURE(path.string());
            ++found;
            totalBytes += fs::file_size(path);
            const Checkpoint checkpoint = readCheckpoint(path.string());
            REQUIRE(checkpoint.config);
            ModelConfig expected = presetConfig("fashion");
            expected.groups = g;
            expected.shuffle = shuffle;
            CHECK(*checkpoint.config == expected);
            checkParameters(Network::build(expected), checkpoint.parameters, path.string());

            const auto& m = checkpoint.metadata;
            CHECK(m.at("trained") == "true");
            CHECK(m.at("epochs") == "8");
            CHECK(m.at("seed") == "1");
            CHECK(m.at("test_images") == "10000");
            const double accuracy = std::stod(m.at("test_accuracy"));
            CHECK(accuracy <= 1.0);
            if (shuffle) CHECK(accuracy >= (g == 3 ? 0.91 : 0.90));
            const nlohmann::json training = nlohmann::json::parse(m.at("training"));
            CHECK(training.at("epochs_done") == 8);
            CHECK(training.at("history").size() == 8);
            const std::string thisRecipe = training.at("recipe").dump();
            if (recipe.empty()) recipe = thisRecipe;
            CHECK(thisRecipe == recipe);
        }
    CHECK(found == 16);  // every g, shuffle on and off
    CHECK(totalBytes < 16u * 1024 * 1024);
}

// At g = 1 the channel shuffle is the identity and training is deterministic for a seed, so the
// two bundled g = 1 models must hold the same weights bit for bit (their metadata differs: the
// shuffle flag and the timings). A difference would mean one was trained differently.
TEST_CASE("bundled models: the g = 1 pair holds identical weights", "[checkpoint]") {
    const fs::path directory = fs::path(SHUFFLESCOPE_ASSETS_DIR) / "models";
    const Checkpoint on = readCheckpoint((directory / "fashion-g1-shuffle.safetensors").string());
    const Checkpoint off =
        readCheckpoint((directory / "fashion-g1-noshuffle.safetensors").string());
    REQUIRE(on.config);
    REQUIRE(off.config);
    CHECK(on.config->shuffle);
    CHECK_FALSE(off.config->shuffle);
    REQUIRE(on.parameters.size() == off.parameters.size());
    for (const auto& [name, tensor] : on.parameters) {
        CAPTURE(name);
        REQUIRE(off.parameters.count(name) == 1);
        const Tensor& other = off.parameters.at(name);
        REQUIRE(tensor.shape() == other.shape());
        // Bit for bit, not merely equal values.
        CHECK(std::memcmp(tensor.data(), other.data(),
                          sizeof(float) * static_cast<std::size_t>(tensor.size())) == 0);
    }
}
