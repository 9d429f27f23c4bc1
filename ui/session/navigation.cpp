#include "session/navigation.h"

#include <algorithm>

namespace shufflescope::ui {

int unitStepFrom(const Network& network, int from, int direction) {
    const Step& here = network.step(from);
    const auto sameUnit = [](const Step& a, const Step& b) {
        return a.stage == b.stage && a.unit == b.unit;
    };
    for (int i = from + direction; i >= 0 && i < network.stepCount(); i += direction) {
        const Step& there = network.step(i);
        if (sameUnit(there, here)) continue;
        // Land on the first step of that unit (a stage's unit; the stem or the head is entered at
        // the step reached, its first coming down, its last going up).
        int first = i;
        while (there.stage >= 0 && first > 0 && sameUnit(network.step(first - 1), there)) --first;
        return first;
    }
    return -1;
}

double nextWidthScale(double current) {
    const auto& scales = supportedWidthScales();
    const auto it = std::find(scales.begin(), scales.end(), current);
    const std::size_t next =
        it == scales.end() ? 0 : std::size_t(it - scales.begin() + 1) % scales.size();
    return scales[next];
}

std::string otherPreset(const std::string& preset) {
    return preset == "imagenet" ? "fashion" : "imagenet";
}

}  // namespace shufflescope::ui
