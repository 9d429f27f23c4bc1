#pragma once
// Session: what the user asked for (configuration, input, weights, selected step and channel) and
// the newest finished Snapshot. Every change of configuration or input starts an inference job
// on a worker thread; results arrive as snapshots, and a result for anything but the newest
// request is dropped, so fast toggling never shows a stale picture and never blocks the UI.
// A request that fails (unreadable image, checkpoint that does not fit or no longer reads) reports
// a message and the session returns to the last good state, keeping what did not fail (fallBack):
// the step asked for, the input or the configuration.
// The fast path's time on each new snapshot's input (forwardTime) is measured by a job of its own
// once the snapshot is shown, so a key's result never waits for it; a new request stops it.
// Measured time per step is opt-in (setMeasuringTime): then every new snapshot is timed by a job
// of its own on a worker thread (timing_job.h), after the snapshot is shown; a new request stops
// the job that is running, and its result, if any, is dropped.

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>
#include <utility>

#include "session/inference_job.h"
#include "session/parameter_cache.h"
#include "session/snapshot.h"
#include "session/timing_job.h"

namespace shufflescope::ui {

class Session : public QObject {
    Q_OBJECT
  public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    // The request: what the controls show. Equal to the snapshot's once its job has finished.
    const ModelConfig& config() const { return request_.config; }
    const QString& inputPath() const { return request_.inputPath; }
    const std::optional<QString>& checkpointPath() const { return request_.weights.checkpoint; }
    SnapshotPtr snapshot() const { return snapshot_; }
    bool busy() const { return running_ > 0; }

    // A/B compare: a second configuration run on the same input. Empty when compare is off.
    const std::optional<ModelConfig>& comparisonConfig() const { return comparisonConfig_; }
    SnapshotPtr comparisonSnapshot() const { return comparisonSnapshot_; }

    int selectedStep() const { return selectedStep_; }
    int selectedChannel() const { return selectedChannel_; }  // -1: none
    // The selection asked for: the step's name and the channel, also while the result they
    // belong to is still on its way (select()).
    const QString& requestedStep() const { return selectedStepName_; }
    int requestedChannel() const { return requestedChannel_.value_or(selectedChannel_); }

    // The fast path's time on the snapshot shown; nullopt until measured (moments after it is
    // shown), or when the measurement failed.
    const std::optional<ForwardTime>& forwardTime() const { return forwardTime_; }
    // The measured time per step of the snapshot shown; null until measured (or when off).
    std::shared_ptr<const StepTiming> timing() const { return timing_; }
    bool measuringTime() const { return measuringTime_; }
    bool timingRunning() const { return timingStop_ != nullptr; }
    // The thread the last finished timing job ran on (tests: never the GUI thread).
    QThread* lastTimingThread() const { return lastTimingThread_; }
    // Like waitUntilIdle, for the timing job.
    bool waitForTiming(int timeoutMs);

    // Blocks (processing events) until no job is running (the forward-pass timing included) or
    // the timeout passes; for tests and --screenshot. Returns true when idle.
    bool waitUntilIdle(int timeoutMs);
    // How many requests' forward passes have run (A's and B's): a request already replaced by a
    // newer one when its job starts is skipped. For tests.
    int inferencesRun() const { return inferencesRun_->load(); }
    // How often freed memory has been handed back to the system (malloc_trim, glibc), which the
    // session does once it has been idle for a moment: no job, no timing. For tests.
    int memoryTrims() const { return memoryTrims_; }

  public slots:
    void setConfig(const ModelConfig& config);  // invalid configurations report failed()
    void setGroups(int groups);
    void setShuffle(bool on);
    void toggleShuffle();
    void openInput(const QString& path);
    // Loads a checkpoint; its stored configuration becomes the request. Checked before anything
    // changes: a bad file reports failed() and the session stays as it was.
    void openCheckpoint(const QString& path);

    // Turns A/B compare on with configuration B (validated), or off with nullopt.
    void setComparison(const std::optional<ModelConfig>& config);

    // On: time the snapshot shown now, and every new one; off: stop and forget the times.
    void setMeasuringTime(bool on);

    void selectStep(int index);
    bool selectStepByName(const QString& name);  // false if no such step
    void stepBy(int delta);
    void selectChannel(int channel);
    // Step `name` and `channel` (-1: none) of the network the current request builds, which the
    // caller has checked they are in (resolveScene): selected at once when the shown result is of
    // that network, else when its result arrives.
    void select(const QString& name, int channel);

  signals:
    void requestChanged();    // configuration / input / weights asked for (controls update)
    void snapshotChanged();   // a new result is shown
    void selectionChanged();  // step or channel
    void busyChanged(bool busy);
    void failed(const QString& message);
    void comparisonChanged();   // comparison config or its snapshot
    void timingChanged();       // a timing arrived, or was dropped with its snapshot
    void forwardTimeChanged();  // the fast path's time on the snapshot shown arrived
    void memoryTrimmed();       // freed memory handed back (memoryTrims())

  private:
    void submit();
    // The step asked for, for a request of `next`: kept by name, else the step at the same place
    // in `next`'s network (the ImageNet stem's pool has no Fashion-MNIST twin) — decided now, not
    // by whichever result happens to be shown when the new one arrives.
    void keepStepFor(const Network& next);
    void keepStepFor(const ModelConfig& from, const Network& next);  // from another request's
    void endComparisonAcrossPresets();  // when B's preset is not the request's
    void submitComparison();
    void accept(InferenceOutcome outcome);
    // A request failed: back to the last good one, keeping what did not fail (the input asked
    // for, or the configuration when the input failed) and the step asked for where it stays.
    void fallBack(const InferenceOutcome& outcome);
    // The step and channel asked for, in the result shown: by name, else the nearest index.
    void selectAsAsked();
    void trimMemory();
    WeightsSource weightsFor(const ModelConfig& config) const;
    void submitTiming();
    void stopTiming();
    void submitForwardTime();  // in a moment (kForwardTimeDelayMs)
    void startForwardTime(quint64 generation);

    InferenceRequest request_;
    InferenceRequest lastGood_;
    SnapshotPtr snapshot_;
    ParameterCache cache_;
    // The jobs' threads. Not Qt's global pool: Qt 6.4's raster engine splits large fills across
    // that pool and waits for them, so a forward pass there held up every repaint of the window
    // until it finished (found by the GUI stress test: a key took a tenth of a second).
    QThreadPool pool_;
    quint64 generation_ = 0;
    // The newest request's generation, and B's, as the jobs read them when they start; and how
    // many jobs ran (were not skipped as stale).
    std::shared_ptr<std::atomic<quint64>> newest_ = std::make_shared<std::atomic<quint64>>(0);
    std::shared_ptr<std::atomic<quint64>> newestComparison_ =
        std::make_shared<std::atomic<quint64>>(0);
    std::shared_ptr<std::atomic<int>> inferencesRun_ = std::make_shared<std::atomic<int>>(0);
    int running_ = 0;
    int selectedStep_ = 0;
    QString selectedStepName_ = QStringLiteral("input");
    int selectedChannel_ = -1;
    std::optional<int> requestedChannel_;  // select()ed for a result still on its way
    // The step the request on its way moved the selection from, and to, because its network
    // lacks it (keepStepFor); a failed request puts it back unless another step was chosen since.
    std::optional<std::pair<QString, QString>> stepMapped_;
    QTimer trimTimer_;  // malloc_trim once idle for a moment
    int memoryTrims_ = 0;

    std::optional<ForwardTime> forwardTime_;
    int engineThreads_ = 1;  // the engine's thread count where the session was made
    int forwardJobs_ = 0;    // forward-pass timing jobs not yet returned

    bool measuringTime_ = false;
    std::shared_ptr<const StepTiming> timing_;
    std::shared_ptr<std::atomic<bool>> timingStop_;  // the running job's; null when none runs
    int timingJobs_ = 0;                             // timing jobs not yet returned
    QThread* lastTimingThread_ = nullptr;

    std::optional<ModelConfig> comparisonConfig_;
    SnapshotPtr comparisonSnapshot_;
    quint64 comparisonGeneration_ = 0;
};

}  // namespace shufflescope::ui
