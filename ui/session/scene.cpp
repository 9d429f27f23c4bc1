#include "session/scene.h"

#include <QCoreApplication>
#include <algorithm>

#include "shufflescope/base/error.h"
#include "shufflescope/model/network.h"

namespace shufflescope::ui {

namespace {

// The messages' translation context.
class SceneText {
    Q_DECLARE_TR_FUNCTIONS(Scene)
};

QString number(double value) {
    return QString::number(value, 'g', 6);
}

SceneError error(const char* field, const QString& value, const QString& reason) {
    return {QString::fromLatin1(field), value, reason};
}

// [SECTION] The configuration

// A (and the network it builds) from the scene's configuration fields, or the first bad field.
std::variant<ModelConfig, SceneError> resolveConfig(const Scene& scene,
                                                    const ModelConfig& current) {
    ModelConfig config = current;
    if (scene.preset) {
        const std::string name = scene.preset->toStdString();
        const auto& presets = presetNames();
        if (std::find(presets.begin(), presets.end(), name) == presets.end())
            return error("preset", *scene.preset,
                         SceneText::tr("'%1' is not imagenet or fashion").arg(*scene.preset));
        if (name != current.preset) config = presetConfig(name);
    }
    if (scene.groups) {
        if (*scene.groups < 1 || *scene.groups > kMaxGroups)
            return error(
                "groups", QString::number(*scene.groups),
                SceneText::tr("%1 is not a group count 1..%2").arg(*scene.groups).arg(kMaxGroups));
        config.groups = *scene.groups;
    }
    if (scene.shuffle) config.shuffle = *scene.shuffle;
    if (scene.widthScale) {
        const auto& scales = supportedWidthScales();
        if (std::find(scales.begin(), scales.end(), *scene.widthScale) == scales.end())
            return error(
                "widthScale", number(*scene.widthScale),
                SceneText::tr("%1 is not 0.25, 0.5, 1, 1.5 or 2").arg(number(*scene.widthScale)));
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
                return error("compare", QString::number(comparison.groups),
                             SceneText::tr("B: %1 is not a group count 1..%2")
                                 .arg(comparison.groups)
                                 .arg(kMaxGroups));
            b.groups = comparison.groups;
            return std::optional<ModelConfig>(b);
        case Comparison::Kind::Configuration:
            break;
    }
    if (!comparison.config)
        return error("compare", QString(), SceneText::tr("B: no configuration given"));
    b = *comparison.config;
    const QString described = QString::fromStdString(describe(b));
    try {
        validateConfig(b);
    } catch (const Error& e) {
        return error("compare", described, SceneText::tr("B: %1").arg(e.what()));
    }
    // Both sides must run on the same kind of input to be comparable.
    if (b.preset != a.preset)
        return error("compare", described,
                     SceneText::tr("B's preset %1 is not A's (%2)")
                         .arg(QString::fromStdString(b.preset), QString::fromStdString(a.preset)));
    return std::optional<ModelConfig>(b);
}

// [SECTION] The selection and the view

// The step and the channel of it in `next`, checked against `network` (the one the scene's
// configuration builds); an error when the scene names either and they are not there.
std::optional<SceneError> resolveSelection(const Scene& scene, const Network& network,
                                           SceneState& next) {
    next.step = scene.step.value_or(next.step);
    const auto index = network.findStep(next.step.toStdString());
    if (!index && (scene.step || scene.channel))
        return scene.step
                   ? error("step", *scene.step,
                           SceneText::tr("no step named '%1' in this network").arg(*scene.step))
                   : error("channel", QString::number(*scene.channel),
                           SceneText::tr("the selected step '%1' is not in this network")
                               .arg(next.step));
    const int channels = index ? network.step(*index).out.channels : 0;
    if (scene.channel) {
        if (*scene.channel < -1 || *scene.channel >= channels)
            return error("channel", QString::number(*scene.channel),
                         SceneText::tr("step '%1' has channels 0 to %2; there is no channel %3")
                             .arg(next.step)
                             .arg(channels - 1)
                             .arg(*scene.channel));
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
    if (!sceneViews().contains(*scene.view))
        return error("view", *scene.view,
                     SceneText::tr("'%1' is not operation, flow, features, cost, compare or train")
                         .arg(*scene.view));
    next.view = *scene.view;
    if (*scene.view != QLatin1String("compare")) return std::nullopt;
    if (scene.compare && !next.comparison)
        return error(
            "view", *scene.view,
            SceneText::tr("'compare' needs the comparison on, and the scene turns it off"));
    if (!next.comparison)
        next.comparison =
            std::get<std::optional<ModelConfig>>(comparisonConfig(next.choiceB, next.config));
    next.view = QStringLiteral("features");
    return std::nullopt;
}

}  // namespace

// [SECTION] Resolving a scene

const QStringList& sceneViews() {
    static const QStringList views = {QStringLiteral("operation"), QStringLiteral("flow"),
                                      QStringLiteral("features"),  QStringLiteral("cost"),
                                      QStringLiteral("compare"),   QStringLiteral("train")};
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
        return error("preset", QString::fromStdString(describe(next.config)),
                     QString::fromStdString(e.what()));
    }
    if (auto bad = resolveSelection(scene, *network, next)) return *bad;
    if (auto bad = resolveComparison(scene, next)) return *bad;
    if (auto bad = resolveView(scene, next)) return *bad;
    return next;
}

Scene sceneOf(const SceneState& state) {
    Scene scene;
    scene.preset = QString::fromStdString(state.config.preset);
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

}  // namespace shufflescope::ui
