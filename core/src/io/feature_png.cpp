#include "shufflescope/io/feature_png.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "shufflescope/analysis/colormap.h"
#include "shufflescope/analysis/feature_statistics.h"
#include "shufflescope/base/error.h"

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

namespace shufflescope {

void writeFeatureGridPng(const std::string& path, ConstFeatureMap map) {
    constexpr int kMinTile = 24, kGap = 1;
    const int columns = std::max(1, int(std::ceil(std::sqrt(double(map.channels)))));
    const int rows = (map.channels + columns - 1) / columns;
    const int zoom = std::max(
        1, (kMinTile + std::max(map.height, map.width) - 1) / std::max(map.height, map.width));
    const int tileW = map.width * zoom, tileH = map.height * zoom;
    const int width = columns * (tileW + kGap) - kGap, height = rows * (tileH + kGap) - kGap;
    std::vector<uint8_t> pixels(std::size_t(width) * std::size_t(height) * 3, 255);

    const std::vector<ChannelStatistics> stats = channelStatistics(map);
    for (int c = 0; c < map.channels; ++c) {
        const float* plane = map.channel(c);
        // The app's per-channel scale (the canvas's default), coloured as the canvas colours it.
        const ValueRange range = channelRange(stats, c, RangeMode::PerChannel);
        const int x0 = (c % columns) * (tileW + kGap), y0 = (c / columns) * (tileH + kGap);
        for (int y = 0; y < tileH; ++y)
            for (int x = 0; x < tileW; ++x) {
                const float v = plane[(y / zoom) * map.width + x / zoom];
                const Rgb rgb = colourOf(v, range);
                uint8_t* dst =
                    &pixels[(std::size_t(y0 + y) * std::size_t(width) + std::size_t(x0 + x)) * 3];
                std::copy(rgb.begin(), rgb.end(), dst);
            }
    }
    if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), width * 3))
        throw Error(path + ": cannot write PNG file");
}

}  // namespace shufflescope
