// Each image format's decoder (core/src/io/image_decode_*.cpp) through decodeImageMemory: every
// layout the format allows decodes to the right pixels, every truncated file is refused naming
// it, and the hostile inputs that once found undefined behaviour or runaway work in stb_image
// (issue 14) are refused quickly with a clear message — or decoded, where the file is valid.
// PNG, JPEG and GIF test files are written by libpng, libjpeg-turbo and giflib
// (support/image_files.h); BMP files and the malformed ones are laid out by hand.
// Sections: Helpers · PNG · JPEG · GIF · BMP

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "shufflescope/base/error.h"
#include "shufflescope/io/image_input.h"
#include "support/error_message.h"
#include "support/image_files.h"

using namespace shufflescope;
using namespace testing_support;

namespace {

// =================================================================================================
// [SECTION] Helpers
// =================================================================================================

DecodedImage decode(const Bytes& bytes, const std::string& name) {
    return decodeImageMemory(bytes.data(), bytes.size(), name);
}

std::string refusal(const Bytes& bytes, const std::string& name) {
    return errorFrom([&] { decode(bytes, name); });
}

uint8_t overWhite(int value, int alpha) {
    return static_cast<uint8_t>((value * alpha + 255 * (255 - alpha) + 127) / 255);
}

// Every prefix of `file` shorter than `complete` bytes is refused with a message naming the file;
// longer prefixes (the file may end with bytes no pixel needs) decode to what the whole file does.
void checkPrefixes(const Bytes& file, std::size_t complete, const std::string& name) {
    const DecodedImage whole = decode(file, name);
    for (std::size_t length = 1; length < file.size(); ++length) {
        CAPTURE(length, file.size());
        const Bytes prefix(file.begin(), file.begin() + std::ptrdiff_t(length));
        if (length < complete) {
            const std::string message = refusal(prefix, name);
            CAPTURE(message);
            REQUIRE(message.rfind(name + ": ", 0) == 0);
        } else {
            REQUIRE(decode(prefix, name).pixels == whole.pixels);
        }
    }
}

// The largest difference between two images of the same layout.
int maxDifference(const Bytes& a, const Bytes& b) {
    REQUIRE(a.size() == b.size());
    int largest = 0;
    for (std::size_t i = 0; i < a.size(); ++i) largest = std::max(largest, std::abs(a[i] - b[i]));
    return largest;
}

// A smooth RGB (or gray) picture: JPEG keeps such pictures within a few levels.
Bytes smoothPixels(int w, int h, int channels) {
    Bytes pixels;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            for (int c = 0; c < channels; ++c) {
                pixels.push_back(static_cast<uint8_t>(40 + 2 * x + 3 * y + 30 * c));
            }
        }
    }
    return pixels;
}

// Hand-written JPEG entropy data: bits most significant first, a 0x00 after every 0xFF byte
// (byte stuffing), the last byte padded with ones.
class JpegBits {
  public:
    void put(uint32_t bits, int count) {
        for (int i = count - 1; i >= 0; --i) {
            byte_ = uint8_t(byte_ << 1 | ((bits >> i) & 1));
            if (++filled_ == 8) flush();
        }
    }
    Bytes finish() {
        while (filled_ != 0) put(1, 1);
        return out_;
    }

  private:
    void flush() {
        out_.push_back(byte_);
        if (byte_ == 0xff) out_.push_back(0x00);
        byte_ = 0;
        filled_ = 0;
    }
    Bytes out_;
    uint8_t byte_ = 0;
    int filled_ = 0;
};

void appendSegment(Bytes& out, uint8_t marker, const Bytes& payload) {
    out.insert(out.end(),
               {0xff, marker, uint8_t((payload.size() + 2) >> 8), uint8_t(payload.size() + 2)});
    out.insert(out.end(), payload.begin(), payload.end());
}

// A 64x64 gray JPEG whose every 8x8 block has the largest DC difference there is (+32767,
// category 15), so the running DC sum grows by 32767 a block. Progressive: one DC scan with
// successive approximation shift 13 (each DC multiplied by 8192). Baseline: a 16-bit
// quantisation table of 65535 (each DC multiplied by 65535). stb_image 2.27 overflowed int in
// both products (CVE-2022-28041).
Bytes extremeDcJpeg(bool progressive) {
    Bytes jpeg = {0xff, 0xd8};
    Bytes table;
    if (progressive) {
        table.push_back(0x00);  // 8-bit table 0
        table.insert(table.end(), 64, 1);
    } else {
        table.push_back(0x10);  // 16-bit table 0
        for (int i = 0; i < 64; ++i) table.insert(table.end(), {0xff, 0xff});
    }
    appendSegment(jpeg, 0xdb, table);
    appendSegment(jpeg, progressive ? 0xc2 : 0xc0, {8, 0, 64, 0, 64, 1, 1, 0x11, 0});
    // DC table 0: one code, "0", for category 15. AC table 0: one code, "0", for end of block.
    Bytes dc = {0x00, 1};
    dc.insert(dc.end(), 15, 0);
    dc.push_back(15);
    appendSegment(jpeg, 0xc4, dc);
    if (!progressive) {
        Bytes ac = {0x10, 1};
        ac.insert(ac.end(), 15, 0);
        ac.push_back(0x00);
        appendSegment(jpeg, 0xc4, ac);
    }
    // One component; spectral range DC only (progressive, shift 13) or all of it (baseline).
    appendSegment(jpeg, 0xda,
                  progressive ? Bytes{1, 1, 0x00, 0, 0, 0x0d} : Bytes{1, 1, 0x00, 0, 63, 0});
    JpegBits bits;
    for (int block = 0; block < 64; ++block) {
        bits.put(0, 1);                    // category 15
        bits.put(0x7fff, 15);              // +32767
        if (!progressive) bits.put(0, 1);  // end of block
    }
    const Bytes data = bits.finish();
    jpeg.insert(jpeg.end(), data.begin(), data.end());
    jpeg.insert(jpeg.end(), {0xff, 0xd9});
    return jpeg;
}

// A gray JPEG's headers up to its scan header and an end marker: all a decoder reads before it
// knows the size. No tables: the size checks come before any are needed.
Bytes jpegHeaderOnly(int width, int height) {
    Bytes jpeg = {0xff, 0xd8};
    appendSegment(jpeg, 0xc0,
                  {8, uint8_t(height >> 8), uint8_t(height), uint8_t(width >> 8), uint8_t(width), 1,
                   1, 0x11, 0});
    appendSegment(jpeg, 0xda, {1, 1, 0x00, 0, 63, 0});
    jpeg.insert(jpeg.end(), {0xff, 0xd9});
    return jpeg;
}

// The 2x2 GIF of test_image_input.cpp (palette red, blue; pixels red blue / blue red) with the
// logical screen set to width x height: 36 bytes.
Bytes tinyGif(int width, int height) {
    return {'G',
            'I',
            'F',
            '8',
            '9',
            'a',
            uint8_t(width),
            uint8_t(width >> 8),
            uint8_t(height),
            uint8_t(height >> 8),
            0x80,
            0,
            0,
            255,
            0,
            0,
            0,
            0,
            255,
            0x2c,
            0,
            0,
            0,
            0,
            2,
            0,
            2,
            0,
            0,
            2,
            3,
            0x44,
            0x02,
            0x05,
            0,
            0x3b};
}

}  // namespace

// =================================================================================================
// [SECTION] PNG
// =================================================================================================

TEST_CASE("PNG: every colour type, bit depth and interlacing decodes to the exact pixels",
          "[image]") {
    struct Layout {
        PngColour colour;
        int bitDepth;
    };
    const std::vector<Layout> layouts = {
        {PngColour::Gray, 1},       {PngColour::Gray, 2},    {PngColour::Gray, 4},
        {PngColour::Gray, 8},       {PngColour::Gray, 16},   {PngColour::Rgb, 8},
        {PngColour::Rgb, 16},       {PngColour::Palette, 1}, {PngColour::Palette, 2},
        {PngColour::Palette, 4},    {PngColour::Palette, 8}, {PngColour::GrayAlpha, 8},
        {PngColour::GrayAlpha, 16}, {PngColour::Rgba, 8},    {PngColour::Rgba, 16}};
    std::mt19937 random(11);
    const int w = 13, h = 7;  // odd sizes leave every Adam7 pass a partial last row and column
    for (const Layout& layout : layouts) {
        for (bool interlaced : {false, true}) {
            CAPTURE(int(layout.colour), layout.bitDepth, interlaced);
            const int maximum = (1 << layout.bitDepth) - 1;
            const int fileChannels =
                layout.colour == PngColour::Gray || layout.colour == PngColour::Palette ? 1
                : layout.colour == PngColour::GrayAlpha                                 ? 2
                : layout.colour == PngColour::Rgb                                       ? 3
                                                                                        : 4;
            PngSpec spec;
            spec.width = w;
            spec.height = h;
            spec.colour = layout.colour;
            spec.bitDepth = layout.bitDepth;
            spec.interlaced = interlaced;
            for (int i = 0; i < w * h * fileChannels; ++i) {
                spec.samples.push_back(uint16_t(random() % uint32_t(maximum + 1)));
            }
            if (layout.colour == PngColour::Palette) {
                for (int i = 0; i <= maximum; ++i) {
                    spec.palette.push_back(
                        {uint8_t(random()), uint8_t(random()), uint8_t(random())});
                }
            }

            // What the file means: 8-bit samples (small depths widened, 16-bit rounded), the
            // palette looked up, alpha composited on white.
            auto to8 = [&](uint16_t v) {
                return layout.bitDepth == 16 ? uint8_t((v + 128) / 257)
                                             : uint8_t(v * 255 / maximum);
            };
            Bytes expected;
            for (int p = 0; p < w * h; ++p) {
                const uint16_t* s = &spec.samples[std::size_t(p * fileChannels)];
                switch (layout.colour) {
                    case PngColour::Palette: {
                        const auto& colour = spec.palette[s[0]];
                        expected.insert(expected.end(), colour.begin(), colour.end());
                        break;
                    }
                    case PngColour::GrayAlpha:
                        expected.push_back(overWhite(to8(s[0]), to8(s[1])));
                        break;
                    case PngColour::Rgba:
                        for (int c = 0; c < 3; ++c) {
                            expected.push_back(overWhite(to8(s[c]), to8(s[3])));
                        }
                        break;
                    default:
                        for (int c = 0; c < fileChannels; ++c) expected.push_back(to8(s[c]));
                        break;
                }
            }
            const DecodedImage image = decode(pngBytes(spec), "layout.png");
            REQUIRE(image.width == w);
            REQUIRE(image.height == h);
            const bool gray =
                layout.colour == PngColour::Gray || layout.colour == PngColour::GrayAlpha;
            REQUIRE(image.channels == (gray ? 1 : 3));
            REQUIRE(image.pixels == expected);
        }
    }
}

TEST_CASE("PNG: tRNS transparency is composited on white for palette, gray and RGB images",
          "[image]") {
    SECTION("palette entries with their own alpha, later entries opaque") {
        PngSpec spec;
        spec.width = 4;
        spec.height = 1;
        spec.colour = PngColour::Palette;
        spec.palette = {{10, 20, 30}, {200, 100, 50}, {0, 0, 0}, {90, 80, 70}};
        spec.paletteAlpha = {255, 128, 0};
        spec.samples = {0, 1, 2, 3};
        const DecodedImage image = decode(pngBytes(spec), "palette.png");
        REQUIRE(image.channels == 3);
        REQUIRE(image.pixels == Bytes{10, 20, 30, overWhite(200, 128), overWhite(100, 128),
                                      overWhite(50, 128), 255, 255, 255, 90, 80, 70});
    }
    SECTION("a gray value marked transparent, at 2 and 8 bits") {
        for (int depth : {2, 8}) {
            CAPTURE(depth);
            PngSpec spec;
            spec.width = 3;
            spec.height = 1;
            spec.colour = PngColour::Gray;
            spec.bitDepth = depth;
            spec.samples = {0, 1, 2};
            spec.transparent = std::array<uint16_t, 3>{1, 0, 0};
            const DecodedImage image = decode(pngBytes(spec), "gray.png");
            REQUIRE(image.channels == 1);
            const int maximum = (1 << depth) - 1;
            REQUIRE(image.pixels == Bytes{0, 255, uint8_t(2 * 255 / maximum)});
        }
    }
    SECTION("an RGB colour marked transparent, at 16 bits") {
        PngSpec spec;
        spec.width = 2;
        spec.height = 1;
        spec.colour = PngColour::Rgb;
        spec.bitDepth = 16;
        spec.samples = {257 * 10, 257 * 20, 257 * 30, 1000, 2000, 3000};
        spec.transparent = std::array<uint16_t, 3>{1000, 2000, 3000};
        const DecodedImage image = decode(pngBytes(spec), "rgb.png");
        REQUIRE(image.pixels == Bytes{10, 20, 30, 255, 255, 255});
    }
}

// stb_image 2.27 called memcpy(NULL, ..., 0) on this valid file: a zero-length IDAT first.
TEST_CASE("PNG: an empty first IDAT chunk and one-byte IDAT chunks decode exactly", "[image]") {
    const Bytes rgb = {255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90};
    Bytes filtered;  // filter type 0 (none) before each 3-pixel row
    for (int y = 0; y < 2; ++y) {
        filtered.push_back(0);
        filtered.insert(filtered.end(), rgb.begin() + 9 * y, rgb.begin() + 9 * (y + 1));
    }
    const Bytes compressed = zlibCompress(filtered);

    Bytes emptyFirst = pngSignatureAndHeader(3, 2, 8, PngColour::Rgb);
    appendPngChunk(emptyFirst, "IDAT", {});
    appendPngChunk(emptyFirst, "IDAT", compressed);
    appendPngChunk(emptyFirst, "IEND", {});
    const DecodedImage image = decode(emptyFirst, "empty-idat.png");
    REQUIRE(image.width == 3);
    REQUIRE(image.height == 2);
    REQUIRE(image.pixels == rgb);

    Bytes split = pngSignatureAndHeader(3, 2, 8, PngColour::Rgb);
    for (uint8_t byte : compressed) appendPngChunk(split, "IDAT", {byte});
    appendPngChunk(split, "IDAT", {});
    appendPngChunk(split, "IEND", {});
    REQUIRE(decode(split, "split.png").pixels == rgb);
}

TEST_CASE("PNG: every truncated prefix is refused naming the file", "[image]") {
    for (bool interlaced : {false, true}) {
        CAPTURE(interlaced);
        PngSpec spec;
        spec.width = 6;
        spec.height = 5;
        spec.interlaced = interlaced;
        for (int i = 0; i < 6 * 5 * 3; ++i) spec.samples.push_back(uint16_t(i * 37 % 256));
        const Bytes png = pngBytes(spec);
        // libpng checks every CRC and reads up to IEND, so only the whole file decodes.
        checkPrefixes(png, png.size(), "cut.png");
        REQUIRE(refusal(Bytes(png.begin(), png.end() - 20), "cut.png") ==
                "cut.png: not a readable image (PNG: the file is truncated)");
    }
}

TEST_CASE("PNG: a damaged image data chunk is refused with libpng's reason", "[image]") {
    PngSpec spec;
    spec.width = 4;
    spec.height = 4;
    spec.samples.assign(4 * 4 * 3, 100);
    Bytes png = pngBytes(spec);
    // The first IDAT's CRC, after signature (8), IHDR (25) and the IDAT's own 8-byte head.
    const std::size_t idatLength = std::size_t(png[33]) << 24 | std::size_t(png[34]) << 16 |
                                   std::size_t(png[35]) << 8 | png[36];
    png[33 + 8 + idatLength] ^= 0xff;
    REQUIRE(refusal(png, "crc.png") == "crc.png: not a readable image (PNG: IDAT: CRC error)");
}

TEST_CASE("PNG: a header claiming more pixels than its data can hold is refused unread",
          "[image]") {
    // 16000 x 16000 gray is 244 MiB decoded, within the limit; 57 bytes inflate to 58 KiB at most.
    Bytes png = pngSignatureAndHeader(16000, 16000, 8, PngColour::Gray);
    appendPngChunk(png, "IDAT", {});
    appendPngChunk(png, "IEND", {});
    REQUIRE(refusal(png, "huge.png") ==
            "huge.png: the header claims 16000 x 16000 pixels, more than a 57-byte PNG file can "
            "describe (deflate expands data at most 1032 times); the file is damaged or "
            "truncated");
}

// =================================================================================================
// [SECTION] JPEG
// =================================================================================================

TEST_CASE("JPEG: baseline, progressive and gray files decode close to what was encoded",
          "[image]") {
    const int w = 24, h = 16;
    for (int components : {1, 3}) {
        for (bool progressive : {false, true}) {
            CAPTURE(components, progressive);
            JpegSpec spec;
            spec.width = w;
            spec.height = h;
            spec.components = components;
            spec.pixels = smoothPixels(w, h, components);
            spec.progressive = progressive;
            const DecodedImage image = decode(jpegBytes(spec), "photo.jpg");
            REQUIRE(image.width == w);
            REQUIRE(image.height == h);
            REQUIRE(image.channels == components);
            // Quality 95 with chroma subsampling keeps a smooth picture within a few levels.
            REQUIRE(maxDifference(image.pixels, spec.pixels) <= 6);
        }
    }
}

TEST_CASE("JPEG: Adobe CMYK is converted to RGB with Adobe's inverted inks", "[image]") {
    // Stored values as Photoshop writes them (inverted: 255 is no ink). RGB = C * K / 255 etc.
    JpegSpec spec;
    spec.width = 16;
    spec.height = 8;
    spec.components = 4;
    for (int i = 0; i < 16 * 8; ++i) {
        const bool left = i % 16 < 8;
        const std::array<uint8_t, 4> ink = left ? std::array<uint8_t, 4>{200, 100, 50, 255}
                                                : std::array<uint8_t, 4>{200, 100, 50, 128};
        spec.pixels.insert(spec.pixels.end(), ink.begin(), ink.end());
    }
    const DecodedImage image = decode(jpegBytes(spec), "cmyk.jpg");
    REQUIRE(image.channels == 3);
    Bytes expected;
    for (int i = 0; i < 16 * 8; ++i) {
        const int k = i % 16 < 8 ? 255 : 128;
        for (int v : {200, 100, 50}) expected.push_back(uint8_t((v * k + 127) / 255));
    }
    REQUIRE(maxDifference(image.pixels, expected) <= 4);
}

TEST_CASE("JPEG: every truncated prefix is refused naming the file", "[image]") {
    for (bool progressive : {false, true}) {
        CAPTURE(progressive);
        JpegSpec spec;
        spec.width = 16;
        spec.height = 16;
        spec.pixels = smoothPixels(16, 16, 3);
        spec.progressive = progressive;
        const Bytes jpeg = jpegBytes(spec);
        checkPrefixes(jpeg, jpeg.size(), "cut.jpg");
        REQUIRE(refusal(Bytes(jpeg.begin(), jpeg.end() - 2), "cut.jpg") ==
                "cut.jpg: not a readable image (JPEG: the file is truncated)");
    }
}

TEST_CASE("JPEG: extreme DC coefficients decode without overflow", "[image]") {
    for (bool progressive : {false, true}) {
        CAPTURE(progressive);
        const DecodedImage image = decode(extremeDcJpeg(progressive), "dc.jpg");
        REQUIRE(image.width == 64);
        REQUIRE(image.height == 64);
        REQUIRE(image.channels == 1);
        REQUIRE(image.pixels.size() == 64u * 64u);
    }
}

TEST_CASE("JPEG: malformed and unsupported files are refused with the reason", "[image]") {
    SECTION("a Huffman table declaring more than 256 codes") {
        // stb_image 2.27 wrote past its tables for such a segment (nothings/stb#1289).
        Bytes evil = {0xff, 0xd8, 0xff, 0xc4, 0x00, 0x13, 0x00};  // SOI, DHT of 19 bytes, table 0
        evil.insert(evil.end(), 14, 0);
        evil.insert(evil.end(), {255, 255, 0xff, 0xd9});  // 510 codes of lengths 15 and 16, EOI
        REQUIRE(refusal(evil, "evil.jpg") ==
                "evil.jpg: not a readable image (JPEG: Bogus Huffman table definition)");
    }
    SECTION("arithmetic coding") {
        JpegSpec spec;
        spec.width = 8;
        spec.height = 8;
        spec.pixels = smoothPixels(8, 8, 3);
        spec.arithmetic = true;
        REQUIRE(refusal(jpegBytes(spec), "arith.jpg") ==
                "arith.jpg: not a readable image (JPEG: arithmetic coding is not supported)");
    }
    SECTION("more progressive scans than any encoder writes") {
        JpegSpec spec;
        spec.width = 8;
        spec.height = 8;
        spec.components = 1;
        spec.pixels = smoothPixels(8, 8, 1);
        spec.minimumScans = 101;
        REQUIRE(refusal(jpegBytes(spec), "scans.jpg") ==
                "scans.jpg: not a readable image (JPEG: more than 100 progressive scans)");
    }
}

TEST_CASE("JPEG: a header claiming more pixels than its data can hold is refused unread",
          "[image]") {
    // 20000 x 20000 gray is 381 MiB decoded, within the limit, but 6.25 million blocks need
    // 781 KB of data at one bit each.
    REQUIRE(refusal(jpegHeaderOnly(20000, 20000), "huge.jpg") ==
            "huge.jpg: the header claims 20000 x 20000 pixels, more than a 27-byte JPEG file can "
            "describe (each 8x8 block takes at least one bit); the file is damaged or truncated");
}

// =================================================================================================
// [SECTION] GIF
// =================================================================================================

TEST_CASE("GIF: palettes, transparency, interlacing and the screen around the first frame",
          "[image]") {
    const std::vector<std::array<uint8_t, 3>> palette = {
        {0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}};
    auto indices = [](int w, int h) {
        Bytes out;
        for (int i = 0; i < w * h; ++i) out.push_back(uint8_t((i * 7 + i / w) % 4));
        return out;
    };
    auto colours = [](const Bytes& idx, const std::vector<std::array<uint8_t, 3>>& map,
                      int transparent) {
        Bytes out;
        for (uint8_t i : idx) {
            if (i == transparent) {
                out.insert(out.end(), {255, 255, 255});
            } else {
                out.insert(out.end(), map[i].begin(), map[i].end());
            }
        }
        return out;
    };

    SECTION("global palette, plain and interlaced") {
        for (bool interlaced : {false, true}) {
            CAPTURE(interlaced);
            GifFrame frame{0, 0, 5, 11, interlaced, indices(5, 11), {}, -1};
            const DecodedImage image = decode(gifBytes({5, 11, palette, {frame}}), "frames.gif");
            REQUIRE(image.width == 5);
            REQUIRE(image.height == 11);
            REQUIRE(image.channels == 3);
            REQUIRE(image.pixels == colours(frame.indices, palette, -1));
        }
    }
    SECTION("a local palette and a transparent index") {
        const std::vector<std::array<uint8_t, 3>> local = {
            {10, 20, 30}, {40, 50, 60}, {70, 80, 90}, {100, 110, 120}};
        GifFrame frame{0, 0, 4, 3, false, indices(4, 3), local, 2};
        const DecodedImage image = decode(gifBytes({4, 3, palette, {frame}}), "local.gif");
        REQUIRE(image.pixels == colours(frame.indices, local, 2));
    }
    SECTION("a frame inside a larger screen, and the frames after it ignored") {
        GifFrame first{2, 1, 2, 2, false, {1, 2, 3, 0}, {}, -1};
        GifFrame second{0, 0, 5, 4, false, Bytes(20, 3), {}, -1};
        const DecodedImage image = decode(gifBytes({5, 4, palette, {first, second}}), "s.gif");
        REQUIRE(image.width == 5);
        REQUIRE(image.height == 4);
        Bytes expected(5 * 4 * 3, 255);
        auto set = [&](int x, int y, int index) {
            std::copy(palette[std::size_t(index)].begin(), palette[std::size_t(index)].end(),
                      expected.begin() + (y * 5 + x) * 3);
        };
        set(2, 1, 1), set(3, 1, 2), set(2, 2, 3), set(3, 2, 0);
        REQUIRE(image.pixels == expected);
    }
    SECTION("a frame reaching past the screen enlarges it") {
        GifFrame frame{1, 1, 2, 2, false, {1, 1, 1, 1}, {}, -1};
        const DecodedImage image = decode(gifBytes({2, 2, palette, {frame}}), "past.gif");
        REQUIRE(image.width == 3);
        REQUIRE(image.height == 3);
        REQUIRE(image.pixels[0] == 255);                // (0, 0) is outside the frame
        REQUIRE(image.pixels[(2 * 3 + 2) * 3] == 255);  // (2, 2) is red: 255, 0, 0
        REQUIRE(image.pixels[(2 * 3 + 2) * 3 + 1] == 0);
    }
}

TEST_CASE("GIF: a file without an image says so", "[image]") {
    // A header, a 4 x 4 screen without a palette, and the trailer: stb_image said
    // "cannot decode the image ()".
    const Bytes empty = {'G', 'I', 'F', '8', '9', 'a', 4, 0, 4, 0, 0, 0, 0, 0x3b};
    REQUIRE(refusal(empty, "none.gif") == "none.gif: the GIF holds no image");
    // giflib writes the same with no frames.
    REQUIRE(refusal(gifBytes({4, 4, {{0, 0, 0}, {255, 255, 255}}, {}}), "none.gif") ==
            "none.gif: the GIF holds no image");
}

TEST_CASE("GIF: a tiny file claiming a huge screen or frame is refused unread", "[image]") {
    // stb_image spent 7.5 s and 1.8 GB on a 35-byte GIF like this one.
    REQUIRE(refusal(tinyGif(16000, 16000), "huge.gif") ==
            "huge.gif: the header claims 16000 x 16000 pixels, more than a 36-byte GIF file can "
            "describe (LZW data gives at most 2731 pixels per byte); the file is damaged or "
            "truncated");
    REQUIRE(refusal(tinyGif(65535, 65535), "huge.gif") ==
            "huge.gif: image is 65535 x 65535 pixels; decoding it would need 12.0 GiB (limit 1 "
            "GiB)");
    // The frame, not the screen, claims the size.
    Bytes frame = tinyGif(2, 2);
    frame[24] = 0x80, frame[25] = 0x3e, frame[26] = 0x80, frame[27] = 0x3e;  // 16000 x 16000
    REQUIRE(refusal(frame, "frame.gif").rfind("frame.gif: the header claims 16000 x 16000", 0) ==
            0);
}

TEST_CASE("GIF: every truncated prefix is refused naming the file", "[image]") {
    GifFrame frame{0, 0, 9, 7, false, Bytes(63, 0), {}, 1};
    for (std::size_t i = 0; i < frame.indices.size(); ++i) frame.indices[i] = uint8_t(i % 5);
    const Bytes gif = gifBytes({9,
                                7,
                                {{0, 0, 0},
                                 {9, 9, 9},
                                 {50, 0, 0},
                                 {0, 50, 0},
                                 {0, 0, 50},
                                 {1, 2, 3},
                                 {4, 5, 6},
                                 {7, 8, 9}},
                                {frame}});
    // The trailer after the image is never needed.
    checkPrefixes(gif, gif.size() - 1, "cut.gif");
    REQUIRE(refusal(Bytes(gif.begin(), gif.end() - 4), "cut.gif") ==
            "cut.gif: not a readable image (GIF: the file is truncated)");
}

// =================================================================================================
// [SECTION] BMP
// =================================================================================================

TEST_CASE("BMP: every pixel size and header decodes to the exact pixels", "[image]") {
    const int w = 7, h = 3;
    std::mt19937 random(5);
    std::vector<std::array<uint8_t, 3>> palette256;
    for (int i = 0; i < 256; ++i) {
        palette256.push_back({uint8_t(random()), uint8_t(random()), uint8_t(random())});
    }
    // `values` in file order (bottom row first unless top-down); the picture is top row first.
    auto flip = [&](const Bytes& picture, bool topDown) {
        if (topDown) return picture;
        Bytes out;
        for (int y = h - 1; y >= 0; --y) {
            out.insert(out.end(), picture.begin() + y * w * 3, picture.begin() + (y + 1) * w * 3);
        }
        return out;
    };

    SECTION("palette images of 1, 4 and 8 bits, with BITMAPINFOHEADER and BITMAPCOREHEADER") {
        for (int bpp : {1, 4, 8}) {
            for (uint32_t header : {40u, 12u}) {
                CAPTURE(bpp, header);
                const int colours = 1 << bpp;
                std::vector<uint32_t> values;
                Bytes fileOrder;
                for (int i = 0; i < w * h; ++i) {
                    const uint32_t index = random() % uint32_t(colours);
                    values.push_back(index);
                    const auto& c = palette256[index];
                    fileOrder.insert(fileOrder.end(), c.begin(), c.end());
                }
                BmpSpec spec;
                spec.headerBytes = header;
                spec.width = w;
                spec.height = h;
                spec.bitsPerPixel = uint16_t(bpp);
                spec.palette.assign(palette256.begin(), palette256.begin() + colours);
                spec.rows = bmpRows(w, h, bpp, values);
                const DecodedImage image = decode(bmpBytes(spec), "palette.bmp");
                REQUIRE(image.channels == 3);
                REQUIRE(image.pixels == flip(fileOrder, false));
            }
        }
    }
    SECTION("24 bits, bottom-up and top-down") {
        for (bool topDown : {false, true}) {
            CAPTURE(topDown);
            std::vector<uint32_t> values;
            Bytes fileOrder;
            for (int i = 0; i < w * h; ++i) {
                const uint8_t r = uint8_t(random()), g = uint8_t(random()), b = uint8_t(random());
                values.push_back(uint32_t(b) | uint32_t(g) << 8 | uint32_t(r) << 16);
                fileOrder.insert(fileOrder.end(), {r, g, b});
            }
            BmpSpec spec;
            spec.width = w;
            spec.height = topDown ? -h : h;
            spec.rows = bmpRows(w, h, 24, values);
            REQUIRE(decode(bmpBytes(spec), "rgb.bmp").pixels == flip(fileOrder, topDown));
        }
    }
    SECTION("16 bits: 5-5-5 by default, 5-6-5 by bit masks") {
        BmpSpec spec;
        spec.width = 3;
        spec.height = 1;
        spec.bitsPerPixel = 16;
        // White, pure red, and green at 1 of 31 (5-5-5) / 2 of 63 (5-6-5).
        spec.rows = bmpRows(3, 1, 16, {0x7fff, 0x7c00, 0x0020});
        REQUIRE(decode(bmpBytes(spec), "555.bmp").pixels ==
                Bytes{255, 255, 255, 255, 0, 0, 0, uint8_t((255 + 15) / 31), 0});
        spec.compression = 3;
        spec.masks = {0xf800, 0x07e0, 0x001f, 0};
        spec.rows = bmpRows(3, 1, 16, {0xffff, 0xf800, 0x0040});
        REQUIRE(decode(bmpBytes(spec), "565.bmp").pixels ==
                Bytes{255, 255, 255, 255, 0, 0, 0, uint8_t((2 * 255 + 31) / 63), 0});
    }
    SECTION("32 bits: alpha used when present, ignored when every pixel leaves it zero") {
        BmpSpec spec;
        spec.width = 2;
        spec.height = 1;
        spec.bitsPerPixel = 32;
        spec.rows = bmpRows(2, 1, 32, {0x00102030, 0x00405060});
        REQUIRE(decode(bmpBytes(spec), "opaque.bmp").pixels ==
                Bytes{0x10, 0x20, 0x30, 0x40, 0x50, 0x60});
        spec.rows = bmpRows(2, 1, 32, {0xff102030, 0x80405060});
        REQUIRE(decode(bmpBytes(spec), "alpha.bmp").pixels ==
                Bytes{0x10, 0x20, 0x30, overWhite(0x40, 0x80), overWhite(0x50, 0x80),
                      overWhite(0x60, 0x80)});
    }
    SECTION("32 bits with masks in a BITMAPV5HEADER, alpha in the low byte") {
        BmpSpec spec;
        spec.headerBytes = 124;
        spec.width = 1;
        spec.height = 1;
        spec.bitsPerPixel = 32;
        spec.compression = 3;
        spec.masks = {0xff000000u, 0x00ff0000, 0x0000ff00, 0x000000ff};
        spec.rows = bmpRows(1, 1, 32, {0x10203080});
        REQUIRE(decode(bmpBytes(spec), "v5.bmp").pixels ==
                Bytes{overWhite(0x10, 0x80), overWhite(0x20, 0x80), overWhite(0x30, 0x80)});
    }
}

TEST_CASE("BMP: RLE8 and RLE4 runs, literals, row ends, moves and the end of the image",
          "[image]") {
    std::vector<std::array<uint8_t, 3>> palette;
    for (int i = 0; i < 16; ++i) palette.push_back({uint8_t(16 * i), uint8_t(200 - 8 * i), 7});
    auto rgb = [&](int index) {
        return Bytes(palette[std::size_t(index)].begin(), palette[std::size_t(index)].end());
    };
    const Bytes white = {255, 255, 255};
    auto picture = [](const std::vector<Bytes>& pixels) {
        Bytes out;
        for (const Bytes& p : pixels) out.insert(out.end(), p.begin(), p.end());
        return out;
    };

    BmpSpec rle8;
    rle8.width = 5;
    rle8.height = 3;
    rle8.bitsPerPixel = 8;
    rle8.compression = 1;
    rle8.palette = palette;
    rle8.rows = {// Bottom row: 3 of index 1, then 3 literal indices (the last cut off at the
                 // row's end, the literal padded to an even length), end of row.
                 3, 1, 0, 3, 2, 3, 4, 0, 0, 0,
                 // Middle row: 2 of index 5, end of row; the rest is skipped.
                 2, 5, 0, 0,
                 // Top row: move 1 right, one pixel of index 6, end of image.
                 0, 2, 1, 0, 1, 6, 0, 1};
    const Bytes file = bmpBytes(rle8);
    const DecodedImage image = decode(file, "rle8.bmp");
    REQUIRE(image.width == 5);
    REQUIRE(image.height == 3);
    REQUIRE(image.pixels == picture({white, rgb(6), white, white, white,         // top
                                     rgb(5), rgb(5), white, white, white,        // middle
                                     rgb(1), rgb(1), rgb(1), rgb(2), rgb(3)}));  // bottom
    checkPrefixes(file, file.size(), "rle8.bmp");

    BmpSpec rle4 = rle8;
    rle4.width = 4;
    rle4.height = 1;
    rle4.bitsPerPixel = 4;
    rle4.compression = 2;
    // 3 pixels alternating indices 1 and 2, then 3 literal indices 3, 4, 5 in two bytes.
    rle4.rows = {3, 0x12, 0, 3, 0x34, 0x50, 0, 1};
    REQUIRE(decode(bmpBytes(rle4), "rle4.bmp").pixels == picture({rgb(1), rgb(2), rgb(1), rgb(3)}));

    // Two bytes of RLE cannot honestly cover 10000 x 10000 pixels; nothing is allocated for them.
    rle8.width = 10000;
    rle8.height = 10000;
    rle8.rows = {0, 1};
    REQUIRE(refusal(bmpBytes(rle8), "rle.bmp") ==
            "rle.bmp: the header claims 10000 x 10000 pixels, more than a 120-byte BMP file can "
            "describe (an RLE record of two bytes gives at most 255 pixels); the file is damaged "
            "or truncated");
}

TEST_CASE("BMP: a 54-byte header of width 0 and height INT_MIN is refused", "[image]") {
    // stb_image took abs(INT_MIN) on this file.
    BmpSpec spec;
    spec.width = 0;
    spec.height = INT32_MIN;
    const Bytes bmp = bmpBytes(spec);
    REQUIRE(bmp.size() == 54);
    REQUIRE(refusal(bmp, "zero.bmp") ==
            "zero.bmp: the header gives an image of 0 x 2147483648 pixels; both sides must be at "
            "least 1");
    spec.width = 1;  // one column of 2^31 rows is 6 GiB
    REQUIRE(refusal(bmpBytes(spec), "tall.bmp") ==
            "tall.bmp: image is 1 x 2147483648 pixels; decoding it would need 6.0 GiB (limit 1 "
            "GiB)");
}

TEST_CASE("BMP: a header claiming rows the file does not hold is refused unread", "[image]") {
    // stb_image spent 10.5 s on a 54-byte BMP like this one.
    BmpSpec spec;
    spec.width = 10000;
    spec.height = 10000;
    REQUIRE(refusal(bmpBytes(spec), "huge.bmp") ==
            "huge.bmp: not a readable image (BMP: the file is truncated: its 10000 x 10000 pixels "
            "need 300000000 bytes of rows, 0 follow the header)");
}

TEST_CASE("BMP: every truncated prefix is refused naming the file", "[image]") {
    BmpSpec spec;
    spec.width = 5;  // 15 bytes of pixels, padded to 16
    spec.height = 3;
    std::vector<uint32_t> values;
    for (uint32_t i = 0; i < 15; ++i) values.push_back(i * 0x010305);
    spec.rows = bmpRows(5, 3, 24, values);
    const Bytes bmp = bmpBytes(spec);
    // The last row's padding byte is not needed.
    checkPrefixes(bmp, bmp.size() - 1, "cut.bmp");
}

TEST_CASE("BMP: unsupported or impossible header fields are refused with the reason", "[image]") {
    BmpSpec good;
    good.width = 1;
    good.height = 1;
    good.rows = bmpRows(1, 1, 24, {0});
    struct Case {
        const char* name;
        Bytes bytes;
        std::string reason;
    };
    std::vector<Case> cases;
    {
        BmpSpec spec = good;
        spec.compression = 1;
        cases.push_back(
            {"RLE8 at 24 bits", bmpBytes(spec), "RLE8 compression with 24 bits per pixel"});
    }
    {
        BmpSpec spec = good;
        spec.bitsPerPixel = 4;
        spec.compression = 2;
        spec.height = -1;
        cases.push_back(
            {"top-down RLE", bmpBytes(spec), "RLE-compressed rows cannot be stored top-down"});
    }
    {
        BmpSpec spec = good;
        spec.bitsPerPixel = 7;
        cases.push_back({"7 bits", bmpBytes(spec), "7 bits per pixel is not a BMP pixel size"});
    }
    {
        BmpSpec spec = good;
        spec.bitsPerPixel = 32;
        spec.compression = 3;
        spec.masks = {0xff0000, 0x00ff00, 0x0000f0f, 0};
        cases.push_back({"mask with a gap", bmpBytes(spec), "a bit mask is not contiguous"});
    }
    {
        BmpSpec spec = good;
        spec.bitsPerPixel = 16;
        spec.compression = 3;
        spec.masks = {0x1f0000, 0x07e0, 0x001f, 0};
        cases.push_back(
            {"mask past 16 bits", bmpBytes(spec), "a bit mask reaches past the 16-bit pixel"});
    }
    {
        Bytes bytes = bmpBytes(good);
        bytes[26] = 2;  // planes
        cases.push_back({"two planes", bytes, "the header gives 2 planes"});
    }
    {
        Bytes bytes = bmpBytes(good);
        bytes[14] = 64;  // an OS/2 2.x header size
        cases.push_back({"OS/2 header", bytes, "unsupported header of 64 bytes"});
    }
    {
        Bytes bytes = bmpBytes(good);
        bytes[10] = 20;  // pixel data inside the header
        cases.push_back(
            {"data offset", bytes, "the pixel data offset 20 is outside the file's pixel area"});
    }
    for (const Case& c : cases) {
        CAPTURE(c.name);
        REQUIRE(refusal(c.bytes, "bad.bmp") ==
                "bad.bmp: not a readable image (BMP: " + c.reason + ")");
    }
}
