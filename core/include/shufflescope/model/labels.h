#pragma once
// Human-readable class labels: Fashion-MNIST's ten names for the fashion preset, "class N"
// otherwise (ImageNet's label list is not shipped; untrained imagenet models show indices).

#include <array>
#include <string>

#include "shufflescope/model/config.h"

namespace shufflescope {

// Fashion-MNIST's class names in label order (0 = "T-shirt/top" ... 9 = "Ankle boot").
const std::array<const char*, 10>& fashionMnistClassNames();

// Whether class `index` has a name (Fashion-MNIST's); otherwise classLabel says "class N".
bool hasClassName(const ModelConfig& config, int index);

std::string classLabel(const ModelConfig& config, int index);

}  // namespace shufflescope
