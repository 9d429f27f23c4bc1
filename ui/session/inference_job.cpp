#include "session/inference_job.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include <QCoreApplication>

#include "shufflescope/base/error.h"
#include "shufflescope/exec/capture_forward.h"
#include "shufflescope/exec/fast_forward.h"
#include "shufflescope/io/image_input.h"
#include "shufflescope/ops/softmax.h"

namespace shufflescope::ui {

namespace {

// What the job was doing when it failed: the engine's message names the file and the problem (in
// English); the headline in front says, in the interface language, which step failed.
enum class Step { Weights, Input, Network };

QString failureHeadline(Step step) {
    switch (step) {
        case Step::Weights:
            return QCoreApplication::translate("InferenceJob", "Could not load the weights: %1");
        case Step::Input:
            return QCoreApplication::translate("InferenceJob", "Could not open the input: %1");
        case Step::Network:
            break;
    }
    return QCoreApplication::translate("InferenceJob", "Could not run the network: %1");
}

}  // namespace

bool sameWork(const InferenceRequest& a, const InferenceRequest& b) {
    return a.config == b.config && a.inputPath == b.inputPath &&
           a.weights.checkpoint == b.weights.checkpoint;
}

InferenceOutcome runInference(const InferenceRequest& request, ParameterCache& cache,
                              const std::function<bool()>& stale) {
    InferenceOutcome outcome;
    outcome.generation = request.generation;
    const auto stop = [&] { return stale && stale(); };
    Step step = Step::Network;
    try {
        auto snapshot = std::make_shared<Snapshot>();
        snapshot->generation = request.generation;
        snapshot->network = std::make_shared<const Network>(Network::build(request.config));
        const Network& network = *snapshot->network;
        step = Step::Weights;
        const CachedParameters weights = cache.get(network, request.weights);
        const Parameters* parameters = weights.parameters.get();
        snapshot->parameters = weights.parameters;
        snapshot->trained = weights.trained;
        snapshot->weightsDescription = weights.description;
        snapshot->testAccuracy = weights.testAccuracy;
        snapshot->testImages = weights.testImages;
        if (stop()) return outcome;

        step = Step::Input;
        PreprocessInfo info;
        const Tensor input = loadInput(request.inputPath.toStdString(), network.config(), &info);
        step = Step::Network;
        snapshot->inputPath = request.inputPath;
        snapshot->inputInverted = info.inverted;
        snapshot->cost = computeCost(network);
        if (stop()) return outcome;
        snapshot->outputs = forwardCapture(network, *parameters, input);
        if (stop()) return outcome;

        // The capture's own logits: the fast path's time is measured once the snapshot is shown
        // (timeForwardPass), not before it — that took longer than the capture pass itself.
        const int classes = network.config().classes;
        const Tensor logits = logitsOf(network, snapshot->outputs);
        snapshot->logits.assign(logits.data(), logits.data() + classes);
        snapshot->probabilities.resize(snapshot->logits.size());
        ops::softmax(snapshot->logits.data(), classes, snapshot->probabilities.data());
        outcome.snapshot = std::move(snapshot);
    } catch (const Error& e) {
        outcome.error = failureHeadline(step).arg(QString::fromStdString(e.what()));
        outcome.badInput = step == Step::Input;
    } catch (const std::bad_alloc&) {
        outcome.error = QCoreApplication::translate(
            "InferenceJob", "Not enough memory for this configuration and input.");
    }
    return outcome;
}

std::optional<ForwardTime> timeForwardPass(const Snapshot& snapshot,
                                           const std::function<bool()>& stale) {
    const auto stop = [&] { return stale && stale(); };
    if (stop() || snapshot.outputs.empty() || !snapshot.parameters) return std::nullopt;
    try {
        const Network& network = *snapshot.network;
        const Tensor& input = snapshot.outputs.front();
        std::vector<float> logits(static_cast<std::size_t>(network.config().classes));
        FastForward fast(network, *snapshot.parameters);
        fast.run(input.data(), logits.data());  // untimed
        // Within a fifth of a second, so the figure never waits long.
        using Clock = std::chrono::steady_clock;
        const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(200);
        std::vector<double> times;
        do {
            if (stop()) return std::nullopt;
            const Clock::time_point start = Clock::now();
            fast.run(input.data(), logits.data());
            times.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        } while (times.size() < 5 && Clock::now() < deadline);
        std::sort(times.begin(), times.end());
        return ForwardTime{.milliseconds = times[times.size() / 2], .runs = int(times.size())};
    } catch (const Error&) {
        return std::nullopt;
    } catch (const std::bad_alloc&) {
        return std::nullopt;
    }
}

}  // namespace shufflescope::ui
