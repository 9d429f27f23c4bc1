// The saved demo's format (session/demo_file.h), without a window: what is written reads back as
// the same Demo, the image is written relative to the demo when it is beside it, and every kind
// of bad file is refused with the file, the line and the problem.

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "session/assets.h"
#include "session/demo_file.h"

using namespace shufflescope;
using namespace shufflescope::ui;

namespace {

Demo fullDemo(const QString& imagePath) {
    Demo d;
    d.scene = Scene{.preset = "fashion",
                    .groups = 8,
                    .shuffle = false,
                    .widthScale = 0.5,
                    .step = "stages.1.3.shuffle",
                    .channel = 7,
                    .view = "flow",
                    .compare = Comparison::withGroups(1)};
    d.imagePath = imagePath;
    d.theme = QStringLiteral("dark");
    d.fontScale = 1.8;
    d.presenter = true;
    d.lesson = QStringLiteral("channel-shuffle");
    d.lessonStep = 4;
    return d;
}

Demo parsed(const QByteArray& text, const QString& path) {
    const auto result = parseDemo(text, path);
    if (const auto* error = std::get_if<DemoError>(&result)) FAIL(error->message().toStdString());
    return std::get<Demo>(result);
}

DemoError refused(const QByteArray& text, const QString& path = QStringLiteral("/tmp/x.json")) {
    const auto result = parseDemo(text, path);
    REQUIRE(std::holds_alternative<DemoError>(result));
    return std::get<DemoError>(result);
}

// A valid demo's text with one line replaced or added (line 3 onwards holds the fields).
QByteArray withField(const QString& field) {
    return QStringLiteral(
               "{\n  \"format\": \"shufflescope-demo\",\n  \"version\": 1,\n  \"preset\": "
               "\"fashion\",\n  %1\n}\n")
        .arg(field)
        .toUtf8();
}

}  // namespace

TEST_CASE("a demo written and read back is the same demo, every kind of comparison included",
          "[demo]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("class.json"));
    Demo demo = fullDemo(dir.filePath(QStringLiteral("photo.png")));
    for (const Comparison& compare : {Comparison::off(), Comparison::shuffleFlipped(),
                                      Comparison::withGroups(1), Comparison::configuration([] {
                                          ModelConfig b = presetConfig("fashion");
                                          b.groups = 4;
                                          b.shuffle = false;
                                          b.widthScale = 1.0;
                                          return b;
                                      }())}) {
        demo.scene.compare = compare;
        const QByteArray text = serialiseDemo(demo, path);
        CAPTURE(text.toStdString());
        CHECK(parsed(text, path) == demo);
    }
    // A lesson file beside the demo is named relative to it, a bundled one by its name.
    demo.lesson = dir.filePath(QStringLiteral("my-lesson.lesson"));
    const QByteArray text = serialiseDemo(demo, path);
    CHECK(text.contains("\"lesson\": \"my-lesson.lesson\""));
    CHECK(parsed(text, path) == demo);
}

TEST_CASE("a demo names its image relative to itself when beside it, else absolute, or a sample",
          "[demo]") {
    QTemporaryDir dir, elsewhere;
    const QString path = dir.filePath(QStringLiteral("class.json"));
    const QString beside = dir.filePath(QStringLiteral("pictures/cat.png"));
    QByteArray text = serialiseDemo(fullDemo(beside), path);
    CHECK(text.contains("\"image\": \"pictures/cat.png\""));
    CHECK(parsed(text, path).imagePath == beside);

    const QString away = elsewhere.filePath(QStringLiteral("cat.png"));
    text = serialiseDemo(fullDemo(away), path);
    CHECK(text.contains(QStringLiteral("\"image\": \"%1\"").arg(away).toUtf8()));
    CHECK(parsed(text, path).imagePath == away);

    Demo sample = fullDemo(QDir(samplesDirectory()).filePath(QStringLiteral("fashion-bag.png")));
    sample.sample = QStringLiteral("fashion-bag.png");
    text = serialiseDemo(sample, path);
    CHECK(text.contains("\"sample\": \"fashion-bag.png\""));
    CHECK_FALSE(text.contains("\"image\""));
    CHECK(parsed(text, path) == sample);
}

TEST_CASE("a demo file lists its fields one a line, format and version first", "[demo]") {
    const QByteArray text = serialiseDemo(fullDemo(QStringLiteral("/data/cat.png")), "/x/d.json");
    const QList<QByteArray> lines = text.split('\n');
    REQUIRE(lines.size() > 4);
    CHECK(lines[1] == "  \"format\": \"shufflescope-demo\",");
    CHECK(lines[2] == "  \"version\": 2,");
    CHECK(text.contains("\n  \"g\": 8,\n"));
    CHECK(text.contains("\n  \"textSize\": 1.8,\n"));
}

TEST_CASE("fields a demo leaves out are left unset, to keep the window's current values",
          "[demo]") {
    const Demo d = parsed(withField(QStringLiteral("\"g\": 4")), QStringLiteral("/tmp/x.json"));
    CHECK(d.scene.preset == "fashion");
    CHECK(d.scene.groups == 4);
    CHECK_FALSE(d.scene.shuffle);
    CHECK_FALSE(d.scene.step);
    CHECK_FALSE(d.imagePath);
    CHECK_FALSE(d.theme);
    CHECK_FALSE(d.presenter);
}

TEST_CASE("bad demo files are refused naming the file, the line and the problem", "[demo]") {
    struct Case {
        QByteArray text;
        int line;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"{\n  \"format\": \"shufflescope-demo\",\n  \"version\": 1\n  \"g\": 3\n}", 4,
         "not valid JSON"},
        {"[1, 2]", 1, "one JSON object"},
        {"{\"version\": 1}", 0, "not a ShuffleScope demo"},
        {"{\n  \"format\": \"shufflescope-demo\"\n}", 0, "version: missing"},
        {"{\n  \"format\": \"shufflescope-demo\",\n  \"version\": 3,\n  \"lesson\": \"cost\"\n}", 3,
         "version: this demo was saved in format version 3 by a newer ShuffleScope"},
        {withField(QStringLiteral("\"g\": 9").toUtf8()), 5, "g: 9 is not an integer in 1..8"},
        {withField(QStringLiteral("\"g\": \"eight\"").toUtf8()), 5,
         "g: expected an integer, found a string"},
        {withField(QStringLiteral("\"g\": 2.5").toUtf8()), 5, "g: 2.5 is not an integer"},
        {withField(QStringLiteral("\"shuffle\": 1").toUtf8()), 5,
         "shuffle: expected true or false, found a number"},
        {withField(QStringLiteral("\"width\": 0.75").toUtf8()), 5,
         "width: 0.75 is not 0.25, 0.5, 1, 1.5 or 2"},
        {withField(QStringLiteral("\"view\": \"everything\"").toUtf8()), 5,
         "view: 'everything' is not one of: operation"},
        {"{\n  \"format\": \"shufflescope-demo\",\n  \"version\": 1,\n  \"preset\": \"cifar\"\n}",
         4, "preset: 'cifar' is not one of: imagenet, fashion"},
        {withField(QStringLiteral("\"theme\": \"neon\"").toUtf8()), 5,
         "theme: 'neon' is not one of: system, light, dark"},
        {withField(QStringLiteral("\"textSize\": 9").toUtf8()), 5,
         "textSize: 9 is not a text size in 0.8..2.5"},
        {withField(QStringLiteral("\"compare\": \"sideways\"").toUtf8()), 5,
         "compare: 'sideways' is not \"off\", \"shuffle\""},
        {withField(QStringLiteral("\"compare\": {\"g\": 2}").toUtf8()), 5,
         "compare: B needs all of"},
        {withField(QStringLiteral("\"sample\": \"no-such-sample.png\"").toUtf8()), 5,
         "sample: no bundled sample named 'no-such-sample.png'"},
        {withField(QStringLiteral("\"colour\": \"red\"").toUtf8()), 5,
         "colour: unknown field (version 2 has: format, version, image, sample"},
        {withField(QStringLiteral("\"lessonStep\": 3").toUtf8()), 5,
         "lessonStep: a step of which lesson? \"lesson\" is missing"},
        {withField(QStringLiteral("\"lesson\": 5").toUtf8()), 5,
         "lesson: expected a bundled lesson's name or a .lesson file, found a number"},
        {withField(QStringLiteral("\"step\": 12").toUtf8()), 5,
         "step: expected a step name such as"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text.toStdString());
        const DemoError error = refused(c.text, QStringLiteral("/lessons/bad-demo.json"));
        CHECK(error.file == QStringLiteral("/lessons/bad-demo.json"));
        CHECK(error.line == c.line);
        CHECK(error.problem.contains(QString::fromUtf8(c.problem)));
        CHECK(error.message().startsWith(QStringLiteral("/lessons/bad-demo.json:")));
    }
}

TEST_CASE("a syntax error is reported at its line and column", "[demo]") {
    const DemoError error = refused("{\n  \"format\": \"shufflescope-demo\",\n  \"version\": ,\n}",
                                    QStringLiteral("demo.json"));
    CHECK(error.line == 3);
    CHECK(error.column > 0);
    CHECK(error.message().startsWith(
        QStringLiteral("demo.json:3:%1: not valid JSON").arg(error.column)));
}

TEST_CASE("a scene field's error is named with the demo's key and its line", "[demo]") {
    const QByteArray text = withField(QStringLiteral("\"g\": 3,\n  \"width\": 1"));
    CHECK(demoKeyForSceneField(QStringLiteral("groups")) == QStringLiteral("g"));
    CHECK(demoKeyForSceneField(QStringLiteral("widthScale")) == QStringLiteral("width"));
    CHECK(demoKeyForSceneField(QStringLiteral("step")) == QStringLiteral("step"));
    CHECK(demoFieldLine(text, QStringLiteral("width")) == 6);
    CHECK(demoFieldLine(text, QStringLiteral("step")) == 0);
}
