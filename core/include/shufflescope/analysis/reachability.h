#pragma once
// Channel reachability — the seed's "boundary effect" (边界效应). For one channel of one step's
// output, which channels of every earlier step's output can influence it, following the graph:
//   grouped 1x1 conv   output channel in group k  <- input channels of group k
//   dense conv, FC, softmax                       <- every input channel
//   channel shuffle    output channel c           <- input channel source[c] (identity when off)
//   depthwise conv, BN, ReLU, pools               <- the same channel
//   add                                           <- the same channel of both inputs
//   concat [a, b]      channel c                  <- a's c if c < Ca, else b's c - Ca
// With the shuffle off and g > 1, an output channel of a stride-1 unit reaches exactly its own
// group of the unit's input; with the shuffle on, all of it.

#include <cstdint>
#include <vector>

#include "shufflescope/model/network.h"

namespace shufflescope {

struct ChannelReach {
    // masks[i][c] != 0 when channel c of step i can influence the traced channel. masks[i] is
    // empty for steps that are not upstream of it (and for later steps).
    std::vector<std::vector<uint8_t>> masks;

    bool reaches(int step, int channel) const;
    // Sorted channel indices of `step` that reach the traced channel.
    std::vector<int> channelsOf(int step) const;
};

// Asserts that step and channel are in range.
ChannelReach traceChannelReach(const Network& network, int step, int channel);

// Channels of `fromStep`'s output that can influence channel `channel` of `toStep`'s output.
std::vector<int> reachingChannels(const Network& network, int toStep, int channel, int fromStep);

}  // namespace shufflescope
