// The session: inference off the UI thread, stale results dropped, selection kept, bad input
// reported with the previous state intact.

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTranslator>
#include <string>
#include <vector>

#include "session/assets.h"
#include "session/inference_job.h"
#include "session/session.h"
#include "shufflescope/analysis/cost.h"
#include "shufflescope/io/checkpoint.h"
#include "shufflescope/model/initialization.h"
#include "shufflescope/model/network.h"
#include "support/model_configs.h"
#include "ui_test_support.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using testing_support::fashionConfig;
using ui_testing::waitFor;

namespace {

// Writes `bytes` to `name` in `dir` and returns its path.
QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
    return path;
}

bool settled(Session& s) {
    return s.waitUntilIdle(60000) && s.snapshot();
}

}  // namespace

TEST_CASE("the session computes a snapshot off the UI thread on start", "[session]") {
    Session session;
    REQUIRE(settled(session));
    const SnapshotPtr s = session.snapshot();
    REQUIRE(s->config() == session.config());
    REQUIRE(int(s->outputs.size()) == s->network->stepCount());
    REQUIRE(s->probabilities.size() == std::size_t(s->config().classes));
    // It opens on the best model there is: the bundled trained Fashion-MNIST g = 3 network when
    // present, otherwise the ImageNet geometry with random weights, badged untrained.
    const bool bundled = bundledCheckpointFor(presetConfig("fashion")).has_value();
    CHECK(s->config().preset == (bundled ? "fashion" : "imagenet"));
    CHECK(s->trained == bundled);
}

TEST_CASE("toggling g and the shuffle loads the bundled checkpoint of exactly that configuration",
          "[session]") {
    Session session;
    for (int g = 1; g <= kMaxGroups; ++g)
        for (bool shuffle : {true, false}) {
            CAPTURE(g, shuffle);
            session.setConfig(fashionConfig(g, shuffle));
            REQUIRE(settled(session));
            const SnapshotPtr s = session.snapshot();
            REQUIRE(s->config() == fashionConfig(g, shuffle));
            const auto bundled = bundledCheckpointFor(s->config());
            CHECK(s->trained == bundled.has_value());  // no checkpoint: badged untrained
            if (bundled) CHECK(s->weightsDescription.contains(QFileInfo(*bundled).fileName()));
        }
}

TEST_CASE("stepping visits every step in order and the selection survives a change of g",
          "[session]") {
    Session session;
    session.setConfig(fashionConfig(3));
    REQUIRE(settled(session));
    const int steps = session.snapshot()->network->stepCount();
    session.selectStep(0);
    std::vector<int> visited{session.selectedStep()};
    for (int i = 1; i < steps + 3; ++i) {  // stepping past the end stays on the last step
        session.stepBy(1);
        visited.push_back(session.selectedStep());
    }
    for (int i = 0; i < steps; ++i) REQUIRE(visited[std::size_t(i)] == i);
    REQUIRE(visited.back() == steps - 1);

    REQUIRE(session.selectStepByName(QStringLiteral("stages.1.3.shuffle")));
    for (int g : {1, 8, 5}) {
        CAPTURE(g);
        session.setGroups(g);
        REQUIRE(settled(session));
        REQUIRE(session.snapshot()->config().groups == g);
        REQUIRE(session.snapshot()->step(session.selectedStep()).name == "stages.1.3.shuffle");
    }
}

TEST_CASE("toggling g and the shuffle 100 times quickly never shows a stale result", "[session]") {
    Session session;
    session.setConfig(fashionConfig(1));
    REQUIRE(settled(session));
    // Every snapshot the views are told about must match the request at that moment, and the
    // last one must match the last request.
    int shown = 0, stale = 0;
    QObject::connect(&session, &Session::snapshotChanged, [&] {
        ++shown;
        if (session.snapshot()->config() != session.config()) ++stale;
    });
    for (int i = 0; i < 100; ++i) {
        if (i % 3 == 0)
            session.toggleShuffle();
        else
            session.setGroups(1 + (i * 5) % 8);
        QApplication::processEvents();  // results of earlier requests may arrive in between
    }
    REQUIRE(settled(session));
    CHECK(stale == 0);
    CHECK(shown >= 1);
    CHECK(session.snapshot()->config() == session.config());
    CHECK(session.snapshot()->generation > 0);
}

// Found by the GUI stress test, where most of the machine went to forward passes whose results
// were going to be dropped: each replaced request's job still ran in full.
TEST_CASE("requests replaced before their job starts are skipped, A's and B's", "[session]") {
    Session session;
    REQUIRE(settled(session));
    session.setComparison(fashionConfig(3, false));
    REQUIRE(settled(session));
    const int before = session.inferencesRun();
    for (int i = 0; i < 40; ++i) {  // a held key: no event is processed in between
        session.setGroups(1 + i % 8);
        session.setComparison(fashionConfig(1 + (i + 3) % 8, false));
    }
    REQUIRE(settled(session));
    REQUIRE(waitFor([&] { return session.comparisonSnapshot() != nullptr; }));
    CHECK(session.snapshot()->config() == fashionConfig(8));
    CHECK(session.comparisonSnapshot()->config() == fashionConfig(3, false));
    // The newest of each, and the few a worker had started before they were replaced.
    const int ran = session.inferencesRun() - before;
    CAPTURE(ran);
    CHECK(ran >= 2);
    CHECK(ran <= 10);
}

// Qt 6.4's raster engine paints large areas on QThreadPool::globalInstance() and waits for them:
// a forward pass or a timing run there held up every repaint until it finished (found by the GUI
// stress test, where a key took a tenth of a second).
TEST_CASE("the session's jobs leave Qt's global thread pool free for painting", "[session]") {
    Session session;
    REQUIRE(settled(session));
    ModelConfig wide = testing_support::imagenetConfig(8);
    wide.widthScale = 2.0;  // a long forward pass
    session.setConfig(wide);
    session.setMeasuringTime(true);
    int polls = 0, globalBusy = 0;
    REQUIRE(waitFor(
        [&] {
            ++polls;
            globalBusy = std::max(globalBusy, QThreadPool::globalInstance()->activeThreadCount());
            return !session.busy() && !session.timingRunning() && session.timing();
        },
        180000));
    CAPTURE(polls);
    CHECK(polls > 1);
    CHECK(globalBusy == 0);
    CHECK(session.snapshot()->config() == wide);
}

TEST_CASE("an unreadable image reports a message and keeps the previous state", "[session]") {
    Session session;
    session.setConfig(fashionConfig(2));
    REQUIRE(settled(session));
    const SnapshotPtr before = session.snapshot();
    QTemporaryDir dir;
    const QString bad = writeFile(dir, QStringLiteral("broken.png"), "definitely not a PNG");

    QSignalSpy failed(&session, &Session::failed);
    session.openInput(bad);
    REQUIRE(session.waitUntilIdle(60000));
    REQUIRE(failed.count() == 1);
    const QString message = failed.first().first().toString();
    CHECK(message.startsWith(QStringLiteral("Could not open the input: ")));
    CHECK(message.contains(QStringLiteral("broken.png")));
    CHECK(session.snapshot() == before);
    CHECK(session.inputPath() == before->inputPath);

    // In the Chinese interface the headline is Chinese; the engine's detail still names the file.
    QTranslator chinese;
    REQUIRE(chinese.load(QStringLiteral(":/i18n/shufflescope_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    session.openInput(bad);
    REQUIRE(session.waitUntilIdle(60000));
    REQUIRE(failed.count() == 2);
    const QString chineseMessage = failed.last().first().toString();
    CHECK(chineseMessage.startsWith(QStringLiteral("无法打开输入文件")));
    CHECK(chineseMessage.contains(QStringLiteral("broken.png")));
    CHECK(session.snapshot() == before);
}

// Found by the GUI stress test: a g pressed (and compare turned on) while a broken image was on
// its way was undone when the image failed, and the comparison was switched off with a second
// message.
TEST_CASE(
    "a configuration and a comparison asked for while a bad image is on its way are kept, on the "
    "last good input",
    "[session]") {
    Session session;
    session.setConfig(fashionConfig(2));
    REQUIRE(settled(session));
    const QString goodInput = session.snapshot()->inputPath;
    QTemporaryDir dir;
    const QString bad = writeFile(dir, QStringLiteral("broken.png"), "not a PNG at all");

    QSignalSpy failed(&session, &Session::failed);
    session.openInput(bad);
    session.setConfig(fashionConfig(8, false));
    session.setComparison(fashionConfig(8, true));
    REQUIRE(session.waitUntilIdle(60000));
    REQUIRE(failed.count() == 1);
    CHECK(failed.first().first().toString().contains(QStringLiteral("broken.png")));
    CHECK(session.config() == fashionConfig(8, false));
    CHECK(session.inputPath() == goodInput);
    REQUIRE(session.snapshot());
    CHECK(session.snapshot()->config() == fashionConfig(8, false));
    CHECK(session.snapshot()->inputPath == goodInput);
    REQUIRE(session.comparisonConfig());
    REQUIRE(session.comparisonSnapshot());
    CHECK(session.comparisonSnapshot()->config() == fashionConfig(8, true));
    CHECK(session.comparisonSnapshot()->inputPath == goodInput);
}

TEST_CASE(
    "a bad image given before anything is shown leaves the requested configuration on its "
    "default sample",
    "[session]") {
    QTemporaryDir dir;
    const QString bad = writeFile(dir, QStringLiteral("broken.png"), "not a PNG either");

    // As at start-up: the first request is still running when the command line's configuration
    // (g = 8, shuffle off) and its bad image arrive.
    Session session;
    session.setConfig(fashionConfig(8, false));
    QSignalSpy failed(&session, &Session::failed);
    session.openInput(bad);
    REQUIRE(waitFor([&] { return session.snapshot() != nullptr; }, 60000));
    REQUIRE(session.waitUntilIdle(60000));
    CHECK(failed.count() == 1);
    CHECK(session.snapshot()->config() == fashionConfig(8, false));
    CHECK(session.snapshot()->inputPath == defaultSampleFor(fashionConfig(8, false)));
    CHECK(session.config() == fashionConfig(8, false));
    CHECK(session.inputPath() == session.snapshot()->inputPath);
}

TEST_CASE("a failed inference says which step failed: the weights, the image", "[session]") {
    ParameterCache cache;
    QTemporaryDir dir;
    // A header that says 8 bytes of JSON follow, and only 7 do.
    const char truncated[] = "\x08\x00\x00\x00\x00\x00\x00\x00{\"a\":1}";
    const QString corrupt = writeFile(dir, QStringLiteral("corrupt.safetensors"),
                                      QByteArray(truncated, sizeof truncated - 1));

    InferenceRequest request;
    request.config = fashionConfig(3);
    request.inputPath = QStringLiteral(SHUFFLESCOPE_ASSETS_DIR "/samples/fashion-sneaker.png");
    request.weights = {corrupt};
    InferenceOutcome outcome = runInference(request, cache);
    CHECK_FALSE(outcome.snapshot);
    CHECK(outcome.error.startsWith(QStringLiteral("Could not load the weights: ")));
    CHECK(outcome.error.contains(QStringLiteral("corrupt.safetensors")));

    request.weights = {};
    request.inputPath = dir.filePath(QStringLiteral("missing.png"));
    outcome = runInference(request, cache);
    CHECK_FALSE(outcome.snapshot);
    CHECK(outcome.error.startsWith(QStringLiteral("Could not open the input: ")));
    CHECK(outcome.error.contains(QStringLiteral("missing.png")));

    request.inputPath = QStringLiteral(SHUFFLESCOPE_ASSETS_DIR "/samples/fashion-sneaker.png");
    outcome = runInference(request, cache);
    CHECK(outcome.snapshot);
    CHECK(outcome.error.isEmpty());
}

// A job replaced while it runs (or whose session is closing) stops at the next phase instead of
// finishing a forward pass nobody will see: closing the window waited for every one queued.
TEST_CASE("an inference job stops between its phases once it is stale", "[session]") {
    ParameterCache cache;
    InferenceRequest request;
    request.config = fashionConfig(3);
    request.inputPath = QStringLiteral(SHUFFLESCOPE_ASSETS_DIR "/samples/fashion-sneaker.png");
    request.generation = 7;
    int asked = 0;
    const InferenceOutcome stopped = runInference(request, cache, [&] {
        ++asked;
        return true;
    });
    CHECK(asked == 1);  // after the weights, before the input and the passes
    CHECK_FALSE(stopped.snapshot);
    CHECK(stopped.error.isEmpty());
    CHECK(stopped.generation == 7);
    const InferenceOutcome finished = runInference(request, cache, [] { return false; });
    CHECK(finished.snapshot);
}

TEST_CASE("a checkpoint that does not fit is refused and the previous state is kept", "[session]") {
    Session session;
    session.setConfig(fashionConfig(3));
    REQUIRE(settled(session));
    const SnapshotPtr before = session.snapshot();
    QTemporaryDir dir;

    // A checkpoint whose tensors are of g = 8 but whose stored configuration says g = 3.
    const Network g8 = Network::build(fashionConfig(8));
    Parameters params = randomParameters(g8, 1);
    const std::string path = dir.filePath(QStringLiteral("wrong.safetensors")).toStdString();
    std::map<std::string, Tensor> tensors(params.begin(), params.end());
    writeSafetensors(
        path, tensors,
        {{kConfigMetadataKey,
          R"({"preset":"fashion","groups":3,"width_scale":0.5,"shuffle":true,"in_channels":1,"input_height":32,"input_width":32,"classes":10,"stem":"small-input","group_first_pointwise":false})"}});

    QSignalSpy failed(&session, &Session::failed);
    session.openCheckpoint(QString::fromStdString(path));
    REQUIRE(session.waitUntilIdle(60000));
    REQUIRE(failed.count() == 1);
    CHECK(failed.first().first().toString().startsWith(
        QStringLiteral("Could not open the checkpoint: ")));
    CHECK(failed.first().first().toString().contains(QStringLiteral("wrong.safetensors")));
    CHECK(session.snapshot() == before);
    CHECK(session.config() == before->config());

    // A good checkpoint loads and its configuration becomes the session's.
    const std::string good = dir.filePath(QStringLiteral("good.safetensors")).toStdString();
    saveCheckpoint(good, g8, params);
    session.openCheckpoint(QString::fromStdString(good));
    REQUIRE(settled(session));
    CHECK(session.snapshot()->config().groups == 8);
    CHECK(session.snapshot()->weightsDescription == QStringLiteral("good.safetensors"));
}

// Found by reading what the GUI stress test expects: the comparison ended when the checkpoint's
// result arrived, so P pressed before then (back to ImageNet) kept it.
TEST_CASE("a checkpoint of another preset ends the comparison when it is opened", "[session]") {
    Session session;
    session.setConfig(testing_support::imagenetConfig(3));
    session.setComparison(testing_support::imagenetConfig(3, false));
    REQUIRE(settled(session));
    REQUIRE(session.comparisonConfig());
    const std::optional<QString> fashion = bundledCheckpointFor(fashionConfig(3));
    REQUIRE(fashion);
    // The ImageNet stem's pool selected: the Fashion-MNIST network has no such step.
    REQUIRE(session.selectStepByName(QStringLiteral("stem.pool")));
    QSignalSpy comparisonChanged(&session, &Session::comparisonChanged);
    // What a receiver of comparisonChanged reads is the new request throughout: its preset, and
    // a step its network has (the configuration was still ImageNet's, the step Fashion-MNIST's).
    std::vector<std::string> seen;
    QObject::connect(&session, &Session::comparisonChanged, [&] {
        const Network network = Network::build(session.config());
        seen.push_back(session.config().preset + " " +
                       (network.findStep(session.requestedStep().toStdString()) ? "step found"
                                                                                : "step missing"));
    });
    session.openCheckpoint(*fashion);
    CHECK_FALSE(session.comparisonConfig());
    CHECK(comparisonChanged.count() == 1);
    CHECK(seen == std::vector<std::string>{"fashion step found"});
    REQUIRE(settled(session));
    CHECK_FALSE(session.comparisonConfig());
    CHECK(session.snapshot()->config() == fashionConfig(3));
}

TEST_CASE("A/B compare runs the second configuration on the same input", "[session]") {
    Session session;
    session.setConfig(fashionConfig(3));
    REQUIRE(settled(session));
    ModelConfig b = fashionConfig(3, false);
    session.setComparison(b);
    REQUIRE(waitFor([&] { return session.comparisonSnapshot() != nullptr; }));
    CHECK(session.comparisonSnapshot()->config() == b);
    CHECK(session.comparisonSnapshot()->inputPath == session.snapshot()->inputPath);
    CHECK(session.comparisonSnapshot()->cost.totals.macs ==
          computeCost(Network::build(b)).totals.macs);
    session.setComparison(std::nullopt);
    CHECK_FALSE(session.comparisonSnapshot());
}

// Found by reading the session: malloc_trim ran the moment it went idle, when the result that
// made it idle had just started B's job or the timing, and walked the arenas beside them.
TEST_CASE("freed memory is handed back only when no job and no timing runs", "[session]") {
    Session session;
    session.setMeasuringTime(true);
    REQUIRE(settled(session));
    struct Seen {
        bool busy, timing;
    };
    std::vector<Seen> trims;
    QObject::connect(&session, &Session::memoryTrimmed, [&] {
        trims.push_back({session.busy(), session.timingRunning()});
    });
    for (const int g : {2, 8, 3}) {
        session.setConfig(fashionConfig(g));
        REQUIRE(session.waitForTiming(60000));
    }
    session.setComparison(fashionConfig(3, false));
    REQUIRE(session.waitUntilIdle(60000));
    // A moment after the last job: a trim, and none while anything ran.
    const int before = session.memoryTrims();
    REQUIRE(waitFor([&] { return session.memoryTrims() > before; }, 30000));
    REQUIRE_FALSE(trims.empty());
    for (const Seen& seen : trims) {
        CHECK_FALSE(seen.busy);
        CHECK_FALSE(seen.timing);
    }
}
