#pragma once
// Command-line options of the desktop app, and --screenshot: render the window in a given state
// to a PNG and exit (used by the tests, the README's pictures, and anyone preparing slides).
//   shufflescope [--preset P] [--groups N] [--no-shuffle] [--scale S] [--input FILE]
//                [--weights FILE] [--step NAME] [--channel N] [--view NAME] [--compare B]
//                [--font-scale X] [--theme system|light|dark] [--lang en|zh_CN] [--size WxH]
//                [--train EPOCHS [--train-images N] [--train-compare]] [--presenter]
//                [--scenario FILE.json] [--lesson NAME|FILE [--lesson-step N] [--lesson-reveal]]
//                [--screenshot FILE.png] [--export-png|--export-svg|--export-gif|--export-table
//                FILE ...] [FILE.lesson|FILE.json|FILE.safetensors]
// The --export-* options (export/export_options.h) render and exit as --screenshot does.

#include <QSize>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

#include "export/export_request.h"
#include "session/scene.h"

namespace shufflescope::ui {

class MainWindow;

struct StartupOptions {
    std::optional<QString> screenshot;
    ExportRequest exports;     // --export-png, --export-svg, --export-gif, --export-table, ...
    bool measureTime = false;  // --measure-time: Model → Measure time per step, waited for
    // --screenshot or an export: the window is rendered in the asked state, then the app exits.
    bool rendersAndExits() const { return screenshot || exports.any(); }
    // What the window shows, as --preset, --groups, --no-shuffle, --scale, --step, --channel,
    // --view and --compare name it: applied through MainWindow::applyScene, which checks it.
    Scene scene;
    QString input;
    QString weights;
    std::optional<double> fontScale;  // empty: the scenario's, else 1
    QString theme;
    QString language;           // "en", "zh_CN"; empty: the saved choice, else the system's
    std::optional<QSize> size;  // empty: the window's own (1600x960, or the screen if smaller)
    // Train panel: start a run of --groups / --no-shuffle (or shuffle on vs off) at start-up;
    // with --screenshot, the picture is taken when the runs have finished.
    std::optional<int> trainEpochs;
    std::optional<int> trainImages;
    bool trainCompare = false;
    // A lesson (a bundled one's name, or a file) opened at --lesson-step (1-based).
    QString lesson;
    std::optional<int> lessonStep;
    bool lessonReveal = false;  // the step with its action done / answer shown (slides, review)
    bool presenter = false;     // presenter mode (F5) at start-up
    // A saved demo (session/demo_file.h) opened first; the other options change it. A bad one
    // is an error at start-up, naming the file, the line and the problem.
    QString scenario;
    // Files given without an option (a file manager's "Open with"): each goes to --lesson,
    // --scenario or --weights by its suffix (.lesson, .json, .safetensors).
    QStringList filesGiven;
    bool helpRequested = false;
};

// One command-line option: its name, its value's name (empty for a flag), its --help line and
// how its value is checked and stored. Parsing and --help both read this one table.
struct StartupOption {
    QString name;
    QString valueName;
    const char* help;  // translated in the QObject context
    // Stores `value` (empty for a flag) in `options`; false with a message naming the option.
    std::function<bool(const QString& value, StartupOptions& options, QString* error)> read;
};
const std::vector<StartupOption>& startupOptionTable();
// A WxH value of --`option` between `smallest` and `largest`, or a message naming the option.
std::optional<QSize> sizeOptionValue(const QString& option, const QString& value, QSize smallest,
                                     QSize largest, QString* error);

// False with a message naming the option for anything malformed (prints --help itself).
bool parseStartupOptions(const QStringList& arguments, StartupOptions* options, QString* error);
// Applies the configuration (a scene: --preset means that preset's configuration, which --groups,
// --no-shuffle and --scale change), input, weights and window options to a new window.
bool applyStartupOptions(MainWindow& window, const StartupOptions& options, QString* error);
// Installs the translation for options.language (or the saved / system language) on the app.
// Returns the language in effect.
QString installTranslation(const StartupOptions& options);

// Waits for the first result, then applies --step, --channel, --compare and --view as one scene
// (checked against the network shown). The app calls it once the window is up; --screenshot too.
bool applyViewOptions(MainWindow& window, const StartupOptions& options, QString* error);
// Waits for training runs (--train), applies the view options, renders and saves the PNG
// (--screenshot) and writes the --export-* files.
bool takeScreenshot(MainWindow& window, const StartupOptions& options, QString* error);

}  // namespace shufflescope::ui
