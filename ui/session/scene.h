#pragma once
// Scene: what the app shows, as one value — the configuration (preset, groups, shuffle, width),
// the selected step (by name) and channel, the centre view and the A/B comparison. Every field is
// optional: a lesson step, a saved demo or the command line names only what it sets, and a field
// left out keeps its current value.
//
//   MainWindow::applyScene(scene)  checks every field first (against the network the scene's
//                                  configuration builds) and applies all of them or none;
//   MainWindow::scene()            reads the current state back as a Scene with every field set,
//                                  so a lesson or demo can store it and compare with it.
//
// The command line (startup_options.cpp) and the window's actions (main_window_actions.cpp) set
// state through applyScene; a lesson or demo file parser only has to produce this struct. The
// checks are plain functions (resolveScene), tested without a window.

#include <QString>
#include <QStringList>
#include <optional>
#include <variant>

#include "shufflescope/model/config.h"

namespace shufflescope::ui {

// [SECTION] The value

// Configuration B of an A/B comparison: off, or relative to A as the toolbar's B box offers it,
// or a whole configuration (what a saved state holds when A changed after B was chosen).
struct Comparison {
    enum class Kind { Off, ShuffleFlipped, Groups, Configuration };
    Kind kind = Kind::Off;
    int groups = 0;                     // Kind::Groups: B is A with g = groups
    std::optional<ModelConfig> config;  // Kind::Configuration: B itself (A's preset)

    static Comparison off() { return {}; }
    static Comparison shuffleFlipped() { return {Kind::ShuffleFlipped}; }
    static Comparison withGroups(int g) { return {Kind::Groups, g}; }
    static Comparison configuration(const ModelConfig& b) { return {Kind::Configuration, 0, b}; }
    bool operator==(const Comparison&) const = default;
};

struct Scene {
    // A preset other than the current one starts from that preset's configuration (its width,
    // input and classes); the current preset keeps the current configuration. groups, shuffle and
    // widthScale then adjust it.
    std::optional<QString> preset;     // "imagenet" or "fashion"
    std::optional<int> groups;         // 1..8
    std::optional<bool> shuffle;       // the channel shuffle on or off
    std::optional<double> widthScale;  // 0.25, 0.5, 1, 1.5 or 2
    // The step by name ("stages.1.1.shuffle") and a channel of it (-1: none). A step that changes
    // without a channel keeps the channel where the new step has it.
    std::optional<QString> step;
    std::optional<int> channel;
    // The centre: "operation", "flow" or "train" (the tab), "features" (the feature maps get the
    // height), "cost" (the cost panel in front) or "compare" (the comparison on, with the B box's
    // choice unless `compare` names one, and the feature maps in front). Read back, it is the
    // last view asked for, or the tab chosen since; "compare" reads back as "features".
    std::optional<QString> view;
    std::optional<Comparison> compare;

    bool operator==(const Scene&) const = default;
};

// A field that cannot be applied: which field, the value given, and why ("no step named ...").
struct SceneError {
    QString field;  // as in Scene: "preset", "groups", "shuffle", "widthScale", "step", ...
    QString value;
    QString reason;
    QString message() const { return field + QStringLiteral(": ") + reason; }
};

// [SECTION] Checking a scene against the state

// The state a scene applies to, in full: what the window holds.
struct SceneState {
    ModelConfig config;                                 // A
    std::optional<ModelConfig> comparison;              // B; nullopt: compare off
    Comparison choiceB = Comparison::shuffleFlipped();  // the B box: what turning compare on uses
    QString step;                                       // the selected step's name
    int channel = -1;
    QString view = QStringLiteral("operation");
    bool operator==(const SceneState&) const = default;
};

// `current` with `scene` applied, every field checked: the first field that cannot be applied
// (in the order of Scene's fields) is the error, and nothing of the scene is applied.
std::variant<SceneState, SceneError> resolveScene(const Scene& scene, const SceneState& current);

// `state` as a Scene with every field set (B relative to A where the B box could say it).
Scene sceneOf(const SceneState& state);

// The views a scene may name, in the order error messages list them.
const QStringList& sceneViews();

}  // namespace shufflescope::ui
