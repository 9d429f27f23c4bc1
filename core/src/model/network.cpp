#include "shufflescope/model/network.h"

#include <algorithm>

#include "shufflescope/base/error.h"

namespace shufflescope {

std::string stepKindName(StepKind kind) {
    switch (kind) {
        case StepKind::Input:
            return "input";
        case StepKind::Conv:
            return "conv";
        case StepKind::PointwiseConv:
            return "pointwise_conv";
        case StepKind::DepthwiseConv:
            return "depthwise_conv";
        case StepKind::BatchNorm:
            return "batch_norm";
        case StepKind::ReLU:
            return "relu";
        case StepKind::MaxPool:
            return "max_pool";
        case StepKind::AvgPool:
            return "avg_pool";
        case StepKind::ChannelShuffle:
            return "channel_shuffle";
        case StepKind::Add:
            return "add";
        case StepKind::Concat:
            return "concat";
        case StepKind::GlobalAvgPool:
            return "global_avg_pool";
        case StepKind::FullyConnected:
            return "fully_connected";
        case StepKind::Softmax:
            return "softmax";
    }
    return "unknown";
}

namespace {

// Output extent of a 3x3 window with padding 1 (every spatial op in ShuffleNet).
int windowOutput(int extent, int stride) {
    return (extent + 2 - 3) / stride + 1;
}

// Builds the step list and the parameter list together so the two can never disagree.
class Builder {
  public:
    Builder(const ModelConfig& config, std::vector<Step>& steps, std::vector<ParameterSpec>& params)
        : config_(config), steps_(steps), params_(params) {}

    int add(Step step) {
        steps_.push_back(std::move(step));
        return static_cast<int>(steps_.size()) - 1;
    }

    const StepShape& shapeOf(int index) const {
        return steps_[static_cast<std::size_t>(index)].out;
    }

    int conv(std::string name, int input, StepKind kind, int outChannels, int kernel, int stride,
             int groups, int stage, int unit) {
        const StepShape in = shapeOf(input);
        const int padding = kernel / 2;
        Step s{.name = name,
               .kind = kind,
               .inputs = {input},
               .out = {outChannels, (in.height + 2 * padding - kernel) / stride + 1,
                       (in.width + 2 * padding - kernel) / stride + 1},
               .groups = groups,
               .kernel = kernel,
               .stride = stride,
               .padding = padding,
               .stage = stage,
               .unit = unit,
               .parameterPrefix = name};
        params_.push_back({name + ".weight", {outChannels, in.channels / groups, kernel, kernel}});
        return add(std::move(s));
    }

    int batchNorm(std::string name, int input, int stage, int unit) {
        const int c = shapeOf(input).channels;
        for (const char* suffix : {".weight", ".bias"}) params_.push_back({name + suffix, {c}});
        for (const char* suffix : {".running_mean", ".running_var"})
            params_.push_back({name + suffix, {c}, false});
        return add({.name = name,
                    .kind = StepKind::BatchNorm,
                    .inputs = {input},
                    .out = shapeOf(input),
                    .stage = stage,
                    .unit = unit,
                    .parameterPrefix = name});
    }

    int simple(std::string name, StepKind kind, std::vector<int> inputs, StepShape out, int stage,
               int unit) {
        return add({.name = std::move(name),
                    .kind = kind,
                    .inputs = std::move(inputs),
                    .out = out,
                    .stage = stage,
                    .unit = unit});
    }

    int window(std::string name, StepKind kind, int input, int stride, int stage, int unit) {
        const StepShape in = shapeOf(input);
        Step s{
            .name = std::move(name),
            .kind = kind,
            .inputs = {input},
            .out = {in.channels, windowOutput(in.height, stride), windowOutput(in.width, stride)},
            .kernel = 3,
            .stride = stride,
            .padding = 1,
            .stage = stage,
            .unit = unit};
        return add(std::move(s));
    }

    // One ShuffleNet unit: its steps, ending with the ReLU that is its output.
    UnitSteps unit(int input, int stage, int unitIndex, int outChannels) {
        const std::string prefix =
            "stages." + std::to_string(stage) + "." + std::to_string(unitIndex) + ".";
        const int g = config_.groups;
        const int stride = unitIndex == 0 ? 2 : 1;
        const int inChannels = shapeOf(input).channels;
        const int mid = outChannels / 4;
        const bool firstUnit = stage == 0 && unitIndex == 0;
        const int g1 = firstUnit && !config_.groupFirstPointwise ? 1 : g;
        const int outMain = stride == 2 ? outChannels - inChannels : outChannels;
        const std::string where = "stages." + std::to_string(stage) + "." +
                                  std::to_string(unitIndex) + " (g=" + std::to_string(g) + ")";
        if (inChannels % g1 != 0)
            throw Error(where + ": its first 1x1 convolution's " + std::to_string(inChannels) +
                        " input channels cannot be split into " + std::to_string(g1) + " groups");
        if (mid % g != 0)
            throw Error(where + ": the bottleneck of " + std::to_string(mid) +
                        " channels cannot be split into " + std::to_string(g) + " groups");
        if (outMain <= 0 || outMain % g != 0)
            throw Error(where + ": the main branch's " + std::to_string(outMain) +
                        " output channels cannot be split into " + std::to_string(g) + " groups");

        UnitSteps u{.stage = stage, .unit = unitIndex, .input = input, .prefix = prefix};
        u.pw1 =
            conv(prefix + "pw1", input, StepKind::PointwiseConv, mid, 1, 1, g1, stage, unitIndex);
        u.bn1 = batchNorm(prefix + "bn1", u.pw1, stage, unitIndex);
        u.relu1 =
            simple(prefix + "relu1", StepKind::ReLU, {u.bn1}, shapeOf(u.bn1), stage, unitIndex);
        Step shuffle{.name = prefix + "shuffle",
                     .kind = StepKind::ChannelShuffle,
                     .inputs = {u.relu1},
                     .out = shapeOf(u.relu1),
                     .groups = g,
                     .enabled = config_.shuffle,
                     .stage = stage,
                     .unit = unitIndex};
        u.shuffle = add(std::move(shuffle));
        u.dw = conv(prefix + "dw", u.shuffle, StepKind::DepthwiseConv, mid, 3, stride, mid, stage,
                    unitIndex);
        u.bn2 = batchNorm(prefix + "bn2", u.dw, stage, unitIndex);
        u.pw2 = conv(prefix + "pw2", u.bn2, StepKind::PointwiseConv, outMain, 1, 1, g, stage,
                     unitIndex);
        u.bn3 = batchNorm(prefix + "bn3", u.pw2, stage, unitIndex);
        const StepShape mainShape = shapeOf(u.bn3);
        if (stride == 2) {
            u.shortcut = window(prefix + "shortcut", StepKind::AvgPool, input, 2, stage, unitIndex);
            u.merge = simple(prefix + "concat", StepKind::Concat, {*u.shortcut, u.bn3},
                             {outChannels, mainShape.height, mainShape.width}, stage, unitIndex);
        } else {
            u.merge =
                simple(prefix + "add", StepKind::Add, {input, u.bn3}, mainShape, stage, unitIndex);
        }
        u.relu =
            simple(prefix + "relu", StepKind::ReLU, {u.merge}, shapeOf(u.merge), stage, unitIndex);
        return u;
    }

  private:
    const ModelConfig& config_;
    std::vector<Step>& steps_;
    std::vector<ParameterSpec>& params_;
};

}  // namespace

Network Network::build(const ModelConfig& config) {
    validateConfig(config);
    return build(config, channelWidths(config.groups, config.widthScale));
}

Network Network::build(const ModelConfig& config, const ChannelWidths& widths) {
    validateConfig(config);
    Network net;
    net.config_ = config;
    net.widths_ = widths;
    Builder b(config, net.steps_, net.parameters_);

    const int input = b.simple("input", StepKind::Input, {},
                               {config.inChannels, config.inputHeight, config.inputWidth}, -1, -1);
    const int stemStride = config.stem == StemKind::Paper ? 2 : 1;
    StemSteps& stem = net.stem_;
    stem.conv = b.conv("stem.conv", input, StepKind::Conv, widths.stem, 3, stemStride, 1, -1, -1);
    stem.bn = b.batchNorm("stem.bn", stem.conv, -1, -1);
    stem.relu = b.simple("stem.relu", StepKind::ReLU, {stem.bn}, b.shapeOf(stem.bn), -1, -1);
    if (config.stem == StemKind::Paper)
        stem.pool = b.window("stem.pool", StepKind::MaxPool, stem.relu, 2, -1, -1);

    int x = stem.output();
    for (int stage = 0; stage < 3; ++stage)
        for (int unit = 0; unit < kUnitsPerStage[stage]; ++unit) {
            net.units_.push_back(
                b.unit(x, stage, unit, widths.stages[static_cast<std::size_t>(stage)]));
            x = net.units_.back().relu;
        }

    const int channels = b.shapeOf(x).channels;
    HeadSteps& head = net.head_;
    head.pool = b.simple("head.pool", StepKind::GlobalAvgPool, {x}, {channels, 1, 1}, -1, -1);
    Step fc{.name = "head.fc",
            .kind = StepKind::FullyConnected,
            .inputs = {head.pool},
            .out = {config.classes, 1, 1},
            .parameterPrefix = "fc"};
    head.fc = b.add(std::move(fc));
    net.parameters_.push_back({"fc.weight", {config.classes, channels}});
    net.parameters_.push_back({"fc.bias", {config.classes}});
    head.softmax =
        b.simple("head.softmax", StepKind::Softmax, {head.fc}, {config.classes, 1, 1}, -1, -1);
    return net;
}

NetworkPart Network::partOf(int step) const {
    if (step <= 0) return NetworkPart::Input;
    if (step >= head_.pool) return NetworkPart::Head;
    if (this->step(step).stage >= 0) return NetworkPart::Stages;
    return NetworkPart::Stem;
}

const UnitSteps& Network::unit(int stage, int unit) const {
    int first = 0;
    for (int i = 0; i < stage && i < 3; ++i) first += kUnitsPerStage[i];
    if (stage < 0 || stage >= 3 || unit < 0 || unit >= kUnitsPerStage[stage])
        throw Error("there is no unit stages." + std::to_string(stage) + "." +
                    std::to_string(unit));
    return units_[static_cast<std::size_t>(first + unit)];
}

std::optional<int> Network::findStep(std::string_view name) const {
    for (std::size_t i = 0; i < steps_.size(); ++i)
        if (steps_[i].name == name) return static_cast<int>(i);
    return std::nullopt;
}

int stepAtSamePlace(std::string_view name, const Network* from, const Network& to,
                    int fallbackIndex) {
    if (const auto kept = to.findStep(name)) return *kept;
    const int at = (from ? from->findStep(name) : std::nullopt).value_or(fallbackIndex);
    return std::clamp(at, 0, to.stepCount() - 1);
}

}  // namespace shufflescope
