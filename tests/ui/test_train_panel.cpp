// The Train panel: short real runs on Fashion-MNIST draw their curves and feature maps, save a
// checkpoint outside the bundled models, overlay shuffle on and off, stop promptly without
// blocking the window, and report a missing data set or a forbidden folder without breaking.

#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <filesystem>

#include "session/assets.h"
#include "shufflescope/checkpoint.h"
#include "shufflescope/safetensors.h"
#include "shufflescope/train/fashion_mnist.h"
#include "training/train_panel.h"
#include "training/training_frame_view.h"
#include "ui_test_support.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using ui_testing::waitFor;

namespace {

// The [train] tag's CTest timeout (tests/ui/CMakeLists.txt) covers the sum of these waits.
constexpr int kRunTimeoutMs = 150000;

bool dataInstalled() {
    return std::filesystem::exists(train::defaultFashionMnistDirectory());
}

QStringList bundledModels() {
    return QDir(QDir(assetsDirectory()).filePath(QStringLiteral("models")))
        .entryList(QDir::Files, QDir::Name);
}

// A panel set up for a quick run: 256 training images, one epoch.
void makeQuick(TrainPanel& panel, const QTemporaryDir& runs, int groups = 3) {
    panel.setRunsDirectory(runs.path());
    panel.setGroups(groups);
    panel.setEpochs(1);
    panel.setTrainingImages(256);
}

}  // namespace

TEST_CASE(
    "train panel: a short run draws its curves and feature maps and saves outside the bundled "
    "models",
    "[train]") {
    if (!dataInstalled())
        FAIL(
            "Fashion-MNIST is not installed (scripts/setup.sh test installs "
            "dataset-fashion-mnist)");
    const QStringList bundledBefore = bundledModels();
    QTemporaryDir runs;
    TrainPanel panel;
    makeQuick(panel, runs);
    panel.show();

    // The window keeps processing events while the run trains on its worker thread: the longest
    // gap between two 20 ms heartbeats stays far below the run's length (a blocking run would
    // freeze the event loop for all of it).
    int ticks = 0;
    qint64 longestGap = 0;
    QElapsedTimer sinceLast;
    sinceLast.start();
    QTimer heartbeat;
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        ++ticks;
        longestGap = std::max(longestGap, sinceLast.restart());
    });
    heartbeat.start(20);
    QElapsedTimer runTime;
    runTime.start();
    REQUIRE(panel.startRun());
    REQUIRE(panel.running());
    REQUIRE(waitFor([&] { return !panel.running(); }, kRunTimeoutMs));
    heartbeat.stop();
    INFO(panel.statusText().toStdString());
    REQUIRE(panel.lastError().isEmpty());
    CAPTURE(ticks, longestGap, runTime.elapsed());
    CHECK(ticks > 10);
    CHECK(longestGap < std::max<qint64>(2000, runTime.elapsed() / 4));

    REQUIRE(panel.runCount() == 1);
    CHECK(panel.lossPoints(0) >= 1);
    REQUIRE(panel.testAccuracies(0).size() == 1);
    CHECK(panel.frameView()->framesShown() >= 2);  // before training and after the epoch
    CHECK(panel.frameView()->shownSteps() == std::vector<QString>{"stem.relu", "stages.0.3.relu",
                                                                  "stages.1.7.relu",
                                                                  "stages.2.3.relu"});

    // The checkpoint is a trained fashion g=3 network in the runs folder; the bundled ones are
    // untouched.
    const QString saved = panel.lastCheckpoint();
    REQUIRE(saved.startsWith(runs.path()));
    const Checkpoint checkpoint = readCheckpoint(saved.toStdString());
    REQUIRE(checkpoint.config);
    CHECK(checkpoint.config->groups == 3);
    CHECK(checkpoint.config->shuffle);
    CHECK(checkpoint.metadata.at("trained") == "true");
    // The curve's test point is the accuracy the run measured and saved.
    CHECK(std::stod(checkpoint.metadata.at("test_accuracy")) == Approx(panel.testAccuracies(0)[0]));
    CHECK(bundledModels() == bundledBefore);
}

TEST_CASE("train panel: shuffle on vs off trains both, one after the other, and overlays them",
          "[train]") {
    if (!dataInstalled())
        FAIL(
            "Fashion-MNIST is not installed (scripts/setup.sh test installs "
            "dataset-fashion-mnist)");
    QTemporaryDir runs;
    TrainPanel panel;
    makeQuick(panel, runs, 8);
    int finished = 0;
    QObject::connect(&panel, &TrainPanel::runFinished,
                     [&](bool completed, const QString&) { finished += completed; });
    REQUIRE(panel.startShuffleComparison());
    panel.setGroups(2);  // touching the box meanwhile changes neither the runs nor their summary
    REQUIRE(waitFor([&] { return finished == 2 && !panel.running(); }, 2 * kRunTimeoutMs));
    INFO(panel.statusText().toStdString());
    REQUIRE(panel.runCount() == 2);
    CHECK(panel.testAccuracies(0).size() == 1);
    CHECK(panel.testAccuracies(1).size() == 1);
    const QStringList files = QDir(runs.path()).entryList(QDir::Files, QDir::Name);
    REQUIRE(files.size() == 2);
    CHECK(files.filter(QStringLiteral("fashion-g8-shuffle-")).size() == 1);
    CHECK(files.filter(QStringLiteral("fashion-g8-noshuffle-")).size() == 1);
    // The summary line states both accuracies and their difference.
    CHECK(panel.statusText().contains(QStringLiteral("Shuffle on vs off at g=8")));
    CHECK(panel.statusText().contains(QString::number(100.0 * panel.testAccuracies(0)[0], 'f', 1) +
                                      QLatin1Char('%')));
    // ...and, for reference, the bundled full-length models of the same g, from their metadata.
    ModelConfig g8 = presetConfig("fashion");
    g8.groups = 8;
    for (const bool shuffle : {true, false}) {
        g8.shuffle = shuffle;
        const std::optional<QString> bundled = bundledCheckpointFor(g8);
        REQUIRE(bundled);
        const auto metadata =
            readSafetensors(bundled->toStdString(), [](std::string_view) { return true; }).metadata;
        CHECK(panel.statusText().contains(
            QString::number(100.0 * std::stod(metadata.at("test_accuracy")), 'f', 2) +
            QLatin1Char('%')));
    }
    CHECK(panel.statusText().contains(QStringLiteral("The bundled models of g=8")));
    // ...and whether the gap is more than the test images' noise: the image-by-image split agrees
    // with both accuracies, and its McNemar p-value is the one stated.
    const auto& paired = panel.lastComparison();
    REQUIRE(paired);
    CHECK(paired->count == 2000);
    CHECK(double(paired->bothRight + paired->onlyFirstRight) / paired->count ==
          Approx(panel.testAccuracies(0)[0]));
    CHECK(double(paired->bothRight + paired->onlySecondRight) / paired->count ==
          Approx(panel.testAccuracies(1)[0]));
    if (paired->onlyFirstRight + paired->onlySecondRight > 0)
        CHECK(panel.statusText().contains(
            QStringLiteral("McNemar's test ") +
            QString::fromStdString(train::formatPValue(paired->pValue))));

    panel.clearRuns();
    CHECK(panel.runCount() == 0);
    CHECK_FALSE(panel.lastComparison());
}

TEST_CASE("train panel: Stop ends a run within a batch or two, before anything is saved",
          "[train]") {
    if (!dataInstalled())
        FAIL(
            "Fashion-MNIST is not installed (scripts/setup.sh test installs "
            "dataset-fashion-mnist)");
    QTemporaryDir runs;
    TrainPanel panel;
    makeQuick(panel, runs);
    panel.setTrainingImages(60000);  // an epoch long enough to interrupt
    REQUIRE(panel.startRun());
    REQUIRE(waitFor([&] { return panel.lossPoints(0) >= 2; }, kRunTimeoutMs));
    panel.stopRun();
    REQUIRE(waitFor([&] { return !panel.running(); }, 20000));
    CHECK(panel.lastError().isEmpty());
    CHECK(panel.lastCheckpoint().isEmpty());
    CHECK(QDir(runs.path()).entryList(QDir::Files).isEmpty());
    CHECK(panel.statusText().contains(QStringLiteral("nothing was saved")));
}

TEST_CASE("train panel: a missing data set is named and the panel stays usable", "[train]") {
    QTemporaryDir runs;
    TrainPanel panel;
    makeQuick(panel, runs);
    panel.setDataDirectory(QStringLiteral("/nonexistent/fashion-mnist"));
    QString reported;
    QObject::connect(&panel, &TrainPanel::failed, [&](const QString& m) { reported = m; });
    REQUIRE(panel.startRun());
    REQUIRE(waitFor([&] { return !panel.running() && !reported.isEmpty(); }, 20000));
    CHECK(reported.contains(QStringLiteral("/nonexistent/fashion-mnist")));
    CHECK(panel.runCount() == 0);  // no empty curves left behind
    CHECK(panel.statusText().contains(QStringLiteral("/nonexistent/fashion-mnist")));
}

TEST_CASE("train panel: runs are never saved among the bundled models, not even through a link",
          "[train]") {
    // A folder that does not exist yet under a symbolic link into the models: refused by the path
    // check before anything is created.
    QTemporaryDir links;
    const QString link = QDir(links.path()).filePath(QStringLiteral("models-link"));
    REQUIRE(QFile::link(QDir(assetsDirectory()).filePath(QStringLiteral("models")), link));
    const QString sneaky = QDir(link).filePath(QStringLiteral("new-folder/run.safetensors"));
    CHECK(isInsideBundledModels(sneaky));
    CHECK_FALSE(isInsideBundledModels(
        QDir(links.path()).filePath(QStringLiteral("elsewhere/run.safetensors"))));

    TrainPanel panel;
    panel.setRunsDirectory(QDir(assetsDirectory()).filePath(QStringLiteral("models")));
    panel.setEpochs(1);
    panel.setTrainingImages(256);
    const QStringList before = bundledModels();
    CHECK_FALSE(panel.startRun());
    CHECK_FALSE(panel.running());
    CHECK(panel.lastError().contains(QStringLiteral("bundled models")));
    CHECK(bundledModels() == before);
}
