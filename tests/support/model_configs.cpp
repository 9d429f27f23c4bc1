#include "support/model_configs.h"

namespace testing_support {

namespace {

shufflescope::ModelConfig presetWith(const char* preset, int groups, bool shuffle) {
    shufflescope::ModelConfig config = shufflescope::presetConfig(preset);
    config.groups = groups;
    config.shuffle = shuffle;
    return config;
}

}  // namespace

shufflescope::ModelConfig fashionConfig(int groups, bool shuffle) {
    return presetWith("fashion", groups, shuffle);
}

shufflescope::ModelConfig imagenetConfig(int groups, bool shuffle) {
    return presetWith("imagenet", groups, shuffle);
}

shufflescope::ModelConfig fashionInputConfig(int size) {
    shufflescope::ModelConfig config = shufflescope::presetConfig("fashion");
    config.inputHeight = config.inputWidth = size;
    return config;
}

shufflescope::ModelConfig imagenetInputConfig(int channels, int size) {
    shufflescope::ModelConfig config = shufflescope::presetConfig("imagenet");
    config.inChannels = channels;
    config.inputHeight = config.inputWidth = size;
    return config;
}

}  // namespace testing_support
