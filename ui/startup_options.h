#pragma once
// Command-line options of the desktop app, and --screenshot: render the window in a given state
// to a PNG and exit (used by the tests, the README's pictures, and anyone preparing slides).
//   shufflescope [--preset P] [--groups N] [--no-shuffle] [--scale S] [--input FILE]
//                [--weights FILE] [--step NAME] [--channel N] [--view NAME] [--compare B]
//                [--font-scale X] [--theme system|light|dark] [--lang en|zh_CN] [--size WxH]
//                [--train EPOCHS [--train-images N] [--train-compare]] [--screenshot FILE.png]

#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>

namespace shufflescope::ui {

class MainWindow;

struct StartupOptions {
    std::optional<QString> screenshot;
    QString preset;
    std::optional<int> groups;
    bool noShuffle = false;
    std::optional<double> scale;
    QString input;
    QString weights;
    QString step;
    std::optional<int> channel;
    QString view;
    QString compare;  // "shuffle" (B = shuffle flipped) or a group count 1..8
    double fontScale = 1.0;
    QString theme;
    QString language;           // "en", "zh_CN"; empty: the saved choice, else the system's
    std::optional<QSize> size;  // empty: the window's own (1600x960, or the screen if smaller)
    // Train panel: start a run of --groups / --no-shuffle (or shuffle on vs off) at start-up;
    // with --screenshot, the picture is taken when the runs have finished.
    std::optional<int> trainEpochs;
    std::optional<int> trainImages;
    bool trainCompare = false;
    bool helpRequested = false;
};

// False with a message naming the option for anything malformed (prints --help itself).
bool parseStartupOptions(const QStringList& arguments, StartupOptions* options, QString* error);
// Applies the configuration, input and view options to a new window.
bool applyStartupOptions(MainWindow& window, const StartupOptions& options, QString* error);
// Installs the translation for options.language (or the saved / system language) on the app.
// Returns the language in effect.
QString installTranslation(const StartupOptions& options);

// Waits for the first result, then applies --step, --channel (checked against the step's
// channels), --compare and --view. The app calls it once the window is up; --screenshot too.
bool applyViewOptions(MainWindow& window, const StartupOptions& options, QString* error);
// Waits for training runs (--train), applies the view options, renders and saves the PNG.
bool takeScreenshot(MainWindow& window, const StartupOptions& options, QString* error);

}  // namespace shufflescope::ui
