// ModelConfig <-> JSON, as stored in checkpoints: round trip and every kind of bad field.

#include <catch2/catch.hpp>

#include "shufflescope/base/error.h"
#include "shufflescope/io/config_json.h"

using namespace shufflescope;
using Catch::Matchers::Contains;

TEST_CASE("configurations survive a JSON round trip", "[config]") {
    for (const char* preset : {"imagenet", "fashion"}) {
        ModelConfig c = presetConfig(preset);
        c.groups = 7;
        c.shuffle = false;
        c.groupFirstPointwise = true;
        REQUIRE(configFromJson(configToJson(c), "x") == c);
    }
}

TEST_CASE("bad configuration fields are named", "[config]") {
    const auto refused = [](auto edit, const std::string& message) {
        nlohmann::json j = configToJson(presetConfig("imagenet"));
        edit(j);
        REQUIRE_THROWS_WITH(configFromJson(j, "model.safetensors"),
                            Contains("model.safetensors") && Contains(message));
    };
    refused([](nlohmann::json& j) { j.erase("groups"); }, "'groups' is missing");
    refused([](nlohmann::json& j) { j["groups"] = "3"; }, "'groups' should be an integer");
    refused([](nlohmann::json& j) { j["groups"] = 4294967299LL; }, "'groups' is out of range");
    refused([](nlohmann::json& j) { j["groups"] = 12; }, "groups: 12 is out of range");
    refused([](nlohmann::json& j) { j["width_scale"] = 3; }, "width scale");
    refused([](nlohmann::json& j) { j["shuffle"] = 1; }, "'shuffle' should be true or false");
    refused([](nlohmann::json& j) { j["stem"] = "big"; }, "stem: unknown 'big'");
    refused([](nlohmann::json& j) { j = nlohmann::json::array(); }, "not a JSON object");
}
