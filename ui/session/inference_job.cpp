#include "session/inference_job.h"

#include <chrono>

#include "shufflescope/capture_forward.h"
#include "shufflescope/error.h"
#include "shufflescope/fast_forward.h"
#include "shufflescope/image_input.h"
#include "shufflescope/ops/softmax.h"

namespace shufflescope::ui {

InferenceOutcome runInference(const InferenceRequest& request, ParameterCache& cache) {
    InferenceOutcome outcome;
    outcome.generation = request.generation;
    try {
        auto snapshot = std::make_shared<Snapshot>();
        snapshot->generation = request.generation;
        snapshot->network = std::make_shared<const Network>(Network::build(request.config));
        const Network& network = *snapshot->network;
        const CachedParameters weights = cache.get(network, request.weights);
        const Parameters* parameters = weights.parameters.get();
        snapshot->trained = weights.trained;
        snapshot->weightsDescription = weights.description;
        snapshot->testAccuracy = weights.testAccuracy;
        snapshot->testImages = weights.testImages;

        PreprocessInfo info;
        const Tensor input = loadInput(request.inputPath.toStdString(), network.config(), &info);
        snapshot->inputPath = request.inputPath;
        snapshot->inputInverted = info.inverted;
        snapshot->cost = computeCost(network);
        snapshot->outputs = forwardCapture(network, *parameters, input);

        const int classes = network.config().classes;
        snapshot->logits.resize(static_cast<std::size_t>(classes));
        snapshot->probabilities.resize(snapshot->logits.size());
        FastForward fast(network, *parameters);
        const auto start = std::chrono::steady_clock::now();
        fast.run(input.data(), snapshot->logits.data());
        snapshot->forwardMilliseconds =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        ops::softmax(snapshot->logits.data(), classes, snapshot->probabilities.data());
        outcome.snapshot = std::move(snapshot);
    } catch (const Error& e) {
        outcome.error = QString::fromStdString(e.what());
    } catch (const std::bad_alloc&) {
        outcome.error = QStringLiteral("Not enough memory for this configuration and input.");
    }
    return outcome;
}

}  // namespace shufflescope::ui
