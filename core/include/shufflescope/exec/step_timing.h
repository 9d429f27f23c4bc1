#pragma once
// How long each step takes on this machine: the measured side of "FLOPs are not milliseconds".
// Every step of the capture pass (capture_forward.h, unfused: each batch norm, ReLU and shuffle is
// a pass of its own, as the views show the network) is run `repeats` times on one image after a
// warm-up pass; the rounds go through the steps in order, so load that drifts during the
// measurement reaches every step alike. Reported: each step's median, in milliseconds.
// The fast path (fast_forward.h) fuses most of the cheap steps away; its total is FastForward's.

#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"

namespace shufflescope {

struct StepTiming {
    std::vector<double> medianMs;  // per step; 0 for the input, which is not executed
    int repeats = 0;
    int threads = 0;  // the engine's thread count during the measurement
    double totalMs() const;
};

// input: one image [1, C, H, W] as the configuration says (throws Error otherwise); repeats >= 1.
// Parameters must have passed checkParameters(network, ...).
StepTiming timeSteps(const Network& network, const Parameters& parameters, const Tensor& input,
                     int repeats);

}  // namespace shufflescope
