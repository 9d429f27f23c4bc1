#include "shufflescope/io/feature_png.h"

#include <png.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "shufflescope/analysis/colormap.h"
#include "shufflescope/analysis/feature_statistics.h"
#include "shufflescope/base/atomic_file.h"
#include "shufflescope/base/error.h"

namespace shufflescope {
namespace {

// libpng reports errors by longjmp; as in image_decode_png.cpp, the guard's frame holds nothing
// that changes after setjmp and the code it calls has only trivially destructible locals.
struct PngOutput {
    char message[200] = {};
};

void onError(png_structp png, png_const_charp message) {
    auto* output = static_cast<PngOutput*>(png_get_error_ptr(png));
    std::snprintf(output->message, sizeof output->message, "%s", message);
    png_longjmp(png, 1);
}

void onWarning(png_structp, png_const_charp) {}

// The PNG is encoded in memory and then written by writeFileAtomically: a failed or interrupted
// write never leaves half a file, and a special file at the path is refused, not replaced.
void appendBytes(png_structp png, png_bytep data, png_size_t length) {
    static_cast<std::string*>(png_get_io_ptr(png))
        ->append(reinterpret_cast<const char*>(data), length);
}

void flushNothing(png_structp) {}

void writeRowsUnguarded(png_structp png, png_infop info, std::string* encoded, int width,
                        int height, const uint8_t* rgb) {
    png_set_write_fn(png, encoded, appendBytes, flushNothing);
    png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < height; ++y) {
        png_write_row(png, rgb + std::size_t(y) * std::size_t(width) * 3);
    }
    png_write_end(png, nullptr);
}

bool writeRows(png_structp png, png_infop info, std::string* encoded, int width, int height,
               const uint8_t* rgb) {
    if (setjmp(png_jmpbuf(png))) return false;
    writeRowsUnguarded(png, info, encoded, width, height, rgb);
    return true;
}

// Writes an 8-bit RGB PNG; throws Error naming the path.
void writeRgbPng(const std::string& path, int width, int height, const std::vector<uint8_t>& rgb) {
    std::string encoded;
    PngOutput output;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &output, onError, onWarning);
    png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
    const bool written =
        info != nullptr && writeRows(png, info, &encoded, width, height, rgb.data());
    png_destroy_write_struct(&png, &info);
    if (!written) {
        throw Error(displayPath(path) + ": cannot write PNG file: " +
                    (output.message[0] != 0 ? output.message : "out of memory"));
    }
    writeFileAtomically(path, encoded);
}

}  // namespace

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
    writeRgbPng(path, width, height, pixels);
}

}  // namespace shufflescope
