// Sections: Helpers · Construction · Requests · Jobs and results · Forward-pass time · Measured
//   time (opt-in) · Selection

#include "session/session.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <utility>

#include "session/assets.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/threading.h"
#include "shufflescope/io/checkpoint.h"

namespace shufflescope::ui {

// [SECTION] Helpers

namespace {

// How long the session must have been idle before it hands freed memory back: long enough that
// the jobs a finished result starts next (B's, the timing) and the next key of a user stepping
// through g have begun, so the trim does not run beside them.
constexpr int kTrimDelayMs = 1500;

// How long after a result is shown its fast path is timed: after the window has painted it, so
// the timing's two threads do not take the cores from that frame (on two cores without a GPU the
// frame is drawn by the CPU too).
constexpr int kForwardTimeDelayMs = 100;

// A job whose request was replaced before the job started returns at once: its result would be
// dropped, and the forward passes of every request a fast hand replaced (a held key, g pressed
// eight times) made the one wanted wait behind them. A job replaced while it runs stops at the
// next phase (newest is 0 once the session is closing: no request's generation is 0).
InferenceOutcome runUnlessStale(const InferenceRequest& request, ParameterCache& cache,
                                const std::atomic<quint64>& newest, std::atomic<int>& count) {
    if (newest.load() != request.generation) return {.generation = request.generation};
    ++count;
    // One thread (this pool thread's own OpenMP setting): the capture pass's loops end in
    // barriers that wait for every thread of the team, and on two cores the window's frame and
    // any other program take the second one — a descheduled thread then held up each of the
    // pass's ~150 loops for a time slice (a key's result took a second instead of 30 ms). The
    // second core stays free for drawing the result.
    setThreadCount(1);
    return runInference(request, cache, [&] { return newest.load() != request.generation; });
}

}  // namespace

// [SECTION] Construction

Session::Session(QObject* parent) : QObject(parent), engineThreads_(threadCount()) {
    // Each result replaces pictures of every step, tens of megabytes for the ImageNet network,
    // made on the jobs' threads: glibc keeps what they freed in per-thread arenas for reuse, and
    // the process stayed at several times the memory it used (600 MB for 100 MB after a hundred
    // changes). When the jobs have been done for a while and the old result has gone, that
    // memory goes back — not at once: a finished result often starts more work (B's job, the
    // timing), and the trim then walked the arenas while those jobs allocated in them.
    trimTimer_.setSingleShot(true);
    trimTimer_.setInterval(kTrimDelayMs);
    connect(&trimTimer_, &QTimer::timeout, this, &Session::trimMemory);
    connect(this, &Session::busyChanged, this, [this](bool busy) {
        if (busy)
            trimTimer_.stop();
        else if (timingJobs_ == 0)
            trimTimer_.start();
    });
    // The best model available: a bundled trained fashion model when one exists, otherwise the
    // paper's ImageNet geometry with random weights (badged "untrained").
    ModelConfig fashion = presetConfig("fashion");
    request_.config = bundledCheckpointFor(fashion) ? fashion : presetConfig("imagenet");
    request_.inputPath = defaultSampleFor(request_.config);
    request_.weights = weightsFor(request_.config);
    lastGood_ = request_;
    submit();
}

Session::~Session() {
    // Jobs hold a reference to the cache; let them finish before it goes away — at once: with no
    // newest request, those queued skip their work and those running stop at their next phase.
    newest_->store(0);
    newestComparison_->store(0);
    stopTiming();
    pool_.waitForDone();
}

void Session::trimMemory() {
    // Started since; the timer starts again when idle.
    if (busy() || timingJobs_ > 0 || forwardJobs_ > 0) return;
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    ++memoryTrims_;
    emit memoryTrimmed();
}

WeightsSource Session::weightsFor(const ModelConfig& config) const {
    return {bundledCheckpointFor(config)};
}

// [SECTION] Requests

void Session::setConfig(const ModelConfig& config) {
    try {
        validateConfig(config);
    } catch (const Error& e) {
        emit failed(tr("Invalid configuration: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    if (config == request_.config) return;
    keepStepFor(Network::build(config));
    // A sample image follows the preset (a photo for ImageNet, a garment for Fashion-MNIST).
    if (config.preset != request_.config.preset &&
        request_.inputPath == defaultSampleFor(request_.config))
        request_.inputPath = defaultSampleFor(config);
    request_.config = config;
    request_.weights = weightsFor(config);
    submit();
}

void Session::setGroups(int groups) {
    ModelConfig c = request_.config;
    c.groups = groups;
    setConfig(c);
}

void Session::setShuffle(bool on) {
    ModelConfig c = request_.config;
    c.shuffle = on;
    setConfig(c);
}

void Session::toggleShuffle() {
    setShuffle(!request_.config.shuffle);
}

void Session::openInput(const QString& path) {
    if (path.isEmpty()) return;
    request_.inputPath = path;
    submit();
}

void Session::openCheckpoint(const QString& path) {
    try {
        Checkpoint checkpoint = readCheckpoint(path.toStdString());
        ModelConfig config = checkpoint.config.value_or(request_.config);
        const Network network = Network::build(config);
        checkParameters(network, checkpoint.parameters, path.toStdString());
        keepStepFor(network);
        request_.config = config;
        request_.weights = {path};
        // Now, not when the result arrives (P pressed before then brought the old preset back,
        // and the comparison with it); and after the request, so that what comparisonChanged's
        // receivers read is the new state throughout, the step with its network.
        endComparisonAcrossPresets();
        submit();
    } catch (const Error& e) {
        emit failed(tr("Could not open the checkpoint: %1").arg(QString::fromStdString(e.what())));
    }
}

void Session::keepStepFor(const Network& next) {
    keepStepFor(request_.config, next);
}

void Session::keepStepFor(const ModelConfig& from, const Network& next) {
    const std::string name = selectedStepName_.toStdString();
    if (next.findStep(name)) return;
    std::optional<Network> before;
    try {
        before = Network::build(from);
    } catch (const Error&) {
        // the configuration asked for builds no network: the index shown is the best guess
    }
    const QString mapped = QString::fromStdString(
        next.step(stepAtSamePlace(name, before ? &*before : nullptr, next, selectedStep_)).name);
    stepMapped_ = {selectedStepName_, mapped};
    selectedStepName_ = mapped;
}

void Session::endComparisonAcrossPresets() {
    // A comparison across presets means nothing.
    if (comparisonConfig_ && comparisonConfig_->preset != request_.config.preset)
        setComparison(std::nullopt);
}

// [SECTION] Jobs and results

void Session::submit() {
    stopTiming();  // its snapshot is about to be replaced
    request_.generation = ++generation_;
    ++running_;
    auto* watcher = new QFutureWatcher<InferenceOutcome>(this);
    connect(watcher, &QFutureWatcher<InferenceOutcome>::finished, this, [this, watcher] {
        accept(watcher->result());
        watcher->deleteLater();
    });
    newest_->store(request_.generation);
    watcher->setFuture(QtConcurrent::run(
        &pool_, [request = request_, cache = &cache_, newest = newest_, count = inferencesRun_] {
            return runUnlessStale(request, *cache, *newest, *count);
        }));
    // Announced last, with the job under way: a receiver may ask for more at once (a lesson's
    // task done finishes the step, which applies its state), and that nested request then
    // replaced this one before it was copied into a job — both jobs ran the nested request.
    if (running_ == 1) emit busyChanged(true);
    emit requestChanged();
}

void Session::setComparison(const std::optional<ModelConfig>& config) {
    if (config) {
        try {
            validateConfig(*config);
        } catch (const Error& e) {
            emit failed(tr("Invalid comparison: %1").arg(QString::fromStdString(e.what())));
            return;
        }
        // Both sides must run on the same kind of input to be comparable.
        if (config->preset != request_.config.preset) {
            emit failed(tr("A/B compare needs both configurations on the same preset."));
            return;
        }
    }
    comparisonConfig_ = config;
    comparisonSnapshot_.reset();
    submitComparison();
    emit comparisonChanged();
}

void Session::submitComparison() {
    const quint64 generation = ++comparisonGeneration_;
    newestComparison_->store(generation);  // B's jobs still queued are stale now
    if (!comparisonConfig_) return;
    InferenceRequest request;
    request.config = *comparisonConfig_;
    // The input A shows: an input still on its way may be bad (A falls back from it); when it
    // is good, accept() runs B again on it.
    request.inputPath = lastGood_.inputPath;
    request.weights = weightsFor(request.config);
    request.generation = generation;
    ++running_;
    if (running_ == 1) emit busyChanged(true);
    auto* watcher = new QFutureWatcher<InferenceOutcome>(this);
    connect(watcher, &QFutureWatcher<InferenceOutcome>::finished, this, [this, watcher] {
        InferenceOutcome outcome = watcher->result();
        watcher->deleteLater();
        if (--running_ == 0) emit busyChanged(false);
        if (outcome.generation != comparisonGeneration_) return;
        if (!outcome.snapshot) {
            comparisonConfig_.reset();
            emit failed(tr("Compare: %1").arg(outcome.error));
        } else {
            comparisonSnapshot_ = std::move(outcome.snapshot);
        }
        emit comparisonChanged();
    });
    watcher->setFuture(QtConcurrent::run(
        &pool_, [request, cache = &cache_, newest = newestComparison_, count = inferencesRun_] {
            return runUnlessStale(request, *cache, *newest, *count);
        }));
}

void Session::accept(InferenceOutcome outcome) {
    --running_;
    if (running_ == 0) emit busyChanged(false);
    if (outcome.generation != generation_) return;  // a newer request is on its way
    if (!outcome.snapshot) {
        fallBack(outcome);
        return;
    }
    const bool inputChanged = lastGood_.inputPath != request_.inputPath;
    lastGood_ = request_;
    stepMapped_.reset();
    snapshot_ = std::move(outcome.snapshot);
    forwardTime_.reset();
    endComparisonAcrossPresets();
    if (comparisonConfig_ && inputChanged) submitComparison();
    selectAsAsked();
    if (timing_) {
        timing_.reset();
        emit timingChanged();
    }
    emit snapshotChanged();
    emit selectionChanged();
    submitForwardTime();
    if (measuringTime_) submitTiming();
}

// [SECTION] Forward-pass time

void Session::submitForwardTime() {
    if (!snapshot_) return;
    const quint64 generation = snapshot_->generation;
    ++forwardJobs_;  // from now: waitUntilIdle waits for the time
    QTimer::singleShot(kForwardTimeDelayMs, this, [this, generation] {
        if (!snapshot_ || snapshot_->generation != generation || newest_->load() != generation) {
            --forwardJobs_;  // replaced meanwhile
            return;
        }
        startForwardTime(generation);
    });
}

void Session::startForwardTime(quint64 generation) {
    auto* watcher = new QFutureWatcher<std::optional<ForwardTime>>(this);
    connect(watcher, &QFutureWatcher<std::optional<ForwardTime>>::finished, this,
            [this, watcher, generation] {
                const std::optional<ForwardTime> time = watcher->result();
                watcher->deleteLater();
                --forwardJobs_;
                if (!busy() && timingJobs_ == 0 && forwardJobs_ == 0) trimTimer_.start();
                if (!time || !snapshot_ || snapshot_->generation != generation) return;
                forwardTime_ = time;
                emit forwardTimeChanged();
            });
    // Stale once another request is made (or the session is closing: newest is 0).
    // The engine's own thread count (the inference jobs run on one, on threads of the same pool).
    watcher->setFuture(QtConcurrent::run(
        &pool_, [snapshot = snapshot_, newest = newest_, generation, threads = engineThreads_] {
            setThreadCount(threads);
            return timeForwardPass(*snapshot, [&] { return newest->load() != generation; });
        }));
}

void Session::fallBack(const InferenceOutcome& outcome) {
    // A bad input spoils only itself: the configuration and weights asked for meanwhile stay
    // (g = 8 pressed while a broken image was on its way is not undone) and run on the last
    // input that worked — the new configuration's default sample when that was the old one's,
    // or when nothing is on screen yet. Any other failure (a checkpoint that no longer reads, no
    // memory) falls back to the last good configuration and weights, and keeps the input asked
    // for (an image opened just before): only a preset's own sample, which came with the preset,
    // goes back with it. The request that failed is never retried.
    const InferenceRequest failedRequest = request_;
    InferenceRequest fallback = lastGood_;
    if (outcome.badInput) {
        fallback = request_;
        fallback.inputPath = !snapshot_ || lastGood_.inputPath == defaultSampleFor(lastGood_.config)
                                 ? defaultSampleFor(request_.config)
                                 : lastGood_.inputPath;
    } else if (failedRequest.config.preset == lastGood_.config.preset ||
               failedRequest.inputPath != defaultSampleFor(failedRequest.config)) {
        fallback.inputPath = failedRequest.inputPath;
    }
    if (sameWork(fallback, failedRequest)) fallback = lastGood_;
    if (!(fallback.config == failedRequest.config)) requestedChannel_.reset();
    // The step asked for was named in the failed request's network: where it is in the one that
    // stays, as for any change of network — the step it was mapped from when the change mapped
    // it and no other was chosen since (the ImageNet stem's pool stays selected when the
    // Fashion-MNIST network asked for fails, not the step after it).
    if (stepMapped_ && stepMapped_->second == selectedStepName_ &&
        !(fallback.config == failedRequest.config))
        selectedStepName_ = stepMapped_->first;
    stepMapped_.reset();
    try {
        const std::shared_ptr<const Network> next =
            snapshot_ && snapshot_->config() == fallback.config
                ? snapshot_->network
                : std::make_shared<const Network>(Network::build(fallback.config));
        keepStepFor(failedRequest.config, *next);
    } catch (const Error&) {
        // the last good configuration builds no network (nothing has worked yet): kept as it is
    }
    request_ = fallback;
    endComparisonAcrossPresets();
    const bool resubmit =
        !sameWork(fallback, failedRequest) && !(snapshot_ && sameWork(fallback, lastGood_));
    emit failed(outcome.error);
    if (resubmit) {
        submit();  // announces the new request; the selection follows its result
        return;
    }
    emit requestChanged();
    // Nothing more will arrive: the result shown is what the selection asked for refers to.
    if (!snapshot_) return;
    const int step = selectedStep_, channel = selectedChannel_;
    selectAsAsked();
    if (step != selectedStep_ || channel != selectedChannel_) emit selectionChanged();
}

void Session::selectAsAsked() {
    // The step asked for where the result shown has it (by name), else the nearest index.
    const Network& network = *snapshot_->network;
    selectedStep_ =
        stepAtSamePlace(selectedStepName_.toStdString(), nullptr, network, selectedStep_);
    selectedStepName_ = QString::fromStdString(network.step(selectedStep_).name);
    if (requestedChannel_) selectedChannel_ = *std::exchange(requestedChannel_, std::nullopt);
    if (selectedChannel_ >= network.step(selectedStep_).out.channels) selectedChannel_ = -1;
}

// [SECTION] Measured time (opt-in)

void Session::setMeasuringTime(bool on) {
    if (on == measuringTime_) return;
    measuringTime_ = on;
    if (on) {
        submitTiming();  // when there is a snapshot; else when it arrives
    } else {
        stopTiming();
        timing_.reset();
    }
    emit timingChanged();  // the controls follow, measured or not yet
}

void Session::submitTiming() {
    if (!snapshot_ || timing_ || timingStop_) return;
    auto stop = std::make_shared<std::atomic<bool>>(false);
    timingStop_ = stop;
    // Counted apart from running_ (the window's "Computing…" is about results, not times), and
    // until the job has returned: a stopped job still runs to its next step.
    ++timingJobs_;
    trimTimer_.stop();
    auto* watcher = new QFutureWatcher<TimingOutcome>(this);
    connect(watcher, &QFutureWatcher<TimingOutcome>::finished, this, [this, watcher, stop] {
        const TimingOutcome outcome = watcher->result();
        watcher->deleteLater();
        if (--timingJobs_ == 0 && !busy()) trimTimer_.start();
        lastTimingThread_ = outcome.thread;
        if (timingStop_ == stop) timingStop_.reset();
        if (stop->load() || !snapshot_ || outcome.generation != snapshot_->generation) return;
        if (!outcome.error.isEmpty()) {
            measuringTime_ = false;  // it would fail again on the next snapshot
            emit failed(outcome.error);
            emit timingChanged();
            return;
        }
        timing_ = outcome.timing;
        emit timingChanged();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, [snapshot = snapshot_, stop] {
        return runStepTiming(snapshot, kTimingRepeats, *stop);
    }));
    emit timingChanged();  // now running
}

void Session::stopTiming() {
    if (timingStop_) timingStop_->store(true);
    timingStop_.reset();
}

bool Session::waitForTiming(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while ((timingStop_ || busy()) && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return !timingStop_ && !busy();
}

// [SECTION] Selection

void Session::selectStep(int index) {
    if (!snapshot_) return;
    requestedChannel_.reset();  // it was asked for another step
    index = std::clamp(index, 0, snapshot_->network->stepCount() - 1);
    const QString name = QString::fromStdString(snapshot_->step(index).name);
    // The name too: a step asked for while a result was on its way is only a name until the
    // result arrives, and the index shown may be the one asked for now.
    if (index == selectedStep_ && name == selectedStepName_) return;
    if (name != selectedStepName_) stepMapped_.reset();  // another step chosen
    selectedStep_ = index;
    selectedStepName_ = name;
    if (selectedChannel_ >= snapshot_->step(index).out.channels) selectedChannel_ = -1;
    emit selectionChanged();
}

bool Session::selectStepByName(const QString& name) {
    if (!snapshot_) {
        selectedStepName_ = name;  // applied when the first snapshot arrives
        return true;
    }
    const auto index = snapshot_->network->findStep(name.toStdString());
    if (!index) return false;
    selectStep(*index);
    return true;
}

void Session::stepBy(int delta) {
    selectStep(selectedStep_ + delta);
}

void Session::selectChannel(int channel) {
    if (!snapshot_) return;
    requestedChannel_.reset();  // the newest choice wins
    if (channel >= snapshot_->step(selectedStep_).out.channels) channel = -1;
    if (channel == selectedChannel_) return;
    selectedChannel_ = channel;
    emit selectionChanged();
}

void Session::select(const QString& name, int channel) {
    if (snapshot_ && snapshot_->config() == request_.config) {
        selectStepByName(name);
        selectChannel(channel);
        return;
    }
    // Before the result of the configuration asked for: both apply when it arrives (accept()).
    if (name != selectedStepName_) stepMapped_.reset();  // another step chosen
    selectedStepName_ = name;
    requestedChannel_ = channel;
}

bool Session::waitUntilIdle(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while ((busy() || forwardJobs_ > 0) && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return !busy() && forwardJobs_ == 0;
}

}  // namespace shufflescope::ui
