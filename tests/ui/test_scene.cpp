// Scene, the one entry point lessons, saved demos, the command line and the actions set the
// window's state through: checked field by field (resolveScene, no window needed), applied all or
// nothing, and read back as the same value.

#include <catch2/catch.hpp>

#include <QAction>
#include <QTest>

#include "main_window.h"
#include "session/scene.h"
#include "startup_options.h"
#include "support/model_configs.h"
#include "ui_test_support.h"
#include "views/channel_flow_view.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using testing_support::fashionConfig;

namespace {

SceneState fashionState(int groups = 3, bool shuffle = true) {
    SceneState state;
    state.config = fashionConfig(groups, shuffle);
    state.step = QStringLiteral("stages.1.1.pw1");
    state.channel = 5;
    return state;
}

SceneState resolved(const Scene& scene, const SceneState& current) {
    const auto result = resolveScene(scene, current);
    if (const auto* error = std::get_if<SceneError>(&result)) FAIL(error->message().toStdString());
    return std::get<SceneState>(result);
}

SceneError refused(const Scene& scene, const SceneState& current) {
    const auto result = resolveScene(scene, current);
    REQUIRE(std::holds_alternative<SceneError>(result));
    return std::get<SceneError>(result);
}

struct Window {
    MainWindow window{false};
    Window() {
        window.resize(1400, 900);
        window.setAnimationsEnabled(false);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window, ui_testing::kExposeTimeoutMs));
        idle();
    }
    Session& session() { return window.session(); }
    void idle() {
        REQUIRE(session().waitUntilIdle(60000));
        REQUIRE(session().snapshot());
    }
    void apply(const Scene& scene) {
        const auto error = window.applyScene(scene);
        CAPTURE(error ? error->message().toStdString() : std::string());
        REQUIRE_FALSE(error);
        idle();
    }
};

}  // namespace

// [SECTION] Checking a scene (no window)

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
    const SceneState imagenet = resolved({.preset = QStringLiteral("imagenet")}, wide);
    CHECK(imagenet.config == presetConfig("imagenet"));
    CHECK(resolved({.preset = QStringLiteral("fashion")}, wide).config == wide.config);
}

TEST_CASE("scene: the step and channel are checked against the network the scene builds",
          "[scene]") {
    const SceneState current = fashionState(3, true);
    const SceneState traced =
        resolved({.step = QStringLiteral("stages.2.0.concat"), .channel = 400}, current);
    CHECK(traced.step == QStringLiteral("stages.2.0.concat"));
    CHECK(traced.channel == 400);
    // g = 1 has fewer channels there: the same request is refused, naming the channel.
    const SceneError narrow = refused(
        {.groups = 1, .step = QStringLiteral("stages.2.0.concat"), .channel = 400}, current);
    CHECK(narrow.field == QStringLiteral("channel"));
    CHECK(narrow.value == QStringLiteral("400"));
    CHECK(narrow.message().contains(QStringLiteral("stages.2.0.concat")));
    // A step named without a channel keeps the channel where the new step has it.
    CHECK(resolved({.step = QStringLiteral("stages.2.0.concat")}, current).channel == 5);
    CHECK(resolved({.step = QStringLiteral("head.softmax"), .channel = 9}, current).channel == 9);
    CHECK(resolved({.step = QStringLiteral("stages.0.0.pw1")},
                   resolved({.step = QStringLiteral("head.softmax"), .channel = 9}, current))
              .channel == 9);
    SceneState wideChannel = current;
    wideChannel.channel = 200;
    CHECK(resolved({.step = QStringLiteral("head.fc")}, wideChannel).channel == -1);
    // The paper's stem has a max-pool, the small-input stem does not.
    CHECK(resolved({.preset = QStringLiteral("imagenet"), .step = QStringLiteral("stem.pool")},
                   current)
              .step == QStringLiteral("stem.pool"));
    CHECK(refused({.step = QStringLiteral("stem.pool")}, current).field == QStringLiteral("step"));
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
        {{.preset = QStringLiteral("cifar")}, "preset", "cifar"},
        {{.groups = 9}, "groups", "9"},
        {{.groups = 0}, "groups", "0"},
        {{.widthScale = 0.75}, "widthScale", "0.75"},
        {{.step = QStringLiteral("stages.9.9.pw1")}, "step", "stages.9.9.pw1"},
        {{.channel = 999}, "channel", "999"},
        {{.channel = -2}, "channel", "-2"},
        {{.view = QStringLiteral("everything")}, "view", "everything"},
        {{.compare = Comparison::withGroups(9)}, "compare", "9"},
        {{.compare = Comparison::configuration(otherPreset)}, "compare", "imagenet"},
        {{.view = QStringLiteral("compare"), .compare = Comparison::off()}, "view", "compare"},
    };
    for (const Bad& b : bad) {
        CAPTURE(b.field, b.value);
        const SceneError error = refused(b.scene, current);
        CHECK(error.field == QLatin1String(b.field));
        CHECK(error.value.contains(QLatin1String(b.value)));
        CHECK(error.message().startsWith(QLatin1String(b.field) + QLatin1String(": ")));
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
    CHECK_FALSE(resolved({.preset = QStringLiteral("imagenet")}, g8).comparison);
    CHECK(resolved({.compare = Comparison::off()}, g8).comparison == std::nullopt);
    // "compare" turns B on with the box's choice and puts the feature maps in front.
    SceneState boxSaysG1 = current;
    boxSaysG1.choiceB = Comparison::withGroups(1);
    const SceneState comparing = resolved({.view = QStringLiteral("compare")}, boxSaysG1);
    CHECK(comparing.comparison == fashionConfig(1, true));
    CHECK(comparing.view == QStringLiteral("features"));
}

TEST_CASE("scene: a state read back and applied again is the same state", "[scene]") {
    SceneState state = fashionState(5, false);
    state.comparison = fashionConfig(2, false);
    state.choiceB = Comparison::withGroups(2);  // the window's B box always names B
    state.view = QStringLiteral("flow");
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

// [SECTION] The window

TEST_CASE(
    "scene in the window: applied, then read back the same, applying it again changes "
    "nothing",
    "[scene]") {
    Window w;
    const Scene asked{.preset = QStringLiteral("fashion"),
                      .groups = 8,
                      .shuffle = false,
                      .widthScale = 0.5,
                      .step = QStringLiteral("stages.1.1.shuffle"),
                      .channel = 17,
                      .view = QStringLiteral("flow"),
                      .compare = Comparison::withGroups(2)};
    w.apply(asked);
    CHECK(w.window.scene() == asked);
    // The window shows it: the session's request and selection, the comparison, the tab.
    CHECK(w.session().snapshot()->config() == fashionConfig(8, false));
    CHECK(w.session().snapshot()->step(w.session().selectedStep()).name == "stages.1.1.shuffle");
    CHECK(w.session().selectedChannel() == 17);
    REQUIRE(w.session().comparisonConfig());
    CHECK(*w.session().comparisonConfig() == fashionConfig(2, false));
    CHECK(w.window.action(QStringLiteral("compare"))->isChecked());

    const SnapshotPtr before = w.session().snapshot();
    w.apply(w.window.scene());
    CHECK(w.session().snapshot() == before);  // no new job: nothing changed
    CHECK(w.window.scene() == asked);
}

TEST_CASE(
    "scene in the window: a partial scene changes only what it names, the selection it "
    "names reads back at once",
    "[scene]") {
    Window w;
    w.apply({.preset = QStringLiteral("fashion"), .groups = 3, .shuffle = true});
    w.apply({.step = QStringLiteral("stages.1.2.relu"), .channel = 3});
    const Scene before = w.window.scene();
    // Named alone, g changes; the step, channel and view stay. Read back before the result
    // arrives, the scene is what was asked for.
    REQUIRE_FALSE(w.window.applyScene({.groups = 4, .channel = 100}));
    Scene expected = before;
    expected.groups = 4;
    expected.channel = 100;
    CHECK(w.window.scene() == expected);
    w.idle();
    CHECK(w.window.scene() == expected);
    CHECK(w.session().selectedChannel() == 100);
    CHECK(w.session().snapshot()->step(w.session().selectedStep()).name == "stages.1.2.relu");
}

TEST_CASE("scene in the window: an invalid field is an error naming it, and nothing changes",
          "[scene]") {
    Window w;
    w.apply({.preset = QStringLiteral("fashion"), .groups = 3, .view = QStringLiteral("flow")});
    const Scene before = w.window.scene();
    const SnapshotPtr shown = w.session().snapshot();
    const auto error = w.window.applyScene({.groups = 8,
                                            .step = QStringLiteral("stages.1.1.pw2"),
                                            .channel = 5000,
                                            .view = QStringLiteral("operation")});
    REQUIRE(error);
    CHECK(error->field == QStringLiteral("channel"));
    CHECK(error->message().contains(QStringLiteral("5000")));
    CHECK_FALSE(w.session().busy());  // no job was started
    CHECK(w.window.scene() == before);
    CHECK(w.session().snapshot() == shown);
    CHECK(w.window.channelFlow()->isVisible());
    CHECK_FALSE(w.window.showView(QStringLiteral("everything")));
}

TEST_CASE("scene in the window: the keys set state through it", "[scene]") {
    Window w;
    w.apply({.preset = QStringLiteral("fashion"), .groups = 3, .shuffle = true});
    w.window.action(QStringLiteral("groups.6"))->trigger();
    w.window.action(QStringLiteral("shuffle"))->trigger();
    w.window.action(QStringLiteral("width.next"))->trigger();
    w.idle();
    const Scene after = w.window.scene();
    CHECK(after.groups == 6);
    CHECK(after.shuffle == false);
    CHECK(after.widthScale == 1.0);
    w.window.action(QStringLiteral("step.last"))->trigger();
    CHECK(w.window.scene().step == QStringLiteral("head.softmax"));
    w.window.action(QStringLiteral("unit.previous"))->trigger();  // the head counts as one unit
    CHECK(w.window.scene().step == QStringLiteral("stages.2.3.pw1"));
    w.window.action(QStringLiteral("view.flow"))->trigger();
    CHECK(w.window.scene().view == QStringLiteral("flow"));
    w.window.action(QStringLiteral("compare"))->trigger();
    w.idle();
    CHECK(w.window.scene().compare == Comparison::shuffleFlipped());
    CHECK(w.window.scene().view == QStringLiteral("features"));
    w.window.action(QStringLiteral("compare.next"))->trigger();  // B: g = 1
    w.idle();
    CHECK(w.window.scene().compare == Comparison::withGroups(1));
    w.window.action(QStringLiteral("preset.next"))->trigger();
    w.idle();
    CHECK(w.window.scene().preset == QStringLiteral("imagenet"));
    CHECK(w.window.scene().groups == 6);  // P keeps g and the shuffle
    CHECK(w.window.scene().shuffle == false);
    CHECK(w.window.scene().compare == Comparison::off());  // B was on the other preset
}

TEST_CASE("scene in the window: the command line's options go through it", "[scene]") {
    StartupOptions options;
    QString error;
    REQUIRE(parseStartupOptions(
        {QStringLiteral("shufflescope"), QStringLiteral("--preset"), QStringLiteral("fashion"),
         QStringLiteral("--groups"), QStringLiteral("4"), QStringLiteral("--no-shuffle"),
         QStringLiteral("--step"), QStringLiteral("stages.2.0.concat"), QStringLiteral("--channel"),
         QStringLiteral("300"), QStringLiteral("--compare"), QStringLiteral("8"),
         QStringLiteral("--view"), QStringLiteral("cost")},
        &options, &error));
    CHECK(options.scene == Scene{.preset = QStringLiteral("fashion"),
                                 .groups = 4,
                                 .shuffle = false,
                                 .step = QStringLiteral("stages.2.0.concat"),
                                 .channel = 300,
                                 .view = QStringLiteral("cost"),
                                 .compare = Comparison::withGroups(8)});
    MainWindow window(false);
    REQUIRE(applyStartupOptions(window, options, &error));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window, ui_testing::kExposeTimeoutMs));
    REQUIRE(applyViewOptions(window, options, &error));
    CAPTURE(error);
    const Scene shown = window.scene();
    CHECK(shown.groups == 4);
    CHECK(shown.shuffle == false);
    CHECK(shown.widthScale == presetConfig("fashion").widthScale);
    CHECK(shown.step == QStringLiteral("stages.2.0.concat"));
    CHECK(shown.channel == 300);
    CHECK(shown.view == QStringLiteral("cost"));
    CHECK(shown.compare == Comparison::withGroups(8));

    // A bad value is the scene's error, in the option's name.
    StartupOptions bad;
    REQUIRE(parseStartupOptions(
        {QStringLiteral("shufflescope"), QStringLiteral("--scale"), QStringLiteral("2"),
         QStringLiteral("--step"), QStringLiteral("stages.9.9.pw1")},
        &bad, &error));
    CHECK_FALSE(applyViewOptions(window, bad, &error));
    CHECK(error == QStringLiteral("--step: no step named 'stages.9.9.pw1' in this network"));
    CHECK(window.scene() == shown);
}

TEST_CASE("start-up options: one table gives the parser and --help", "[scene]") {
    QStringList names;
    for (const StartupOption& option : startupOptionTable()) {
        CAPTURE(option.name);
        CHECK(QString::fromLatin1(option.help).size() > 5);
        CHECK(option.read);
        names << option.name;
    }
    for (const char* name : {"screenshot", "preset", "groups", "no-shuffle", "scale", "step",
                             "channel", "view", "compare", "size", "train"})
        CHECK(names.contains(QLatin1String(name)));
    StartupOptions options;
    QString error;
    CHECK_FALSE(parseStartupOptions(
        {QStringLiteral("shufflescope"), QStringLiteral("--groups"), QStringLiteral("9")}, &options,
        &error));
    CHECK(error == QStringLiteral("--groups: '9' is not an integer in 1..8"));
    CHECK_FALSE(parseStartupOptions(
        {QStringLiteral("shufflescope"), QStringLiteral("--train-images"), QStringLiteral("500")},
        &options, &error));
    CHECK(error.contains(QStringLiteral("need --train")));
}
