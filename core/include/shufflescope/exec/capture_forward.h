#pragma once
// The capture forward pass: executes the network step by step and keeps every step's output, for
// the visualiser, the CLI's --dump and the parity tests. Unfused and straightforward; the fast
// path (fast_forward.h) gives the same logits without recording anything.
//
// outputs[i] is step i's output, shape [N, C, H, W] (head steps: [N, C, 1, 1]); outputs[0] is
// the input itself.

#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/exec/step_execution.h"
#include "shufflescope/exec/step_parameters.h"
#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"

namespace shufflescope {

// A network with its parameters bound once (step_parameters.h), for running the capture pass
// repeatedly. Holds references: the network and the parameters must outlive it.
class CapturePass {
  public:
    // Parameters must have passed checkParameters(network, ...).
    CapturePass(const Network& network, const Parameters& parameters);

    // input: [N, inChannels, inputHeight, inputWidth]; throws Error on another shape.
    std::vector<Tensor> run(const Tensor& input);
    // Recomputes every step after `stepIndex` from the (possibly edited) outputs before it; used
    // to measure which channels a perturbation reaches.
    void recomputeAfter(std::vector<Tensor>& outputs, int stepIndex);
    // Computes step `stepIndex` (> 0) from the outputs of its inputs, replacing its output.
    void recompute(std::vector<Tensor>& outputs, int stepIndex);

  private:
    const Network& network_;
    std::vector<StepParameters> parameters_;
    ConvolutionScratch scratch_;
};

// One-off forms of the above (they bind the parameters for the one call).
std::vector<Tensor> forwardCapture(const Network& network, const Parameters& parameters,
                                   const Tensor& input);
void recomputeAfter(const Network& network, const Parameters& parameters,
                    std::vector<Tensor>& outputs, int stepIndex);

// Logits [N, classes] from a capture (the head.fc output).
Tensor logitsOf(const Network& network, const std::vector<Tensor>& outputs);

}  // namespace shufflescope
