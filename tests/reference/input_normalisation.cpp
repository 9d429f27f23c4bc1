#include "reference/input_normalisation.h"

namespace naive {

float imagenetNormalised(double pixel, int channel) {
    const double mean[3] = {0.485, 0.456, 0.406};
    const double std[3] = {0.229, 0.224, 0.225};
    return static_cast<float>((pixel / 255.0 - mean[channel]) / std[channel]);
}

float imagenetGrayNormalised(double pixel) {
    return static_cast<float>((pixel / 255.0 - 0.449) / 0.226);
}

float fashionNormalised(double pixel) {
    return static_cast<float>((pixel / 255.0 - 0.2860) / 0.3530);
}

}  // namespace naive
