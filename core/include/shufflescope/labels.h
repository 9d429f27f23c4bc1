#pragma once
// Human-readable class labels: Fashion-MNIST's ten names for the fashion preset, "class N"
// otherwise (ImageNet's label list is not shipped; untrained imagenet models show indices).

#include <string>

#include "shufflescope/config.h"

namespace shufflescope {

std::string classLabel(const ModelConfig& config, int index);

}  // namespace shufflescope
