// A request that fails for a reason other than its input (here a bundled model that no longer
// reads: parameter_cache.cpp reads the file when the job runs) falls back to the last good
// result, which is already on screen. What was asked for must then be what is shown: the step,
// the comparison, and an image opened just before — at the real window, with the user's keys.

#include <catch2/catch.hpp>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "shown_main_window.h"
#include "stress_user.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using ui_testing::StressUser;

namespace {

// An assets folder of its own (SHUFFLESCOPE_ASSETS): the real samples and lessons, and a models
// folder with nothing in it, so the window opens on ImageNet; breakModel() then puts a file
// there that is no checkpoint, which the Fashion-MNIST network asked for next will try to read.
struct OwnAssets {
    QTemporaryDir dir;
    QByteArray previous = qgetenv("SHUFFLESCOPE_ASSETS");
    OwnAssets() {
        REQUIRE(dir.isValid());
        for (const char* folder : {"samples", "lessons", "translations"})
            REQUIRE(QFile::link(QStringLiteral(SHUFFLESCOPE_ASSETS_DIR "/") + folder,
                                dir.filePath(QString::fromLatin1(folder))));
        REQUIRE(QDir(dir.path()).mkdir(QStringLiteral("models")));
        qputenv("SHUFFLESCOPE_ASSETS", dir.path().toUtf8());
    }
    ~OwnAssets() {
        if (previous.isNull())
            qunsetenv("SHUFFLESCOPE_ASSETS");
        else
            qputenv("SHUFFLESCOPE_ASSETS", previous);
    }
    // The bundled model of `config`'s g and shuffle on Fashion-MNIST, broken; its path.
    QString breakModel(const ModelConfig& config) {
        const QString path = dir.filePath(QStringLiteral("models/fashion-g%1-%2.safetensors")
                                              .arg(config.groups)
                                              .arg(config.shuffle ? "shuffle" : "noshuffle"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.write("this is no checkpoint") > 0);
        return path;
    }
};

// The window on ImageNet, idle, with the keys going to it.
struct ImageNetWindow {
    OwnAssets assets;
    ui_testing::ShownMainWindow shown;
    StressUser user{shown.window};
    ImageNetWindow() {
        shown.window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&shown.window, ui_testing::kExposeTimeoutMs));
        shown.idle();
        REQUIRE(shown.session().config().preset == "imagenet");
    }
    Session& session() { return shown.session(); }
    // The step shown, by name.
    std::string shownStep() { return session().snapshot()->step(session().selectedStep()).name; }
    // The single message the failure gave: about the broken file and the weights.
    void expectMessageAbout(const QString& broken) {
        const QStringList messages = user.closeMessages();
        REQUIRE(messages.size() == 1);
        INFO(messages.first().toStdString());
        CHECK(messages.first().startsWith(QStringLiteral("Could not load the weights: ")));
        CHECK(messages.first().contains(QFileInfo(broken).fileName()));
    }
};

}  // namespace

TEST_CASE(
    "a preset whose model fails to load leaves the step and the comparison as shown, and the "
    "next step key moves from there",
    "[session][failure]") {
    ImageNetWindow w;
    w.user.press(Qt::Key_Home);
    for (int i = 0; i < 10 && w.session().requestedStep() != QLatin1String("stem.pool"); ++i)
        w.user.press(Qt::Key_Right);
    REQUIRE(w.session().requestedStep() == QLatin1String("stem.pool"));
    REQUIRE(w.shownStep() == "stem.pool");
    ModelConfig fashion = presetConfig("fashion");
    fashion.groups = w.session().config().groups;
    fashion.shuffle = w.session().config().shuffle;
    const QString broken = w.assets.breakModel(fashion);

    // P: the Fashion-MNIST network (whose stem has no pool), then compare on, before its model
    // has been read.
    w.user.press(Qt::Key_P);
    REQUIRE(w.session().config().preset == "fashion");
    CHECK(w.session().requestedStep() != QLatin1String("stem.pool"));
    w.user.press(Qt::Key_C);
    REQUIRE(w.session().comparisonConfig());
    REQUIRE(w.session().waitUntilIdle(60000));
    StressUser::processFor(50);
    w.expectMessageAbout(broken);

    CHECK(w.session().snapshot()->config().preset == "imagenet");
    CHECK(w.session().config().preset == "imagenet");
    // What is asked for is what is shown: the pool, still selected.
    CHECK(w.session().requestedStep().toStdString() == w.shownStep());
    CHECK(w.shownStep() == "stem.pool");
    CHECK(w.shown.window.scene().step == std::optional<std::string>("stem.pool"));
    // B was of the preset that failed: no comparison beside ImageNet A.
    const std::optional<ModelConfig> b = w.session().comparisonConfig();
    CHECK((!b || b->preset == "imagenet"));
    CHECK(w.shown.window.action(QStringLiteral("compare"))->isChecked() == b.has_value());

    // → moves on from the pool, not from where the failed network had it.
    const SnapshotPtr shown = w.session().snapshot();
    const int pool = *shown->network->findStep("stem.pool");
    w.user.press(Qt::Key_Right);
    CHECK(w.session().requestedStep().toStdString() == shown->step(pool + 1).name);
    CHECK(w.shownStep() == shown->step(pool + 1).name);
    // And g keeps the place (it jumped to the input).
    w.user.press(Qt::Key_8);
    REQUIRE(w.session().waitUntilIdle(60000));
    CHECK(w.session().config().groups == 8);
    CHECK(w.shownStep() == shown->step(pool + 1).name);
    CHECK(w.user.closeMessages().isEmpty());
}

TEST_CASE(
    "an image opened just before a preset whose model fails to load is shown on the last good "
    "configuration",
    "[session][failure]") {
    ImageNetWindow w;
    ModelConfig fashion = presetConfig("fashion");
    fashion.groups = w.session().config().groups;
    fashion.shuffle = w.session().config().shuffle;
    const QString broken = w.assets.breakModel(fashion);
    const QString image = QStringLiteral(SHUFFLESCOPE_ASSETS_DIR "/samples/fashion-bag.png");

    // The image dropped on the window, and P at once: its result is never shown, the preset's
    // fails.
    REQUIRE(w.user.drop(image));
    w.user.press(Qt::Key_P);
    REQUIRE(w.session().config().preset == "fashion");
    REQUIRE(w.session().waitUntilIdle(60000));
    StressUser::processFor(50);
    w.expectMessageAbout(broken);

    CHECK(w.session().config().preset == "imagenet");
    CHECK(QFileInfo(w.session().inputPath()) == QFileInfo(image));
    REQUIRE(w.session().snapshot());
    CHECK(w.session().snapshot()->config().preset == "imagenet");
    CHECK(QFileInfo(w.session().snapshot()->inputPath) == QFileInfo(image));
    CHECK(w.user.closeMessages().isEmpty());
}
