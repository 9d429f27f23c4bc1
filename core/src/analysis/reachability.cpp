#include "shufflescope/analysis/reachability.h"

#include <cassert>

#include "shufflescope/analysis/grouped_connections.h"
#include "shufflescope/ops/channel_shuffle.h"

namespace shufflescope {

bool ChannelReach::reaches(int step, int channel) const {
    const auto& mask = masks.at(static_cast<std::size_t>(step));
    return !mask.empty() && mask.at(static_cast<std::size_t>(channel)) != 0;
}

std::vector<int> ChannelReach::channelsOf(int step) const {
    std::vector<int> result;
    const auto& mask = masks.at(static_cast<std::size_t>(step));
    for (std::size_t c = 0; c < mask.size(); ++c)
        if (mask[c]) result.push_back(static_cast<int>(c));
    return result;
}

namespace {

std::vector<uint8_t>& maskFor(ChannelReach& reach, const Network& network, int step) {
    auto& mask = reach.masks[static_cast<std::size_t>(step)];
    if (mask.empty()) mask.assign(static_cast<std::size_t>(network.step(step).out.channels), 0);
    return mask;
}

void markAll(std::vector<uint8_t>& mask) {
    std::fill(mask.begin(), mask.end(), uint8_t{1});
}

// Marks the channels of step s's inputs that output channel c of s depends on.
// `shuffleSource` is the step's permutation when it is a shuffle that permutes.
void propagate(ChannelReach& reach, const Network& network, const Step& s, int c,
               const std::vector<int>& shuffleSource) {
    const auto set = [&](int input, int channel) {
        maskFor(reach, network, input)[static_cast<std::size_t>(channel)] = 1;
    };
    switch (s.kind) {
        case StepKind::Input:
            break;
        case StepKind::Conv:
        case StepKind::PointwiseConv: {
            const int input = s.inputs[0];
            const ChannelRange reads =
                groupedConvInputs(network.step(input).out.channels, s.out.channels, s.groups, c);
            for (int k = reads.begin; k < reads.end; ++k) set(input, k);
            break;
        }
        case StepKind::FullyConnected:
        case StepKind::Softmax:
            markAll(maskFor(reach, network, s.inputs[0]));
            break;
        case StepKind::ChannelShuffle:
            set(s.inputs[0],
                shuffleSource.empty() ? c : shuffleSource[static_cast<std::size_t>(c)]);
            break;
        case StepKind::Add:
            set(s.inputs[0], c);
            set(s.inputs[1], c);
            break;
        case StepKind::Concat: {
            const int first = network.step(s.inputs[0]).out.channels;
            if (c < first)
                set(s.inputs[0], c);
            else
                set(s.inputs[1], c - first);
            break;
        }
        case StepKind::DepthwiseConv:
        case StepKind::BatchNorm:
        case StepKind::ReLU:
        case StepKind::MaxPool:
        case StepKind::AvgPool:
        case StepKind::GlobalAvgPool:
            set(s.inputs[0], c);
            break;
    }
}

}  // namespace

ChannelReach traceChannelReach(const Network& network, int step, int channel) {
    assert(step >= 0 && step < network.stepCount());
    assert(channel >= 0 && channel < network.step(step).out.channels);
    ChannelReach reach;
    reach.masks.resize(static_cast<std::size_t>(network.stepCount()));
    maskFor(reach, network, step)[static_cast<std::size_t>(channel)] = 1;
    // Steps are in topological order, so one backward sweep visits every consumer before its
    // producers.
    for (int i = step; i > 0; --i) {
        const auto mask =
            reach.masks[static_cast<std::size_t>(i)];  // copy: propagate may resize others
        if (mask.empty()) continue;
        const Step& s = network.step(i);
        std::vector<int> shuffleSource;
        if (s.kind == StepKind::ChannelShuffle && s.enabled && s.groups > 1)
            shuffleSource = ops::channelShufflePermutation(s.out.channels, s.groups);
        for (std::size_t c = 0; c < mask.size(); ++c)
            if (mask[c]) propagate(reach, network, s, static_cast<int>(c), shuffleSource);
    }
    return reach;
}

std::vector<int> reachingChannels(const Network& network, int toStep, int channel, int fromStep) {
    return traceChannelReach(network, toStep, channel).channelsOf(fromStep);
}

}  // namespace shufflescope
