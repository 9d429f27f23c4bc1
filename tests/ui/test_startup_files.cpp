// Files given on the command line without an option, as a file manager passes them when a lesson,
// a saved demo or a checkpoint is double-clicked (packaging/shufflescope.desktop: Exec=... %f):
// each goes where its option would put it, and opens in the window.

#include <catch2/catch.hpp>

#include <QDir>
#include <QTest>

#include "main_window.h"
#include "session/assets.h"
#include "startup_options.h"
#include "tutor/lesson_runner.h"
#include "ui_test_support.h"

using namespace shufflescope;
using namespace shufflescope::ui;

namespace {

QString asset(const char* path) {
    return QDir(assetsDirectory()).filePath(QString::fromLatin1(path));
}

}  // namespace

TEST_CASE("start-up files: a file given alone goes to its option by its suffix", "[startup]") {
    const QString lesson = asset("lessons/04-channel-shuffle.lesson");
    const QString demo = QStringLiteral(SHUFFLESCOPE_ASSETS_DIR "/../tests/app/data/demo-g8.json");
    const QString model = asset("models/fashion-g8-shuffle.safetensors");
    StartupOptions options;
    QString error;
    REQUIRE(parseStartupOptions({"shufflescope", lesson}, &options, &error));
    CHECK(options.lesson == lesson);
    CHECK(options.filesGiven == QStringList{lesson});
    options = {};
    REQUIRE(parseStartupOptions({"shufflescope", demo}, &options, &error));
    CHECK(options.scenario == demo);
    options = {};
    // Upper-case suffixes too (a file copied from another system).
    REQUIRE(parseStartupOptions({"shufflescope", "--preset", "fashion", "/tmp/M.SAFETENSORS"},
                                &options, &error));
    CHECK(options.weights == "/tmp/M.SAFETENSORS");
    options = {};
    REQUIRE(parseStartupOptions({"shufflescope", lesson, model}, &options, &error));
    CHECK(options.lesson == lesson);
    CHECK(options.weights == model);
}

TEST_CASE("start-up files: a file of no known kind, or two of one kind, is refused by name",
          "[startup]") {
    StartupOptions options;
    QString error;
    CHECK_FALSE(parseStartupOptions({"shufflescope", "/tmp/notes.txt"}, &options, &error));
    CHECK(error.startsWith("'/tmp/notes.txt' is not a file ShuffleScope opens: expected a lesson"));
    options = {};
    CHECK_FALSE(parseStartupOptions(
        {"shufflescope", "--lesson", "channel-shuffle", "/tmp/b.lesson"}, &options, &error));
    CHECK(error ==
          "'channel-shuffle' and '/tmp/b.lesson' are the same kind of file: open one at "
          "a time");
}

TEST_CASE("start-up files: a lesson file given alone opens in the window", "[startup]") {
    StartupOptions options;
    QString error;
    REQUIRE(parseStartupOptions({"shufflescope", asset("lessons/04-channel-shuffle.lesson")},
                                &options, &error));
    MainWindow window(false);
    REQUIRE(applyStartupOptions(window, options, &error));
    CAPTURE(error);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window, ui_testing::kExposeTimeoutMs));
    REQUIRE(window.lessonRunner()->running());
    CHECK(window.lessonRunner()->lesson().name == "channel-shuffle");
    CHECK(window.lessonRunner()->stepIndex() == 0);
}
