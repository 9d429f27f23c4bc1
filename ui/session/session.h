#pragma once
// Session: what the user asked for (configuration, input, weights, selected step and channel) and
// the newest finished Snapshot. Every change of configuration or input starts an inference job
// on a worker thread; results arrive as snapshots, and a result for anything but the newest
// request is dropped, so fast toggling never shows a stale picture and never blocks the UI.
// A request that fails (unreadable image, checkpoint that does not fit) reports a message and the
// session returns to the last good state.

#include <QObject>
#include <QString>
#include <optional>

#include "session/inference_job.h"
#include "session/parameter_cache.h"
#include "session/snapshot.h"

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

    // Blocks (processing events) until no job is running or the timeout passes; for tests and
    // --screenshot. Returns true when idle.
    bool waitUntilIdle(int timeoutMs);

  public slots:
    void setConfig(const ModelConfig& config);  // invalid configurations report failed()
    void setGroups(int groups);
    void setShuffle(bool on);
    void toggleShuffle();
    void setWidthScale(double scale);
    void setPreset(const QString& preset);
    void openInput(const QString& path);
    // Loads a checkpoint; its stored configuration becomes the request. Checked before anything
    // changes: a bad file reports failed() and the session stays as it was.
    void openCheckpoint(const QString& path);

    // Turns A/B compare on with configuration B (validated), or off with nullopt.
    void setComparison(const std::optional<ModelConfig>& config);

    void selectStep(int index);
    bool selectStepByName(const QString& name);  // false if no such step
    void stepBy(int delta);
    // Page Up / Page Down: the first step of the previous / next unit (the stem and the head count
    // as units). direction is -1 or +1.
    void stepUnit(int direction);
    void selectLastStep();
    void selectChannel(int channel);
    // W and P: the next width scale (0.25x ... 2x, wrapping) and the other preset.
    void cycleWidthScale();
    void togglePreset();

  signals:
    void requestChanged();    // configuration / input / weights asked for (controls update)
    void snapshotChanged();   // a new result is shown
    void selectionChanged();  // step or channel
    void busyChanged(bool busy);
    void failed(const QString& message);
    void comparisonChanged();  // comparison config or its snapshot

  private:
    void submit();
    void submitComparison();
    void accept(InferenceOutcome outcome);
    WeightsSource weightsFor(const ModelConfig& config) const;

    InferenceRequest request_;
    InferenceRequest lastGood_;
    SnapshotPtr snapshot_;
    ParameterCache cache_;
    quint64 generation_ = 0;
    int running_ = 0;
    int selectedStep_ = 0;
    QString selectedStepName_ = QStringLiteral("input");
    int selectedChannel_ = -1;

    std::optional<ModelConfig> comparisonConfig_;
    SnapshotPtr comparisonSnapshot_;
    quint64 comparisonGeneration_ = 0;
};

}  // namespace shufflescope::ui
