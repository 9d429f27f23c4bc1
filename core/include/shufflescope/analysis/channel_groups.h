#pragma once
// Which group a channel belongs to, for colouring: the group of the grouped 1x1 convolution that
// produced it, carried through the steps that keep channels (BN, ReLU, depthwise conv, add) and
// permuted by the shuffle (after it, channel j*g + i shows group i's colour: the interleaving the
// next grouped conv sees). A dense 1x1 conv inside a unit (Stage 2's first) is split into the
// unit's g groups, as the shuffle after it does. Channels with no group (input, stem, the
// stride-2 shortcut, the head) are -1.

#include "shufflescope/model/network.h"

namespace shufflescope {

int channelGroup(const Network& network, int step, int channel);

}  // namespace shufflescope
