// Checkpoints: parameters under the PyTorch state-dict names with the configuration in the
// metadata. Round trips, files PyTorch writes (no configuration, int64 num_batches_tracked), and
// every way a file can disagree with its own configuration or with the requested network.

#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "shufflescope/base/error.h"
#include "shufflescope/io/checkpoint.h"
#include "shufflescope/io/config_json.h"
#include "shufflescope/model/channel_widths.h"
#include "support/byte_writers.h"
#include "support/file_bytes.h"
#include "support/model_configs.h"
#include "support/temp_dir.h"

using namespace shufflescope;
using Catch::Contains;
using Catch::StartsWith;
using testing_support::fashionConfig;
using testing_support::readBytes;
using testing_support::safetensorsBytes;
using testing_support::TempDir;
using testing_support::writeBytes;

namespace {

// Deterministic, distinct values per tensor; running variances stay positive.
Parameters makeParameters(const Network& network, float seed = 0.0f) {
    Parameters parameters;
    int index = 0;
    for (const ParameterSpec& spec : network.parameterSpecs()) {
        Tensor tensor(spec.shape);
        const bool variance = spec.name.ends_with("running_var");
        for (int64_t i = 0; i < tensor.size(); ++i) {
            const float wave = std::sin(seed + 0.1f * float(index) + 0.013f * float(i));
            tensor[i] = variance ? 1.0f + 0.5f * wave * wave : wave;
        }
        parameters.emplace(spec.name, std::move(tensor));
        ++index;
    }
    return parameters;
}

std::map<std::string, std::string> configMetadata(const ModelConfig& config) {
    return {{kConfigMetadataKey, configToJson(config).dump()}};
}

// Puts a raw tensor (any dtype) in front of a serialised file's data, shifting the others, as a
// writer that orders tensors by dtype size would. Add the widest dtypes last to keep alignment.
std::string prependRawTensor(const std::string& file, const std::string& name,
                             const std::string& dtype, const std::vector<int64_t>& shape,
                             const std::string& data) {
    uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i) headerLength = (headerLength << 8) | uint8_t(file[i]);
    nlohmann::json header = nlohmann::json::parse(file.substr(8, headerLength));
    for (auto& [key, entry] : header.items()) {
        if (key == "__metadata__") continue;
        for (auto& offset : entry["data_offsets"]) offset = offset.get<uint64_t>() + data.size();
    }
    header[name] = {{"dtype", dtype}, {"shape", shape}, {"data_offsets", {0, data.size()}}};
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');
    return safetensorsBytes(text, data + file.substr(8 + headerLength), text.size());
}

// The first parameter (in canonical order) whose shape differs between two networks.
const ParameterSpec& firstShapeDifference(const Network& a, const Network& b) {
    for (std::size_t i = 0; i < a.parameterSpecs().size(); ++i)
        if (a.parameterSpecs()[i].shape != b.parameterSpecs().at(i).shape)
            return a.parameterSpecs()[i];
    FAIL("the networks have the same parameter shapes");
    return a.parameterSpecs().front();
}

}  // namespace

// =================================================================================================
// [SECTION] Round trips
// =================================================================================================

TEST_CASE("checkpoint: save then read returns configuration, parameters and metadata",
          "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const Network network = Network::build(fashionConfig(2));
    const Parameters parameters = makeParameters(network);
    saveCheckpoint(path, network, parameters, {{"epoch", "12"}});

    const Checkpoint checkpoint = readCheckpoint(path);
    REQUIRE(checkpoint.config.has_value());
    CHECK(*checkpoint.config == network.config());
    CHECK(checkpoint.metadata.at("epoch") == "12");
    CHECK(checkpoint.metadata.at("format") == "shufflescope-checkpoint-1");
    CHECK(checkpoint.metadata.count(kConfigMetadataKey) == 1);
    REQUIRE(checkpoint.parameters.size() == parameters.size());
    for (const auto& [name, expected] : parameters) {
        INFO("tensor " << name);
        const Tensor& actual = checkpoint.parameters.at(name);
        REQUIRE(actual.shape() == expected.shape());
        for (int64_t i = 0; i < expected.size(); ++i) REQUIRE(actual[i] == expected[i]);
    }
    CHECK(loadParameters(path, network).size() == parameters.size());
}

TEST_CASE("checkpoint: F16 and BF16 storage load widened to float", "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const Network network = Network::build(fashionConfig(2));
    const Parameters parameters = makeParameters(network, 1.0f);
    struct Case {
        StorageType storage;
        float (*roundTrip)(float);
    };
    const std::vector<Case> cases = {
        {StorageType::F16, [](float v) { return halfToFloat(floatToHalf(v)); }},
        {StorageType::BF16, [](float v) { return bfloat16ToFloat(floatToBfloat16(v)); }},
    };
    for (const Case& c : cases) {
        INFO("storage " << int(c.storage));
        saveCheckpoint(path, network, parameters, {}, c.storage);
        const Parameters loaded = loadParameters(path, network);
        for (const auto& [name, expected] : parameters) {
            INFO("tensor " << name);
            const Tensor& actual = loaded.at(name);
            for (int64_t i = 0; i < expected.size(); ++i)
                REQUIRE(actual[i] == c.roundTrip(expected[i]));
        }
    }
}

TEST_CASE("checkpoint: a file without configuration (as PyTorch writes) loads given the network",
          "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("pytorch.safetensors");
    const Network network = Network::build(fashionConfig(2));
    writeSafetensors(path, makeParameters(network), {{"format", "pt"}});
    const Checkpoint checkpoint = readCheckpoint(path);
    CHECK_FALSE(checkpoint.config.has_value());
    CHECK(loadParameters(path, network).size() == network.parameterSpecs().size());
}

TEST_CASE("checkpoint: num_batches_tracked entries are ignored, whatever their dtype",
          "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const Network network = Network::build(fashionConfig(2));
    const Parameters parameters = makeParameters(network);

    for (const bool withConfig : {true, false}) {
        INFO((withConfig ? "with configuration" : "without configuration"));
        std::string bytes =
            serializeSafetensors(parameters, withConfig ? configMetadata(network.config())
                                                        : std::map<std::string, std::string>{});
        // PyTorch's counters are int64 scalars; some exporters convert them to float.
        const std::string int64One("\x01\0\0\0\0\0\0\0", 8);
        const std::string floatOne("\0\0\x80\x3f", 4);
        bytes = prependRawTensor(bytes, "stages.0.0.bn2.num_batches_tracked", "F32", {}, floatOne);
        bytes = prependRawTensor(bytes, "stem.bn.num_batches_tracked", "I64", {}, int64One);
        bytes = prependRawTensor(bytes, "stages.0.0.bn1.num_batches_tracked", "I64", {}, int64One);
        writeBytes(path, bytes);

        const Checkpoint checkpoint = readCheckpoint(path);
        CHECK(checkpoint.parameters.size() == parameters.size());
        for (const auto& [name, tensor] : checkpoint.parameters)
            CHECK_FALSE(name.ends_with("num_batches_tracked"));
        CHECK(loadParameters(path, network).size() == parameters.size());
        // The generic reader still refuses the int64 tensor: only checkpoints know to skip it.
        REQUIRE_THROWS_WITH(readSafetensors(path),
                            Contains("dtype I64 of key 'stages.0.0.bn1.num_batches_tracked'"));
    }
}

TEST_CASE("checkpoint: a malformed num_batches_tracked entry is still refused", "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const Network network = Network::build(fashionConfig(2));
    std::string bytes = serializeSafetensors(makeParameters(network), {});
    // Claims 2 elements of I64 but holds 8 bytes.
    bytes = prependRawTensor(bytes, "stem.bn.num_batches_tracked", "I64", {2},
                             std::string("\x01\0\0\0\0\0\0\0", 8));
    writeBytes(path, bytes);
    REQUIRE_THROWS_WITH(readCheckpoint(path), StartsWith(path + ": ") &&
                                                  Contains("stem.bn.num_batches_tracked") &&
                                                  Contains("needs 2 x 8 bytes"));
}

// =================================================================================================
// [SECTION] Files that disagree with their configuration
// =================================================================================================

TEST_CASE("checkpoint: missing, extra and wrongly shaped keys are named", "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const Network network = Network::build(fashionConfig(2));
    const std::string described = describe(network.config());
    // REF stands for the description the tensors are checked against.
    struct Case {
        const char* what;
        void (*edit)(Parameters&);
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"missing key", [](Parameters& p) { p.erase("fc.bias"); },
         "tensor 'fc.bias' is missing, but REF needs it with shape [10]"},
        {"extra key",
         [](Parameters& p) {
             p.emplace("head.extra.weight", Tensor({3, 2}));
         },
         "tensor 'head.extra.weight' (shape [3, 2]) is not part of REF"},
        {"wrong shape",
         [](Parameters& p) {
             p.at("stages.1.2.dw.weight") = Tensor({5, 1, 3, 3});
         },
         "tensor 'stages.1.2.dw.weight' has shape [5, 1, 3, 3] but REF expects ["},
        {"transposed fc",
         [](Parameters& p) {
             Tensor& fc = p.at("fc.weight");
             fc = Tensor({fc.dim(1), fc.dim(0)});
         },
         "tensor 'fc.weight' has shape"},
        // Weights that are not numbers would print "nan%" predictions: refused by name.
        {"a NaN weight",
         [](Parameters& p) { p.at("stages.1.2.dw.weight").values()[7] = std::nanf(""); },
         "tensor 'stages.1.2.dw.weight' holds NaN at element 7; weights must be finite numbers"},
        {"an infinite weight",
         [](Parameters& p) {
             p.at("fc.bias").values()[0] = std::numeric_limits<float>::infinity();
         },
         "tensor 'fc.bias' holds an infinite value at element 0"},
    };
    const auto against = [](std::string text, const std::string& reference) {
        const std::size_t at = text.find("REF");
        if (at != std::string::npos) text.replace(at, 3, reference);
        return text;
    };
    for (const Case& c : cases) {
        INFO(c.what);
        Parameters parameters = makeParameters(network);
        c.edit(parameters);

        writeSafetensors(path, parameters, configMetadata(network.config()));
        const std::string stored = "the configuration stored in the file (" + described + ")";
        REQUIRE_THROWS_WITH(readCheckpoint(path),
                            StartsWith(path + ": ") && Contains(against(c.expected, stored)));
        REQUIRE_THROWS_WITH(loadParameters(path, network), StartsWith(path + ": "));

        // Without a stored configuration only the requested network can tell.
        writeSafetensors(path, parameters, {});
        REQUIRE_NOTHROW(readCheckpoint(path));
        const std::string requested = "the requested network (" + described + ")";
        REQUIRE_THROWS_WITH(loadParameters(path, network),
                            StartsWith(path + ": ") && Contains(against(c.expected, requested)));
    }
}

TEST_CASE("checkpoint: several mismatches are counted after the first", "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const Network network = Network::build(fashionConfig(2));
    Parameters parameters = makeParameters(network);
    parameters.erase("fc.bias");
    parameters.erase("fc.weight");
    parameters.erase("stem.bn.bias");
    writeSafetensors(path, parameters, configMetadata(network.config()));
    REQUIRE_THROWS_WITH(readCheckpoint(path), Contains("'stem.bn.bias' is missing") &&
                                                  Contains("(and 2 more mismatches)"));
}

TEST_CASE("checkpoint: a configuration that contradicts the tensors is reported as such",
          "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const Network actual = Network::build(fashionConfig(2));
    struct Case {
        const char* what;
        ModelConfig claimed;
    };
    ModelConfig wider = fashionConfig(2);
    wider.widthScale = 1.0;
    ModelConfig moreClasses = fashionConfig(2);
    moreClasses.classes = 12;
    const std::vector<Case> cases = {
        {"groups", fashionConfig(3)}, {"width", wider}, {"classes", moreClasses}};
    for (const Case& c : cases) {
        INFO(c.what);
        const Network claimed = Network::build(c.claimed);
        const ParameterSpec& first = firstShapeDifference(claimed, actual);
        const Parameters parameters = makeParameters(actual);
        writeSafetensors(path, parameters, configMetadata(c.claimed));
        const Tensor& stored = parameters.at(first.name);
        REQUIRE_THROWS_WITH(
            readCheckpoint(path),
            StartsWith(path + ": ") &&
                Contains("tensor '" + first.name + "' has shape " + stored.shapeString() +
                         " but the configuration stored in the file (" + describe(c.claimed) +
                         ") expects " + shapeToString(first.shape)));
    }
}

TEST_CASE("checkpoint: a bad stored configuration names the file and the key", "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const Network network = Network::build(fashionConfig(2));
    nlohmann::json badGroups = configToJson(network.config());
    badGroups["groups"] = 99;
    nlohmann::json missingField = configToJson(network.config());
    missingField.erase("classes");
    const std::size_t depth = 100'000;
    struct Case {
        const char* what;
        std::string value;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"not JSON", "g=3, 1x", "__metadata__ entry 'shufflescope.config' is not valid JSON"},
        {"not an object", "[1, 2]", "configuration is not a JSON object"},
        {"out of range", badGroups.dump(), "groups"},
        {"missing field", missingField.dump(), "'classes'"},
        {"deeply nested", R"({"preset":)" + std::string(depth, '[') + std::string(depth, ']') + "}",
         "nested"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        writeSafetensors(path, makeParameters(network), {{kConfigMetadataKey, c.value}});
        REQUIRE_THROWS_WITH(readCheckpoint(path), StartsWith(path + ": ") && Contains(c.expected));
    }
}

// =================================================================================================
// [SECTION] Loading into a different network, saving
// =================================================================================================

TEST_CASE("checkpoint: loading into a differently configured network names the fields",
          "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const Network saved = Network::build(fashionConfig(2));
    saveCheckpoint(path, saved, makeParameters(saved));

    struct Case {
        const char* what;
        ModelConfig requested;
        std::vector<std::string> expected;
    };
    ModelConfig noShuffle = fashionConfig(2);
    noShuffle.shuffle = false;
    ModelConfig several = fashionConfig(8);
    several.widthScale = 1.0;
    several.classes = 7;
    const std::vector<Case> cases = {
        {"groups", fashionConfig(3), {"groups: file has 2, requested 3"}},
        {"shuffle only (same tensors)", noShuffle, {"shuffle: file has on, requested off"}},
        {"several fields",
         several,
         {"groups: file has 2, requested 8", "width scale: file has 0.5x, requested 1x",
          "classes: file has 10, requested 7"}},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        const Network requested = Network::build(c.requested);
        try {
            loadParameters(path, requested);
            FAIL("expected an Error");
        } catch (const Error& e) {
            const std::string message = e.what();
            CHECK_THAT(message, StartsWith(path + ": ") && Contains("different configuration"));
            for (const std::string& field : c.expected) CHECK_THAT(message, Contains(field));
        }
    }
}

TEST_CASE("checkpoint: saving refuses parameters that do not fit the network", "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const Network network = Network::build(fashionConfig(2));
    Parameters parameters = makeParameters(network);
    parameters.erase("stages.2.3.bn3.running_var");
    REQUIRE_THROWS_WITH(saveCheckpoint(path, network, parameters),
                        StartsWith(path + ": ") && Contains("'stages.2.3.bn3.running_var'"));
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("checkpoint: saving a network with hand-picked widths is refused", "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const ModelConfig config = fashionConfig(2);
    // The 1x widths for g = 2 are valid, but the 0.5x configuration would rebuild other ones.
    const Network network = Network::build(config, channelWidths(2, 1.0));
    REQUIRE_THROWS_WITH(saveCheckpoint(path, network, makeParameters(network)),
                        StartsWith(path + ": ") && Contains("channel widths"));
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("checkpoint: saving replaces an existing file", "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    const std::string path = dir.file("model.safetensors");
    const Network two = Network::build(fashionConfig(2));
    const Network four = Network::build(fashionConfig(4));
    saveCheckpoint(path, two, makeParameters(two));
    const std::string first = readBytes(path);
    saveCheckpoint(path, four, makeParameters(four));
    CHECK(readBytes(path) != first);
    CHECK(readCheckpoint(path).config->groups == 4);
}

TEST_CASE("checkpoint: a file name with a newline or a terminal escape is shown escaped",
          "[checkpoint]") {
    TempDir dir("shufflescope-ckpt-test");
    // A name an attacker could hand out: it would end the message's line and clear the screen.
    const std::string path = dir.file("model\n\x1b[2J.safetensors");
    const std::string shown = dir.file("model\\n\\x1b[2J.safetensors");
    const Network saved = Network::build(fashionConfig(2));
    saveCheckpoint(path, saved, makeParameters(saved));
    REQUIRE_THROWS_WITH(loadParameters(path, Network::build(fashionConfig(3))),
                        StartsWith(shown + ": the file was saved for a different configuration"));
    // A missing file and a bad stored configuration: the same spelling.
    REQUIRE_THROWS_WITH(readCheckpoint(path + "x"), StartsWith(shown + "x: file does not exist"));
    Parameters wrong = makeParameters(saved);
    wrong.erase(wrong.begin());
    REQUIRE_THROWS_WITH(checkParameters(saved, wrong, path), StartsWith(shown + ": tensor '"));
}
