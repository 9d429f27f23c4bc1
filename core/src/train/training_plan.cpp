#include "shufflescope/train/training_plan.h"

#include "shufflescope/ops/channel_shuffle.h"

namespace shufflescope::train {

TrainingPlan::TrainingPlan(const Network& network) : fc(network.fc()) {
    const auto steps = std::size_t(network.stepCount());
    for (const Step& s : network.steps()) convolution_.push_back(s.kind == StepKind::Conv);
    consumers.assign(steps, 0);
    for (const Step& s : network.steps())
        for (int input : s.inputs) ++consumers[std::size_t(input)];

    fusedRelu.assign(steps, -1);
    fusedInto.assign(steps, -1);
    for (int i = 1; i < network.stepCount(); ++i) {
        const Step& s = network.step(i);
        if (s.kind != StepKind::ReLU) continue;
        const int producer = s.inputs[0];
        const StepKind kind = network.step(producer).kind;
        const bool fusable =
            kind == StepKind::BatchNorm || kind == StepKind::Add || kind == StepKind::Concat;
        if (fusable && consumers[std::size_t(producer)] == 1) {
            fusedRelu[std::size_t(producer)] = i;
            fusedInto[std::size_t(i)] = producer;
        }
    }

    readsFrom.assign(steps, -1);
    shuffleSource.resize(steps);
    fusedShuffle.assign(steps, false);
    for (int i = 1; i < network.stepCount(); ++i) {
        const Step& s = network.step(i);
        readsFrom[std::size_t(i)] = s.inputs[0];
        const Step& shuffle = network.step(s.inputs[0]);
        if (s.kind != StepKind::DepthwiseConv || shuffle.kind != StepKind::ChannelShuffle ||
            consumers[std::size_t(s.inputs[0])] != 1)
            continue;
        fusedShuffle[std::size_t(s.inputs[0])] = true;
        readsFrom[std::size_t(i)] = shuffle.inputs[0];
        if (shuffle.enabled && shuffle.groups > 1)
            shuffleSource[std::size_t(i)] =
                ops::channelShufflePermutation(shuffle.out.channels, shuffle.groups);
    }

    gradientHome.resize(steps);
    for (int i = 0; i < network.stepCount(); ++i)
        gradientHome[std::size_t(i)] =
            fusedRelu[std::size_t(i)] >= 0 ? fusedRelu[std::size_t(i)] : i;
    sharedAddInput.assign(steps, -1);
    firstReader.assign(steps, -1);
    for (int i = 1; i < network.stepCount(); ++i) {
        const Step& s = network.step(i);
        if (skipped(i)) continue;
        // The backward goes down: the last reader is the first to reach an input.
        firstReader[std::size_t(readsFrom[std::size_t(i)])] = i;
        for (std::size_t k = 1; k < s.inputs.size(); ++k) firstReader[std::size_t(s.inputs[k])] = i;
        if (s.kind != StepKind::Add) continue;
        for (int input : s.inputs)
            if (input > 0 && consumers[std::size_t(input)] == 1 &&
                fusedRelu[std::size_t(input)] < 0) {
                gradientHome[std::size_t(input)] = gradientHome[std::size_t(i)];
                sharedAddInput[std::size_t(i)] = input;
                break;
            }
    }

    fusedAdd.assign(steps, -1);
    addInBatchNorm.assign(steps, false);
    for (int i = 1; i < network.stepCount(); ++i) {
        const int branch = sharedAddInput[std::size_t(i)];
        if (network.step(i).kind != StepKind::Add || fusedRelu[std::size_t(i)] < 0 || branch < 0 ||
            network.step(branch).kind != StepKind::BatchNorm)
            continue;
        fusedAdd[std::size_t(branch)] = i;
        addInBatchNorm[std::size_t(i)] = true;
    }

    lastGradientReader.assign(steps, -1);
    for (int i = fc; i >= 1; --i)
        if (runsBackward(i)) lastGradientReader[std::size_t(gradientHome[std::size_t(i)])] = i;
}

bool TrainingPlan::skipped(int step) const {
    return fusedInto[std::size_t(step)] >= 0 || fusedShuffle[std::size_t(step)];
}

bool TrainingPlan::runsBackward(int step) const {
    return !skipped(step) && (readsFrom[std::size_t(step)] > 0 || convolution_[std::size_t(step)]);
}

bool TrainingPlan::writesOutput(int step) const {
    const auto k = std::size_t(step);
    return fusedRelu[k] < 0 && !fusedShuffle[k] && fusedAdd[k] < 0;
}

}  // namespace shufflescope::train
