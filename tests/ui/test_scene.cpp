// The window's side of Scene (the value and its checks: tests/core/tutor/test_scene.cpp): applied
// all or nothing, read back as the same value, and the keys set state through it.

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
        CAPTURE(error ? error->message() : std::string());
        REQUIRE_FALSE(error);
        idle();
    }
};

}  // namespace

TEST_CASE(
    "scene in the window: applied, then read back the same, applying it again changes "
    "nothing",
    "[scene]") {
    Window w;
    const Scene asked{.preset = "fashion",
                      .groups = 8,
                      .shuffle = false,
                      .widthScale = 0.5,
                      .step = "stages.1.1.shuffle",
                      .channel = 17,
                      .view = "flow",
                      .compare = Comparison::withGroups(2)};
    w.apply(asked);
    CHECK(w.window.scene() == asked);
    // The window shows it: the session's request and selection, the comparison, the tab.
    CHECK(w.session().snapshot()->config() == fashionConfig(8, false));
    CHECK(w.session().snapshot()->step(w.session().selectedStep()).name == "stages.1.1.shuffle");
    CHECK(w.session().selectedChannel() == 17);
    REQUIRE(w.session().comparisonConfig());
    CHECK(*w.session().comparisonConfig() == fashionConfig(2, false));
    CHECK(w.window.action("compare")->isChecked());

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
    w.apply({.preset = "fashion", .groups = 3, .shuffle = true});
    w.apply({.step = "stages.1.2.relu", .channel = 3});
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
    w.apply({.preset = "fashion", .groups = 3, .view = "flow"});
    const Scene before = w.window.scene();
    const SnapshotPtr shown = w.session().snapshot();
    const auto error = w.window.applyScene(
        {.groups = 8, .step = "stages.1.1.pw2", .channel = 5000, .view = "operation"});
    REQUIRE(error);
    CHECK(error->field == "channel");
    CHECK_THAT(error->message(), Catch::Contains("5000"));
    CHECK_FALSE(w.session().busy());  // no job was started
    CHECK(w.window.scene() == before);
    CHECK(w.session().snapshot() == shown);
    CHECK(w.window.channelFlow()->isVisible());
    CHECK_FALSE(w.window.showView("everything"));
}

TEST_CASE("scene in the window: the keys set state through it", "[scene]") {
    Window w;
    w.apply({.preset = "fashion", .groups = 3, .shuffle = true});
    w.window.action("groups.6")->trigger();
    w.window.action("shuffle")->trigger();
    w.window.action("width.next")->trigger();
    w.idle();
    const Scene after = w.window.scene();
    CHECK(after.groups == 6);
    CHECK(after.shuffle == false);
    CHECK(after.widthScale == 1.0);
    w.window.action("step.last")->trigger();
    CHECK(w.window.scene().step == "head.softmax");
    w.window.action("unit.previous")->trigger();  // the head counts as one unit
    CHECK(w.window.scene().step == "stages.2.3.pw1");
    w.window.action("view.flow")->trigger();
    CHECK(w.window.scene().view == "flow");
    w.window.action("compare")->trigger();
    w.idle();
    CHECK(w.window.scene().compare == Comparison::shuffleFlipped());
    CHECK(w.window.scene().view == "features");
    w.window.action("compare.next")->trigger();  // B: g = 1
    w.idle();
    CHECK(w.window.scene().compare == Comparison::withGroups(1));
    w.window.action("preset.next")->trigger();
    w.idle();
    CHECK(w.window.scene().preset == "imagenet");
    CHECK(w.window.scene().groups == 6);  // P keeps g and the shuffle
    CHECK(w.window.scene().shuffle == false);
    CHECK(w.window.scene().compare == Comparison::off());  // B was on the other preset
}

TEST_CASE("scene in the window: the command line's options go through it", "[scene]") {
    StartupOptions options;
    QString error;
    REQUIRE(parseStartupOptions(
        {"shufflescope", "--preset", "fashion", "--groups", "4", "--no-shuffle", "--step",
         "stages.2.0.concat", "--channel", "300", "--compare", "8", "--view", "cost"},
        &options, &error));
    CHECK(options.scene == Scene{.preset = "fashion",
                                 .groups = 4,
                                 .shuffle = false,
                                 .step = "stages.2.0.concat",
                                 .channel = 300,
                                 .view = "cost",
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
    CHECK(shown.step == "stages.2.0.concat");
    CHECK(shown.channel == 300);
    CHECK(shown.view == "cost");
    CHECK(shown.compare == Comparison::withGroups(8));

    // A bad value is the scene's error, in the option's name.
    StartupOptions bad;
    REQUIRE(parseStartupOptions({"shufflescope", "--scale", "2", "--step", "stages.9.9.pw1"}, &bad,
                                &error));
    CHECK_FALSE(applyViewOptions(window, bad, &error));
    CHECK(error == "--step: no step named 'stages.9.9.pw1' in this network");
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
    CHECK_FALSE(parseStartupOptions({"shufflescope", "--groups", "9"}, &options, &error));
    CHECK(error == "--groups: '9' is not an integer in 1..8");
    CHECK_FALSE(parseStartupOptions({"shufflescope", "--train-images", "500"}, &options, &error));
    CHECK(error.contains("need --train"));
}
