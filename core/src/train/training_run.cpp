#include "shufflescope/train/training_run.h"

#include <optional>

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "shufflescope/base/error.h"
#include "shufflescope/exec/fast_forward.h"
#include "shufflescope/io/checkpoint.h"
#include "shufflescope/io/config_json.h"
#include "shufflescope/io/safetensors.h"

namespace shufflescope::train {

using nlohmann::json;

namespace {

constexpr int kEvaluationChunk = 256;

json recipeToJson(const TrainingRecipe& r) {
    return {{"epochs", r.epochs},
            {"batch_size", r.batchSize},
            {"learning_rate", r.learningRate},
            {"momentum", r.momentum},
            {"weight_decay", r.weightDecay},
            {"seed", r.seed},
            {"augment", r.augment},
            {"limit", r.limit},
            {"warmup_epochs", r.warmupEpochs},
            {"min_warmup_batches", r.minWarmupBatches},
            {"max_gradient_norm", r.maxGradientNorm},
            {"schedule", "linear warm-up, then linear decay to 0"}};
}

std::string shortNumber(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

// A number the checkpoint stores, of the kind and in the range it must be: get<int>() wraps
// 2^32 + 1 to 1, a seed of -1 becomes 2^64 - 1, and a double of 1e300 converted to int is
// undefined. `absent`: the value when the key is missing (fields older runs did not write).
double numberField(const json& j, const char* key, double lo, double hi, bool integer,
                   const std::string& where, std::optional<double> absent = std::nullopt) {
    if (!j.is_object()) throw Error(where + " should be a JSON object");
    const auto it = j.find(key);
    if (it == j.end()) {
        if (absent) return *absent;
        throw Error(where + ": '" + key + "' is missing");
    }
    const bool isInteger = it->is_number_integer();
    if (integer ? !isInteger : !it->is_number())
        throw Error(where + ": '" + key + "' should be " + (integer ? "an integer" : "a number") +
                    ", found " + std::string(it->type_name()));
    const double value = it->is_number_unsigned() ? double(it->get<uint64_t>())
                         : isInteger              ? double(it->get<int64_t>())
                                                  : it->get<double>();
    if (!(value >= lo && value <= hi))
        throw Error(where + ": '" + key + "' is " + it->dump() + ", outside " + shortNumber(lo) +
                    ".." + shortNumber(hi));
    return value;
}

TrainingRecipe recipeFromJson(const json& j, const std::string& path) {
    const std::string where = displayPath(path) + ": the training recipe in the metadata";
    TrainingRecipe r;
    r.epochs = int(numberField(j, "epochs", 1, 10000, true, where));
    r.batchSize = int(numberField(j, "batch_size", 2, 8192, true, where));
    r.learningRate = float(numberField(j, "learning_rate", 1e-12, 100, false, where));
    r.momentum = float(numberField(j, "momentum", 0, 1, false, where));
    r.weightDecay = float(numberField(j, "weight_decay", 0, 1, false, where));
    // Seeds as the command line takes them (0..2^62): exact in a double.
    const auto seed = j.find("seed");
    if (seed == j.end() || !seed->is_number_unsigned() || seed->get<uint64_t>() > (1ULL << 62))
        throw Error(where + ": 'seed' should be an integer in 0..2^62");
    r.seed = seed->get<uint64_t>();
    const auto augment = j.find("augment");
    if (augment == j.end() || !augment->is_boolean())
        throw Error(where + ": 'augment' should be true or false");
    r.augment = augment->get<bool>();
    r.limit = int(numberField(j, "limit", 0, 100'000'000, true, where));
    // Runs saved before warm-up and the short-run safeguards existed had none of these.
    r.warmupEpochs = numberField(j, "warmup_epochs", 0, 10000, false, where, 0.0);
    r.minWarmupBatches =
        int(numberField(j, "min_warmup_batches", 0, 100'000'000, true, where, 0.0));
    r.maxGradientNorm = float(numberField(j, "max_gradient_norm", 0, 1e6, false, where, 0.0));
    return r;
}

// Mixes (seed, epoch, batch) into one generator seed (SplitMix64 finaliser).
uint64_t mixSeed(uint64_t seed, uint64_t epoch, uint64_t batch) {
    uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (epoch + 1) + 0xBF58476D1CE4E5B9ULL * (batch + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void checkRecipe(const TrainingRecipe& r) {
    if (r.epochs < 1 || r.epochs > 10000)
        throw Error("epochs: " + std::to_string(r.epochs) + " is out of range (1..10000)");
    if (r.batchSize < 2 || r.batchSize > 8192)
        throw Error("batch size: " + std::to_string(r.batchSize) +
                    " is out of range (2..8192; batch norm needs 2)");
    if (!(r.learningRate > 0 && r.learningRate < 100))
        throw Error("learning rate must be in (0, 100)");
    if (r.limit < 0) throw Error("limit: must not be negative");
    if (!(r.warmupEpochs >= 0 && r.warmupEpochs <= r.epochs))
        throw Error("warm-up: must be between 0 and the number of epochs (" +
                    std::to_string(r.epochs) + ")");
    if (r.minWarmupBatches < 0) throw Error("minimum warm-up batches: must not be negative");
    if (!(r.maxGradientNorm >= 0 && std::isfinite(r.maxGradientNorm)))
        throw Error("gradient-norm limit: must be 0 (off) or a positive number");
}

}  // namespace

long long warmupBatches(const TrainingRecipe& recipe, long long batchesPerEpoch) {
    return std::max(std::llround(recipe.warmupEpochs * double(batchesPerEpoch)),
                    static_cast<long long>(recipe.minWarmupBatches));
}

float scheduledLearningRate(float peak, long long step, long long totalSteps,
                            long long warmupSteps) {
    if (totalSteps <= 0) return peak;
    // The warm-up never takes more than half the run, so even a one-epoch run decays to zero.
    warmupSteps = std::clamp(warmupSteps, 0LL, totalSteps / 2);
    if (step < warmupSteps) return peak * float(double(step + 1) / double(warmupSteps));
    return peak *
           float(std::max(0.0, double(totalSteps - step) / double(totalSteps - warmupSteps)));
}

// The Train panel's recipe. Measured with scripts/check_classroom_recipe.py over g = 1-8, shuffle
// on and off, 1-5 epochs of 2,000-6,000 images and longer samples (see the README), each setting
// against the alternatives tried at g = 8 (seed 1):
//  - Batch 32: a 2,000-image epoch is 62 steps, enough to learn something in one epoch (with 64,
//    one epoch of 2,000 images left the network near chance, 21-25% on the test images).
//  - A peak learning rate of 0.01: the bundled models' 0.05 at batch 128 scaled to batch 32
//    (0.0125) and rounded down. At 0.02 the loss climbed back by 0.6 just as the warm-up ended
//    (3 epochs of 6,000 images), by 0.2-0.3 at 0.01 and 0.005 — the noise of SGD itself —
//    while 0.005 learned less (75% against 78% on the test images).
//  - A linear warm-up over half an epoch but at least kClassroomMinWarmupBatches batches (and at
//    most half the run, scheduledLearningRate's cap): half an epoch of 2,000 images is 31 batches.
//  - The gradients' global norm clipped to kClassroomMaxGradientNorm. A fresh network's gradient
//    norm is 10-20 and neither the warm-up nor the lower peak held it: without clipping, 2 epochs
//    of 2,000 images at batch 64 and 0.02 climbed from a loss of 2.7 to 17, and 5 epochs at
//    batch 32 and 0.01 fell to 13% test accuracy after the first epoch before recovering.
TrainingRecipe classroomRecipe(int epochs, int images) {
    TrainingRecipe r;
    r.epochs = epochs;
    r.limit = images;
    r.batchSize = kClassroomBatch;
    r.learningRate = kClassroomLearningRate;
    r.warmupEpochs = 0.5;
    r.minWarmupBatches = kClassroomMinWarmupBatches;
    r.maxGradientNorm = kClassroomMaxGradientNorm;
    return r;  // momentum 0.9, weight decay 4e-5 and augmentation as for the bundled models
}

EvaluationResult evaluate(const Network& network, const Parameters& parameters,
                          const Dataset& data) {
    const int classes = network.config().classes;
    EvaluationResult result;
    result.count = data.count;
    result.confusion.assign(std::size_t(classes), std::vector<int>(std::size_t(classes), 0));
    result.predictions.assign(std::size_t(data.count), 0);
    const int threads = omp_get_max_threads();
    std::vector<std::unique_ptr<FastForward>> engines;
    for (int t = 0; t < threads; ++t)
        engines.push_back(std::make_unique<FastForward>(network, parameters));
    std::vector<std::vector<std::vector<int>>> confusion(
        std::size_t(threads), std::vector<std::vector<int>>(
                                  std::size_t(classes), std::vector<int>(std::size_t(classes), 0)));

    Tensor batch;
    std::vector<int> labels;
    for (int begin = 0; begin < data.count; begin += kEvaluationChunk) {
        const int size = std::min(kEvaluationChunk, data.count - begin);
        std::vector<int> indices(static_cast<std::size_t>(size));
        for (int i = 0; i < size; ++i) indices[std::size_t(i)] = begin + i;
        makeInputBatch(data, indices, batch, labels, Augmentation{}, nullptr);
        const int64_t imageSize = batch.size() / size;
#pragma omp parallel for schedule(static)
        for (int n = 0; n < size; ++n) {
            const int t = omp_get_thread_num();
            std::vector<float> logits(static_cast<std::size_t>(classes));
            engines[std::size_t(t)]->run(batch.data() + n * imageSize, logits.data());
            const int predicted =
                int(std::max_element(logits.begin(), logits.end()) - logits.begin());
            result.predictions[std::size_t(begin + n)] = predicted;
            ++confusion[std::size_t(t)][std::size_t(labels[std::size_t(n)])]
                       [std::size_t(predicted)];
        }
    }
    int correct = 0;
    result.perClassAccuracy.assign(std::size_t(classes), 0.0);
    for (int truth = 0; truth < classes; ++truth) {
        int row = 0;
        for (int p = 0; p < classes; ++p) {
            int sum = 0;
            for (const auto& perThread : confusion)
                sum += perThread[std::size_t(truth)][std::size_t(p)];
            result.confusion[std::size_t(truth)][std::size_t(p)] = sum;
            row += sum;
        }
        correct += result.confusion[std::size_t(truth)][std::size_t(truth)];
        result.perClassAccuracy[std::size_t(truth)] =
            row ? double(result.confusion[std::size_t(truth)][std::size_t(truth)]) / row : 0.0;
    }
    result.accuracy = data.count ? double(correct) / data.count : 0.0;
    return result;
}

TrainingRun::TrainingRun(const Network& network, Parameters parameters, TrainingRecipe recipe)
    : trainer_(network, std::move(parameters),
               SgdSettings{recipe.momentum, recipe.weightDecay, recipe.maxGradientNorm}),
      recipe_(recipe) {
    checkRecipe(recipe_);
}

TrainingRun TrainingRun::resume(const std::string& path) {
    const SafetensorsContent content = readSafetensors(
        path, [](std::string_view key) { return key.ends_with(".num_batches_tracked"); });
    const auto config = content.metadata.find(kConfigMetadataKey);
    const auto training = content.metadata.find(kTrainingMetadataKey);
    if (config == content.metadata.end() || training == content.metadata.end())
        throw Error(displayPath(path) + ": not a training checkpoint (no '" +
                    std::string(kTrainingMetadataKey) +
                    "' and configuration in its metadata); train with --out to make one");
    json state;
    try {
        state = json::parse(training->second);
    } catch (const json::exception&) {
        throw Error(displayPath(path) + ": the '" + std::string(kTrainingMetadataKey) +
                    "' metadata is not JSON");
    }
    if (!state.is_object() || !state.contains("recipe") || !state.contains("epochs_done"))
        throw Error(displayPath(path) + ": the training metadata lacks 'recipe' or 'epochs_done'");
    json configJson;
    try {
        configJson = json::parse(config->second);
    } catch (const json::exception&) {
        throw Error(displayPath(path) + ": the stored configuration is not JSON");
    }
    const Network network = Network::build(configFromJson(configJson, path));
    Parameters parameters;
    for (const auto& [key, tensor] : content.tensors) {
        if (key.starts_with(kOptimizerKeyPrefix)) continue;
        parameters.emplace(key, tensor);
    }
    checkParameters(network, parameters, path);
    const TrainingRecipe recipe = recipeFromJson(state["recipe"], path);
    // Each stored number was in its own range; together they may still not be a recipe (a
    // warm-up longer than the run): the constructor's message then gets the file's name.
    try {
        checkRecipe(recipe);
    } catch (const Error& e) {
        throw Error(displayPath(path) + ": the training recipe in the metadata: " + e.what());
    }
    TrainingRun run(network, std::move(parameters), recipe);
    for (auto& [name, buffer] : run.trainer_.momentumBuffers()) {
        const auto it = content.tensors.find(std::string(kOptimizerKeyPrefix) + "momentum." + name);
        if (it == content.tensors.end())
            throw Error(displayPath(path) + ": the momentum buffer of '" + name + "' is missing");
        if (it->second.shape() != buffer.shape())
            throw Error(displayPath(path) + ": the momentum buffer of '" + name + "' has shape " +
                        it->second.shapeString() + ", expected " + buffer.shapeString());
        // In place: the trainer holds pointers to its buffers.
        std::copy(it->second.data(), it->second.data() + it->second.size(), buffer.data());
    }
    run.epochsDone_ = int(numberField(state, "epochs_done", 0, run.recipe_.epochs, true,
                                      displayPath(path) + ": the training state in the metadata"));
    if (state.contains("history")) {
        const std::string where = displayPath(path) + ": the training history in the metadata";
        if (!state["history"].is_array()) throw Error(where + " should be a list");
        constexpr double kMax = 1e12;  // any honest count, loss, time or rate is far below
        for (const json& h : state["history"]) {
            EpochReport report;
            report.epoch = int(numberField(h, "epoch", 0, 10000, true, where, 0.0));
            report.trainLoss = numberField(h, "train_loss", 0, kMax, false, where, 0.0);
            report.trainAccuracy = numberField(h, "train_accuracy", 0, 1, false, where, 0.0);
            report.test.accuracy = numberField(h, "test_accuracy", 0, 1, false, where, 0.0);
            report.seconds = numberField(h, "seconds", 0, kMax, false, where, 0.0);
            report.imagesPerSecond =
                numberField(h, "images_per_second", 0, kMax, false, where, 0.0);
            run.history_.push_back(report);
        }
    }
    return run;
}

std::string TrainingRun::stateJson() const {
    json history = json::array();
    for (const EpochReport& r : history_)
        history.push_back({{"epoch", r.epoch},
                           {"train_loss", r.trainLoss},
                           {"train_accuracy", r.trainAccuracy},
                           {"test_accuracy", r.test.accuracy},
                           {"seconds", r.seconds},
                           {"images_per_second", r.imagesPerSecond}});
    const json state = {
        {"recipe", recipeToJson(recipe_)}, {"epochs_done", epochsDone_}, {"history", history}};
    return state.dump();
}

void TrainingRun::save(const std::string& path) const {
    std::map<std::string, Tensor> tensors(trainer_.parameters().begin(),
                                          trainer_.parameters().end());
    for (const auto& [name, buffer] : trainer_.momentumBuffers())
        tensors.emplace(std::string(kOptimizerKeyPrefix) + "momentum." + name, buffer);
    CheckpointMetadata about{.trained = epochsDone_ > 0, .training = stateJson()};
    if (!history_.empty()) about.testAccuracy = history_.back().test.accuracy;
    // How many images that accuracy was measured on (the Train panel uses a subset).
    if (!history_.empty() && history_.back().test.count > 0)
        about.testImages = history_.back().test.count;
    std::map<std::string, std::string> metadata = about.entries();
    metadata[kConfigMetadataKey] = configToJson(network().config()).dump();
    metadata[kFormatMetadataKey] = kCheckpointFormat;
    writeSafetensors(path, tensors, metadata);
}

EvaluationResult exportTrainedModel(const std::string& trainingCheckpoint, const std::string& out,
                                    StorageType storage, const Dataset& test) {
    const TrainingRun run = TrainingRun::resume(trainingCheckpoint);
    if (run.epochsDone() < run.recipe().epochs || run.history().empty())
        throw Error(displayPath(trainingCheckpoint) + ": the run is unfinished (" +
                    std::to_string(run.epochsDone()) + " of " +
                    std::to_string(run.recipe().epochs) +
                    " epochs); finish it with train --resume first");
    Parameters stored = run.parameters();
    for (auto& [name, tensor] : stored)
        for (float& v : tensor.values()) {
            if (storage == StorageType::F16) v = halfToFloat(floatToHalf(v));
            if (storage == StorageType::BF16) v = bfloat16ToFloat(floatToBfloat16(v));
            if (!std::isfinite(v))
                throw Error(displayPath(trainingCheckpoint) + ": " + name +
                            " holds a value that does not fit the storage type");
        }
    const EvaluationResult result = evaluate(run.network(), stored, test);
    const CheckpointMetadata about{.trained = true,
                                   .epochs = run.recipe().epochs,
                                   .seed = run.recipe().seed,
                                   .testAccuracy = result.accuracy,
                                   .testAccuracyF32 = run.history().back().test.accuracy,
                                   .testImages = result.count,
                                   .training = run.stateJson()};
    saveCheckpoint(out, run.network(), stored, about.entries(), storage);
    return result;
}

bool TrainingRun::run(const Dataset& trainData, const Dataset& test,
                      const std::string& checkpointPath,
                      const std::function<void(const TrainingProgress&)>& onProgress,
                      const std::function<void(const EpochReport&)>& onEpoch,
                      const std::atomic<bool>* stop) {
    const int count =
        recipe_.limit > 0 ? std::min(recipe_.limit, trainData.count) : trainData.count;
    if (count < 2) throw Error("training needs at least 2 images");
    const int batchSize = std::min(recipe_.batchSize, count);
    // Full batches only (drop_last): every batch has the same size, so BN statistics are
    // comparable.
    const int batches = count / batchSize;
    const long long totalSteps = 1LL * recipe_.epochs * batches;
    const long long warmupSteps = warmupBatches(recipe_, batches);
    const Augmentation augmentation{recipe_.augment, 2, true};
    Tensor batch;
    std::vector<int> labels;
    using Clock = std::chrono::steady_clock;

    for (int epoch = epochsDone_ + 1; epoch <= recipe_.epochs; ++epoch) {
        const auto epochStart = Clock::now();
        const std::vector<int> order = shuffledIndices(count, recipe_.seed, epoch);
        double lossSum = 0;
        int correct = 0, seen = 0;
        for (int b = 0; b < batches; ++b) {
            if (stop && stop->load()) return false;
            std::vector<int> indices(order.begin() + std::ptrdiff_t(b) * batchSize,
                                     order.begin() + std::ptrdiff_t(b + 1) * batchSize);
            std::mt19937_64 rng(mixSeed(recipe_.seed, uint64_t(epoch), uint64_t(b)));
            makeInputBatch(trainData, indices, batch, labels, augmentation, &rng);
            const long long step = 1LL * (epoch - 1) * batches + b;
            const float lr =
                scheduledLearningRate(recipe_.learningRate, step, totalSteps, warmupSteps);
            const BatchResult r = trainer_.trainBatch(batch, labels, lr);
            lossSum += r.loss * r.count;
            correct += r.correct;
            seen += r.count;
            if (onProgress) {
                const double elapsed =
                    std::chrono::duration<double>(Clock::now() - epochStart).count();
                TrainingProgress p;
                p.epoch = epoch;
                p.epochs = recipe_.epochs;
                p.batch = b + 1;
                p.batches = batches;
                p.loss = lossSum / seen;
                p.accuracy = double(correct) / seen;
                p.batchLoss = r.loss;
                p.batchAccuracy = double(r.correct) / r.count;
                p.imagesPerSecond = elapsed > 0 ? seen / elapsed : 0;
                const long long left = totalSteps - step - 1;
                p.secondsLeft =
                    p.imagesPerSecond > 0 ? double(left) * batchSize / p.imagesPerSecond : 0;
                p.learningRate = lr;
                p.gradientNorm = r.gradientNorm;
                onProgress(p);
            }
        }
        if (stop && stop->load())
            return false;  // do not make a closing window wait for the test pass
        EpochReport report;
        report.epoch = epoch;
        report.trainLoss = lossSum / seen;
        report.trainAccuracy = double(correct) / seen;
        report.seconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
        report.imagesPerSecond = report.seconds > 0 ? seen / report.seconds : 0;
        report.test = evaluate(network(), trainer_.parameters(), test);
        history_.push_back(report);
        epochsDone_ = epoch;
        if (!checkpointPath.empty()) save(checkpointPath);
        if (onEpoch) onEpoch(report);
    }
    return true;
}

}  // namespace shufflescope::train
