#pragma once
// Network: the ShuffleNet v1 graph for one ModelConfig, as an ordered list of steps. Every view,
// counter and lesson reads this one description: the forward passes execute it, the cost
// accounting and the channel reachability walk it.
//
// Step names (capture order):
//   input
//   stem.conv, stem.bn, stem.relu, [stem.pool]          (pool only with the paper stem)
//   stages.{i}.{j}.pw1, bn1, relu1, shuffle, dw, bn2, pw2, bn3,
//                  [shortcut,] add | concat, relu         (shortcut + concat in stride-2 units)
//   head.pool, head.fc, head.softmax
// i = 0, 1, 2 for the paper's Stages 2, 3, 4; j = unit in the stage (0 is the stride-2 unit).
// Names match the checkpoint keys: step "stages.0.1.pw1" reads "stages.0.1.pw1.weight";
// head.fc reads "fc.weight" / "fc.bias".
//
// A stride-2 unit concatenates [shortcut, main] where shortcut = 3x3 average pool, stride 2,
// padding 1, zero padding counted (PyTorch's count_include_pad=True).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shufflescope/model/channel_widths.h"
#include "shufflescope/model/config.h"

namespace shufflescope {

enum class StepKind {
    Input,
    Conv,           // dense KxK convolution (the stem)
    PointwiseConv,  // 1x1 convolution, `groups` groups (1 = dense)
    DepthwiseConv,  // 3x3, one filter per channel
    BatchNorm,      // inference: running statistics, eps 1e-5
    ReLU,
    MaxPool,
    AvgPool,         // the stride-2 shortcut
    ChannelShuffle,  // `groups` groups; identity when `enabled` is false or groups == 1
    Add,
    Concat,  // [inputs[0], inputs[1]] along channels
    GlobalAvgPool,
    FullyConnected,
    Softmax,
};

std::string stepKindName(StepKind kind);  // "pointwise_conv", "channel_shuffle", ...

struct StepShape {
    int channels = 0, height = 0, width = 0;
    long long size() const { return 1LL * channels * height * width; }
    bool operator==(const StepShape&) const = default;
};

struct Step {
    std::string name;
    StepKind kind = StepKind::Input;
    std::vector<int> inputs;  // indices of earlier steps
    StepShape out;            // per image
    int groups = 1;           // convolutions and shuffle
    int kernel = 1, stride = 1, padding = 0;
    bool enabled = true;          // ChannelShuffle: false when the shuffle is switched off
    int stage = -1;               // 0..2 for stages.{i}, -1 for input/stem/head
    int unit = -1;                // j in stages.{i}.{j}
    std::string parameterPrefix;  // "" when the step has no parameters
};

// A learnable (or running-statistic) tensor of the checkpoint, with its PyTorch shape.
struct ParameterSpec {
    std::string name;
    std::vector<int64_t> shape;
    bool trainable = true;  // false for BN running_mean / running_var
};

// Where the named parts of the network are: step indices, resolved when the network is built, so
// code that needs "the FC layer" or "unit 1.3's shuffle" asks for it by type, not by name string.
struct StemSteps {
    int conv = -1, bn = -1, relu = -1;
    std::optional<int> pool;  // the paper stem's 3x3/2 max pool; none with the small-input stem
    int output() const { return pool ? *pool : relu; }
};

struct UnitSteps {
    int stage = -1, unit = -1;
    int input = -1;  // the step the unit reads (the previous unit's relu, or the stem's output)
    int pw1 = -1, bn1 = -1, relu1 = -1, shuffle = -1, dw = -1, bn2 = -1, pw2 = -1, bn3 = -1;
    std::optional<int> shortcut;  // stride-2 units: the 3x3/2 average pool of the input
    int merge = -1;               // the add (stride 1) or concat (stride 2)
    int relu = -1;                // the unit's output
    std::string prefix;           // "stages.{stage}.{unit}."
};

struct HeadSteps {
    int pool = -1, fc = -1, softmax = -1;
};

// Which part of the network a step belongs to.
enum class NetworkPart { Input, Stem, Stages, Head };

class Network {
  public:
    // Validates the config (throws Error) and resolves its channel widths.
    static Network build(const ModelConfig& config);
    // For tooling that needs explicit widths (the width rule searches over them).
    static Network build(const ModelConfig& config, const ChannelWidths& widths);

    const ModelConfig& config() const { return config_; }
    const ChannelWidths& widths() const { return widths_; }
    const std::vector<Step>& steps() const { return steps_; }
    const Step& step(int index) const { return steps_.at(static_cast<std::size_t>(index)); }
    int stepCount() const { return static_cast<int>(steps_.size()); }
    std::optional<int> findStep(std::string_view name) const;

    const StemSteps& stem() const { return stem_; }
    int stemConv() const { return stem_.conv; }
    // Every unit in execution order (stage 0's four, stage 1's eight, stage 2's four).
    const std::vector<UnitSteps>& units() const { return units_; }
    // Unit j of stage i (0-based, as in the step names); throws Error when there is none.
    const UnitSteps& unit(int stage, int unit) const;
    const HeadSteps& head() const { return head_; }
    int fc() const { return head_.fc; }
    NetworkPart partOf(int step) const;

    // Every tensor a checkpoint holds, in canonical order (stem, stages, fc).
    const std::vector<ParameterSpec>& parameterSpecs() const { return parameters_; }

    // Units per stage: 1 stride-2 unit followed by 3 / 7 / 3 stride-1 units.
    static constexpr int kUnitsPerStage[3] = {4, 8, 4};

  private:
    ModelConfig config_;
    ChannelWidths widths_;
    std::vector<Step> steps_;
    std::vector<ParameterSpec> parameters_;
    StemSteps stem_;
    std::vector<UnitSteps> units_;
    HeadSteps head_;
};

// Where the step a user has selected goes when the network changes (another g, preset or
// checkpoint), in one place for the scenes, the session and the step keys: the step of that name
// in `to`; else the step at the same index as `name` had in `from` (the paper stem's pool has no
// twin in the small-input stem; `from` is null when the old configuration builds no network);
// else `fallbackIndex`. Always an index of `to`.
int stepAtSamePlace(std::string_view name, const Network* from, const Network& to,
                    int fallbackIndex);

}  // namespace shufflescope
