#pragma once
// ModelConfig: everything that decides a ShuffleNet v1 network's shape. Two presets:
//   imagenet  3x224x224, 1000 classes, paper stem (conv 3x3/2 + max-pool 3x3/2), width 1x
//   fashion   1x32x32, 10 classes, small-input stem (conv 3x3/1, no pool), width 0.5x
// Groups g = 1..8, width scale in {0.25, 0.5, 1, 1.5, 2}. validateConfig() rejects anything else
// with a message naming the field.

#include <string>
#include <vector>

#include <string_view>
#include <vector>
#include "shufflescope/base/sentence.h"

namespace shufflescope {

// The paper's group counts: g = 1..8.
inline constexpr int kMaxGroups = 8;

enum class StemKind {
    Paper,       // 3x3 conv stride 2, BN, ReLU, 3x3 max-pool stride 2 (pad 1): /4 resolution
    SmallInput,  // 3x3 conv stride 1, BN, ReLU, no pool: keeps resolution for 32x32 inputs
};

struct ModelConfig {
    std::string preset = "imagenet";  // selects input normalisation and class labels
    int groups = 3;
    double widthScale = 1.0;
    bool shuffle = true;
    int inChannels = 3;
    int inputHeight = 224;
    int inputWidth = 224;
    int classes = 1000;
    StemKind stem = StemKind::Paper;
    // The seed's Keras code groups Stage 2's first 1x1 conv; the paper does not (too few inputs).
    bool groupFirstPointwise = false;

    bool operator==(const ModelConfig&) const = default;
};

// Throws Error for an unknown name; lists the known ones.
ModelConfig presetConfig(std::string_view name);
const std::vector<std::string>& presetNames();

// The width scales the paper evaluates.
const std::vector<double>& supportedWidthScales();

// Throws Error naming the first invalid field and the accepted range.
void validateConfig(const ModelConfig& config);

std::string stemKindName(StemKind kind);        // "paper" | "small-input"
StemKind parseStemKind(std::string_view name);  // throws Error
std::string widthScaleName(double scale);       // "0.5x"

// One-line human description: "imagenet, g=3, 1x, shuffle on, 3x224x224, 1000 classes".
std::string describe(const ModelConfig& config);
// The same description as sentences (base/sentence.h), so the app words it in its language.
std::vector<Sentence> describeSentences(const ModelConfig& config);

}  // namespace shufflescope
