#pragma once
// A training run on Fashion-MNIST: epochs of shuffled, augmented mini-batches through the Trainer,
// the paper's learning-rate policy (linear decay from the peak to zero over the whole run), a
// test-set evaluation and a resumable checkpoint after every epoch.
//
// Deterministic for a seed and a thread count: the epoch order comes from
// shuffledIndices(count, seed, epoch) and each batch's augmentation from a generator seeded by
// (seed, epoch, batch), so a resumed run continues exactly where the interrupted one stopped.

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shufflescope/io/safetensors.h"
#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"
#include "shufflescope/train/fashion_mnist.h"
#include "shufflescope/train/trainer.h"

namespace shufflescope::train {

struct TrainingRecipe {
    int epochs = 30;
    int batchSize = 128;
    float learningRate = 0.05f;  // peak, reached after the warm-up; then decays linearly to 0
    // A linear warm-up from lr/W to the peak over the first W = warmupEpochs * batches-per-epoch
    // batches (at most half of all batches, so a short run still decays). Without it, a peak of
    // 0.05 or more sends the loss of a fresh network to ~40 in the first hundred batches (BN
    // statistics and the logits' scale both start far from useful).
    double warmupEpochs = 1.0;
    // At least this many warm-up batches whatever warmupEpochs gives (still at most half the
    // run): on a small subset an epoch is a few dozen batches, too few to warm up in. 0: off.
    int minWarmupBatches = 0;
    // Clip the gradients' global L2 norm to this before every step (torch.nn.utils.
    // clip_grad_norm_; see Trainer). 0: off, as for the bundled models.
    float maxGradientNorm = 0.0f;
    float momentum = 0.9f;
    float weightDecay = 4e-5f;
    uint64_t seed = 1;
    bool augment = true;
    int limit = 0;  // use only the first `limit` training images (0: all)
};

struct TrainingProgress {
    int epoch = 0, epochs = 0;  // epoch is 1-based
    int batch = 0, batches = 0;
    double loss = 0, accuracy = 0;            // running means over this epoch so far
    double batchLoss = 0, batchAccuracy = 0;  // this batch alone
    double imagesPerSecond = 0;
    double secondsLeft = 0;
    float learningRate = 0;
    double gradientNorm = 0;  // this batch's, before clipping
};

struct EvaluationResult {
    int count = 0;
    double accuracy = 0;                      // fraction correct
    std::vector<double> perClassAccuracy;     // [classes]
    std::vector<std::vector<int>> confusion;  // [true][predicted]
    std::vector<int> predictions;  // [count] predicted class of each image, in data order
                                   // (empty in a history read back from a checkpoint)
};

struct EpochReport {
    int epoch = 0;
    double trainLoss = 0, trainAccuracy = 0;
    EvaluationResult test;
    double seconds = 0, imagesPerSecond = 0;
};

// Test-set accuracy, per-class accuracy and the confusion matrix, with the inference path.
EvaluationResult evaluate(const Network& network, const Parameters& parameters,
                          const Dataset& data);

// The Train panel's recipe for `epochs` epochs of the first `images` training images (the
// CLI's `train --classroom`): the bundled models' SGD (momentum 0.9, weight decay 4e-5,
// augmentation) with safeguards for short runs on small subsets — batch 32, a peak learning rate
// of 0.01 after a warm-up of half an epoch but at least 100 batches (at most half the run), and
// the gradients' global norm clipped to 5. training_run.cpp says why each.
inline constexpr int kClassroomBatch = 32;
inline constexpr float kClassroomLearningRate = 0.01f;
inline constexpr int kClassroomMinWarmupBatches = 100;
inline constexpr float kClassroomMaxGradientNorm = 5.0f;
TrainingRecipe classroomRecipe(int epochs, int images);

// The warm-up of a run with `batchesPerEpoch` batches an epoch: warmupEpochs of them, but at least
// minWarmupBatches (scheduledLearningRate caps it at half the run).
long long warmupBatches(const TrainingRecipe& recipe, long long batchesPerEpoch);

// The learning rate of batch `step` (0-based) of `totalSteps`: linear warm-up to `peak` over the
// first `warmupSteps` batches (capped at half the run), then linear decay to zero at `totalSteps`.
float scheduledLearningRate(float peak, long long step, long long totalSteps,
                            long long warmupSteps);

class TrainingRun {
  public:
    // Starts from `parameters` at epoch 0.
    TrainingRun(const Network& network, Parameters parameters, TrainingRecipe recipe);
    // Resumes from a checkpoint written by save(): parameters, momentum buffers, epoch and recipe.
    // Throws Error if the file is not a training checkpoint or does not fit the network.
    static TrainingRun resume(const std::string& path);

    // Trains until all epochs are done or `stop` becomes true (checked between batches; an
    // interrupted epoch is discarded, so the last saved checkpoint stays the state to resume).
    // After every finished epoch: evaluates on `test`, calls onEpoch, and saves to `checkpointPath`
    // when it is not empty. Returns true when the run completed.
    bool run(const Dataset& trainData, const Dataset& test, const std::string& checkpointPath,
             const std::function<void(const TrainingProgress&)>& onProgress,
             const std::function<void(const EpochReport&)>& onEpoch, const std::atomic<bool>* stop);

    // Writes parameters (checkpoint keys), momentum buffers ("optimizer.momentum.<name>") and the
    // run's state in __metadata__ ("training": recipe, epoch, history; "test_accuracy" and
    // "test_images" of the last epoch) atomically.
    void save(const std::string& path) const;
    // That "training" metadata as JSON text: {"recipe", "epochs_done", "history"}.
    std::string stateJson() const;

    const Network& network() const { return trainer_.network(); }
    const Parameters& parameters() const { return trainer_.parameters(); }
    const TrainingRecipe& recipe() const { return recipe_; }
    int epochsDone() const { return epochsDone_; }
    const std::vector<EpochReport>& history() const { return history_; }

  private:
    Trainer trainer_;
    TrainingRecipe recipe_;
    int epochsDone_ = 0;
    std::vector<EpochReport> history_;
};

// Turns a FINISHED training checkpoint (TrainingRun::save) into a compact weights file: the
// parameters stored as `storage` (F16 halves the bundled models), no optimiser state, and metadata
// that a reader needs without the run: the configuration, "trained", "training" (recipe, history),
// "epochs", "seed", and "test_accuracy" measured on `test` with the stored (narrowed) values —
// the accuracy a user of the file gets, next to "test_accuracy_f32" of the run itself — and
// "test_images", the number of test images measured.
// Throws Error naming the file: not a training checkpoint, run unfinished, a value that does not
// fit the storage type. Returns the narrowed weights' evaluation.
EvaluationResult exportTrainedModel(const std::string& trainingCheckpoint, const std::string& out,
                                    StorageType storage, const Dataset& test);

}  // namespace shufflescope::train
