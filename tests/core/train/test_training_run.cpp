// Training runs: the learning-rate schedule, resuming from a checkpoint reproduces an
// uninterrupted run exactly, stopping keeps the last finished epoch, and bad resume files are
// refused. Uses a small synthetic data set so that it needs no installed Fashion-MNIST.

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "shufflescope/base/error.h"
#include "shufflescope/io/checkpoint.h"
#include "shufflescope/io/safetensors.h"
#include "shufflescope/model/initialization.h"
#include "shufflescope/train/run_health.h"
#include "shufflescope/train/training_run.h"
#include "support/temp_dir.h"

using namespace shufflescope;
using namespace shufflescope::train;

namespace {

// Class k is a bright bar in row band k on noise: learnable, and every image differs.
Dataset syntheticDataset(int count, uint32_t seed) {
    Dataset d;
    d.count = count;
    d.images.resize(std::size_t(count) * std::size_t(d.height * d.width));
    d.labels.resize(std::size_t(count));
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> noise(0, 60);
    for (int i = 0; i < count; ++i) {
        const int label = i % kFashionMnistClasses;
        d.labels[std::size_t(i)] = uint8_t(label);
        for (int y = 0; y < d.height; ++y)
            for (int x = 0; x < d.width; ++x) {
                const bool bar = y / 3 == label % 9 && x > 3 + label / 9 * 10;
                d.images[std::size_t(i) * std::size_t(d.height * d.width) +
                         std::size_t(y * d.width + x)] =
                    uint8_t(bar ? 200 + noise(rng) / 2 : noise(rng));
            }
    }
    return d;
}

TrainingRecipe smallRecipe() {
    TrainingRecipe r;
    r.epochs = 2;
    r.batchSize = 16;
    r.learningRate = 0.05f;
    r.warmupEpochs = 0.5;
    r.seed = 7;
    return r;
}

// With the classroom safeguards: a resumed run must keep them.
TrainingRecipe safeguardedRecipe() {
    TrainingRecipe r = smallRecipe();
    r.minWarmupBatches = 3;
    r.maxGradientNorm = 2.5f;
    return r;
}

}  // namespace

TEST_CASE("training run: warm-up rises linearly to the peak, then decays linearly to zero",
          "[training]") {
    // 10 batches, 4 of warm-up: 0.25, 0.5, 0.75, 1 of the peak, then 6/6 ... 1/6.
    const float peak = 0.2f;
    const std::vector<double> expected = {0.25,    0.5,     0.75,    1.0,     1.0,
                                          5.0 / 6, 4.0 / 6, 3.0 / 6, 2.0 / 6, 1.0 / 6};
    for (long long step = 0; step < 10; ++step) {
        CAPTURE(step);
        CHECK(scheduledLearningRate(peak, step, 10, 4) ==
              Approx(peak * expected[std::size_t(step)]));
    }
    // No warm-up: the paper's plain linear decay, the peak at the first batch.
    CHECK(scheduledLearningRate(peak, 0, 10, 0) == Approx(peak));
    CHECK(scheduledLearningRate(peak, 5, 10, 0) == Approx(peak * 0.5));
    CHECK(scheduledLearningRate(peak, 10, 10, 0) == 0.0f);
    // A warm-up as long as the run is capped at half of it, so a one-epoch run still decays.
    CHECK(scheduledLearningRate(peak, 4, 10, 10) == Approx(peak));
    CHECK(scheduledLearningRate(peak, 9, 10, 10) == Approx(peak * 0.2));
}

TEST_CASE("training run: the warm-up lasts warmupEpochs, but at least minWarmupBatches batches",
          "[training]") {
    TrainingRecipe r;
    r.warmupEpochs = 0.5;
    CHECK(warmupBatches(r, 31) == 16);  // rounded
    r.minWarmupBatches = 100;
    CHECK(warmupBatches(r, 31) == 100);
    CHECK(warmupBatches(r, 1875) == 938);
    // The bundled models' recipe has no minimum: one epoch of 469 batches, as before.
    CHECK(TrainingRecipe{}.minWarmupBatches == 0);
    CHECK(TrainingRecipe{}.maxGradientNorm == 0.0f);
    CHECK(warmupBatches(TrainingRecipe{}, 469) == 469);

    // In a run: 2 epochs of 4 batches, half an epoch of warm-up (2 batches) raised to 4, so the
    // first batch trains at a quarter of the peak, not half.
    const Dataset trainData = syntheticDataset(64, 1), testData = syntheticDataset(10, 2);
    const Network net = Network::build(presetConfig("fashion"));
    TrainingRecipe recipe = smallRecipe();
    recipe.minWarmupBatches = 4;
    TrainingRun run(net, randomParameters(net, 3), recipe);
    std::vector<float> rates;
    REQUIRE(run.run(
        trainData, testData, "",
        [&](const TrainingProgress& p) { rates.push_back(p.learningRate); }, nullptr, nullptr));
    REQUIRE(rates.size() == 8);
    for (std::size_t step = 0; step < rates.size(); ++step) {
        CAPTURE(step);
        CHECK(rates[step] == scheduledLearningRate(recipe.learningRate, (long long)step, 8, 4));
    }
    CHECK(rates[0] == Approx(recipe.learningRate / 4));
}

TEST_CASE("training run: the classroom recipe follows from the epochs and images alone",
          "[training]") {
    for (const auto& [epochs, images] :
         {std::pair{1, 2000}, {2, 2000}, {3, 6000}, {50, 60000}, {1, 100}}) {
        CAPTURE(epochs, images);
        const TrainingRecipe r = classroomRecipe(epochs, images);
        CHECK(r.epochs == epochs);
        CHECK(r.limit == images);
        CHECK(r.batchSize == kClassroomBatch);
        CHECK(r.learningRate == kClassroomLearningRate);
        CHECK(r.minWarmupBatches == kClassroomMinWarmupBatches);
        CHECK(r.maxGradientNorm == kClassroomMaxGradientNorm);
        CHECK(r.warmupEpochs == 0.5);
        // The bundled models' SGD otherwise.
        CHECK(r.momentum == TrainingRecipe{}.momentum);
        CHECK(r.weightDecay == TrainingRecipe{}.weightDecay);
        CHECK(r.augment);
        // Every setting the panel offers is a valid recipe.
        const Network net = Network::build(presetConfig("fashion"));
        CHECK_NOTHROW(TrainingRun(net, randomParameters(net, 3), r));
    }
}

// The issue: the Train panel's old recipe (batch 64, peak 0.02 after half an epoch of warm-up, no
// clipping) sent the smoothed loss of g = 8 from 2.7 to about 12 within one epoch of 2,000 images
// (and to 17 over two). The classroom recipe keeps it at its start.
TEST_CASE("training run: the classroom recipe's loss never climbs above its start on 2,000 images",
          "[training][slow]") {
    const std::string directory = defaultFashionMnistDirectory();
    if (!std::filesystem::exists(directory))
        FAIL(
            "Fashion-MNIST is not installed (scripts/setup.sh test installs "
            "dataset-fashion-mnist)");
    const Dataset trainData = loadFashionMnist(directory, true);
    const Dataset testData = firstItems(loadFashionMnist(directory, false), 500);
    ModelConfig config = presetConfig("fashion");
    config.groups = 8;
    const Network net = Network::build(config);
    TrainingRun run(net, trainingStartParameters(net, 1), classroomRecipe(1, 2000));
    LossWatch loss;
    REQUIRE(run.run(
        trainData, testData, "", [&](const TrainingProgress& p) { loss.add(p.batchLoss); }, nullptr,
        nullptr));
    CAPTURE(loss.start(), loss.peak(), loss.smoothed(), run.history().back().test.accuracy);
    CHECK(loss.finite());
    CHECK(loss.peakRatio() < 1.1);
    CHECK(loss.smoothed() < 0.8 * loss.start());  // and it learns
    CHECK(run.history().back().test.accuracy > 0.3);
}

TEST_CASE(
    "training run: stopping after an epoch and resuming reproduces the uninterrupted run exactly",
    "[training]") {
    const Dataset trainData = syntheticDataset(64, 1), testData = syntheticDataset(20, 2);
    const Network net = Network::build(presetConfig("fashion"));
    testing_support::TempDir dir("shufflescope-training-run-test");

    TrainingRun straight(net, randomParameters(net, 3), safeguardedRecipe());
    REQUIRE(straight.run(trainData, testData, "", nullptr, nullptr, nullptr));
    REQUIRE(straight.epochsDone() == 2);
    REQUIRE(straight.history().size() == 2);

    // The same run, stopped right after its first epoch's checkpoint...
    std::atomic<bool> stop{false};
    const std::string path = dir.file("run.safetensors");
    TrainingRun first(net, randomParameters(net, 3), safeguardedRecipe());
    const bool completed = first.run(
        trainData, testData, path, nullptr, [&](const EpochReport&) { stop = true; }, &stop);
    REQUIRE_FALSE(completed);
    REQUIRE(first.epochsDone() == 1);

    // ...then resumed from the file.
    TrainingRun resumed = TrainingRun::resume(path);
    REQUIRE(resumed.epochsDone() == 1);
    REQUIRE(resumed.recipe().warmupEpochs == 0.5);
    REQUIRE(resumed.recipe().minWarmupBatches == safeguardedRecipe().minWarmupBatches);
    REQUIRE(resumed.recipe().maxGradientNorm == safeguardedRecipe().maxGradientNorm);
    REQUIRE(resumed.run(trainData, testData, path, nullptr, nullptr, nullptr));
    for (const auto& [name, tensor] : straight.parameters()) {
        CAPTURE(name);
        const Tensor& other = resumed.parameters().at(name);
        REQUIRE(std::equal(tensor.data(), tensor.data() + tensor.size(), other.data()));
    }
    REQUIRE(resumed.history().back().test.accuracy == straight.history().back().test.accuracy);

    // The finished file is also a plain weights file with the run's result in its metadata.
    const Checkpoint checkpoint = readCheckpoint(path);
    REQUIRE(checkpoint.metadata.at("trained") == "true");
    REQUIRE(checkpoint.metadata.count("test_accuracy") == 1);
    REQUIRE(checkpoint.metadata.at("test_images") == std::to_string(testData.count));
}

TEST_CASE(
    "training run: at g = 1 the shuffle is the identity, so shuffle on and off train bit for bit "
    "alike",
    "[training]") {
    // Why the bundled g = 1 pair holds the same weights twice; a shuffle that moved a channel at
    // g = 1, or any randomness that depended on the setting, would break it.
    const Dataset trainData = syntheticDataset(48, 1), testData = syntheticDataset(10, 2);
    std::map<std::string, Tensor> trained[2];
    for (const bool shuffle : {true, false}) {
        ModelConfig c = presetConfig("fashion");
        c.groups = 1;
        c.shuffle = shuffle;
        const Network net = Network::build(c);
        TrainingRun run(net, trainingStartParameters(net, 7), smallRecipe());
        REQUIRE(run.run(trainData, testData, "", nullptr, nullptr, nullptr));
        trained[shuffle ? 0 : 1] = {run.parameters().begin(), run.parameters().end()};
    }
    REQUIRE(trained[0].size() == trained[1].size());
    for (const auto& [name, tensor] : trained[0]) {
        CAPTURE(name);
        const Tensor& other = trained[1].at(name);
        REQUIRE(std::equal(tensor.data(), tensor.data() + tensor.size(), other.data()));
    }
    // ...whereas at g = 3 the two settings are different networks and train differently.
    ModelConfig on = presetConfig("fashion"), off = on;
    off.shuffle = false;
    const Network netOn = Network::build(on), netOff = Network::build(off);
    TrainingRun runOn(netOn, trainingStartParameters(netOn, 7), smallRecipe());
    TrainingRun runOff(netOff, trainingStartParameters(netOff, 7), smallRecipe());
    REQUIRE(runOn.run(trainData, testData, "", nullptr, nullptr, nullptr));
    REQUIRE(runOff.run(trainData, testData, "", nullptr, nullptr, nullptr));
    const Tensor& a = runOn.parameters().at("fc.weight");
    const Tensor& b = runOff.parameters().at("fc.weight");
    CHECK_FALSE(std::equal(a.data(), a.data() + a.size(), b.data()));
}

TEST_CASE(
    "training run: a finished run exports to F16 weights with the recipe and the stored weights' "
    "accuracy",
    "[training]") {
    const Dataset trainData = syntheticDataset(64, 1), testData = syntheticDataset(20, 2);
    const Network net = Network::build(presetConfig("fashion"));
    testing_support::TempDir dir("shufflescope-training-run-test");
    const std::string runPath = dir.file("run.safetensors"),
                      outPath = dir.file("bundled.safetensors");

    // An unfinished run is refused, naming the file.
    std::atomic<bool> stop{false};
    TrainingRun run(net, randomParameters(net, 3), smallRecipe());
    run.run(
        trainData, testData, runPath, nullptr, [&](const EpochReport&) { stop = true; }, &stop);
    REQUIRE_THROWS_WITH(exportTrainedModel(runPath, outPath, StorageType::F16, testData),
                        Catch::Contains(runPath) && Catch::Contains("unfinished"));
    REQUIRE_FALSE(std::filesystem::exists(outPath));

    TrainingRun resumed = TrainingRun::resume(runPath);
    REQUIRE(resumed.run(trainData, testData, runPath, nullptr, nullptr, nullptr));
    const EvaluationResult stored =
        exportTrainedModel(runPath, outPath, StorageType::F16, testData);
    REQUIRE(stored.count == testData.count);

    const Checkpoint exported = readCheckpoint(outPath);
    REQUIRE(exported.config.has_value());
    REQUIRE(exported.metadata.at("trained") == "true");
    REQUIRE(exported.metadata.at("epochs") == "2");
    REQUIRE(exported.metadata.at("seed") == "7");
    REQUIRE(std::stod(exported.metadata.at("test_accuracy")) == Approx(stored.accuracy));
    REQUIRE(exported.metadata.at("test_images") == "20");
    REQUIRE(exported.metadata.at("training").find("\"warmup_epochs\"") != std::string::npos);
    // No optimiser state; every value is the run's rounded to half precision.
    REQUIRE(readSafetensors(outPath).tensors.count("optimizer.momentum.fc.weight") == 0);
    for (const auto& [name, tensor] : resumed.parameters()) {
        CAPTURE(name);
        const Tensor& half = exported.parameters.at(name);
        int64_t differing = 0;
        for (int64_t k = 0; k < tensor.size(); ++k)
            differing += half.data()[k] != halfToFloat(floatToHalf(tensor.data()[k]));
        REQUIRE(differing == 0);
    }
    REQUIRE(std::filesystem::file_size(outPath) < std::filesystem::file_size(runPath) / 3);
}

TEST_CASE("training run: progress reports each batch alone and the epoch's running means",
          "[training][slow]") {
    const Dataset trainData = syntheticDataset(64, 1), testData = syntheticDataset(20, 2);
    const Network net = Network::build(presetConfig("fashion"));
    TrainingRun run(net, randomParameters(net, 3), smallRecipe());
    std::vector<TrainingProgress> reports;
    REQUIRE(run.run(
        trainData, testData, "", [&](const TrainingProgress& p) { reports.push_back(p); }, nullptr,
        nullptr));
    REQUIRE(reports.size() == 8);  // 2 epochs of 64 / 16 batches
    for (int epoch = 1; epoch <= 2; ++epoch) {
        CAPTURE(epoch);
        double lossSum = 0, accuracySum = 0;
        for (int b = 0; b < 4; ++b) {
            const TrainingProgress& p = reports[std::size_t((epoch - 1) * 4 + b)];
            REQUIRE(p.epoch == epoch);
            REQUIRE(p.batch == b + 1);
            REQUIRE(p.batchAccuracy >= 0.0);
            REQUIRE(p.batchAccuracy <= 1.0);
            lossSum += p.batchLoss;
            accuracySum += p.batchAccuracy;
            // Equal batches: the running mean is the mean of the batches so far.
            REQUIRE(p.loss == Approx(lossSum / (b + 1)).epsilon(1e-9));
            REQUIRE(p.accuracy == Approx(accuracySum / (b + 1)).epsilon(1e-12));
        }
        REQUIRE(run.history()[std::size_t(epoch - 1)].trainLoss ==
                Approx(lossSum / 4).epsilon(1e-9));
    }
}

TEST_CASE("training run: a stop inside an epoch discards that epoch and keeps the last checkpoint",
          "[training]") {
    const Dataset trainData = syntheticDataset(64, 1), testData = syntheticDataset(20, 2);
    const Network net = Network::build(presetConfig("fashion"));
    std::atomic<bool> stop{false};
    TrainingRun run(net, randomParameters(net, 3), smallRecipe());
    const bool completed = run.run(
        trainData, testData, "",
        [&](const TrainingProgress& p) {
            if (p.batch == 2) stop = true;
        },
        nullptr, &stop);
    REQUIRE_FALSE(completed);
    REQUIRE(run.epochsDone() == 0);
    REQUIRE(run.history().empty());
}

TEST_CASE("training run: a checkpoint saved before warm-up existed resumes without one",
          "[training]") {
    const Network net = Network::build(presetConfig("fashion"));
    testing_support::TempDir dir("shufflescope-training-run-test");
    const std::string path = dir.file("old.safetensors");
    TrainingRun(net, randomParameters(net, 3), smallRecipe()).save(path);
    // Rewrite the recipe as the first version wrote it: no "warmup_epochs".
    SafetensorsContent content = readSafetensors(path);
    auto state = nlohmann::json::parse(content.metadata.at("training"));
    state["recipe"].erase("warmup_epochs");
    state["recipe"].erase("min_warmup_batches");
    state["recipe"].erase("max_gradient_norm");
    content.metadata["training"] = state.dump();
    writeSafetensors(path, content.tensors, content.metadata);

    const TrainingRun resumed = TrainingRun::resume(path);
    CHECK(resumed.recipe().warmupEpochs == 0.0);
    CHECK(resumed.recipe().minWarmupBatches == 0);
    CHECK(resumed.recipe().maxGradientNorm == 0.0f);
    CHECK(resumed.recipe().epochs == smallRecipe().epochs);
}

TEST_CASE("training run: a stored recipe or history of the wrong kind or range is a message",
          "[training]") {
    const Network net = Network::build(presetConfig("fashion"));
    testing_support::TempDir dir("shufflescope-training-run-test");
    const std::string path = dir.file("run.safetensors");
    TrainingRun(net, randomParameters(net, 3), smallRecipe()).save(path);
    const SafetensorsContent saved = readSafetensors(path);
    struct Case {
        const char* what;
        void (*edit)(nlohmann::json&);
        const char* says;
    };
    const Case cases[] = {
        // get<int>() would have wrapped these into range and gone on.
        {"epochs 2^32 + 1", [](nlohmann::json& s) { s["recipe"]["epochs"] = 4294967297LL; },
         "recipe in the metadata: 'epochs' is 4294967297, outside 1..10000"},
        {"batch 2^32 + 4", [](nlohmann::json& s) { s["recipe"]["batch_size"] = 4294967300LL; },
         "'batch_size' is 4294967300, outside 2..8192"},
        {"epochs 1e300", [](nlohmann::json& s) { s["recipe"]["epochs"] = 1e300; },
         "'epochs' should be an integer, found number"},
        {"seed -1", [](nlohmann::json& s) { s["recipe"]["seed"] = -1; },
         "'seed' should be an integer in 0..2^62"},
        {"learning rate as text", [](nlohmann::json& s) { s["recipe"]["learning_rate"] = "fast"; },
         "'learning_rate' should be a number, found string"},
        // In range for the field, out of range for the recipe: the message lacked the file.
        {"learning rate 100", [](nlohmann::json& s) { s["recipe"]["learning_rate"] = 100; },
         "recipe in the metadata: learning rate must be in (0, 100)"},
        {"warm-up longer than the run",
         [](nlohmann::json& s) { s["recipe"]["warmup_epochs"] = 5000; },
         "recipe in the metadata: warm-up: must be between 0 and the number of epochs"},
        {"epochs done as text", [](nlohmann::json& s) { s["epochs_done"] = "one"; },
         "training state in the metadata: 'epochs_done' should be an integer"},
        // Once an "internal error" (an exception nothing worded).
        {"history of strings",
         [](nlohmann::json& s) {
             s["history"] = {"a", "b"};
         },
         "training history in the metadata should be a JSON object"},
        {"history entry with text",
         [](nlohmann::json& s) {
             s["history"] = {{{"epoch", 1}, {"train_loss", "low"}}};
         },
         "'train_loss' should be a number, found string"},
        {"history not a list", [](nlohmann::json& s) { s["history"] = 3; },
         "training history in the metadata should be a list"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        auto state = nlohmann::json::parse(saved.metadata.at("training"));
        c.edit(state);
        std::map<std::string, std::string> metadata = saved.metadata;
        metadata["training"] = state.dump();
        writeSafetensors(path, saved.tensors, metadata);
        REQUIRE_THROWS_WITH(TrainingRun::resume(path),
                            Catch::StartsWith(path + ": ") && Catch::Contains(c.says));
    }
}

TEST_CASE("training run: recipes out of range and non-training files are refused", "[training]") {
    const Network net = Network::build(presetConfig("fashion"));
    TrainingRecipe recipe = smallRecipe();
    recipe.warmupEpochs = 3;  // longer than the run
    REQUIRE_THROWS_WITH(TrainingRun(net, randomParameters(net, 3), recipe),
                        Catch::Contains("warm-up"));
    recipe = smallRecipe();
    recipe.minWarmupBatches = -1;
    REQUIRE_THROWS_WITH(TrainingRun(net, randomParameters(net, 3), recipe),
                        Catch::Contains("warm-up batches"));
    recipe = smallRecipe();
    recipe.maxGradientNorm = -1;
    REQUIRE_THROWS_WITH(TrainingRun(net, randomParameters(net, 3), recipe),
                        Catch::Contains("gradient-norm"));
    recipe = smallRecipe();
    recipe.batchSize = 1;
    REQUIRE_THROWS_WITH(TrainingRun(net, randomParameters(net, 3), recipe),
                        Catch::Contains("batch norm needs 2"));

    testing_support::TempDir dir("shufflescope-training-run-test");
    const std::string weightsOnly = dir.file("weights.safetensors");
    saveCheckpoint(weightsOnly, net, randomParameters(net, 3));
    REQUIRE_THROWS_WITH(TrainingRun::resume(weightsOnly),
                        Catch::Contains(weightsOnly) && Catch::Contains("training"));
}
