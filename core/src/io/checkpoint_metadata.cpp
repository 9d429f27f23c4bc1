#include "shufflescope/io/checkpoint_metadata.h"

#include <cmath>
#include <sstream>
#include <string_view>

#include "shufflescope/io/safetensors.h"

namespace shufflescope {

namespace {

constexpr const char* kTrained = "trained";
constexpr const char* kEpochs = "epochs";
constexpr const char* kSeed = "seed";
constexpr const char* kTestAccuracy = "test_accuracy";
constexpr const char* kTestAccuracyF32 = "test_accuracy_f32";
constexpr const char* kTestImages = "test_images";

// The whole string as a number in [low, high], or nothing.
std::optional<double> number(const std::map<std::string, std::string>& entries, const char* key,
                             double low, double high) {
    const auto it = entries.find(key);
    if (it == entries.end()) return std::nullopt;
    std::istringstream in(it->second);
    in.imbue(std::locale::classic());
    double value = 0;
    if (!(in >> value) || !(in >> std::ws).eof() || !(value >= low && value <= high))
        return std::nullopt;
    return value;
}

std::optional<int> whole(const std::map<std::string, std::string>& entries, const char* key,
                         double low, double high) {
    const std::optional<double> value = number(entries, key, low, high);
    if (!value || std::floor(*value) != *value) return std::nullopt;
    return int(*value);
}

// Enough digits that the value reads back exactly.
std::string exact(double value) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out.precision(17);
    out << value;
    return out.str();
}

}  // namespace

std::map<std::string, std::string> CheckpointMetadata::entries() const {
    std::map<std::string, std::string> e{{kTrained, trained ? "true" : "false"}};
    if (epochs) e[kEpochs] = std::to_string(*epochs);
    if (seed) e[kSeed] = std::to_string(*seed);
    if (testAccuracy) e[kTestAccuracy] = exact(*testAccuracy);
    if (testAccuracyF32) e[kTestAccuracyF32] = exact(*testAccuracyF32);
    if (testImages) e[kTestImages] = std::to_string(*testImages);
    if (training) e[kTrainingMetadataKey] = *training;
    return e;
}

CheckpointMetadata parseCheckpointMetadata(const std::map<std::string, std::string>& entries) {
    CheckpointMetadata m;
    const auto trained = entries.find(kTrained);
    m.trained = trained != entries.end() && trained->second == "true";
    m.epochs = whole(entries, kEpochs, 1, 1e6);
    if (const auto seed = entries.find(kSeed); seed != entries.end()) {
        try {
            std::size_t used = 0;
            const unsigned long long value = std::stoull(seed->second, &used);
            if (used == seed->second.size() && !seed->second.starts_with('-')) m.seed = value;
        } catch (const std::exception&) {
            // not a number: absent
        }
    }
    m.testAccuracy = number(entries, kTestAccuracy, 0, 1);
    m.testAccuracyF32 = number(entries, kTestAccuracyF32, 0, 1);
    m.testImages = whole(entries, kTestImages, 1, 1e9);
    if (const auto training = entries.find(kTrainingMetadataKey); training != entries.end())
        m.training = training->second;
    return m;
}

CheckpointMetadata readCheckpointMetadata(const std::string& path) {
    return parseCheckpointMetadata(
        readSafetensors(path, [](std::string_view) { return true; }).metadata);
}

}  // namespace shufflescope
