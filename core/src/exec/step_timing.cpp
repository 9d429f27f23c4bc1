#include "shufflescope/exec/step_timing.h"

#include <chrono>
#include <numeric>

#include "shufflescope/base/error.h"
#include "shufflescope/base/reporting.h"
#include "shufflescope/base/threading.h"
#include "shufflescope/exec/capture_forward.h"

namespace shufflescope {

double StepTiming::totalMs() const {
    return std::accumulate(medianMs.begin(), medianMs.end(), 0.0);
}

StepTiming timeSteps(const Network& network, const Parameters& parameters, const Tensor& input,
                     int repeats, const std::atomic<bool>* stop) {
    if (repeats < 1) throw Error("step timing: repeats must be at least 1");
    if (input.rank() != 4 || input.dim(0) != 1)
        throw Error("step timing: input has shape " + input.shapeString() +
                    "; it times one image, [1, C, H, W]");
    CapturePass pass(network, parameters);
    // The warm-up: allocates every output and brings the weights into the caches.
    std::vector<Tensor> outputs = pass.run(input);
    const auto steps = std::size_t(network.stepCount());
    std::vector<std::vector<double>> samples(steps, std::vector<double>(std::size_t(repeats)));
    using Clock = std::chrono::steady_clock;
    StepTiming timing;
    for (int r = 0; r < repeats; ++r) {
        if (stop && stop->load()) return timing;
        for (int i = 1; i < network.stepCount(); ++i) {
            const auto start = Clock::now();
            pass.recompute(outputs, i);
            samples[std::size_t(i)][std::size_t(r)] =
                std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        }
    }
    timing.repeats = repeats;
    timing.threads = threadCount();
    timing.medianMs.assign(steps, 0.0);
    for (std::size_t i = 1; i < steps; ++i) timing.medianMs[i] = median(samples[i]);
    return timing;
}

std::array<double, 5> stageTimesMs(const Network& network, const StepTiming& timing) {
    std::array<double, 5> stages{};
    bool pastStages = false;
    for (int i = 0; i < network.stepCount() && std::size_t(i) < timing.medianMs.size(); ++i) {
        const Step& s = network.step(i);
        std::size_t bar = s.stage >= 0 ? std::size_t(s.stage) + 1 : (pastStages ? 4 : 0);
        if (s.stage >= 0) pastStages = true;
        stages[bar] += timing.medianMs[std::size_t(i)];
    }
    return stages;
}

}  // namespace shufflescope
