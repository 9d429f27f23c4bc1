#pragma once
// The presets' input normalisations as core/include/shufflescope/io/image_input.h states them,
// computed independently of the implementation: a pixel value 0..255 to the network's input.

namespace naive {

// ImageNet's per-channel statistics (channel 0..2: R, G, B).
float imagenetNormalised(double pixel, int channel);
// A one-channel ImageNet model: the gray (luma) statistics.
float imagenetGrayNormalised(double pixel);
// Fashion-MNIST's statistics.
float fashionNormalised(double pixel);

}  // namespace naive
