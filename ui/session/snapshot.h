#pragma once
// Snapshot: one finished forward pass of one configuration on one input — everything the views
// draw. Immutable once published, shared between views with std::shared_ptr; a new configuration
// or input produces a new snapshot. Every number on screen comes from here (that is, from the
// core engine).

#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "shufflescope/analysis/cost.h"
#include "shufflescope/base/tensor.h"
#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"

namespace shufflescope::ui {

struct Snapshot {
    std::shared_ptr<const Network> network;
    std::shared_ptr<const Parameters> parameters;  // the weights the outputs were computed with
    CostReport cost;
    std::vector<Tensor> outputs;         // per step, [1, C, H, W] (outputs[0] is the input)
    std::vector<float> logits;           // [classes]
    std::vector<float> probabilities;    // softmax of the logits
    QString weightsDescription;          // "random (seed 1)" or a checkpoint's file name
    bool trained = false;                // false: the UI badges the model "untrained"
    std::optional<double> testAccuracy;  // a trained checkpoint's recorded test accuracy (fraction)
    int testImages = 0;                  // how many test images it was measured on (0: unknown)
    QString inputPath;                   // image or .npy the outputs were computed from
    bool inputInverted = false;          // fashion: a light-background photo was inverted
    quint64 generation = 0;              // increases with every request; stale results are dropped

    const ModelConfig& config() const { return network->config(); }
    const Step& step(int index) const { return network->step(index); }
    const Tensor& output(int index) const { return outputs.at(static_cast<std::size_t>(index)); }
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

// The fast path's median time on a snapshot's input, measured after the snapshot is shown
// (timeForwardPass, inference_job.h).
struct ForwardTime {
    double milliseconds = 0;
    int runs = 0;  // timed runs, after one untimed warm-up run
};

}  // namespace shufflescope::ui
