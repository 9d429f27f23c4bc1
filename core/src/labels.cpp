#include "shufflescope/labels.h"

#include <array>

namespace shufflescope {

std::string classLabel(const ModelConfig& config, int index) {
    static const std::array<const char*, 10> fashion = {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    if (config.preset == "fashion" && config.classes == 10 && index >= 0 && index < 10)
        return fashion[static_cast<std::size_t>(index)];
    return "class " + std::to_string(index);
}

}  // namespace shufflescope
