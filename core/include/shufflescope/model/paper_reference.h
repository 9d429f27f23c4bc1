#pragma once
// Figures the paper publishes, for showing next to the engine's own numbers (the engine never
// uses these; the tests check it reproduces them). Sources: Zhang et al., "ShuffleNet: An
// Extremely Efficient Convolutional Neural Network for Mobile Devices", CVPR 2018
// (arXiv:1707.01083), Table 1 and Tables 2-3; the official code (megvii-model/ShuffleNet-Series)
// for the width lists at 0.5x, 1.5x and 2x.

#include <optional>

namespace shufflescope {

struct PaperTable1Row {
    int groups;
    int stageChannels[3];  // Stages 2, 3, 4 at 1x
    int complexityMflops;  // Table 1's rounded backbone complexity
};

// Table 1's column for g in {1, 2, 3, 4, 8}; nullopt for other g.
std::optional<PaperTable1Row> paperTable1(int groups);

// Table 2 ImageNet top-1 error (%) at width scale s for g in {1, 2, 3, 4, 8}; nullopt otherwise.
std::optional<double> paperTopOneError(int groups, double widthScale);

// Table 3: top-1 error without and with the shuffle, for g in {3, 8} at 0.25x, 0.5x, 1x.
struct ShuffleAblation {
    double withoutShuffle, withShuffle;
};
std::optional<ShuffleAblation> paperShuffleAblation(int groups, double widthScale);

}  // namespace shufflescope
