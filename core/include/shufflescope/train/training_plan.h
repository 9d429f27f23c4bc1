#pragma once
// How the trainer (trainer.h) runs a network: which steps it runs inside others, where each
// step's output gradient lives, and how long a gradient buffer is needed. A function of the
// network's graph alone, worked out once. Every fusion saves whole passes over a batch of
// activations (a training step is bound by memory traffic, not arithmetic) and their buffers.
//
// Fusions:
//  - A ReLU that is the only reader of a batch norm, add or concat runs inside that step: the
//    producer writes max(result, 0) into the ReLU's output, and masks the gradient arriving at
//    the ReLU's output itself (fusedRelu, fusedInto).
//  - A channel shuffle read only by a depthwise convolution runs inside it: the convolution reads
//    the shuffle's input through the permutation, and its backward sends the gradient back
//    through it (readsFrom, shuffleSource, fusedShuffle).
//  - A residual block's end, bn3 -> add -> relu, runs in the batch norm's forward pass; the add's
//    backward (the ReLU's mask, the shortcut's gradient) stays its own step (fusedAdd,
//    addInBatchNorm).
// Gradients:
//  - gradientHome: whose gradient buffer holds a step's output gradient — its own, its fused
//    ReLU's, or, for an add's input read by nothing else, the add's (the gradient passes through
//    an add unchanged, so that input shares it instead of taking a copy: sharedAddInput).
//  - firstReader: the highest-numbered step that reads a step's output, the first to reach it in
//    the backward, overwrites its gradient; any other reader adds to it. No buffer is zeroed.
//  - lastGradientReader: the lowest-numbered step whose backward reads a gradient buffer; after
//    it the buffer can serve another gradient.
// Per-step vectors are indexed by step; -1 means none.

#include <vector>

#include "shufflescope/model/network.h"

namespace shufflescope::train {

struct TrainingPlan {
    explicit TrainingPlan(const Network& network);

    int fc = -1;                 // the fully connected step: the backward starts there
    std::vector<int> consumers;  // how many steps read each step's output
    std::vector<int> fusedRelu;  // per step: the ReLU fused into it
    std::vector<int> fusedInto;  // per ReLU: the step it is fused into
    std::vector<int> readsFrom;  // per step: whose output it reads first (its input, or for a
                                 // depthwise convolution with a fused shuffle, the shuffle's)
    std::vector<std::vector<int>> shuffleSource;  // per step: the permutation it reads through
    std::vector<bool> fusedShuffle;               // per step: a shuffle run inside its reader
    std::vector<int> fusedAdd;                    // per batch norm: the add it computes
    std::vector<bool> addInBatchNorm;             // per add: computed by a batch norm
    std::vector<int> gradientHome;
    std::vector<int> sharedAddInput;  // per add: the input that shares its gradient
    std::vector<int> firstReader;
    std::vector<int> lastGradientReader;

    // Not run on their own: a ReLU fused into its producer, a shuffle fused into its reader.
    bool skipped(int step) const;
    // Has a backward step: not skipped, and not a step reading the image with nothing to learn.
    bool runsBackward(int step) const;
    // Whether the forward writes the step's own output buffer.
    bool writesOutput(int step) const;

  private:
    std::vector<bool> convolution_;  // per step: a dense convolution (the stem)
};

}  // namespace shufflescope::train
