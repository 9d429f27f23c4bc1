#include "shufflescope/model/labels.h"

namespace shufflescope {

const std::array<const char*, 10>& fashionMnistClassNames() {
    static const std::array<const char*, 10> names = {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

bool hasClassName(const ModelConfig& config, int index) {
    return config.preset == "fashion" && config.classes == 10 && index >= 0 && index < 10;
}

std::string classLabel(const ModelConfig& config, int index) {
    if (hasClassName(config, index))
        return fashionMnistClassNames()[static_cast<std::size_t>(index)];
    return "class " + std::to_string(index);
}

}  // namespace shufflescope
