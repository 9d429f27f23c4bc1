#pragma once
// The capture forward pass: executes the network step by step and keeps every step's output, for
// the visualiser, the CLI's --dump and the parity tests. Unfused and straightforward; the fast
// path (fast_forward.h) gives the same logits without recording anything.
//
// outputs[i] is step i's output, shape [N, C, H, W] (head steps: [N, C, 1, 1]); outputs[0] is
// the input itself.

#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"

namespace shufflescope {

// input: [N, inChannels, inputHeight, inputWidth]; throws Error on another shape.
// Parameters must have passed checkParameters(network, ...).
std::vector<Tensor> forwardCapture(const Network& network, const Parameters& parameters,
                                   const Tensor& input);

// Recomputes every step after `stepIndex` from the (possibly edited) outputs before it; used to
// measure which channels a perturbation reaches.
void recomputeAfter(const Network& network, const Parameters& parameters,
                    std::vector<Tensor>& outputs, int stepIndex);

// Computes step `stepIndex` (> 0) from the outputs of its inputs, replacing outputs[stepIndex].
void executeStep(const Network& network, const Parameters& parameters, int stepIndex,
                 std::vector<Tensor>& outputs);

// Logits [N, classes] from a capture (the head.fc output).
Tensor logitsOf(const Network& network, const std::vector<Tensor>& outputs);

// Throws Error unless `input` is [N, C, H, W] matching the configuration (N >= 1).
void checkInputShape(const Network& network, const Tensor& input, const std::string& context);

}  // namespace shufflescope
