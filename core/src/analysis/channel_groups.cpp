#include "shufflescope/analysis/channel_groups.h"

#include <cassert>

#include "shufflescope/ops/channel_shuffle.h"

namespace shufflescope {

int channelGroup(const Network& network, int stepIndex, int channel) {
    // Walk back through channel-preserving steps until a step decides the group.
    for (;;) {
        const Step& s = network.step(stepIndex);
        assert(channel >= 0 && channel < s.out.channels);
        if (s.stage < 0) return -1;
        switch (s.kind) {
            case StepKind::PointwiseConv: {
                const int groups = s.groups > 1 ? s.groups : network.config().groups;
                return channel / (s.out.channels / groups);
            }
            case StepKind::ChannelShuffle:
                if (s.enabled && s.groups > 1)
                    channel = ops::channelShufflePermutation(
                        s.out.channels, s.groups)[static_cast<std::size_t>(channel)];
                stepIndex = s.inputs[0];
                break;
            case StepKind::Concat: {
                const int shortcut = network.step(s.inputs[0]).out.channels;
                if (channel < shortcut) return -1;
                channel -= shortcut;
                stepIndex = s.inputs[1];
                break;
            }
            case StepKind::Add:
                stepIndex = s.inputs[1];
                break;  // the main branch decides
            case StepKind::AvgPool:
                return -1;  // the shortcut
            default:
                stepIndex = s.inputs[0];
                break;
        }
    }
}

}  // namespace shufflescope
