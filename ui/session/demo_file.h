#pragma once
// A saved demo: the whole state of the window as a small JSON file a teacher can keep, mail and
// open again (File -> Save demo / Open demo, drag and drop, --scenario FILE). docs/demos.md
// documents the format with an example.
//
//   {"format": "shufflescope-demo", "version": 1, "sample": "fashion-sneaker.png",
//    "preset": "fashion", "g": 8, "shuffle": true, "width": 0.5,
//    "step": "stages.1.3.shuffle", "channel": 7, "view": "operation", "compare": "off",
//    "theme": "dark", "textSize": 1.8, "presenter": true}
//
// Parsing is pure (no window): it checks the syntax and every field's type and range and turns
// the file into a Demo. What needs the network or the disk (the step's name, the channel's
// range, the image itself) the window checks next (MainWindow::openDemo), before it applies
// anything; demoFieldLine finds the line to name in those messages.
//
// The fields are one table (demo_file.cpp): a field added later (a lesson, its step) is one more
// row there and one more member here, and the version goes up. A file of a newer version is
// refused whole with a message saying so, never half-read.
//
// Qt's JSON (not nlohmann-json in core): a demo is made of Qt values (Scene, QString paths,
// translated messages) and lives beside Scene in ui/session; QJsonParseError's offset is turned
// into the line and column a syntax error is reported at.

#include <QByteArray>
#include <QString>
#include <optional>
#include <variant>

#include "session/scene.h"

namespace shufflescope::ui {

// 2 added the lesson and its step; a version 1 file reads as before.
inline constexpr int kDemoFormatVersion = 2;

struct Demo {
    // preset, groups, shuffle, widthScale, step, channel, view and compare; a field the file
    // leaves out keeps the window's current value, as in any Scene.
    Scene scene;
    // The image: a file (its path absolute, resolved against the demo's folder) or a bundled
    // sample (its file name in assets/samples; `imagePath` then holds its full path).
    std::optional<QString> imagePath;
    std::optional<QString> sample;
    std::optional<QString> theme;  // "system", "light", "dark"
    std::optional<double> fontScale;
    std::optional<bool> presenter;
    // The lesson running: a bundled one by name ("channel-shuffle") or a lesson file (its path
    // absolute, resolved against the demo's folder), and its step, from 1.
    std::optional<QString> lesson;
    std::optional<int> lessonStep;
    bool operator==(const Demo&) const = default;
};

// What is wrong with a demo file: the file as named, the line (0: not known) and the problem.
struct DemoError {
    QString file;
    int line = 0;
    int column = 0;
    QString problem;
    // "lesson.json:4: g: 9 is not a group count 1..8" (the column with syntax errors).
    QString message() const;
};

// Parses `text`, read from `filePath` (relative image paths are resolved against its folder).
std::variant<Demo, DemoError> parseDemo(const QByteArray& text, const QString& filePath);

// The file's text for `demo`, saved as `filePath`: every field the demo has, in the table's order.
// The image is written as "sample" when it is a bundled one, as a path relative to the demo's
// folder when it is in that folder or below it, else as an absolute path.
QByteArray serialiseDemo(const Demo& demo, const QString& filePath);

// The demo field a Scene field is written as ("groups" -> "g", "widthScale" -> "width").
QString demoKeyForSceneField(const QString& sceneField);
// The 1-based line where `key` is given in `text`, or 0 when it is not there.
int demoFieldLine(const QByteArray& text, const QString& key);

}  // namespace shufflescope::ui
