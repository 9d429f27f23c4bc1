#include "shufflescope/model/config.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "shufflescope/base/error.h"

namespace shufflescope {

namespace {
constexpr int kMinInputSide = 8, kMaxInputSide = 1024;
constexpr int kMaxInChannels = 64;
constexpr int kMaxClasses = 100000;

std::string range(int lo, int hi) {
    return std::to_string(lo) + ".." + std::to_string(hi);
}
}  // namespace

const std::vector<std::string>& presetNames() {
    static const std::vector<std::string> names = {"imagenet", "fashion"};
    return names;
}

ModelConfig presetConfig(std::string_view name) {
    ModelConfig config;
    if (name == "imagenet") return config;
    if (name == "fashion") {
        config.preset = "fashion";
        config.widthScale = 0.5;
        config.inChannels = 1;
        config.inputHeight = config.inputWidth = 32;
        config.classes = 10;
        config.stem = StemKind::SmallInput;
        return config;
    }
    throw Error("unknown preset '" + std::string(name) + "' (expected imagenet or fashion)");
}

const std::vector<double>& supportedWidthScales() {
    static const std::vector<double> scales = {0.25, 0.5, 1.0, 1.5, 2.0};
    return scales;
}

void validateConfig(const ModelConfig& c) {
    if (std::find(presetNames().begin(), presetNames().end(), c.preset) == presetNames().end())
        throw Error("preset: unknown '" + c.preset + "' (expected imagenet or fashion)");
    if (c.groups < 1 || c.groups > kMaxGroups)
        throw Error("groups: " + std::to_string(c.groups) + " is out of range (expected " +
                    range(1, kMaxGroups) + ")");
    const auto& scales = supportedWidthScales();
    if (std::find(scales.begin(), scales.end(), c.widthScale) == scales.end()) {
        std::ostringstream message;
        message << "width scale: " << c.widthScale
                << " is not one the paper uses (expected 0.25, 0.5, 1, 1.5 or 2)";
        throw Error(message.str());
    }
    if (c.inChannels < 1 || c.inChannels > kMaxInChannels)
        throw Error("input channels: " + std::to_string(c.inChannels) +
                    " is out of range (expected " + range(1, kMaxInChannels) + ")");
    for (auto [side, name] :
         {std::pair{c.inputHeight, "input height"}, {c.inputWidth, "input width"}})
        if (side < kMinInputSide || side > kMaxInputSide)
            throw Error(std::string(name) + ": " + std::to_string(side) +
                        " is out of range (expected " + range(kMinInputSide, kMaxInputSide) + ")");
    if (c.classes < 1 || c.classes > kMaxClasses)
        throw Error("classes: " + std::to_string(c.classes) + " is out of range (expected " +
                    range(1, kMaxClasses) + ")");
}

std::string stemKindName(StemKind kind) {
    return kind == StemKind::Paper ? "paper" : "small-input";
}

StemKind parseStemKind(std::string_view name) {
    if (name == "paper") return StemKind::Paper;
    if (name == "small-input") return StemKind::SmallInput;
    throw Error("stem: unknown '" + std::string(name) + "' (expected paper or small-input)");
}

std::string widthScaleName(double scale) {
    std::ostringstream out;
    out << scale << 'x';
    return out.str();
}

std::vector<Sentence> describeSentences(const ModelConfig& c) {
    constexpr const char* kContext = "ConfigDescription";
    std::vector<Sentence> parts{
        {kContext, "%1", {c.preset}},
        {kContext, "g=%1", {std::to_string(c.groups)}},
        {kContext, "%1", {widthScaleName(c.widthScale)}},
        {kContext, c.shuffle ? SHUFFLESCOPE_TRANSLATE_NOOP("ConfigDescription", "shuffle on")
                             : SHUFFLESCOPE_TRANSLATE_NOOP("ConfigDescription", "shuffle off")},
        {kContext,
         "%1x%2x%3",
         {std::to_string(c.inChannels), std::to_string(c.inputHeight),
          std::to_string(c.inputWidth)}},
        {kContext,
         SHUFFLESCOPE_TRANSLATE_NOOP("ConfigDescription", "%1 classes"),
         {std::to_string(c.classes)}},
        {kContext, c.stem == StemKind::Paper
                       ? SHUFFLESCOPE_TRANSLATE_NOOP("ConfigDescription", "paper stem")
                       : SHUFFLESCOPE_TRANSLATE_NOOP("ConfigDescription", "small-input stem")}};
    if (c.groupFirstPointwise)
        parts.push_back(
            {kContext, SHUFFLESCOPE_TRANSLATE_NOOP("ConfigDescription",
                                                   "grouped first 1x1 (seed's Keras variant)")});
    // Separated by ", " (a sentence of its own, so a language can use its own comma).
    std::vector<Sentence> sentences;
    for (Sentence& part : parts) {
        if (!sentences.empty())
            sentences.push_back({kContext, SHUFFLESCOPE_TRANSLATE_NOOP("ConfigDescription", ", ")});
        sentences.push_back(std::move(part));
    }
    return sentences;
}

std::string describe(const ModelConfig& c) {
    return englishText(describeSentences(c));
}

}  // namespace shufflescope
