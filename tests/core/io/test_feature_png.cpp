// The CLI's --dump pictures colour a tensor exactly as the app's canvas does at its per-channel
// scale: every pixel is colourOf(value, the channel's own range) — the one colouring in core.

#include <catch2/catch.hpp>

#include <limits>
#include <vector>

#include "shufflescope/analysis/colormap.h"
#include "shufflescope/analysis/feature_statistics.h"
#include "shufflescope/base/error.h"
#include "shufflescope/io/feature_png.h"
#include "shufflescope/io/image_input.h"
#include "support/temp_dir.h"

using namespace shufflescope;

TEST_CASE("feature PNG: each tile is colourOf over its channel's range, NaN at the low end",
          "[image]") {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    // Channel 0 ramps, channel 1 is constant (a dead ReLU channel), channel 2 holds a NaN.
    const std::vector<float> values = {0, 1, 2, 3, /* */ 5, 5, 5, 5, /* */ nan, -1, 0, 1};
    const ConstFeatureMap map{values.data(), 3, 2, 2};
    testing_support::TempDir dir("shufflescope-feature-png-test");
    const std::string path = dir.file("map.png");
    writeFeatureGridPng(path, map);

    // Read back by the image decoder (libpng underneath, which checks every CRC).
    const DecodedImage image = decodeImageFile(path);
    REQUIRE(image.channels == 3);
    const int width = image.width, height = image.height;
    const uint8_t* pixels = image.pixels.data();
    // ceil(sqrt(3)) = 2 columns, 2 rows; 2x2 maps are enlarged 12 times to 24-pixel tiles.
    constexpr int kTile = 24, kGap = 1, kZoom = 12;
    REQUIRE(width == 2 * kTile + kGap);
    REQUIRE(height == 2 * kTile + kGap);
    const std::vector<ChannelStatistics> stats = channelStatistics(map);
    for (int c = 0; c < 3; ++c) {
        const ValueRange range = channelRange(stats, c, RangeMode::PerChannel);
        const int x0 = (c % 2) * (kTile + kGap), y0 = (c / 2) * (kTile + kGap);
        for (int y = 0; y < 2; ++y)
            for (int x = 0; x < 2; ++x) {
                CAPTURE(c, x, y);
                const uint8_t* p = pixels + ((y0 + y * kZoom + 5) * width + x0 + x * kZoom + 5) * 3;
                const Rgb expected = colourOf(values[std::size_t(c * 4 + y * 2 + x)], range);
                CHECK(Rgb{p[0], p[1], p[2]} == expected);
            }
    }
    CHECK(colourOf(nan, channelRange(stats, 2, RangeMode::PerChannel)) == viridis(0));
}

TEST_CASE("feature PNG: an unwritable path is an error naming it", "[image]") {
    const std::vector<float> values = {1, 2, 3, 4};
    const std::string path = "/nonexistent-directory/map.png";
    REQUIRE_THROWS_WITH(writeFeatureGridPng(path, ConstFeatureMap{values.data(), 1, 2, 2}),
                        Catch::Contains(path));
}
