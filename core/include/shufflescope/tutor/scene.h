#pragma once
// Scene: what the app shows, as one value — the configuration (preset, groups, shuffle, width),
// the selected step (by name) and channel, the centre view and the A/B comparison. Every field is
// optional: a lesson step, a saved demo or the command line names only what it sets, and a field
// left out keeps its current value.
//
// It lives in the engine because lesson files (tutor/lesson.h) are made of scenes and are checked
// without a window — by `shufflescope-cli lesson check` as by the app. The desktop app applies a
// scene with MainWindow::applyScene (all fields or none) and reads the current one with
// MainWindow::scene(); both go through resolveScene here.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "shufflescope/base/sentence.h"
#include "shufflescope/model/config.h"

namespace shufflescope {

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
    std::optional<std::string> preset;  // "imagenet" or "fashion"
    std::optional<int> groups;          // 1..8
    std::optional<bool> shuffle;        // the channel shuffle on or off
    std::optional<double> widthScale;   // 0.25, 0.5, 1, 1.5 or 2
    // The step by name ("stages.1.1.shuffle") and a channel of it (-1: none). A step that changes
    // without a channel keeps the channel where the new step has it. A configuration whose
    // network has no step of the current name (the paper stem's pool, on Fashion-MNIST) selects
    // the step at the same place.
    std::optional<std::string> step;
    std::optional<int> channel;
    // The centre: "operation", "flow" or "train" (the tab), "features" (the feature maps get the
    // height), "cost" (the cost panel in front) or "compare" (the comparison on, with the B box's
    // choice unless `compare` names one, and the feature maps in front). Read back, it is the
    // last view asked for, or the tab chosen since; "compare" reads back as "features".
    std::optional<std::string> view;
    std::optional<Comparison> compare;

    bool operator==(const Scene&) const = default;
};

// A field that cannot be applied: which field, the value given, and why ("no step named ...").
struct SceneError {
    std::string field;  // as in Scene: "preset", "groups", "shuffle", "widthScale", "step", ...
    std::string value;
    Sentence reason;
    std::string message() const;  // "field: reason", in English
};

// [SECTION] Checking a scene against the state

// The state a scene applies to, in full: what the window holds.
struct SceneState {
    ModelConfig config;                                 // A
    std::optional<ModelConfig> comparison;              // B; nullopt: compare off
    Comparison choiceB = Comparison::shuffleFlipped();  // the B box: what turning compare on uses
    std::string step;                                   // the selected step's name
    int channel = -1;
    std::string view = "operation";
    bool operator==(const SceneState&) const = default;
};

// `current` with `scene` applied, every field checked: the first field that cannot be applied
// (in the order of Scene's fields) is the error, and nothing of the scene is applied.
std::variant<SceneState, SceneError> resolveScene(const Scene& scene, const SceneState& current);

// `state` as a Scene with every field set (B relative to A where the B box could say it).
Scene sceneOf(const SceneState& state);

// The views a scene may name, in the order error messages list them.
const std::vector<std::string>& sceneViews();

}  // namespace shufflescope
