#include "shufflescope/tutor/scene.h"

#include <algorithm>
#include <cstdio>

#include "shufflescope/base/error.h"
#include "shufflescope/model/network.h"

namespace shufflescope {

namespace {

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

SceneError error(const char* field, std::string value, const char* reason,
                 std::vector<std::string> arguments = {}) {
    return {field, std::move(value), Sentence{"Scene", reason, std::move(arguments)}};
}

// [SECTION] The configuration

// A (and the network it builds) from the scene's configuration fields, or the first bad field.
std::variant<ModelConfig, SceneError> resolveConfig(const Scene& scene,
                                                    const ModelConfig& current) {
    ModelConfig config = current;
    if (scene.preset) {
        const auto& presets = presetNames();
        if (std::find(presets.begin(), presets.end(), *scene.preset) == presets.end())
            return error("preset", *scene.preset,
                         SHUFFLESCOPE_TRANSLATE_NOOP("Scene", "'%1' is not imagenet or fashion"),
                         {*scene.preset});
        if (*scene.preset != current.preset) config = presetConfig(*scene.preset);
    }
    if (scene.groups) {
        if (*scene.groups < 1 || *scene.groups > kMaxGroups)
            return error("groups", std::to_string(*scene.groups),
                         SHUFFLESCOPE_TRANSLATE_NOOP("Scene", "%1 is not a group count 1..%2"),
                         {std::to_string(*scene.groups), std::to_string(kMaxGroups)});
        config.groups = *scene.groups;
    }
    if (scene.shuffle) config.shuffle = *scene.shuffle;
    if (scene.widthScale) {
        const auto& scales = supportedWidthScales();
        if (std::find(scales.begin(), scales.end(), *scene.widthScale) == scales.end())
            return error("widthScale", number(*scene.widthScale),
                         SHUFFLESCOPE_TRANSLATE_NOOP("Scene", "%1 is not 0.25, 0.5, 1, 1.5 or 2"),
                         {number(*scene.widthScale)});
        config.widthScale = *scene.widthScale;
    }
    return config;
}

// [SECTION] The comparison

// B for `comparison` relative to A, or why it cannot be.
std::variant<std::optional<ModelConfig>, SceneError> comparisonConfig(const Comparison& comparison,
                                                                      const ModelConfig& a) {
    ModelConfig b = a;
    switch (comparison.kind) {
        case Comparison::Kind::Off:
            return std::optional<ModelConfig>();
        case Comparison::Kind::ShuffleFlipped:
            b.shuffle = !a.shuffle;
            return std::optional<ModelConfig>(b);
        case Comparison::Kind::Groups:
            if (comparison.groups < 1 || comparison.groups > kMaxGroups)
                return error(
                    "compare", std::to_string(comparison.groups),
                    SHUFFLESCOPE_TRANSLATE_NOOP("Scene", "B: %1 is not a group count 1..%2"),
                    {std::to_string(comparison.groups), std::to_string(kMaxGroups)});
            b.groups = comparison.groups;
            return std::optional<ModelConfig>(b);
        case Comparison::Kind::Configuration:
            break;
    }
    if (!comparison.config)
        return error("compare", "",
                     SHUFFLESCOPE_TRANSLATE_NOOP("Scene", "B: no configuration given"));
    b = *comparison.config;
    const std::string described = describe(b);
    try {
        validateConfig(b);
    } catch (const Error& e) {
        return error("compare", described, SHUFFLESCOPE_TRANSLATE_NOOP("Scene", "B: %1"),
                     {e.what()});
    }
    // Both sides must run on the same kind of input to be comparable.
    if (b.preset != a.preset)
        return error("compare", described,
                     SHUFFLESCOPE_TRANSLATE_NOOP("Scene", "B's preset %1 is not A's (%2)"),
                     {b.preset, a.preset});
    return std::optional<ModelConfig>(b);
}

// [SECTION] The selection and the view

// The step and the channel of it in `next`, checked against `network` (the one the scene's
// configuration builds); an error when the scene names either and they are not there. A step
// kept from `current` that the new network lacks (the paper stem's pool, on Fashion-MNIST) gives
// way to the step at the same place — but not when the scene names a channel: a channel is a
// channel of one step, and the one at the same place is another step with other channels, so
// "channel 3" there is refused rather than shown on a step the author did not mean.
std::optional<SceneError> resolveSelection(const Scene& scene, const Network& network,
                                           const SceneState& current, SceneState& next) {
    next.step = scene.step.value_or(next.step);
    auto index = network.findStep(next.step);
    if (!index && !scene.step && !scene.channel) {
        std::optional<Network> before;
        try {
            before = Network::build(current.config);
        } catch (const Error&) {
            // a state whose configuration builds no network: the input is the place
        }
        index = stepAtSamePlace(current.step, before ? &*before : nullptr, network, 0);
        next.step = network.step(*index).name;
    }
    if (!index && (scene.step || scene.channel))
        return scene.step ? error("step", *scene.step,
                                  SHUFFLESCOPE_TRANSLATE_NOOP("Scene",
                                                              "no step named '%1' in this network"),
                                  {*scene.step})
                          : error("channel", std::to_string(*scene.channel),
                                  SHUFFLESCOPE_TRANSLATE_NOOP(
                                      "Scene", "the selected step '%1' is not in this network"),
                                  {next.step});
    const int channels = index ? network.step(*index).out.channels : 0;
    if (scene.channel) {
        if (*scene.channel < -1 || *scene.channel >= channels)
            return error("channel", std::to_string(*scene.channel),
                         SHUFFLESCOPE_TRANSLATE_NOOP(
                             "Scene", "step '%1' has channels 0 to %2; there is no channel %3"),
                         {next.step, std::to_string(channels - 1), std::to_string(*scene.channel)});
        next.channel = *scene.channel;
    } else if (next.channel >= channels) {
        next.channel = -1;  // the new step is narrower: as a click on it would
    }
    return std::nullopt;
}

// B in `next`: as the scene names it; else the current B while it is on A's preset.
std::optional<SceneError> resolveComparison(const Scene& scene, SceneState& next) {
    if (scene.compare) {
        const auto b = comparisonConfig(*scene.compare, next.config);
        if (const auto* bad = std::get_if<SceneError>(&b)) return *bad;
        next.comparison = std::get<std::optional<ModelConfig>>(b);
        if (scene.compare->kind == Comparison::Kind::ShuffleFlipped ||
            scene.compare->kind == Comparison::Kind::Groups)
            next.choiceB = *scene.compare;
    } else if (next.comparison && next.comparison->preset != next.config.preset) {
        next.comparison.reset();  // a comparison across presets means nothing
    }
    return std::nullopt;
}

// The view in `next`; "compare" turns B on (the B box's choice unless the scene named one) and
// puts the feature maps in front.
std::optional<SceneError> resolveView(const Scene& scene, SceneState& next) {
    if (!scene.view) return std::nullopt;
    const auto& views = sceneViews();
    if (std::find(views.begin(), views.end(), *scene.view) == views.end())
        return error("view", *scene.view,
                     SHUFFLESCOPE_TRANSLATE_NOOP(
                         "Scene", "'%1' is not operation, flow, features, cost, compare or train"),
                     {*scene.view});
    next.view = *scene.view;
    if (*scene.view != "compare") return std::nullopt;
    if (scene.compare && !next.comparison)
        return error("view", *scene.view,
                     SHUFFLESCOPE_TRANSLATE_NOOP(
                         "Scene", "'compare' needs the comparison on, and the scene turns it off"));
    if (!next.comparison)
        next.comparison =
            std::get<std::optional<ModelConfig>>(comparisonConfig(next.choiceB, next.config));
    next.view = "features";
    return std::nullopt;
}

}  // namespace

// [SECTION] Resolving a scene

std::string SceneError::message() const {
    return field + ": " + englishText({reason});
}

const std::vector<std::string>& sceneViews() {
    static const std::vector<std::string> views = {"operation", "flow",    "features",
                                                   "cost",      "compare", "train"};
    return views;
}

std::variant<SceneState, SceneError> resolveScene(const Scene& scene, const SceneState& current) {
    SceneState next = current;
    const auto config = resolveConfig(scene, current.config);
    if (const auto* bad = std::get_if<SceneError>(&config)) return *bad;
    next.config = std::get<ModelConfig>(config);
    std::optional<Network> network;
    try {
        network = Network::build(next.config);
    } catch (const Error& e) {  // a checkpoint's configuration the fields above cannot mend
        return error("preset", describe(next.config), SHUFFLESCOPE_TRANSLATE_NOOP("Scene", "%1"),
                     {e.what()});
    }
    if (auto bad = resolveSelection(scene, *network, current, next)) return *bad;
    if (auto bad = resolveComparison(scene, next)) return *bad;
    if (auto bad = resolveView(scene, next)) return *bad;
    return next;
}

Scene sceneOf(const SceneState& state) {
    Scene scene;
    scene.preset = state.config.preset;
    scene.groups = state.config.groups;
    scene.shuffle = state.config.shuffle;
    scene.widthScale = state.config.widthScale;
    scene.step = state.step;
    scene.channel = state.channel;
    scene.view = state.view;
    if (!state.comparison) {
        scene.compare = Comparison::off();
    } else {
        ModelConfig flipped = state.config, regrouped = state.config;
        flipped.shuffle = !flipped.shuffle;
        regrouped.groups = state.comparison->groups;
        scene.compare = *state.comparison == flipped ? Comparison::shuffleFlipped()
                        : *state.comparison == regrouped && regrouped.groups != state.config.groups
                            ? Comparison::withGroups(regrouped.groups)
                            : Comparison::configuration(*state.comparison);
    }
    return scene;
}

}  // namespace shufflescope
