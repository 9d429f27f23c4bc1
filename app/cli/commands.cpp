#include "commands.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <numeric>
#include <optional>
#include <random>
#include <sstream>

#include "model_loading.h"
#include "output.h"
#include "shufflescope/analysis/cost.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/instruction_set.h"
#include "shufflescope/base/reporting.h"
#include "shufflescope/base/threading.h"
#include "shufflescope/exec/capture_forward.h"
#include "shufflescope/exec/fast_forward.h"
#include "shufflescope/exec/step_timing.h"
#include "shufflescope/io/checkpoint.h"
#include "shufflescope/io/config_json.h"
#include "shufflescope/io/feature_png.h"
#include "shufflescope/io/image_input.h"
#include "shufflescope/io/npy.h"
#include "shufflescope/io/step_table.h"
#include "shufflescope/model/labels.h"
#include "shufflescope/ops/softmax.h"

namespace shufflescope::cli {

using nlohmann::json;

namespace {

std::string shapeText(const StepShape& s) {
    return std::to_string(s.channels) + "x" + std::to_string(s.height) + "x" +
           std::to_string(s.width);
}

json configJson(const Network& network) {
    json config = configToJson(network.config());
    const ChannelWidths& w = network.widths();
    config["widths"] = {{"stem", w.stem},
                        {"stages", {w.stages[0], w.stages[1], w.stages[2]}},
                        {"source", widthSourceName(w.source)},
                        {"note", w.note}};
    return config;
}

}  // namespace

// Each step's measured time (summary --timing): the capture pass on a seeded random image.
std::optional<StepTiming> measureSteps(const Options& options, const LoadedModel& model) {
    if (!options.timing) return std::nullopt;
    if (options.threads > 0) setThreadCount(options.threads);
    const ModelConfig& c = model.network.config();
    Tensor input({1, c.inChannels, c.inputHeight, c.inputWidth});
    std::mt19937 random(static_cast<std::mt19937::result_type>(options.seed));
    std::normal_distribution<float> normal(0.0f, 1.0f);
    for (float& v : input.values()) v = normal(random);
    return timeSteps(model.network, model.parameters, input,
                     options.repeats > 0 ? options.repeats : 20);
}

// The per-step table as CSV or Markdown (io/step_table.h, the app's File → Export table writes
// the same bytes).
void printStepTable(const Network& network, const CostReport& cost,
                    const std::optional<StepTiming>& timing, bool markdown) {
    std::cout << formatStepTable(stepTableRows(network, cost, timing),
                                 markdown ? StepTableFormat::Markdown : StepTableFormat::Csv);
}

void runSummary(const Options& options) {
    // With --weights the checkpoint's stored configuration is the one to describe. Timing needs
    // weights: the checkpoint's, or the seeded random ones.
    const std::optional<LoadedModel> model =
        options.weights || options.timing ? std::optional(loadModel(options)) : std::nullopt;
    const Network network = model ? model->network : Network::build(options.config);
    const CostReport cost = computeCost(network);
    const CostTotals& t = cost.totals;
    const std::optional<StepTiming> timing = model ? measureSteps(options, *model) : std::nullopt;
    if (options.csv || options.markdown) {
        printStepTable(network, cost, timing, options.markdown);
        return;
    }
    if (options.json) {
        json steps = json::array();
        for (int i = 0; i < network.stepCount(); ++i) {
            const Step& s = network.step(i);
            const StepCost& c = cost.steps[std::size_t(i)];
            steps.push_back({{"name", s.name},
                             {"kind", stepKindName(s.kind)},
                             {"out_shape", {s.out.channels, s.out.height, s.out.width}},
                             {"macs", c.macs},
                             {"dense_macs", c.denseMacs},
                             {"params", c.params},
                             {"activations", c.activations},
                             {"groups", s.groups},
                             {"stride", s.stride}});
            if (timing) steps.back()["time_ms"] = timing->medianMs[std::size_t(i)];
        }
        const json totals = {{"backbone_macs", t.backboneMacs},
                             {"classifier_macs", t.classifierMacs},
                             {"macs", t.macs},
                             {"params", t.params},
                             {"dense_macs", t.denseMacs},
                             {"dense_backbone_macs", t.denseBackboneMacs},
                             {"dense_params", t.denseParams},
                             {"activations", t.activations}};
        json out{{"config", configJson(network)}, {"steps", steps}, {"totals", totals}};
        if (timing)
            out["timing"] = {{"what", "capture pass, each step, median"},
                             {"repeats", timing->repeats},
                             {"threads", timing->threads},
                             {"total_ms", timing->totalMs()}};
        std::cout << jsonText(out) << "\n";
        return;
    }

    std::cout << "ShuffleNet v1: " << describe(network.config()) << "\n";
    const ChannelWidths& w = network.widths();
    std::cout << "Channels: stem " << w.stem << ", stages " << w.stages[0] << " / " << w.stages[1]
              << " / " << w.stages[2] << " (" << widthSourceName(w.source) << ")\n"
              << w.note << "\n\n";
    std::cout << std::left << std::setw(24) << "step" << std::setw(22) << "kind" << std::setw(14)
              << "output" << std::right << std::setw(14) << "MACs" << std::setw(15) << "dense MACs"
              << std::setw(11) << "params" << (timing ? "         ms" : "") << "\n";
    for (int i = 0; i < network.stepCount(); ++i) {
        const Step& s = network.step(i);
        const StepCost& c = cost.steps[std::size_t(i)];
        std::string kind = stepKindName(s.kind);
        if (s.kind == StepKind::PointwiseConv && s.groups > 1)
            kind += " g" + std::to_string(s.groups);
        if (s.kind == StepKind::ChannelShuffle && !(s.enabled && s.groups > 1)) kind += " (off)";
        if (s.stride == 2) kind += " s2";
        std::cout << std::left << std::setw(24) << s.name << std::setw(22) << kind << std::setw(14)
                  << shapeText(s.out) << std::right << std::setw(14)
                  << (c.macs ? withThousandsSeparators(c.macs) : "-") << std::setw(15)
                  << (c.denseMacs ? withThousandsSeparators(c.denseMacs) : "-") << std::setw(11)
                  << (c.params ? withThousandsSeparators(c.params) : "-");
        if (timing)
            std::cout << std::setw(11) << std::fixed << std::setprecision(3)
                      << timing->medianMs[std::size_t(i)];
        std::cout << "\n";
    }
    const auto millions = [](long long v) {
        std::ostringstream out;
        out << std::fixed << std::setprecision(1) << double(v) / 1e6 << " M";
        return out.str();
    };
    std::cout << "\nMACs (multiply-adds; the paper's FLOPs): backbone "
              << withThousandsSeparators(t.backboneMacs) << " (" << millions(t.backboneMacs)
              << "), classifier " << withThousandsSeparators(t.classifierMacs) << ", total "
              << withThousandsSeparators(t.macs) << " (" << millions(t.macs) << ")\n"
              << "Dense 1x1 equivalent (g = 1 everywhere): total "
              << withThousandsSeparators(t.denseMacs) << " (" << millions(t.denseMacs) << "), "
              << std::fixed << std::setprecision(2) << double(t.denseMacs) / double(t.macs)
              << "x the grouped network\n"
              << "Parameters: " << withThousandsSeparators(t.params)
              << " (dense: " << withThousandsSeparators(t.denseParams) << ")\n";
    if (timing)
        std::cout << "Measured time: the capture pass (every step on its own, unfused), each step "
                     "the median of "
                  << timing->repeats << " runs on " << timing->threads
                  << (timing->threads == 1 ? " thread" : " threads") << ": total " << std::fixed
                  << std::setprecision(2) << timing->totalMs() << " ms\n";
}

void runInit(const Options& options) {
    const LoadedModel model = loadModel(options);
    CheckpointMetadata about{.trained = model.trained};
    if (!options.weights) about.seed = options.seed;
    saveCheckpoint(options.output, model.network, model.parameters, about.entries());
    std::cout << "wrote " << options.output << " (" << describe(model.network.config()) << "; "
              << model.weightsDescription << ")\n";
}

// --dump's folder, created if need be. Checked before anything runs, so a name that is taken by a
// file (filesystem_error, once an internal error) is a message before the work starts.
void prepareDumpFolder(const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::file_status status = fs::status(folder, error);
    if (fs::exists(status) && !fs::is_directory(status))
        throw FileError(folder,
                        "is a file, not a folder; --dump writes one .npy and one .png per step "
                        "into a folder");
    fs::create_directories(folder, error);
    if (error)
        throw FileError(folder, "--dump: cannot create the folder (" + error.message() + ")");
}

void runPrediction(const Options& options) {
    if (!options.dumpDir.empty()) prepareDumpFolder(options.dumpDir);
    LoadedModel model = loadModel(options);
    const Network& network = model.network;
    PreprocessInfo info;
    const Tensor input = [&] {
        const Activity activity("reading the input " + displayPath(options.input));
        return loadInput(options.input, network.config(), &info);
    }();

    const Activity running("running the network on " + displayPath(options.input));
    FastForward fast(network, model.parameters);
    const int classes = network.config().classes;
    std::vector<float> logits(static_cast<std::size_t>(classes)), probs(logits.size());
    const auto start = std::chrono::steady_clock::now();
    fast.run(input.data(), logits.data());
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ops::softmax(logits.data(), classes, probs.data());

    std::vector<int> order(logits.size());
    std::iota(order.begin(), order.end(), 0);
    const int top = std::min(options.top, classes);
    std::partial_sort(order.begin(), order.begin() + top, order.end(),
                      [&](int a, int b) { return probs[std::size_t(a)] > probs[std::size_t(b)]; });

    if (!options.dumpDir.empty()) {
        const std::vector<Tensor> outputs = [&] {
            const Activity activity("running every step for --dump");
            return forwardCapture(network, model.parameters, input);
        }();
        for (int i = 0; i < network.stepCount(); ++i) {
            char prefix[16];
            std::snprintf(prefix, sizeof prefix, "%03d_", i);
            const std::string base =
                (std::filesystem::path(options.dumpDir) / (prefix + network.step(i).name)).string();
            const Activity activity("writing " + displayPath(base) + ".npy and .png");
            writeNpy(base + ".npy", outputs[std::size_t(i)]);
            writeFeatureGridPng(base + ".png", imageOf(outputs[std::size_t(i)], 0));
        }
    }

    if (options.json) {
        json topList = json::array();
        for (int k = 0; k < top; ++k) {
            const int c = order[std::size_t(k)];
            topList.push_back({{"index", c},
                               {"label", classLabel(network.config(), c)},
                               {"prob", probs[std::size_t(c)]}});
        }
        std::cout << jsonText({{"config", configJson(network)},
                               {"weights", model.weightsDescription},
                               {"trained", model.trained},
                               {"input", options.input},
                               {"inverted", info.inverted},
                               {"time_ms", ms},
                               {"logits", logits},
                               {"top", topList}})
                  << "\n";
        return;
    }
    std::cout << "model:   " << describe(network.config()) << "\n"
              << "weights: " << model.weightsDescription << "\n"
              << "input:   " << options.input
              << (info.inverted ? " (light background: inverted)" : "") << "\n\n";
    for (int k = 0; k < top; ++k) {
        const int c = order[std::size_t(k)];
        std::cout << std::setw(2) << k + 1 << ". " << std::left << std::setw(14)
                  << classLabel(network.config(), c) << std::right << std::fixed
                  << std::setprecision(2) << std::setw(7) << 100.0 * probs[std::size_t(c)] << "%\n";
    }
    std::cout << "\nforward pass: " << std::setprecision(2) << ms << " ms\n";
    if (!options.dumpDir.empty())
        std::cout << "dumped " << network.stepCount() << " steps to " << options.dumpDir << "\n";
}

void runBench(const Options& options) {
    if (options.threads > 0) setThreadCount(options.threads);
    const LoadedModel model = loadModel(options);
    const Network& network = model.network;
    const ModelConfig& c = network.config();
    Tensor input({1, c.inChannels, c.inputHeight, c.inputWidth});
    for (int64_t i = 0; i < input.size(); ++i) input[i] = float((i * 7919) % 255) / 255.0f - 0.5f;

    FastForward fast(network, model.parameters);
    std::vector<float> logits(static_cast<std::size_t>(c.classes));
    for (int i = 0; i < options.warmup; ++i) fast.run(input.data(), logits.data());
    std::vector<double> times;
    for (int i = 0; i < options.iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        fast.run(input.data(), logits.data());
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(times.begin(), times.end());  // times.front() is the minimum reported below
    const double median = shufflescope::median(times);
    const double mean = std::accumulate(times.begin(), times.end(), 0.0) / double(times.size());
    const long long macs = computeCost(network).totals.macs;
    if (options.json) {
        std::cout << jsonText({{"config", configJson(network)},
                               {"threads", threadCount()},
                               {"instruction_set", instructionSetName(activeInstructionSet())},
                               {"iters", options.iterations},
                               {"median_ms", median},
                               {"min_ms", times.front()},
                               {"mean_ms", mean},
                               {"max_ms", times.back()},
                               {"p90_ms", times[times.size() * 9 / 10]},
                               {"macs", macs}})
                  << "\n";
        return;
    }
    std::cout << "model:   " << describe(c) << "\n"
              << "kernels: " << instructionSetName(activeInstructionSet())
              << " (SHUFFLESCOPE_ISA=portable|avx2|avx512 chooses)\n"
              << "threads: " << threadCount() << ", iterations: " << options.iterations << " (+"
              << options.warmup << " warm-up), batch 1\n"
              << std::fixed << std::setprecision(3) << "median:  " << median << " ms\n"
              << "min:     " << times.front() << " ms\n"
              << "mean:    " << mean << " ms\n"
              << std::setprecision(1) << "speed:   " << double(macs) / (median * 1e6) << " GMAC/s ("
              << withThousandsSeparators(macs) << " MACs per image)\n";
}

}  // namespace shufflescope::cli
