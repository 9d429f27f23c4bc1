// The desktop app's command line (startup_options.h): one table of options, parsed, then applied
// to the window; --screenshot and the exports render and exit.
// Sections: The table of options · Parsing · Applying

#include "startup_options.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QThread>
#include <QTranslator>
#include <algorithm>
#include <cstdio>
#include <utility>

#include "export/export_options.h"
#include "export/file_output.h"
#include "main_window.h"
#include "text/engine_text.h"
#include "training/train_panel.h"
#include "tutor/lesson_runner.h"

namespace shufflescope::ui {

namespace {

constexpr int kResultTimeoutMs = 120000;
constexpr int kTrainingTimeoutMs = 30 * 60000;
constexpr int kStableGrabAttempts = 20;  // 300 ms apart: at most 6 s more

// Lets queued paints (including the OpenGL canvas) happen for a while.
void settle(int milliseconds) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < milliseconds) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
}

}  // namespace

// [SECTION] The table of options

namespace {

// `value` as an integer in lo..hi, or a message naming the option.
std::optional<int> integerIn(const QString& name, const QString& value, int lo, int hi,
                             QString* error) {
    bool ok = false;
    const int v = value.toInt(&ok);
    if (ok && v >= lo && v <= hi) return v;
    *error = QObject::tr("--%1: '%2' is not an integer in %3..%4").arg(name, value).arg(lo).arg(hi);
    return std::nullopt;
}

// A row whose value is an integer in lo..hi, stored by `store`.
StartupOption integerOption(const char* name, const char* valueName, const char* help, int lo,
                            int hi, std::function<void(StartupOptions&, int)> store) {
    const QString option = QString::fromLatin1(name);
    return {option, QString::fromLatin1(valueName), help,
            [option, lo, hi, store](const QString& value, StartupOptions& o, QString* error) {
                const std::optional<int> v = integerIn(option, value, lo, hi, error);
                if (v) store(o, *v);
                return v.has_value();
            }};
}

// A row whose value is one of `accepted` (an empty value: not set).
StartupOption choiceOption(const char* name, const char* valueName, const char* help,
                           QStringList accepted, const char* refusal,
                           std::function<void(StartupOptions&, const QString&)> store) {
    const QString option = QString::fromLatin1(name);
    return {option, QString::fromLatin1(valueName), help,
            [accepted, refusal, store](const QString& value, StartupOptions& o, QString* error) {
                if (!value.isEmpty() && !accepted.contains(value)) {
                    *error = QObject::tr(refusal).arg(value);
                    return false;
                }
                store(o, value);
                return true;
            }};
}

std::vector<StartupOption> buildTable() {
    using O = StartupOptions;
    std::vector<StartupOption> table = {
        {QStringLiteral("screenshot"), QStringLiteral("FILE"),
         QT_TRANSLATE_NOOP("QObject", "Render the window to FILE.png and exit."),
         [](const QString& value, O& o, QString* error) {
             if (!value.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
                 *error = QObject::tr("--screenshot: '%1' must be a .png file").arg(value);
                 return false;
             }
             o.screenshot = value;
             return true;
         }},
        {QStringLiteral("preset"), QStringLiteral("P"),
         QT_TRANSLATE_NOOP("QObject", "imagenet or fashion."),
         [](const QString& value, O& o, QString*) {
             if (!value.isEmpty()) o.scene.preset = value.toStdString();  // the scene checks it
             return true;
         }},
        integerOption("groups", "N", QT_TRANSLATE_NOOP("QObject", "Groups g, 1..8."), 1, 8,
                      [](O& o, int g) { o.scene.groups = g; }),
        {QStringLiteral("no-shuffle"), QString(),
         QT_TRANSLATE_NOOP("QObject", "Channel shuffle off."),
         [](const QString&, O& o, QString*) {
             o.scene.shuffle = false;
             return true;
         }},
        {QStringLiteral("scale"), QStringLiteral("S"),
         QT_TRANSLATE_NOOP("QObject", "Width 0.25, 0.5, 1, 1.5 or 2."),
         [](const QString& value, O& o, QString* error) {
             bool ok = false;
             const double v = QString(value).remove(QLatin1Char('x')).toDouble(&ok);
             const auto& scales = supportedWidthScales();
             if (!ok || std::find(scales.begin(), scales.end(), v) == scales.end()) {
                 *error = QObject::tr("--scale: '%1' is not 0.25, 0.5, 1, 1.5 or 2").arg(value);
                 return false;
             }
             o.scene.widthScale = v;
             return true;
         }},
        {QStringLiteral("input"), QStringLiteral("FILE"),
         QT_TRANSLATE_NOOP("QObject", "Image or .npy to show."),
         [](const QString& value, O& o, QString*) {
             o.input = value;
             return true;
         }},
        {QStringLiteral("weights"), QStringLiteral("FILE"),
         QT_TRANSLATE_NOOP("QObject", "Checkpoint to load."),
         [](const QString& value, O& o, QString*) {
             o.weights = value;
             return true;
         }},
        {QStringLiteral("step"), QStringLiteral("NAME"),
         QT_TRANSLATE_NOOP("QObject", "Step to select, e.g. stages.0.1.shuffle."),
         [](const QString& value, O& o, QString*) {
             if (!value.isEmpty())
                 o.scene.step = value.toStdString();  // checked against the network shown
             return true;
         }},
        integerOption("channel", "N", QT_TRANSLATE_NOOP("QObject", "Channel to select."), 0,
                      1 << 20, [](O& o, int c) { o.scene.channel = c; }),
        {QStringLiteral("view"), QStringLiteral("NAME"),
         QT_TRANSLATE_NOOP("QObject", "operation, flow, features, cost, compare or train."),
         [](const QString& value, O& o, QString*) {
             if (!value.isEmpty()) o.scene.view = value.toStdString();  // the scene checks it
             return true;
         }},
        {QStringLiteral("compare"), QStringLiteral("B"),
         QT_TRANSLATE_NOOP("QObject", "A/B compare with B = 'shuffle' (flipped) or a group count."),
         [](const QString& value, O& o, QString* error) {
             if (value.isEmpty()) return true;
             if (value == QLatin1String("shuffle")) {
                 o.scene.compare = Comparison::shuffleFlipped();
                 return true;
             }
             bool ok = false;
             const int g = value.toInt(&ok);
             if (!ok || g < 1 || g > 8) {
                 *error = QObject::tr("--compare: '%1' is not 'shuffle' or a group count 1..8")
                              .arg(value);
                 return false;
             }
             o.scene.compare = Comparison::withGroups(g);
             return true;
         }},
        {QStringLiteral("font-scale"), QStringLiteral("X"),
         QT_TRANSLATE_NOOP("QObject", "Text size, 0.8..2.5 (projector: 1.8)."),
         [](const QString& value, O& o, QString* error) {
             bool ok = false;
             o.fontScale = value.toDouble(&ok);
             if (!ok || *o.fontScale < 0.8 || *o.fontScale > 2.5) {
                 *error = QObject::tr("--font-scale: '%1' is not a number in 0.8..2.5").arg(value);
                 return false;
             }
             return true;
         }},
        choiceOption("theme", "T", QT_TRANSLATE_NOOP("QObject", "system, light or dark."),
                     {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")},
                     QT_TRANSLATE_NOOP("QObject", "--theme: '%1' is not system, light or dark"),
                     [](O& o, const QString& theme) { o.theme = theme; }),
        choiceOption("lang", "L", QT_TRANSLATE_NOOP("QObject", "Interface language: en or zh_CN."),
                     {QStringLiteral("en"), QStringLiteral("zh_CN")},
                     QT_TRANSLATE_NOOP("QObject", "--lang: '%1' is not en or zh_CN"),
                     [](O& o, const QString& language) { o.language = language; }),
        {QStringLiteral("size"), QStringLiteral("WxH"),
         QT_TRANSLATE_NOOP("QObject", "Window size WxH."),
         [](const QString& value, O& o, QString* error) {
             o.size =
                 sizeOptionValue(QStringLiteral("size"), value, {640, 400}, {7680, 4320}, error);
             return o.size.has_value();
         }},
        integerOption(
            "train", "EPOCHS",
            QT_TRANSLATE_NOOP("QObject", "Start a training run of EPOCHS on the Train tab."), 1, 50,
            [](O& o, int epochs) { o.trainEpochs = epochs; }),
        integerOption("train-images", "N",
                      QT_TRANSLATE_NOOP("QObject", "Training images per epoch, 100..60000."), 100,
                      60000, [](O& o, int images) { o.trainImages = images; }),
        {QStringLiteral("train-compare"), QString(),
         QT_TRANSLATE_NOOP("QObject", "With --train: shuffle on, then off."),
         [](const QString&, O& o, QString*) {
             o.trainCompare = true;
             return true;
         }},
        {QStringLiteral("lesson"), QStringLiteral("NAME|FILE"),
         QT_TRANSLATE_NOOP("QObject", "Open a lesson: a bundled one by name, or a .lesson file."),
         [](const QString& value, O& o, QString* error) {
             if (value.isEmpty()) {
                 *error = QObject::tr("--lesson: give a lesson's name or file");
                 return false;
             }
             o.lesson = value;
             return true;
         }},
        integerOption("lesson-step", "N",
                      QT_TRANSLATE_NOOP("QObject", "With --lesson: start at step N (from 1)."), 1,
                      1000, [](O& o, int step) { o.lessonStep = step; }),
        {QStringLiteral("lesson-reveal"), QString(),
         QT_TRANSLATE_NOOP(
             "QObject",
             "With --lesson: show the step revealed (its action done, its answer shown)."),
         [](const QString&, O& o, QString*) {
             o.lessonReveal = true;
             return true;
         }},
        {QStringLiteral("presenter"), QString(),
         QT_TRANSLATE_NOOP("QObject",
                           "Presenter mode: full screen, large text, the views and the cost only."),
         [](const QString&, O& o, QString*) {
             o.presenter = true;
             return true;
         }},
        {QStringLiteral("scenario"), QStringLiteral("FILE"),
         QT_TRANSLATE_NOOP("QObject",
                           "Open a saved demo (File > Save demo); other options change it."),
         [](const QString& value, O& o, QString*) {
             o.scenario = value;
             return true;
         }},
    };
    for (StartupOption& row : exportStartupOptions()) table.push_back(std::move(row));
    return table;
}

}  // namespace

std::optional<QSize> sizeOptionValue(const QString& option, const QString& value, QSize smallest,
                                     QSize largest, QString* error) {
    const QStringList parts = value.split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const int w = parts.value(0).toInt(&okW), h = parts.size() == 2 ? parts[1].toInt(&okH) : 0;
    if (okW && okH && w >= smallest.width() && h >= smallest.height() && w <= largest.width() &&
        h <= largest.height())
        return QSize(w, h);
    *error = QObject::tr("--%1: '%2' is not WxH between %3x%4 and %5x%6")
                 .arg(option, value)
                 .arg(smallest.width())
                 .arg(smallest.height())
                 .arg(largest.width())
                 .arg(largest.height());
    return std::nullopt;
}

const std::vector<StartupOption>& startupOptionTable() {
    static const std::vector<StartupOption> table = buildTable();
    return table;
}

// [SECTION] Parsing

namespace {

// A file given without an option, as a file manager passes it (the .desktop entry's %f): its
// suffix says which option it stands for. One file of each kind at most.
bool readGivenFile(const QString& path, StartupOptions& o, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    QString* slot = suffix == QLatin1String("lesson")        ? &o.lesson
                    : suffix == QLatin1String("json")        ? &o.scenario
                    : suffix == QLatin1String("safetensors") ? &o.weights
                                                             : nullptr;
    if (slot == nullptr) {
        *error = QObject::tr(
                     "'%1' is not a file ShuffleScope opens: expected a lesson (.lesson), "
                     "a saved demo (.json) or a checkpoint (.safetensors)")
                     .arg(path);
        return false;
    }
    if (!slot->isEmpty()) {
        *error = QObject::tr("'%1' and '%2' are the same kind of file: open one at a time")
                     .arg(*slot, path);
        return false;
    }
    *slot = path;
    o.filesGiven << path;
    return true;
}

}  // namespace

bool parseStartupOptions(const QStringList& arguments, StartupOptions* o, QString* error) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("ShuffleScope: see ShuffleNet v1 work, step by step."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QObject::tr("A lesson (.lesson), a saved demo (.json) or a checkpoint (.safetensors)."),
        QStringLiteral("[FILE]"));
    for (const StartupOption& option : startupOptionTable())
        parser.addOption(
            option.valueName.isEmpty()
                ? QCommandLineOption(option.name, QObject::tr(option.help))
                : QCommandLineOption(option.name, QObject::tr(option.help), option.valueName));
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        o->helpRequested = true;
        return true;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("%s\n", qPrintable(QCoreApplication::applicationVersion()));
        o->helpRequested = true;
        return true;
    }
    for (const StartupOption& option : startupOptionTable())
        if (parser.isSet(option.name) && !option.read(parser.value(option.name), *o, error))
            return false;
    for (const QString& file : parser.positionalArguments())
        if (!readGivenFile(file, *o, error)) return false;
    if ((o->lessonStep || o->lessonReveal) && o->lesson.isEmpty()) {
        *error = QObject::tr("--lesson-step and --lesson-reveal need --lesson NAME|FILE");
        return false;
    }
    if ((o->trainImages || o->trainCompare) && !o->trainEpochs) {
        *error = QObject::tr("--train-images and --train-compare need --train EPOCHS");
        return false;
    }
    return true;
}

QString installTranslation(const StartupOptions& options) {
    QString language = options.language;
    if (language.isEmpty())
        language = QSettings().value(QStringLiteral("view/language")).toString();
    if (language.isEmpty())
        language = QLocale::system().name().startsWith(QLatin1String("zh"))
                       ? QStringLiteral("zh_CN")
                       : QStringLiteral("en");
    if (language != QLatin1String("zh_CN")) return QStringLiteral("en");
    // Owned by the application for its whole life.
    auto* app = new QTranslator(QApplication::instance());
    auto* qt = new QTranslator(QApplication::instance());
    if (app->load(QStringLiteral(":/i18n/shufflescope_zh_CN.qm")))
        QApplication::installTranslator(app);
    if (qt->load(QStringLiteral("qtbase_zh_CN"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    return language;
}

// [SECTION] Applying

namespace {

// A scene's error as the command line's option names say it: "--step: no step named ...".
QString optionError(const SceneError& error) {
    static const QHash<QString, QString> options = {
        {QStringLiteral("widthScale"), QStringLiteral("scale")},
        {QStringLiteral("shuffle"), QStringLiteral("no-shuffle")}};
    const QString field = QString::fromStdString(error.field);
    return QStringLiteral("--%1: %2").arg(options.value(field, field), engineText({error.reason}));
}

// The configuration the command line names: --preset means that preset's own configuration
// (its g, shuffle and width unless --groups, --no-shuffle and --scale say otherwise).
Scene configurationScene(const Scene& asked) {
    Scene scene{.preset = asked.preset,
                .groups = asked.groups,
                .shuffle = asked.shuffle,
                .widthScale = asked.widthScale};
    const auto& presets = presetNames();
    if (scene.preset && std::find(presets.begin(), presets.end(), *scene.preset) != presets.end()) {
        const ModelConfig defaults = presetConfig(*scene.preset);
        scene.groups = scene.groups.value_or(defaults.groups);
        scene.shuffle = scene.shuffle.value_or(defaults.shuffle);
        scene.widthScale = scene.widthScale.value_or(defaults.widthScale);
    }
    return scene;
}

}  // namespace

bool applyStartupOptions(MainWindow& window, const StartupOptions& o, QString* error) {
    Session& session = window.session();
    if (o.rendersAndExits()) window.setAnimationsEnabled(false);
    // The picture's size is --size (presenter mode included): no full screen for a screenshot.
    window.setPresenterUsesFullScreen(!o.rendersAndExits());
    if (o.size)
        window.resize(*o.size);
    else if (o.rendersAndExits())
        window.resize(1600, 960);  // reproducible pictures, whatever the screen
    if (!o.scenario.isEmpty()) {
        if (const auto failed = window.openDemo(o.scenario)) {
            *error = *failed;
            return false;
        }
    }
    if (const auto failed = window.applyScene(configurationScene(o.scene))) {
        *error = optionError(*failed);
        return false;
    }
    if (!o.input.isEmpty()) session.openInput(o.input);
    if (!o.weights.isEmpty()) session.openCheckpoint(o.weights);
    if (!o.theme.isEmpty()) window.setTheme(o.theme);
    if (o.measureTime) window.session().setMeasuringTime(true);
    if (o.fontScale || o.scenario.isEmpty()) window.setFontScale(o.fontScale.value_or(1.0));
    if (o.presenter) window.setPresenterMode(true);
    // The step at once, so the first picture already shows it; a name the network does not have
    // is reported by applyViewOptions, with the window up.
    if (o.scene.step) (void)window.applyScene({.step = o.scene.step});
    if (!o.lesson.isEmpty()) {
        if (const auto failed = window.openLesson(o.lesson, o.lessonStep.value_or(1) - 1)) {
            *error = QStringLiteral("--lesson: ") + *failed;
            return false;
        }
        if (o.lessonReveal) window.lessonRunner()->reveal();
    }
    if (o.trainEpochs) {
        TrainPanel& panel = *window.trainPanel();
        panel.setGroups(o.scene.groups.value_or(3));
        panel.setShuffle(o.scene.shuffle.value_or(true));
        panel.setEpochs(*o.trainEpochs);
        if (o.trainImages) panel.setTrainingImages(*o.trainImages);
        window.showView(QStringLiteral("train"));
        const bool started = o.trainCompare ? panel.startShuffleComparison() : panel.startRun();
        if (!started) {
            *error = panel.lastError();
            return false;
        }
    }
    return true;
}

bool applyViewOptions(MainWindow& window, const StartupOptions& o, QString* error) {
    Session& session = window.session();
    if (!session.waitUntilIdle(kResultTimeoutMs)) {
        *error = QObject::tr("the network did not finish within %1 s").arg(kResultTimeoutMs / 1000);
        return false;
    }
    if (!window.lastError().isEmpty()) {
        *error = window.lastError();
        return false;
    }
    // One scene, checked whole first; the view comes last, once a comparison it asks for has
    // its result, as the window then has its final layout to divide.
    // A scenario's view is shown again now that the window has its final layout to divide.
    const Scene asked{.step = o.scene.step,
                      .channel = o.scene.channel,
                      .view = o.scene.view            ? o.scene.view
                              : !o.scenario.isEmpty() ? window.scene().view
                                                      : std::nullopt,
                      .compare = o.scene.compare};
    if (const auto failed = window.checkScene(asked)) {
        *error = optionError(*failed);
        return false;
    }
    Scene selection = asked;
    selection.view.reset();
    (void)window.applyScene(selection);
    if (asked.compare && !session.waitUntilIdle(kResultTimeoutMs)) {
        *error = QObject::tr("the comparison did not finish");
        return false;
    }
    if (!window.lastError().isEmpty()) {
        *error = window.lastError();
        return false;
    }
    if (asked.view) (void)window.applyScene({.view = asked.view});
    return true;
}

bool takeScreenshot(MainWindow& window, const StartupOptions& o, QString* error) {
    if (o.trainEpochs) {
        TrainPanel& panel = *window.trainPanel();
        QElapsedTimer timer;
        timer.start();
        while (panel.running() && timer.elapsed() < kTrainingTimeoutMs) settle(200);
        if (panel.running()) {
            *error = QObject::tr("training did not finish within %1 minutes")
                         .arg(kTrainingTimeoutMs / 60000);
            return false;
        }
        if (!panel.lastError().isEmpty()) {
            *error = panel.lastError();
            return false;
        }
    }
    if (!applyViewOptions(window, o, error)) return false;
    if (o.measureTime && !window.session().waitForTiming(kResultTimeoutMs)) {
        *error = QObject::tr("--measure-time: the measurement did not finish within %1 s")
                     .arg(kResultTimeoutMs / 1000);
        return false;
    }
    // Layout changes chain (a dock widens, its text re-wraps, the canvas redraws), and on a busy
    // machine a fixed wait caught them half-way: wait until two grabs a moment apart agree.
    settle(600);
    QImage image = window.grab().toImage();
    bool stable = false;
    for (int attempt = 0; attempt < kStableGrabAttempts && !stable; ++attempt) {
        settle(300);
        QImage again = window.grab().toImage();
        stable = again == image;
        image = std::move(again);
    }
    if (!stable)
        qWarning("--screenshot: the window was still changing; the picture may catch it mid-way");
    if (o.screenshot) {
        // Encoded in memory, then written all or nothing (export/file_output.h); the name ends in
        // .png (the option checks it).
        const std::optional<QByteArray> png = encodeImage(image, "PNG");
        if (!png) {
            *error =
                cannotWriteMessage(*o.screenshot, QObject::tr("the window could not be drawn"));
            return false;
        }
        if (std::optional<QString> message = writeOrMessage(*o.screenshot, *png)) {
            *error = std::move(*message);
            return false;
        }
    }
    return runExports(window, o.exports, error);
}

}  // namespace shufflescope::ui
