#pragma once
// TrainingJob: one training run of the Train panel, on its own worker thread, so the window never
// waits for it. It loads Fashion-MNIST (once per job object), builds the network from scratch
// (trainingStartParameters), runs core's TrainingRun with the panel's recipe, and reports back
// through queued signals: progress ticks (at most ~10 a second), a report per epoch (evaluated on
// a test subset), and the feature maps of one chosen image (at most about once a second), computed
// between two batches with the weights of that moment. stop() ends the run at the next batch; the
// last finished epoch's checkpoint stays on disk.
//
// The checkpoint goes where the panel says, and never into the bundled models' folder: start()
// refuses such a path, so a live run can never overwrite a shipped checkpoint.

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/model/network.h"
#include "shufflescope/train/training_run.h"

namespace shufflescope::ui {

struct TrainingSetup {
    ModelConfig config;            // the fashion preset with the chosen g and shuffle
    train::TrainingRecipe recipe;  // epochs, limit (the training subset), batch, learning rate
    int testLimit = 2000;          // test images evaluated after every epoch (0: all 10,000)
    QString imagePath;             // the image whose feature maps are shown as the network learns
    QString checkpointPath;        // written after every epoch
    QString dataDirectory;         // the Fashion-MNIST IDX files
};

struct TrainingTick {
    int epoch = 0, epochs = 0, batch = 0, batches = 0;
    // Training loss and accuracy, smoothed over about the last 10 batches (an exponential moving
    // average, bias-corrected, continuous across epochs — not the epoch's running mean, which
    // restarts at every epoch and made the curves jump there).
    double loss = 0, accuracy = 0;
    double imagesPerSecond = 0, secondsLeft = 0;
    double position = 0;  // epochs done, fractional: the curves' x axis
};

struct TrainingEpoch {
    int epoch = 0;
    double trainLoss = 0, trainAccuracy = 0, testAccuracy = 0;
    // The test images' predicted and true classes, so that two runs can be compared image by image.
    std::vector<int> testPredictions;
    std::vector<uint8_t> testLabels;
    // The run so far, for train::assessRun: finished epochs x the training subset, and the
    // smoothed loss's start, highest point and finiteness (train::LossWatch).
    long long imagesSeen = 0;
    double startLoss = 0, peakLoss = 0;
    bool lossFinite = true;
};

// The chosen image through the network at one moment of training (inference mode, the running
// BN statistics of that moment).
struct TrainingFrame {
    std::shared_ptr<const Network> network;
    std::vector<Tensor> outputs;       // per step, [1, C, H, W]
    std::vector<float> probabilities;  // [classes]
    double position = 0;               // epochs done when it was taken
};
using TrainingFramePtr = std::shared_ptr<const TrainingFrame>;

// True when `path` would be written inside the bundled models' folder (assets/models), through
// symbolic links too.
bool isInsideBundledModels(const QString& path);

class TrainingJob : public QObject {
    Q_OBJECT
  public:
    explicit TrainingJob(QObject* parent = nullptr);
    ~TrainingJob() override;  // stops a running run and waits for it

    // Starts a run; false (and failed() is NOT emitted) with *error set if one is already running
    // or the checkpoint path points into the bundled models. Everything that can only fail on the
    // worker (a missing data set, an unreadable image) arrives as failed().
    bool start(const TrainingSetup& setup, QString* error);
    void stop();
    bool running() const { return running_; }

  signals:
    void progressed(const shufflescope::ui::TrainingTick& tick);
    void epochFinished(const shufflescope::ui::TrainingEpoch& epoch);
    void frameReady(const shufflescope::ui::TrainingFramePtr& frame);
    // completed: all epochs done (false: stopped). checkpointPath holds the last finished epoch
    // (empty when not even one epoch finished).
    void finished(bool completed, const QString& checkpointPath);
    void failed(const QString& message);

  private:
    void work(TrainingSetup setup);
    std::shared_ptr<const train::Dataset> dataset(const std::string& directory, bool train);

    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> running_{false};
    std::mutex dataMutex_;
    std::string dataDirectory_;
    std::shared_ptr<const train::Dataset> trainData_, testData_;
};

}  // namespace shufflescope::ui

Q_DECLARE_METATYPE(shufflescope::ui::TrainingTick)
Q_DECLARE_METATYPE(shufflescope::ui::TrainingEpoch)
Q_DECLARE_METATYPE(shufflescope::ui::TrainingFramePtr)
