#include "shufflescope/analysis/colormap.h"

#include <algorithm>
#include <cmath>

namespace shufflescope {

Rgb viridis(float t) {
    // Viridis sampled at 9 evenly spaced points (matplotlib's table), linearly interpolated;
    // the error against the full 256-entry table stays below 2/255 per channel.
    static constexpr float anchors[9][3] = {
        {0.267f, 0.005f, 0.329f}, {0.283f, 0.141f, 0.458f}, {0.254f, 0.265f, 0.530f},
        {0.207f, 0.372f, 0.553f}, {0.164f, 0.471f, 0.558f}, {0.128f, 0.567f, 0.551f},
        {0.135f, 0.659f, 0.518f}, {0.478f, 0.821f, 0.318f}, {0.993f, 0.906f, 0.144f}};
    if (!(t >= 0.0f)) t = 0.0f;  // also maps NaN to the low end
    t = std::min(t, 1.0f) * 8.0f;
    const int i = std::min(int(t), 7);
    const float f = t - float(i);
    Rgb rgb{};
    for (int k = 0; k < 3; ++k) {
        const float v = anchors[i][k] + (anchors[i + 1][k] - anchors[i][k]) * f;
        rgb[static_cast<std::size_t>(k)] = uint8_t(std::lround(v * 255.0f));
    }
    return rgb;
}

Rgb colourOf(float value, const ValueRange& range) {
    // viridis() interpolates between anchors per call; the table keeps 300k texels (the stem) well
    // under a frame.
    static const std::array<Rgb, 256> table = [] {
        std::array<Rgb, 256> levels{};
        for (std::size_t i = 0; i < levels.size(); ++i) levels[i] = viridis(float(i) / 255.0f);
        return levels;
    }();
    const float t = range.normalise(value);
    // !(t >= 0) also catches NaN, which then shows as the low end.
    const int level = !(t >= 0.0f) ? 0 : std::min(255, int(t * 255.0f + 0.5f));
    return table[static_cast<std::size_t>(level)];
}

}  // namespace shufflescope
