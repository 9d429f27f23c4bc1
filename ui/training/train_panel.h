#pragma once
// The Train panel: train a Fashion-MNIST ShuffleNet from scratch in the app and watch it learn.
// Pick g, the shuffle, the number of epochs and how many training images (the default, 3 epochs
// of 6,000 images, takes a couple of minutes on a laptop); the loss and accuracy curves grow as it
// runs and the feature maps of a chosen image change with it. Every run's curves stay on the charts
// in their own colour until cleared, so runs overlay; "Shuffle on vs off" queues the same g both
// ways, one after the other, and sums the pair up in one line that first asks whether it can be
// read at all (summarizeShuffleComparison). The recipe is train::classroomRecipe(epochs, images).
// Training runs on a worker thread (TrainingJob): the window stays live, Stop ends a run at the
// next batch, and each run's checkpoint goes to the user's data folder, never to the bundled
// models. "Explore" opens the finished network in the main views.

#include <QStringList>
#include <QWidget>
#include <deque>
#include <optional>

#include "shufflescope/train/paired_comparison.h"
#include "shufflescope/train/run_health.h"
#include "training/training_job.h"

class QCheckBox;
class QChart;
class QComboBox;
class QLabel;
class QLineSeries;
class QPushButton;
class QScatterSeries;
class QSpinBox;
class QValueAxis;

namespace shufflescope::ui {

class TrainingFrameView;

class TrainPanel : public QWidget {
    Q_OBJECT
  public:
    explicit TrainPanel(QWidget* parent = nullptr);
    ~TrainPanel() override;

    // Where run checkpoints are written (default: the app data folder's "runs").
    void setRunsDirectory(const QString& directory) { runsDirectory_ = directory; }
    const QString& runsDirectory() const { return runsDirectory_; }
    // The Fashion-MNIST directory (default: Debian's dataset-fashion-mnist).
    void setDataDirectory(const QString& directory);
    void setGroups(int groups);
    void setShuffle(bool on);
    void setEpochs(int epochs);
    void setTrainingImages(int count);  // a training subset; 60000 = all
    void setFontScale(double scale);

    // Starts one run with the controls' settings; false with a message (also shown) if it cannot.
    bool startRun();
    // Queues the current g with the shuffle on, then off.
    bool startShuffleComparison();
    void stopRun();
    void clearRuns();

    // From a start until the last queued run's end has been handled (curves, status, checkpoint).
    bool running() const { return active_; }
    int runCount() const { return int(runs_.size()); }
    // Points on run r's loss curve and its test accuracies (one per finished epoch), for tests.
    int lossPoints(int run) const;
    std::vector<double> testAccuracies(int run) const;
    const QString& lastCheckpoint() const { return lastCheckpoint_; }
    const QString& statusText() const { return statusText_; }
    const QString& lastError() const { return lastError_; }  // of the latest run; empty if none
    // The last shuffle on vs off pair compared image by image on the test images (on = first);
    // only for a pair that can be compared (see lastHealth), as is the p-value in the summary.
    const std::optional<train::PairedComparison>& lastComparison() const { return lastComparison_; }
    // Whether the last finished shuffle on vs off pair diverged, was too short, or was usable.
    const std::optional<train::PairHealth>& lastHealth() const { return lastHealth_; }
    TrainingFrameView* frameView() const { return frameView_; }

  signals:
    void runFinished(bool completed, const QString& checkpointPath);
    void allRunsFinished();
    // The user asked to look at a trained checkpoint in the main views.
    void exploreRequested(const QString& checkpointPath);
    void failed(const QString& message);

  private:
    struct Run {
        int groups = 0;
        QString name;
        QColor color;
        QLineSeries* loss = nullptr;
        QLineSeries* trainAccuracy = nullptr;
        QLineSeries* testAccuracy = nullptr;
        QScatterSeries* testPoints = nullptr;
        std::vector<double> tests;
        std::vector<int> predictions;  // on the test images, after the last finished epoch
        std::vector<uint8_t> labels;
        int imagesPerEpoch = 0;     // the training subset chosen (60000: all)
        train::RunOutcome outcome;  // after the last finished epoch, for the comparison's verdict
    };
    struct Pending {
        int groups;
        bool shuffle;
    };
    bool launch(int groups, bool shuffle);
    QString bundledComparison(int groups) const;
    void onTick(const TrainingTick& tick);
    void onEpoch(const TrainingEpoch& epoch);
    void onFinished(bool completed, const QString& checkpointPath);
    void onFailed(const QString& message);     // the job's failure (its run is the last added)
    void reportError(const QString& message);  // status, lastError, failed()
    void removeRunCurves(const Run& run);      // takes its series off the charts and frees them
    void setStatus(const QString& text);
    void refreshButtons();
    void fitAxes(double position);
    QString newCheckpointPath(int groups, bool shuffle) const;

    TrainingJob job_;
    QString runsDirectory_;
    QString dataDirectory_;
    QString lastCheckpoint_;
    QString statusText_;
    QString lastError_;
    std::optional<train::PairedComparison> lastComparison_;
    std::optional<train::PairHealth> lastHealth_;
    std::deque<Run> runs_;
    std::deque<Pending> pending_;
    double maxLoss_ = 2.5;
    int epochs_ = 3;
    bool active_ = false;
    bool comparing_ = false;  // the current runs are a shuffle on vs off pair
    int colourIndex_ = 0;

    QSpinBox* groupsBox_ = nullptr;
    QCheckBox* shuffleBox_ = nullptr;
    QSpinBox* epochsBox_ = nullptr;
    QComboBox* imagesBox_ = nullptr;
    QComboBox* sampleBox_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPushButton* compareButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QPushButton* clearButton_ = nullptr;
    QPushButton* exploreButton_ = nullptr;
    QLabel* status_ = nullptr;
    QChart* lossChart_ = nullptr;
    QChart* accuracyChart_ = nullptr;
    QValueAxis* lossX_ = nullptr;
    QValueAxis* lossY_ = nullptr;
    QValueAxis* accuracyX_ = nullptr;
    QValueAxis* accuracyY_ = nullptr;
    TrainingFrameView* frameView_ = nullptr;
};

}  // namespace shufflescope::ui
