#pragma once
// Image files in memory for the decoders' tests: PNG, JPEG and GIF written by the formats' own
// reference libraries (libpng, libjpeg-turbo, giflib), so the decoders are checked against files
// another writer made; BMP and the malformed files laid out byte by byte.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace testing_support {

using Bytes = std::vector<uint8_t>;

// --- PNG -----------------------------------------------------------------------------------------

// PNG colour types, with the values the format gives them.
enum class PngColour { Gray = 0, Rgb = 2, Palette = 3, GrayAlpha = 4, Rgba = 6 };

struct PngSpec {
    int width = 0, height = 0;
    PngColour colour = PngColour::Rgb;
    int bitDepth = 8;
    bool interlaced = false;
    // One sample per channel per pixel, row-major, each below 2^bitDepth (palette: the indices).
    std::vector<uint16_t> samples;
    std::vector<std::array<uint8_t, 3>> palette;
    Bytes paletteAlpha;  // tRNS of a palette image: the alpha of the first entries
    // tRNS of a gray (first value) or RGB image: the one sample value that is transparent.
    std::optional<std::array<uint16_t, 3>> transparent;
};

// The file libpng writes for `spec`; REQUIREs success.
Bytes pngBytes(const PngSpec& spec);

// A chunk: length, type, data, CRC.
void appendPngChunk(Bytes& out, const char* type, const Bytes& data);
// The 8-byte signature and an IHDR chunk.
Bytes pngSignatureAndHeader(uint32_t width, uint32_t height, int bitDepth, PngColour colour,
                            bool interlaced = false);
// zlib's compression of `data` (what an IDAT sequence holds).
Bytes zlibCompress(const Bytes& data);

// --- JPEG ----------------------------------------------------------------------------------------

struct JpegSpec {
    int width = 0, height = 0;
    int components = 3;  // 1 gray, 3 RGB, 4 CMYK (written with an Adobe marker)
    Bytes pixels;        // HWC
    int quality = 95;
    bool progressive = false;
    bool arithmetic = false;
    // A progressive file of this many scans or more (for a gray image: DC and AC bands with
    // successive approximation); 0 for libjpeg's usual progression.
    int minimumScans = 0;
};

// The file libjpeg-turbo writes for `spec`.
Bytes jpegBytes(const JpegSpec& spec);

// --- GIF -----------------------------------------------------------------------------------------

struct GifFrame {
    int left = 0, top = 0, width = 0, height = 0;
    bool interlaced = false;
    Bytes indices;                                     // width x height palette indices
    std::vector<std::array<uint8_t, 3>> localPalette;  // empty: the global one applies
    int transparentIndex = -1;                         // -1: none (no graphic control block)
};

struct GifSpec {
    int screenWidth = 0, screenHeight = 0;
    std::vector<std::array<uint8_t, 3>> globalPalette;  // a power of two entries, or empty
    std::vector<GifFrame> frames;
};

// The file giflib writes for `spec`; REQUIREs success.
Bytes gifBytes(const GifSpec& spec);

// --- BMP -----------------------------------------------------------------------------------------

struct BmpSpec {
    uint32_t headerBytes = 40;      // 12 (core), 40, 56, 108 or 124
    int32_t width = 0, height = 0;  // a negative height stores the rows top-down
    uint16_t bitsPerPixel = 24;
    uint32_t compression = 0;            // 0 BI_RGB, 3 BI_BITFIELDS
    std::array<uint32_t, 4> masks = {};  // written for BI_BITFIELDS (after a 40-byte header)
    std::vector<std::array<uint8_t, 3>> palette;  // RGB; written as BGR0 (BGR for 12 bytes)
    Bytes rows;                                   // the pixel rows as stored, padding included
};

// The file for `spec`, fields written as given (a test may make them lie).
Bytes bmpBytes(const BmpSpec& spec);

// Rows of `bitsPerPixel` packed values (palette indices, or 16/24/32-bit pixels given as
// integers in the file's byte order), each row padded to 4 bytes, in the order given.
Bytes bmpRows(int width, int height, int bitsPerPixel, const std::vector<uint32_t>& values);

}  // namespace testing_support
