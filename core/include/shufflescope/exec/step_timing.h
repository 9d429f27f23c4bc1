#pragma once
// How long each step takes on this machine: the measured side of "FLOPs are not milliseconds".
// Every step of the capture pass (capture_forward.h, unfused: each batch norm, ReLU and shuffle is
// a pass of its own, as the views show the network) is run `repeats` times on one image after a
// warm-up pass; the rounds go through the steps in order, so load that drifts during the
// measurement reaches every step alike. Reported: each step's median, in milliseconds.
// The fast path (fast_forward.h) fuses most of the cheap steps away; its total is FastForward's.

#include <array>
#include <atomic>
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
// `stop` (optional) is read between rounds: the app's measurement runs on a worker thread and a
// new configuration makes it pointless. Stopped, it returns a timing with no steps (medianMs empty,
// repeats 0).
StepTiming timeSteps(const Network& network, const Parameters& parameters, const Tensor& input,
                     int repeats, const std::atomic<bool>* stop = nullptr);

// The measured time per stage, in the cost chart's five bars (analysis/cost.h's StageBars): the
// stem (every step before Stage 2: convolution, batch norm, ReLU, max pool), Stages 2-4, and the
// head (every step after Stage 4: pooling, FC, softmax). Unlike MACs, every step takes time.
std::array<double, 5> stageTimesMs(const Network& network, const StepTiming& timing);

}  // namespace shufflescope
