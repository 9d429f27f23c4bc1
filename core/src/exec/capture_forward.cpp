#include "shufflescope/exec/capture_forward.h"

#include <cassert>

namespace shufflescope {

CapturePass::CapturePass(const Network& network, const Parameters& parameters)
    : network_(network), parameters_(bindParameters(network, parameters)), scratch_(network) {}

std::vector<Tensor> CapturePass::run(const Tensor& input) {
    checkInputShape(network_, input, "input");
    // Each step's output is allocated as the step runs (executeStep).
    std::vector<Tensor> outputs(static_cast<std::size_t>(network_.stepCount()));
    outputs[0] = input;
    recomputeAfter(outputs, 0);
    return outputs;
}

void CapturePass::recomputeAfter(std::vector<Tensor>& outputs, int stepIndex) {
    assert(int(outputs.size()) == network_.stepCount());
    for (int i = stepIndex + 1; i < network_.stepCount(); ++i) recompute(outputs, i);
}

void CapturePass::recompute(std::vector<Tensor>& outputs, int stepIndex) {
    executeStep(network_, stepIndex, parameters_[static_cast<std::size_t>(stepIndex)], outputs,
                scratch_);
}

std::vector<Tensor> forwardCapture(const Network& network, const Parameters& parameters,
                                   const Tensor& input) {
    return CapturePass(network, parameters).run(input);
}

void recomputeAfter(const Network& network, const Parameters& parameters,
                    std::vector<Tensor>& outputs, int stepIndex) {
    CapturePass(network, parameters).recomputeAfter(outputs, stepIndex);
}

Tensor logitsOf(const Network& network, const std::vector<Tensor>& outputs) {
    Tensor logits = outputs[static_cast<std::size_t>(network.fc())];
    logits.reshape({logits.dim(0), logits.dim(1)});
    return logits;
}

}  // namespace shufflescope
