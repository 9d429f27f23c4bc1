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
#include "shufflescope/io/checkpoint.h"
#include "shufflescope/io/safetensors.h"
#include "shufflescope/train/fashion_mnist.h"
#include "training/comparison_summary.h"
#include "training/train_panel.h"
#include "training/training_frame_view.h"
#include "ui_test_support.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using ui_testing::waitFor;

namespace {

// Each [train] case's CTest timeout (tests/ui/CMakeLists.txt) covers the sum of its waits.
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
    // One epoch of 256 images is far too short to say anything about the shuffle: the summary
    // says so, with both accuracies, and gives no verdict and no McNemar p-value.
    const QString status = panel.statusText();
    CHECK(status.contains(QStringLiteral("Shuffle on vs off at g=8")));
    CHECK(status.contains(QStringLiteral("too short to compare")));
    CHECK(status.contains(QString::number(100.0 * panel.testAccuracies(0)[0], 'f', 1) +
                          QLatin1Char('%')));
    CHECK_FALSE(status.contains(QStringLiteral("McNemar")));
    CHECK_FALSE(status.contains(QStringLiteral("p = ")));
    CHECK_FALSE(status.contains(QStringLiteral("p < ")));
    REQUIRE(panel.lastHealth());
    CHECK(panel.lastHealth()->health == train::RunHealth::TooShort);
    CHECK_FALSE(panel.lastComparison());
    // ...and, for reference, the bundled full-length models of the same g, from their metadata.
    ModelConfig g8 = presetConfig("fashion");
    g8.groups = 8;
    for (const bool shuffle : {true, false}) {
        g8.shuffle = shuffle;
        const std::optional<QString> bundled = bundledCheckpointFor(g8);
        REQUIRE(bundled);
        const auto metadata =
            readSafetensors(bundled->toStdString(), [](std::string_view) { return true; }).metadata;
        CHECK(status.contains(
            QString::number(100.0 * std::stod(metadata.at("test_accuracy")), 'f', 2) +
            QLatin1Char('%')));
    }
    CHECK(status.contains(QStringLiteral("the bundled models of g=8")));
    CHECK(status.contains(QStringLiteral("also one seed")));

    panel.clearRuns();
    CHECK(panel.runCount() == 0);
    CHECK_FALSE(panel.lastComparison());
    CHECK_FALSE(panel.lastHealth());
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

namespace {

// A finished run for the summary, without training: `right` of the first `testImages` test images
// classified correctly (the first ones), `epochs` of `images` training images.
ComparedRun comparedRun(int epochs, int images, double startLoss, double peakLoss, int right,
                        int testImages = 2000) {
    ComparedRun run;
    run.epochs = epochs;
    run.imagesPerEpoch = images;
    run.outcome.imagesSeen = (long long)epochs * images;
    run.outcome.startLoss = startLoss;
    run.outcome.peakLoss = peakLoss;
    run.outcome.testAccuracy = double(right) / testImages;
    run.labels.resize(std::size_t(testImages));
    run.predictions.resize(std::size_t(testImages));
    for (int i = 0; i < testImages; ++i) {
        run.labels[std::size_t(i)] = uint8_t(i % 10);
        run.predictions[std::size_t(i)] = i < right ? i % 10 : (i + 1) % 10;
    }
    return run;
}

void checkNoVerdict(const QString& text) {
    CHECK_FALSE(text.contains(QStringLiteral("McNemar")));
    CHECK_FALSE(text.contains(QStringLiteral("p = ")));
    CHECK_FALSE(text.contains(QStringLiteral("p < ")));
    CHECK_FALSE(text.contains(QStringLiteral("sampling noise")));
}

}  // namespace

// The issue: shufflescope --preset fashion --groups 8 --view train --train 2 --train-images 2000
// --train-compare, where the shuffled run's loss climbed from 2.6 to about 18, ended with
// "24.8% vs 52.9% (-28.1 points) ... McNemar's test p < 0.001, more than these test images'
// sampling noise". Such a pair gets no verdict and no p-value.
TEST_CASE("train panel: a pair in which a run diverged gets no verdict and no p-value", "[train]") {
    const ComparedRun on = comparedRun(2, 2000, 2.6, 18.0, 496);   // 24.8%
    const ComparedRun off = comparedRun(2, 2000, 2.6, 2.7, 1058);  // 52.9%
    // The split these predictions make would be "p < 0.001".
    REQUIRE(train::comparePredictions(on.predictions, off.predictions, on.labels).pValue < 0.001);

    const ShuffleComparisonSummary summary = summarizeShuffleComparison(8, on, off, 2000);
    INFO(summary.text.toStdString());
    CHECK(summary.health.health == train::RunHealth::Diverged);
    CHECK(summary.health.first);
    CHECK_FALSE(summary.health.second);
    CHECK_FALSE(summary.paired);
    CHECK(summary.text.startsWith(
        QStringLiteral("Shuffle on vs off at g=8, 2 epochs of 2,000 training images each: ")));
    CHECK(summary.text.contains(QStringLiteral("no verdict")));
    CHECK(summary.text.contains(
        QStringLiteral("The run with the shuffle on diverged (its loss rose from 2.6 to 18.0)")));
    CHECK(summary.text.contains(QStringLiteral("24.8% with the shuffle, 52.9% without")));
    CHECK(summary.text.contains(QStringLiteral("nothing can be concluded")));
    checkNoVerdict(summary.text);

    // The other run, both, a loss that stopped being a number, a long run left at chance.
    const ShuffleComparisonSummary offDiverged = summarizeShuffleComparison(8, off, on, 2000);
    CHECK(offDiverged.text.contains(QStringLiteral("The run with the shuffle off diverged")));
    checkNoVerdict(offDiverged.text);
    const ShuffleComparisonSummary both = summarizeShuffleComparison(8, on, on, 2000);
    CHECK(both.text.contains(QStringLiteral("Both runs diverged")));
    checkNoVerdict(both.text);
    ComparedRun notANumber = comparedRun(5, 6000, 2.6, 2.6, 1700);
    notANumber.outcome.lossFinite = false;
    const ShuffleComparisonSummary nan =
        summarizeShuffleComparison(3, notANumber, comparedRun(5, 6000, 2.6, 2.6, 1650), 2000);
    CHECK(nan.text.contains(QStringLiteral("its loss stopped being a number")));
    checkNoVerdict(nan.text);
    const ShuffleComparisonSummary chance = summarizeShuffleComparison(
        3, comparedRun(5, 6000, 2.6, 2.6, 1700), comparedRun(5, 6000, 2.6, 2.6, 220), 2000);
    CHECK(chance.text.contains(QStringLiteral("it ends at 11.0% test accuracy, near chance")));
    checkNoVerdict(chance.text);
}

TEST_CASE("train panel: a pair too short to mean anything says so instead of a verdict",
          "[train]") {
    // Stable runs, a large gap whose split alone would pass McNemar's test, but 1 epoch of 2,000.
    const ShuffleComparisonSummary fewImages = summarizeShuffleComparison(
        8, comparedRun(1, 2000, 2.6, 2.6, 900), comparedRun(1, 2000, 2.6, 2.6, 1100), 2000);
    INFO(fewImages.text.toStdString());
    CHECK(fewImages.health.health == train::RunHealth::TooShort);
    CHECK_FALSE(fewImages.paired);
    CHECK(fewImages.text.contains(QStringLiteral("too short to compare")));
    CHECK(fewImages.text.contains(
        QStringLiteral("Each run saw 2,000 training images; a comparison needs at least 10,000.")));
    CHECK(fewImages.text.contains(QStringLiteral("45.0% with the shuffle, 55.0% without")));
    checkNoVerdict(fewImages.text);

    // Enough images, but still low accuracy.
    const ShuffleComparisonSummary lowAccuracy = summarizeShuffleComparison(
        8, comparedRun(5, 2000, 2.6, 2.6, 1300), comparedRun(5, 2000, 2.6, 2.6, 1500), 2000);
    INFO(lowAccuracy.text.toStdString());
    CHECK(lowAccuracy.health.health == train::RunHealth::TooShort);
    CHECK(lowAccuracy.text.contains(
        QStringLiteral("A comparison needs both runs above 70% test accuracy.")));
    checkNoVerdict(lowAccuracy.text);
}

TEST_CASE(
    "train panel: a comparable pair states the gap, McNemar's p, and that one seed is not "
    "evidence in general",
    "[train]") {
    const ComparedRun on = comparedRun(3, 6000, 2.6, 2.65, 1640);   // 82.0%
    const ComparedRun off = comparedRun(3, 6000, 2.6, 2.62, 1610);  // 80.5%
    const ShuffleComparisonSummary summary = summarizeShuffleComparison(3, on, off, 2000);
    INFO(summary.text.toStdString());
    CHECK(summary.health.health == train::RunHealth::Usable);
    REQUIRE(summary.paired);
    CHECK(summary.paired->onlyFirstRight == 30);
    CHECK(summary.paired->onlySecondRight == 0);
    CHECK(summary.text.contains(QStringLiteral("in this one pair of runs (one seed)")));
    CHECK(summary.text.contains(
        QStringLiteral("test accuracy is 82.0% with the shuffle and 80.5% without (+1.5 points) "
                       "on 2,000 test images.")));
    CHECK(summary.text.contains(
        QStringLiteral("Of the 30 images only one of them gets right, 30 favour the shuffle")));
    CHECK(
        summary.text.contains(QStringLiteral("McNemar's test ") +
                              QString::fromStdString(train::formatPValue(summary.paired->pValue))));
    CHECK(summary.text.contains(QStringLiteral("more than these test images' sampling noise")));
    CHECK(summary.text.endsWith(
        QStringLiteral("Another seed can move the gap by as much, so this is not evidence that the "
                       "shuffle helps or hurts in general.")));

    // The same accuracy on the same images: no split to test.
    const ShuffleComparisonSummary same = summarizeShuffleComparison(3, on, on, 2000);
    CHECK(same.text.contains(QStringLiteral("Both get exactly the same test images right.")));
    CHECK(same.text.contains(QStringLiteral("not evidence that the shuffle helps or hurts")));
}
