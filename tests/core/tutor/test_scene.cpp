// Scene, the one entry point lessons, saved demos, the command line and the window's actions set
// the app's state through: checked field by field by resolveScene (no window needed) and read back
// as the same value. The window's side is tests/ui/test_scene.cpp.

#include <catch2/catch.hpp>

#include "shufflescope/model/network.h"
#include "shufflescope/tutor/scene.h"
#include "support/model_configs.h"

using namespace shufflescope;
using testing_support::fashionConfig;

namespace {

SceneState fashionState(int groups = 3, bool shuffle = true) {
    SceneState state;
    state.config = fashionConfig(groups, shuffle);
    state.step = "stages.1.1.pw1";
    state.channel = 5;
    return state;
}

SceneState resolved(const Scene& scene, const SceneState& current) {
    const auto result = resolveScene(scene, current);
    if (const auto* error = std::get_if<SceneError>(&result)) FAIL(error->message());
    return std::get<SceneState>(result);
}

SceneError refused(const Scene& scene, const SceneState& current) {
    const auto result = resolveScene(scene, current);
    REQUIRE(std::holds_alternative<SceneError>(result));
    return std::get<SceneError>(result);
}

}  // namespace

TEST_CASE("scene: a field left out keeps its value, a named one changes only itself", "[scene]") {
    const SceneState current = fashionState(3, true);
    CHECK(resolved({}, current) == current);

    const SceneState g8 = resolved({.groups = 8}, current);
    CHECK(g8.config == fashionConfig(8, true));
    CHECK(g8.step == current.step);
    CHECK(g8.channel == current.channel);
    CHECK(g8.view == current.view);

    const SceneState off = resolved({.shuffle = false}, current);
    CHECK(off.config == fashionConfig(3, false));
    const SceneState wide = resolved({.widthScale = 1.0}, current);
    CHECK(wide.config.widthScale == 1.0);
    CHECK(wide.config.groups == 3);

    // Another preset starts from its own configuration; the current one keeps the current.
    const SceneState imagenet = resolved({.preset = "imagenet"}, wide);
    CHECK(imagenet.config == presetConfig("imagenet"));
    CHECK(resolved({.preset = "fashion"}, wide).config == wide.config);
}

TEST_CASE("scene: the step and channel are checked against the network the scene builds",
          "[scene]") {
    const SceneState current = fashionState(3, true);
    const SceneState traced = resolved({.step = "stages.2.0.concat", .channel = 400}, current);
    CHECK(traced.step == "stages.2.0.concat");
    CHECK(traced.channel == 400);
    // g = 1 has fewer channels there: the same request is refused, naming the channel.
    const SceneError narrow =
        refused({.groups = 1, .step = "stages.2.0.concat", .channel = 400}, current);
    CHECK(narrow.field == "channel");
    CHECK(narrow.value == "400");
    CHECK_THAT(narrow.message(), Catch::Contains("stages.2.0.concat"));
    // A step named without a channel keeps the channel where the new step has it.
    CHECK(resolved({.step = "stages.2.0.concat"}, current).channel == 5);
    CHECK(resolved({.step = "head.softmax", .channel = 9}, current).channel == 9);
    CHECK(resolved({.step = "stages.0.0.pw1"},
                   resolved({.step = "head.softmax", .channel = 9}, current))
              .channel == 9);
    SceneState wideChannel = current;
    wideChannel.channel = 200;
    CHECK(resolved({.step = "head.fc"}, wideChannel).channel == -1);
    // The paper's stem has a max-pool, the small-input stem does not.
    CHECK(resolved({.preset = "imagenet", .step = "stem.pool"}, current).step == "stem.pool");
    CHECK(refused({.step = "stem.pool"}, current).field == "step");
    // A preset whose network lacks the step selected: the step at the same place, whatever
    // happens next (it was kept by name until a result arrived, then replaced by the index of
    // whichever result was shown).
    SceneState pool = resolved({.preset = "imagenet", .step = "stem.pool"}, current);
    const Network imagenet = Network::build(pool.config);
    const Network fashion = Network::build(fashionConfig(3, true));
    const SceneState moved = resolved({.preset = "fashion"}, pool);
    CHECK(moved.step == fashion.step(*imagenet.findStep("stem.pool")).name);
    CHECK(resolved({.preset = "imagenet"}, moved).step == moved.step);
    CHECK(refused({.preset = "fashion", .channel = 0}, pool).field == "channel");
}

TEST_CASE("scene: every bad field is refused with its name and its value", "[scene]") {
    const SceneState current = fashionState();
    struct Bad {
        Scene scene;
        const char* field;
        const char* value;
    };
    ModelConfig otherPreset = presetConfig("imagenet");
    const Bad bad[] = {
        {{.preset = "cifar"}, "preset", "cifar"},
        {{.groups = 9}, "groups", "9"},
        {{.groups = 0}, "groups", "0"},
        {{.widthScale = 0.75}, "widthScale", "0.75"},
        {{.step = "stages.9.9.pw1"}, "step", "stages.9.9.pw1"},
        {{.channel = 999}, "channel", "999"},
        {{.channel = -2}, "channel", "-2"},
        {{.view = "everything"}, "view", "everything"},
        {{.compare = Comparison::withGroups(9)}, "compare", "9"},
        {{.compare = Comparison::configuration(otherPreset)}, "compare", "imagenet"},
        {{.view = "compare", .compare = Comparison::off()}, "view", "compare"},
    };
    for (const Bad& b : bad) {
        CAPTURE(b.field, b.value);
        const SceneError error = refused(b.scene, current);
        CHECK(error.field == b.field);
        CHECK_THAT(error.value, Catch::Contains(b.value));
        CHECK_THAT(error.message(), Catch::StartsWith(std::string(b.field) + ": "));
        // A good field beside the bad one changes nothing either: it is all or nothing.
        Scene withGood = b.scene;
        withGood.shuffle = false;
        CHECK(std::holds_alternative<SceneError>(resolveScene(withGood, current)));
    }
}

TEST_CASE("scene: B as the box offers it, or a whole configuration, and read back the same",
          "[scene]") {
    const SceneState current = fashionState(3, true);
    const SceneState flipped = resolved({.compare = Comparison::shuffleFlipped()}, current);
    CHECK(flipped.comparison == fashionConfig(3, false));
    CHECK(sceneOf(flipped).compare == Comparison::shuffleFlipped());
    const SceneState g8 = resolved({.compare = Comparison::withGroups(8)}, current);
    CHECK(g8.comparison == fashionConfig(8, true));
    CHECK(g8.choiceB == Comparison::withGroups(8));
    CHECK(sceneOf(g8).compare == Comparison::withGroups(8));
    // A changed after B was chosen: B is read back whole, and applying that gives it again.
    const SceneState moved = resolved({.shuffle = false}, g8);
    CHECK(moved.comparison == fashionConfig(8, true));
    const Scene movedScene = sceneOf(moved);
    CHECK(movedScene.compare == Comparison::configuration(fashionConfig(8, true)));
    CHECK(sceneOf(resolved(movedScene, current)) == movedScene);
    // Only g changed since: B still reads as "A with g = 8".
    CHECK(sceneOf(resolved({.groups = 2}, g8)).compare == Comparison::withGroups(8));
    // Another preset drops B: a comparison across presets means nothing.
    CHECK_FALSE(resolved({.preset = "imagenet"}, g8).comparison);
    CHECK(resolved({.compare = Comparison::off()}, g8).comparison == std::nullopt);
    // "compare" turns B on with the box's choice and puts the feature maps in front.
    SceneState boxSaysG1 = current;
    boxSaysG1.choiceB = Comparison::withGroups(1);
    const SceneState comparing = resolved({.view = "compare"}, boxSaysG1);
    CHECK(comparing.comparison == fashionConfig(1, true));
    CHECK(comparing.view == "features");
}

TEST_CASE("scene: a state read back and applied again is the same state", "[scene]") {
    SceneState state = fashionState(5, false);
    state.comparison = fashionConfig(2, false);
    state.choiceB = Comparison::withGroups(2);  // the window's B box always names B
    state.view = "flow";
    const Scene scene = sceneOf(state);
    REQUIRE(scene.preset);
    REQUIRE(scene.groups);
    REQUIRE(scene.shuffle);
    REQUIRE(scene.widthScale);
    REQUIRE(scene.step);
    REQUIRE(scene.channel);
    REQUIRE(scene.view);
    REQUIRE(scene.compare);
    CHECK(resolved(scene, fashionState()) == resolved(scene, state));
    CHECK(resolved(scene, state) == state);
}
