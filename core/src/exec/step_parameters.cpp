#include "shufflescope/exec/step_parameters.h"

namespace shufflescope {

namespace {

// The one place that knows which suffix each pointer stands for.
template <typename Float, typename Map>
std::vector<StepTensors<Float>> bind(const Network& network, Map& tensors) {
    std::vector<StepTensors<Float>> bound(static_cast<std::size_t>(network.stepCount()));
    for (int i = 0; i < network.stepCount(); ++i) {
        const Step& s = network.step(i);
        if (s.parameterPrefix.empty()) continue;
        const auto find = [&](const char* suffix) -> Float* {
            const auto it = tensors.find(s.parameterPrefix + suffix);
            if (it == tensors.end()) return nullptr;
            return it->second.data();
        };
        StepTensors<Float>& b = bound[static_cast<std::size_t>(i)];
        b.weight = find(".weight");
        if (s.kind == StepKind::BatchNorm || s.kind == StepKind::FullyConnected)
            b.bias = find(".bias");
        if (s.kind == StepKind::BatchNorm) {
            b.runningMean = find(".running_mean");
            b.runningVar = find(".running_var");
        }
    }
    return bound;
}

}  // namespace

std::vector<StepParameters> bindParameters(const Network& network, const Parameters& parameters) {
    return bind<const float>(network, parameters);
}

std::vector<MutableStepParameters> bindParameters(const Network& network, Parameters& parameters) {
    return bind<float>(network, parameters);
}

}  // namespace shufflescope
