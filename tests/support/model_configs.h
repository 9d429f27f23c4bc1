#pragma once
// The configurations tests build networks and inputs from.

#include "shufflescope/model/config.h"

namespace testing_support {

// The preset at `groups` groups with the channel shuffle on or off; everything else as the
// preset has it.
shufflescope::ModelConfig fashionConfig(int groups = 3, bool shuffle = true);
shufflescope::ModelConfig imagenetConfig(int groups = 3, bool shuffle = true);

// The preset with its input at size x size (and, for imagenet, `channels` input channels): all
// that input loading and preprocessing read (preset, channels, size).
shufflescope::ModelConfig fashionInputConfig(int size = 32);
shufflescope::ModelConfig imagenetInputConfig(int channels = 3, int size = 224);

}  // namespace testing_support
