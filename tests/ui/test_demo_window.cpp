// Saved demos in the window (File -> Save demo / Open demo, drag and drop): a demo saved and
// opened in a fresh window shows the same state and the same picture; a bad demo is a message
// naming the file and the problem, and the window does not change at all.

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "main_window.h"
#include "session/assets.h"
#include "session/demo_file.h"
#include "shown_main_window.h"
#include "support/model_configs.h"
#include "tutor/lesson_runner.h"
#include "ui_test_support.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using testing_support::fashionConfig;
using ui_testing::settle;

namespace {

QString sample(const char* name) {
    return QDir(samplesDirectory()).filePath(QString::fromLatin1(name));
}

void write(const QString& path, const QByteArray& text) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// Everything a demo holds, as the window shows it.
struct State {
    Scene scene;
    QString theme;
    double fontScale;
    QString input;
    bool presenter;
    bool operator==(const State&) const = default;
};

State stateOf(MainWindow& window) {
    return {window.scene(), window.theme(), window.fontScale(), window.session().inputPath(),
            window.presenterMode()};
}

// A window showing a state far from the defaults.
void prepare(ui_testing::ShownMainWindow& w) {
    w.window.setTheme(QStringLiteral("dark"));
    w.window.setFontScale(1.4);
    w.session().openInput(sample("fashion-bag.png"));
    REQUIRE_FALSE(w.window.applyScene({.preset = "fashion",
                                       .groups = 8,
                                       .shuffle = false,
                                       .step = "stages.1.2.pw2",
                                       .channel = 5,
                                       .view = "flow"}));
    w.idle();
    REQUIRE_FALSE(w.window.applyScene({.compare = Comparison::withGroups(1)}));
    w.idle();
    settle(200);
}

}  // namespace

TEST_CASE("a saved demo opened in a fresh window shows the same state and picture", "[demo]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g8-no-shuffle.json"));
    State saved;
    QImage savedPicture;
    {
        ui_testing::ShownMainWindow w;
        prepare(w);
        REQUIRE_FALSE(w.window.saveDemo(path));
        saved = stateOf(w.window);
        savedPicture = w.window.grab().toImage();
    }
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    CAPTURE(text.toStdString());
    CHECK(text.contains("\"sample\": \"fashion-bag.png\""));

    ui_testing::ShownMainWindow fresh;
    fresh.idle();
    const auto error = fresh.window.openDemo(path);
    REQUIRE_FALSE(error);
    fresh.idle();
    settle(300);
    CHECK(stateOf(fresh.window) == saved);
    CHECK(fresh.window.scene().compare == Comparison::withGroups(1));
    const QImage again = fresh.window.grab().toImage();
    CHECK(ui_testing::differingFraction(savedPicture, again) < 0.02);
}

TEST_CASE("a demo in presenter mode keeps the teacher's text size, and reopens presenting",
          "[demo]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("presenting.json"));
    ui_testing::ShownMainWindow w;
    w.idle();
    w.window.setPresenterUsesFullScreen(false);
    w.window.setFontScale(1.2);
    w.window.setPresenterMode(true);
    REQUIRE_FALSE(w.window.saveDemo(path));
    w.window.setPresenterMode(false);
    CHECK(w.window.fontScale() == 1.2);

    ui_testing::ShownMainWindow fresh;
    fresh.idle();
    fresh.window.setPresenterUsesFullScreen(false);
    REQUIRE_FALSE(fresh.window.openDemo(path));
    CHECK(fresh.window.presenterMode());
    fresh.window.setPresenterMode(false);
    CHECK(fresh.window.fontScale() == 1.2);
}

TEST_CASE("a bad demo is a message naming the file and the problem, and nothing changes",
          "[demo]") {
    QTemporaryDir dir;
    ui_testing::ShownMainWindow w;
    prepare(w);
    const State before = stateOf(w.window);
    const QString header =
        QStringLiteral("{\n  \"format\": \"shufflescope-demo\",\n  \"version\": 1,\n");
    struct Case {
        const char* file;
        QString text;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"not-json.json", QStringLiteral("{ \"format\": shufflescope }"), ":1:"},
        {"wrong-type.json", header + QStringLiteral("  \"g\": \"eight\"\n}"),
         ":4: g: expected an integer"},
        {"g-nine.json", header + QStringLiteral("  \"g\": 9\n}"), ":4: g: 9 is not an integer"},
        {"unknown-preset.json", header + QStringLiteral("  \"preset\": \"cifar\"\n}"),
         ":4: preset: 'cifar'"},
        {"unknown-step.json",
         header + QStringLiteral("  \"g\": 2,\n  \"theme\": \"light\",\n  \"step\": "
                                 "\"stages.9.9.pw1\"\n}"),
         ":6: step: no step named 'stages.9.9.pw1'"},
        {"bad-channel.json",
         header + QStringLiteral("  \"step\": \"stages.1.1.shuffle\",\n  \"channel\": 999\n}"),
         ":5: channel: step 'stages.1.1.shuffle' has channels"},
        {"unknown-view.json", header + QStringLiteral("  \"view\": \"everything\"\n}"),
         ":4: view: 'everything'"},
        {"missing-image.json",
         header + QStringLiteral("  \"textSize\": 2,\n  \"image\": \"gone.png\"\n}"), ":5: image:"},
        {"corrupt-image.json",
         header +
             QStringLiteral("  \"image\": \"%1\"\n}")
                 .arg(QStringLiteral(SHUFFLESCOPE_ASSETS_DIR "/../tests/app/data/corrupt.png")),
         ":4: image:"},
        {"newer.json",
         QStringLiteral("{\n  \"format\": \"shufflescope-demo\",\n  \"version\": 3,\n  \"g\": 2,\n"
                        "  \"lesson\": \"the-shuffle\",\n  \"lessonStep\": 4\n}"),
         ":3: version: this demo was saved in format version 3 by a newer ShuffleScope"},
    };
    for (const Case& c : cases) {
        const QString path = dir.filePath(QString::fromLatin1(c.file));
        write(path, c.text.toUtf8());
        const auto error = w.window.openDemo(path);
        CAPTURE(c.file, error.value_or(QString()).toStdString());
        REQUIRE(error);
        CHECK(error->startsWith(path + QLatin1Char(':')));
        CHECK(error->contains(QString::fromUtf8(c.problem)));
        w.idle();
        CHECK(stateOf(w.window) == before);
    }
    // A file that cannot be read at all names itself too.
    const QString missing = dir.filePath(QStringLiteral("no-such-demo.json"));
    const auto error = w.window.openDemo(missing);
    REQUIRE(error);
    CHECK(error->startsWith(missing));
    CHECK(stateOf(w.window) == before);
    // Nor can a named pipe: refused at once (QFile waited for a writer; the alarm fails a run
    // that blocks).
    const QString fifo = dir.filePath(QStringLiteral("pipe.json"));
    REQUIRE(mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    alarm(120);
    const auto pipeError = w.window.openDemo(fifo);
    alarm(0);
    REQUIRE(pipeError);
    CHECK(*pipeError == fifo + QStringLiteral(": cannot be read: is a named pipe (FIFO), not a "
                                              "regular file; expected a demo file"));
    CHECK(stateOf(w.window) == before);
}

TEST_CASE("a demo saved during a lesson reopens the lesson at its step, in the same state",
          "[demo]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    Scene saved;
    {
        ui_testing::ShownMainWindow w;
        w.idle();
        REQUIRE_FALSE(w.window.openLesson(QStringLiteral("channel-shuffle"), 3));
        w.idle();
        saved = w.window.scene();
        REQUIRE_FALSE(w.window.saveDemo(path));
    }
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    CHECK(text.contains("\"lesson\": \"channel-shuffle\""));
    CHECK(text.contains("\"lessonStep\": 4"));

    ui_testing::ShownMainWindow fresh;
    fresh.idle();
    REQUIRE_FALSE(fresh.window.openDemo(path));
    fresh.idle();
    REQUIRE(fresh.window.lessonRunner()->running());
    CHECK(fresh.window.lessonRunner()->lesson().name == "channel-shuffle");
    CHECK(fresh.window.lessonRunner()->stepIndex() == 3);
    CHECK(fresh.window.scene() == saved);

    // A lesson that is not there, or a step it does not have: refused, nothing changes.
    const State before = stateOf(fresh.window);
    const QString header =
        QStringLiteral("{\n  \"format\": \"shufflescope-demo\",\n  \"version\": 2,\n");
    write(dir.filePath(QStringLiteral("no-lesson.json")),
          (header + QStringLiteral("  \"g\": 8,\n  \"lesson\": \"no-such-lesson\"\n}")).toUtf8());
    const auto noLesson = fresh.window.openDemo(dir.filePath(QStringLiteral("no-lesson.json")));
    REQUIRE(noLesson);
    CHECK(noLesson->contains(QStringLiteral(":5: lesson: no-such-lesson: file does not exist")));
    write(dir.filePath(QStringLiteral("no-step.json")),
          (header + QStringLiteral("  \"lesson\": \"channel-shuffle\",\n  \"lessonStep\": 40\n}"))
              .toUtf8());
    const auto noStep = fresh.window.openDemo(dir.filePath(QStringLiteral("no-step.json")));
    REQUIRE(noStep);
    CHECK(noStep->contains(QStringLiteral(":5: lessonStep:")));
    CHECK(noStep->contains(QStringLiteral("there is no step 40")));
    CHECK(stateOf(fresh.window) == before);
    CHECK(fresh.window.lessonRunner()->stepIndex() == 3);
}

TEST_CASE("a demo file dropped on the window opens it", "[demo]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dropped.json"));
    write(path,
          "{\"format\": \"shufflescope-demo\", \"version\": 1, \"preset\": \"fashion\", "
          "\"g\": 4, \"shuffle\": false, \"step\": \"stages.1.1.shuffle\"}");
    ui_testing::ShownMainWindow w;
    w.idle();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = w.window.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w.window, &enter);
    CHECK(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w.window, &drop);
    w.idle();
    CHECK(w.window.scene().groups == 4);
    CHECK(w.window.scene().shuffle == false);
    CHECK(w.window.scene().step == "stages.1.1.shuffle");
    CHECK(w.window.lastError().isEmpty());
}
