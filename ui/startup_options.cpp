#include "startup_options.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QThread>
#include <QTranslator>
#include <cstdio>

#include "main_window.h"
#include "shufflescope/base/error.h"
#include "training/train_panel.h"

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

bool parseStartupOptions(const QStringList& arguments, StartupOptions* o, QString* error) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("ShuffleScope: see ShuffleNet v1 work, step by step."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QObject::tr("Render the window to FILE.png and exit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption preset(QStringLiteral("preset"), QObject::tr("imagenet or fashion."),
                                    QStringLiteral("P"));
    const QCommandLineOption groups(QStringLiteral("groups"), QObject::tr("Groups g, 1..8."),
                                    QStringLiteral("N"));
    const QCommandLineOption noShuffle(QStringLiteral("no-shuffle"),
                                       QObject::tr("Channel shuffle off."));
    const QCommandLineOption scale(
        QStringLiteral("scale"), QObject::tr("Width 0.25, 0.5, 1, 1.5 or 2."), QStringLiteral("S"));
    const QCommandLineOption input(QStringLiteral("input"), QObject::tr("Image or .npy to show."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption weights(QStringLiteral("weights"), QObject::tr("Checkpoint to load."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption step(QStringLiteral("step"),
                                  QObject::tr("Step to select, e.g. stages.0.1.shuffle."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption channel(QStringLiteral("channel"), QObject::tr("Channel to select."),
                                     QStringLiteral("N"));
    const QCommandLineOption view(QStringLiteral("view"),
                                  QObject::tr("operation, flow, features, cost, compare or train."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption compare(
        QStringLiteral("compare"),
        QObject::tr("A/B compare with B = 'shuffle' (flipped) or a group count."),
        QStringLiteral("B"));
    const QCommandLineOption fontScale(QStringLiteral("font-scale"),
                                       QObject::tr("Text size, 0.8..2.5 (projector: 1.8)."),
                                       QStringLiteral("X"));
    const QCommandLineOption theme(QStringLiteral("theme"), QObject::tr("system, light or dark."),
                                   QStringLiteral("T"));
    const QCommandLineOption language(QStringLiteral("lang"),
                                      QObject::tr("Interface language: en or zh_CN."),
                                      QStringLiteral("L"));
    const QCommandLineOption size(QStringLiteral("size"), QObject::tr("Window size WxH."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption train(QStringLiteral("train"),
                                   QObject::tr("Start a training run of EPOCHS on the Train tab."),
                                   QStringLiteral("EPOCHS"));
    const QCommandLineOption trainImages(QStringLiteral("train-images"),
                                         QObject::tr("Training images per epoch, 100..60000."),
                                         QStringLiteral("N"));
    const QCommandLineOption trainCompare(QStringLiteral("train-compare"),
                                          QObject::tr("With --train: shuffle on, then off."));
    parser.addOptions({screenshot, preset, groups, noShuffle, scale, input, weights, step, channel,
                       view, compare, fontScale, theme, language, size, train, trainImages,
                       trainCompare});
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
    if (!parser.positionalArguments().isEmpty()) {
        *error = QObject::tr("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return false;
    }
    const auto integer = [&](const QCommandLineOption& option, int lo, int hi,
                             std::optional<int>* out) {
        if (!parser.isSet(option)) return true;
        bool ok = false;
        const int v = parser.value(option).toInt(&ok);
        if (!ok || v < lo || v > hi) {
            *error = QObject::tr("--%1: '%2' is not an integer in %3..%4")
                         .arg(option.names().first(), parser.value(option))
                         .arg(lo)
                         .arg(hi);
            return false;
        }
        *out = v;
        return true;
    };
    if (!integer(groups, 1, 8, &o->groups) || !integer(channel, 0, 1 << 20, &o->channel) ||
        !integer(train, 1, 50, &o->trainEpochs) ||
        !integer(trainImages, 100, 60000, &o->trainImages))
        return false;
    o->trainCompare = parser.isSet(trainCompare);
    if ((o->trainImages || o->trainCompare) && !o->trainEpochs) {
        *error = QObject::tr("--train-images and --train-compare need --train EPOCHS");
        return false;
    }
    if (parser.isSet(screenshot)) o->screenshot = parser.value(screenshot);
    o->preset = parser.value(preset);
    o->noShuffle = parser.isSet(noShuffle);
    if (parser.isSet(scale)) {
        bool ok = false;
        const double v = parser.value(scale).remove(QLatin1Char('x')).toDouble(&ok);
        const auto& scales = supportedWidthScales();
        if (!ok || std::find(scales.begin(), scales.end(), v) == scales.end()) {
            *error =
                QObject::tr("--scale: '%1' is not 0.25, 0.5, 1, 1.5 or 2").arg(parser.value(scale));
            return false;
        }
        o->scale = v;
    }
    o->input = parser.value(input);
    o->weights = parser.value(weights);
    o->step = parser.value(step);
    o->view = parser.value(view);
    o->compare = parser.value(compare);
    if (!o->compare.isEmpty() && o->compare != QLatin1String("shuffle")) {
        bool ok = false;
        const int g = o->compare.toInt(&ok);
        if (!ok || g < 1 || g > 8) {
            *error = QObject::tr("--compare: '%1' is not 'shuffle' or a group count 1..8")
                         .arg(o->compare);
            return false;
        }
    }
    if (parser.isSet(fontScale)) {
        bool ok = false;
        o->fontScale = parser.value(fontScale).toDouble(&ok);
        if (!ok || o->fontScale < 0.8 || o->fontScale > 2.5) {
            *error = QObject::tr("--font-scale: '%1' is not a number in 0.8..2.5")
                         .arg(parser.value(fontScale));
            return false;
        }
    }
    o->theme = parser.value(theme);
    if (!o->theme.isEmpty() &&
        !QStringList{QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}
             .contains(o->theme)) {
        *error = QObject::tr("--theme: '%1' is not system, light or dark").arg(o->theme);
        return false;
    }
    o->language = parser.value(language);
    if (!o->language.isEmpty() && o->language != QLatin1String("en") &&
        o->language != QLatin1String("zh_CN")) {
        *error = QObject::tr("--lang: '%1' is not en or zh_CN").arg(o->language);
        return false;
    }
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        const int w = parts.value(0).toInt(&okW), h = parts.size() == 2 ? parts[1].toInt(&okH) : 0;
        if (!okW || !okH || w < 640 || h < 400 || w > 7680 || h > 4320) {
            *error = QObject::tr("--size: '%1' is not WxH between 640x400 and 7680x4320")
                         .arg(parser.value(size));
            return false;
        }
        o->size = QSize(w, h);
    }
    if (o->screenshot && !o->screenshot->endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        *error = QObject::tr("--screenshot: '%1' must be a .png file").arg(*o->screenshot);
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

bool applyStartupOptions(MainWindow& window, const StartupOptions& o, QString* error) {
    Session& session = window.session();
    try {
        ModelConfig c =
            o.preset.isEmpty() ? session.config() : presetConfig(o.preset.toStdString());
        if (o.groups) c.groups = *o.groups;
        if (o.noShuffle) c.shuffle = false;
        if (o.scale) c.widthScale = *o.scale;
        session.setConfig(c);
    } catch (const Error& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
    if (!o.input.isEmpty()) session.openInput(o.input);
    if (!o.weights.isEmpty()) session.openCheckpoint(o.weights);
    if (!o.theme.isEmpty()) window.setTheme(o.theme);
    window.setFontScale(o.fontScale);
    if (o.screenshot) window.setAnimationsEnabled(false);
    if (o.size)
        window.resize(*o.size);
    else if (o.screenshot)
        window.resize(1600, 960);  // reproducible pictures, whatever the screen
    if (!o.step.isEmpty()) session.selectStepByName(o.step);
    if (o.trainEpochs) {
        TrainPanel& panel = *window.trainPanel();
        panel.setGroups(o.groups.value_or(3));
        panel.setShuffle(!o.noShuffle);
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
    if (!o.step.isEmpty() && !session.selectStepByName(o.step)) {
        *error = QObject::tr("--step: no step named '%1' in this network").arg(o.step);
        return false;
    }
    if (o.channel) {
        const Step& step = session.snapshot()->step(session.selectedStep());
        if (*o.channel >= step.out.channels) {
            *error =
                QObject::tr("--channel: step '%1' has channels 0 to %2; there is no channel %3")
                    .arg(QString::fromStdString(step.name))
                    .arg(step.out.channels - 1)
                    .arg(*o.channel);
            return false;
        }
        session.selectChannel(*o.channel);
    }
    if (!o.compare.isEmpty()) {
        // Through the window's B box, so the toolbar shows what --compare chose.
        window.setComparisonChoice(o.compare == QLatin1String("shuffle") ? 0 : o.compare.toInt());
        if (!session.waitUntilIdle(kResultTimeoutMs) || !window.lastError().isEmpty()) {
            *error = window.lastError().isEmpty() ? QObject::tr("the comparison did not finish")
                                                  : window.lastError();
            return false;
        }
    }
    if (!o.view.isEmpty() && !window.showView(o.view)) {
        *error =
            QObject::tr("--view: '%1' is not operation, flow, features, cost, compare or train")
                .arg(o.view);
        return false;
    }
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
    if (!image.save(*o.screenshot)) {
        *error = QObject::tr("cannot write '%1'").arg(*o.screenshot);
        return false;
    }
    return true;
}

}  // namespace shufflescope::ui
