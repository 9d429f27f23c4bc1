#include "shufflescope/io/checkpoint.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "shufflescope/base/error.h"
#include "shufflescope/io/config_json.h"

namespace shufflescope {

namespace {

using nlohmann::json;

// A configuration is a flat object; anything deeper is not one and is refused before code that
// walks JSON recursively sees it.
constexpr int kMaxConfigDepth = 2;

// PyTorch's BatchNorm keeps an int64 step counter that inference never reads.
// Keys that are not network parameters: PyTorch's BN batch counters and a training run's
// optimiser state (training_run.h), which a plain checkpoint reader ignores.
bool isNotAParameter(std::string_view key) {
    return key.ends_with(".num_batches_tracked") || key.starts_with(kOptimizerKeyPrefix);
}

// A weight that is not a number poisons every output after it ("nan%" predictions): the first
// such element, named, or nothing.
std::optional<std::string> nonFiniteValue(const std::string& name, const Tensor& tensor) {
    const auto values = tensor.values();
    const auto bad =
        std::find_if_not(values.begin(), values.end(), [](float v) { return std::isfinite(v); });
    if (bad == values.end()) return std::nullopt;
    return "tensor '" + name + "' holds " + (std::isnan(*bad) ? "NaN" : "an infinite value") +
           " at element " + std::to_string(bad - values.begin()) +
           "; weights must be finite numbers";
}

// Compares tensors with the network `expectation` describes, so that the message says which
// description the tensors contradict ("the configuration stored in the file (...)").
void checkAgainst(const Network& network, const Parameters& parameters, const std::string& path,
                  const std::string& expectation) {
    std::vector<std::string> problems;
    std::set<std::string> expected;
    for (const ParameterSpec& spec : network.parameterSpecs()) {
        expected.insert(spec.name);
        const auto it = parameters.find(spec.name);
        if (it == parameters.end())
            problems.push_back("tensor '" + spec.name + "' is missing, but " + expectation +
                               " needs it with shape " + shapeToString(spec.shape));
        else if (it->second.shape() != spec.shape)
            problems.push_back("tensor '" + spec.name + "' has shape " + it->second.shapeString() +
                               " but " + expectation + " expects " + shapeToString(spec.shape));
        else if (auto problem = nonFiniteValue(spec.name, it->second))
            problems.push_back(std::move(*problem));
    }
    for (const auto& [name, tensor] : parameters)
        if (!expected.contains(name))
            problems.push_back("tensor '" + name + "' (shape " + tensor.shapeString() +
                               ") is not part of " + expectation);
    if (problems.empty()) return;
    std::string message = displayPath(path) + ": " + problems.front();
    if (problems.size() > 1)
        message += " (and " + std::to_string(problems.size() - 1) + " more mismatches)";
    throw Error(message);
}

ModelConfig parseStoredConfig(const std::string& text, const std::string& path) {
    int depth = 0;
    const json::parser_callback_t measureDepth = [&depth](int d, json::parse_event_t, json&) {
        depth = std::max(depth, d);
        return true;
    };
    const json parsed = json::parse(text, measureDepth, /*allow_exceptions=*/false);
    if (parsed.is_discarded())
        throw Error(displayPath(path) + ": __metadata__ entry '" + kConfigMetadataKey +
                    "' is not valid JSON (expected a configuration object such as {\"groups\": 3, "
                    "...})");
    if (depth > kMaxConfigDepth)
        throw Error(displayPath(path) + ": __metadata__ entry '" + kConfigMetadataKey +
                    "' is nested " + std::to_string(depth) +
                    " levels deep (expected a flat configuration object)");
    return configFromJson(parsed, path);
}

Network buildStoredNetwork(const ModelConfig& config, const std::string& path) {
    try {
        return Network::build(config);
    } catch (const Error& e) {
        throw Error(displayPath(path) + ": the configuration stored in the file (" +
                    describe(config) + ") is invalid: " + e.what());
    }
}

// "groups: file has 8, requested 3; width scale: file has 1x, requested 0.5x"
std::string configDifferences(const ModelConfig& file, const ModelConfig& requested) {
    std::vector<std::string> differences;
    const auto compare = [&](const char* field, const std::string& a, const std::string& b) {
        if (a != b)
            differences.push_back(std::string(field) + ": file has " + a + ", requested " + b);
    };
    const auto onOff = [](bool on) { return std::string(on ? "on" : "off"); };
    const auto size = [](const ModelConfig& c) {
        return std::to_string(c.inputHeight) + "x" + std::to_string(c.inputWidth);
    };
    compare("preset", file.preset, requested.preset);
    compare("groups", std::to_string(file.groups), std::to_string(requested.groups));
    compare("width scale", widthScaleName(file.widthScale), widthScaleName(requested.widthScale));
    compare("shuffle", onOff(file.shuffle), onOff(requested.shuffle));
    compare("input channels", std::to_string(file.inChannels),
            std::to_string(requested.inChannels));
    compare("input size", size(file), size(requested));
    compare("classes", std::to_string(file.classes), std::to_string(requested.classes));
    compare("stem", stemKindName(file.stem), stemKindName(requested.stem));
    compare("grouped first pointwise", onOff(file.groupFirstPointwise),
            onOff(requested.groupFirstPointwise));
    // A field this list does not know yet still gets reported, if less precisely.
    if (differences.empty()) compare("configuration", describe(file), describe(requested));
    if (differences.empty()) differences.push_back("a field not shown in the summary differs");
    std::string joined;
    for (const std::string& d : differences) joined += (joined.empty() ? "" : "; ") + d;
    return joined;
}

bool sameParameterShapes(const Network& a, const Network& b) {
    const auto& specsA = a.parameterSpecs();
    const auto& specsB = b.parameterSpecs();
    if (specsA.size() != specsB.size()) return false;
    for (std::size_t i = 0; i < specsA.size(); ++i)
        if (specsA[i].name != specsB[i].name || specsA[i].shape != specsB[i].shape) return false;
    return true;
}

}  // namespace

Checkpoint readCheckpoint(const std::string& path) {
    SafetensorsContent content = readSafetensors(path, isNotAParameter);
    Checkpoint checkpoint;
    checkpoint.parameters = std::move(content.tensors);
    checkpoint.metadata = std::move(content.metadata);
    checkpoint.info = parseCheckpointMetadata(checkpoint.metadata);

    const auto stored = checkpoint.metadata.find(kConfigMetadataKey);
    if (stored == checkpoint.metadata.end()) return checkpoint;
    const ModelConfig config = parseStoredConfig(stored->second, path);
    const Network network = buildStoredNetwork(config, path);
    checkAgainst(network, checkpoint.parameters, path,
                 "the configuration stored in the file (" + describe(config) + ")");
    checkParameters(network, checkpoint.parameters, path);
    checkpoint.config = config;
    return checkpoint;
}

Parameters loadParameters(const std::string& path, const Network& network) {
    Checkpoint checkpoint = readCheckpoint(path);
    if (checkpoint.config && *checkpoint.config != network.config())
        throw Error(displayPath(path) + ": the file was saved for a different configuration (" +
                    configDifferences(*checkpoint.config, network.config()) + ")");
    checkAgainst(network, checkpoint.parameters, path,
                 "the requested network (" + describe(network.config()) + ")");
    checkParameters(network, checkpoint.parameters, path);
    return std::move(checkpoint.parameters);
}

void saveCheckpoint(const std::string& path, const Network& network, const Parameters& parameters,
                    const std::map<std::string, std::string>& extraMetadata, StorageType storage) {
    assert(!extraMetadata.contains(kConfigMetadataKey) &&
           !extraMetadata.contains(kFormatMetadataKey) &&
           "extra metadata overrides a reserved key");
    checkAgainst(network, parameters, path, "the network (" + describe(network.config()) + ")");
    checkParameters(network, parameters, path);
    // The file records only the configuration; a network built with hand-picked channel widths
    // would be rebuilt differently on reading, so such a file could never be loaded back.
    if (!sameParameterShapes(network, Network::build(network.config())))
        throw Error(displayPath(path) +
                    ": the network's channel widths are not the ones its configuration (" +
                    describe(network.config()) +
                    ") gives, and a checkpoint stores only the configuration");

    std::map<std::string, std::string> metadata = extraMetadata;
    metadata[kConfigMetadataKey] = configToJson(network.config()).dump();
    metadata[kFormatMetadataKey] = kCheckpointFormat;
    writeSafetensors(path, parameters, metadata, storage);
}

}  // namespace shufflescope
