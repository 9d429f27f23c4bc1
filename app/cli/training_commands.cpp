// shufflescope-cli train / eval: training the fashion preset on Fashion-MNIST in the engine.

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "commands.h"
#include "model_loading.h"
#include "output.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/threading.h"
#include "shufflescope/model/initialization.h"
#include "shufflescope/model/labels.h"
#include "shufflescope/train/paired_comparison.h"
#include "shufflescope/train/run_health.h"
#include "shufflescope/train/training_run.h"

namespace shufflescope::cli {

namespace {

std::atomic<bool> stopRequested{false};

constexpr int kTrainImages = 60000;  // Fashion-MNIST's training set

extern "C" void onInterrupt(int) {
    stopRequested.store(true);
}

// Training uses Fashion-MNIST: the model must take its 1x32x32 frames and 10 classes. `file`: the
// checkpoint the model came from, named first in the message.
void requireFashionGeometry(const ModelConfig& c, const std::optional<std::string>& file) {
    if (c.inChannels != 1 || c.inputHeight != 32 || c.inputWidth != 32 || c.classes != 10)
        throw Error(
            (file ? displayPath(*file) + ": " : std::string()) +
            "training uses Fashion-MNIST: the model must take 1x32x32 input with 10 classes " +
            (file ? std::string("(this checkpoint's configuration is ") + describe(c) + ")"
                  : "(use --preset fashion); this one is " + describe(c)));
}

// Fashion-MNIST from --data (default: Debian's folder).
train::Dataset loadData(const Options& options, bool training) {
    const Activity activity("reading the Fashion-MNIST " +
                            std::string(training ? "training" : "test") + " files in " +
                            displayPath(options.dataDir));
    return train::loadFashionMnist(options.dataDir, training);
}

std::string clock(double seconds) {
    const long s = long(seconds + 0.5);
    char text[32];
    std::snprintf(text, sizeof text, "%02ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    return text;
}

std::string defaultOutput(const ModelConfig& c) {
    return c.preset + "-g" + std::to_string(c.groups) + (c.shuffle ? "-shuffle" : "-noshuffle") +
           ".safetensors";
}

// The image-by-image comparison of `eval --against`, in words a reader can act on.
void printPairedComparison(const train::PairedComparison& p, const train::EvaluationResult& first,
                           const train::EvaluationResult& second, const LoadedModel& other) {
    std::cout << "\nagainst:  " << describe(other.network.config())
              << "\nweights:  " << other.weightsDescription << "\naccuracy: " << std::fixed
              << std::setprecision(2) << 100 * second.accuracy << "% (" << std::showpos
              << 100 * (first.accuracy - second.accuracy) << std::noshowpos
              << " points for the first model)\n\n"
              << "image by image: both right " << p.bothRight << ", only the first "
              << p.onlyFirstRight << ", only the second " << p.onlySecondRight << ", both wrong "
              << p.bothWrong << "\n"
              << "McNemar's exact test: " << train::formatPValue(p.pValue);
    if (p.onlyFirstRight + p.onlySecondRight == 0) {
        std::cout << " (the two models get the same images right)\n";
        return;
    }
    std::cout
        << " (how often a fair coin splits " << p.onlyFirstRight + p.onlySecondRight
        << " disagreements at least this unevenly)\n"
        << (p.pValue < train::kSignificanceLevel
                ? "          below 0.05: a larger difference than this test set's sampling noise\n"
                : "          0.05 or more: within this test set's sampling noise\n");
}

}  // namespace

void runTrain(const Options& options) {
    if (options.threads > 0) setThreadCount(options.threads);
    std::optional<train::TrainingRun> run;
    std::string out = options.out;
    if (!options.resume.empty()) {
        const Activity activity("reading the training checkpoint " + displayPath(options.resume));
        run.emplace(train::TrainingRun::resume(options.resume));
        if (out.empty()) out = options.resume;
        std::cout << "resuming " << options.resume << " after epoch " << run->epochsDone() << " of "
                  << run->recipe().epochs << "\n";
    } else {
        LoadedModel model = loadModel(options);
        requireFashionGeometry(model.network.config(), options.weights);
        // From scratch unless --weights names a starting point (fine-tuning).
        if (!options.weights)
            model.parameters = trainingStartParameters(model.network, options.seed);
        // --classroom: exactly the recipe the Train panel uses for these epochs and images.
        train::TrainingRecipe recipe =
            options.classroom
                ? train::classroomRecipe(options.epochs,
                                         options.limit > 0 ? options.limit : kTrainImages)
                : options.recipe;
        recipe.epochs = options.epochs;
        recipe.seed = options.seed;
        recipe.limit = options.limit;
        recipe.augment = options.recipe.augment;  // --no-augment applies to either
        run.emplace(model.network, std::move(model.parameters), recipe);
        if (out.empty()) out = defaultOutput(model.network.config());
    }
    if (!options.resume.empty()) requireFashionGeometry(run->network().config(), options.resume);
    const train::Dataset trainData = loadData(options, true);
    const train::Dataset testData = train::firstItems(loadData(options, false), options.testLimit);

    const train::TrainingRecipe& used = run->recipe();
    std::cout << "model:   " << describe(run->network().config()) << "\n"
              << "recipe:  " << used.epochs << " epochs, batch " << used.batchSize << ", SGD lr "
              << used.learningRate << " (" << used.warmupEpochs << " epochs of linear warm-up"
              << (used.minWarmupBatches > 0
                      ? ", at least " + std::to_string(used.minWarmupBatches) + " batches"
                      : std::string())
              << ", then linear decay to 0), momentum " << used.momentum << ", weight decay "
              << used.weightDecay;
    if (used.maxGradientNorm > 0)
        std::cout << ", gradient norm clipped to " << used.maxGradientNorm;
    std::cout << ", seed " << used.seed
              << (used.augment ? ", crop+flip augmentation" : ", no augmentation") << "\ndata:    "
              << (run->recipe().limit ? std::min(run->recipe().limit, trainData.count)
                                      : trainData.count)
              << " training images, " << testData.count << " test images; " << threadCount()
              << " threads\n"
              << "output:  " << out << " (after every epoch)\n"
              << std::flush;

    stopRequested = false;
    std::signal(SIGINT, onInterrupt);
    train::LossWatch loss;  // this session's batches (a resumed run starts a new watch)
    const Activity training("training (checkpoints go to " + displayPath(out) + ")");
    const bool done = run->run(
        trainData, testData, out,
        [&loss](const train::TrainingProgress& p) {
            loss.add(p.batchLoss);
            std::fprintf(stderr,
                         "\repoch %d/%d  batch %d/%d  loss %.4f  acc %5.1f%%  %6.0f img/s  lr %.4f "
                         " grad norm %.2f  %s left ",
                         p.epoch, p.epochs, p.batch, p.batches, p.loss, 100 * p.accuracy,
                         p.imagesPerSecond, p.learningRate, p.gradientNorm,
                         clock(p.secondsLeft).c_str());
        },
        [](const train::EpochReport& r) {
            std::fprintf(stderr, "\n");
            std::cout << "epoch " << r.epoch << ": train loss " << std::fixed
                      << std::setprecision(4) << r.trainLoss << ", train accuracy "
                      << std::setprecision(2) << 100 * r.trainAccuracy << "%, test accuracy "
                      << 100 * r.test.accuracy << "%, " << std::setprecision(0) << r.imagesPerSecond
                      << " img/s, " << clock(r.seconds) << "\n"
                      << std::flush;
        },
        &stopRequested);
    std::signal(SIGINT, SIG_DFL);
    // How the loss curve went (the Train panel's smoothing; see train::LossWatch): a stable run
    // never rises far above where it started. scripts/check_classroom_recipe.py reads this line.
    if (loss.batches() > 0)
        std::cout << "loss:    first batches " << std::fixed << std::setprecision(4) << loss.start()
                  << ", highest smoothed " << loss.peak() << " (" << std::setprecision(3)
                  << loss.peakRatio() << " x the first), last smoothed " << std::setprecision(4)
                  << loss.smoothed() << ", largest rebound " << loss.rebound()
                  << (loss.finite() ? "" : ", NOT FINITE") << "\n";
    if (!done) {
        std::cout << "\nstopped: " << out << " holds the model after epoch " << run->epochsDone()
                  << "; continue with --resume " << out << "\n";
        return;
    }
    std::cout << "done: " << out << "\n";
}

void runEval(const Options& options) {
    if (options.threads > 0) setThreadCount(options.threads);
    const LoadedModel model = loadModel(options);
    const ModelConfig& c = model.network.config();
    requireFashionGeometry(c, options.weights);
    // The model to compare with is loaded (and refused) before the test set is read.
    std::optional<LoadedModel> other;
    if (options.against) {
        // The config flags describe --weights; the second file is read with its own stored
        // configuration (one without takes the command line's configuration, unchecked).
        Options againstOptions = options;
        againstOptions.weights = options.against;
        againstOptions.configFlags.clear();
        other.emplace(loadModel(againstOptions));
        requireFashionGeometry(other->network.config(), options.against);
    }
    const train::Dataset test = train::firstItems(loadData(options, false), options.limit);
    const Activity evaluating("evaluating on " + std::to_string(test.count) + " test images");
    const train::EvaluationResult r = train::evaluate(model.network, model.parameters, test);
    std::optional<train::EvaluationResult> otherResult;
    std::optional<train::PairedComparison> paired;
    if (other) {
        otherResult = train::evaluate(other->network, other->parameters, test);
        paired = train::comparePredictions(r.predictions, otherResult->predictions, test.labels);
    }
    if (options.json) {
        nlohmann::json j{{"weights", model.weightsDescription},
                         {"count", r.count},
                         {"accuracy", r.accuracy},
                         {"per_class", r.perClassAccuracy},
                         {"confusion", r.confusion}};
        if (paired)
            j["against"] = {{"weights", other->weightsDescription},
                            {"accuracy", otherResult->accuracy},
                            {"both_right", paired->bothRight},
                            {"only_this_right", paired->onlyFirstRight},
                            {"only_against_right", paired->onlySecondRight},
                            {"both_wrong", paired->bothWrong},
                            {"mcnemar_p", paired->pValue}};
        std::cout << jsonText(j) << "\n";
        return;
    }
    std::cout << "model:    " << describe(c) << "\nweights:  " << model.weightsDescription << "\n"
              << "test set: " << r.count << " images\naccuracy: " << std::fixed
              << std::setprecision(2) << 100 * r.accuracy << "%\n\n";
    for (int k = 0; k < c.classes; ++k)
        std::cout << "  " << std::left << std::setw(12) << classLabel(c, k) << std::right
                  << std::setw(7) << 100 * r.perClassAccuracy[std::size_t(k)] << "%\n";
    std::cout << "\nconfusion matrix (rows: true class, columns: predicted)\n";
    for (int t = 0; t < c.classes; ++t) {
        std::cout << "  " << std::left << std::setw(12) << classLabel(c, t) << std::right;
        for (int p = 0; p < c.classes; ++p)
            std::cout << std::setw(6) << r.confusion[std::size_t(t)][std::size_t(p)];
        std::cout << "\n";
    }
    if (paired) printPairedComparison(*paired, r, *otherResult, *other);
}

void runExport(const Options& options) {
    if (options.threads > 0) setThreadCount(options.threads);
    const train::Dataset test = loadData(options, false);
    const Activity exporting("exporting " + displayPath(*options.weights) + " to " +
                             displayPath(options.out));
    const train::EvaluationResult r =
        train::exportTrainedModel(*options.weights, options.out, options.storage, test);
    const char* names[] = {"F32", "F16", "BF16"};
    std::cout << "wrote " << options.out << " (" << names[int(options.storage)]
              << "): test accuracy " << std::fixed << std::setprecision(2) << 100 * r.accuracy
              << "% with the stored weights\n";
}

}  // namespace shufflescope::cli
