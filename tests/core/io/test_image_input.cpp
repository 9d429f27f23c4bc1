// Image input: what decoding promises whatever the format (alpha composited on white, gray kept
// gray, files named in errors, size limits), the resize kernels against naive references, and the
// per-preset preprocessing. Each format's own decoding is tested in test_image_decoders.cpp.
// Test images are written at test time by libpng (support/image_files.h), or byte by byte where a
// file must be malformed or impossibly large.
// Sections: Helpers · Naive references (loops only, written from the definitions) · Decoding ·
//   Resizing (through the imagenet preset on gray images, so only the resize varies) · imagenet
//   preset · fashion preset · Configuration checks and the bundled samples

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "reference/input_normalisation.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/tensor.h"
#include "shufflescope/io/image_input.h"
#include "shufflescope/model/config.h"
#include "support/byte_writers.h"
#include "support/error_message.h"
#include "support/file_bytes.h"
#include "support/image_files.h"
#include "support/model_configs.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace shufflescope;
using naive::fashionNormalised;
using naive::imagenetGrayNormalised;
using naive::imagenetNormalised;
using testing_support::appendPngChunk;
using testing_support::Bytes;
using testing_support::errorFrom;
using testing_support::fashionInputConfig;
using testing_support::imagenetInputConfig;
using testing_support::PngColour;
using testing_support::pngSignatureAndHeader;
using testing_support::TempDir;
using testing_support::writeBytes;

namespace {

// =================================================================================================
// [SECTION] Helpers
// =================================================================================================

// An 8-bit PNG of `pixels` (1 gray, 2 gray + alpha, 3 RGB, 4 RGBA channels), written by libpng.
Bytes encodePng(int w, int h, int channels, const Bytes& pixels) {
    static constexpr PngColour kColours[5] = {
        PngColour::Gray, PngColour::Gray, PngColour::GrayAlpha, PngColour::Rgb, PngColour::Rgba};
    testing_support::PngSpec spec;
    spec.width = w;
    spec.height = h;
    spec.colour = kColours[channels];
    spec.samples.assign(pixels.begin(), pixels.end());
    return testing_support::pngBytes(spec);
}

// Pixel (x, y) channel c of a pattern that differs in every position and channel.
uint8_t patternValue(int x, int y, int c) {
    return static_cast<uint8_t>(x * 37 + y * 91 + c * 53);
}

Bytes patternPixels(int w, int h, int channels) {
    Bytes pixels;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            for (int c = 0; c < channels; ++c) pixels.push_back(patternValue(x, y, c));
        }
    }
    return pixels;
}

Bytes uniformPixels(int w, int h, const std::vector<uint8_t>& colour) {
    Bytes pixels;
    for (int i = 0; i < w * h; ++i) pixels.insert(pixels.end(), colour.begin(), colour.end());
    return pixels;
}

DecodedImage decode(const Bytes& bytes) {
    return decodeImageMemory(bytes.data(), bytes.size(), "test.img");
}

DecodedImage grayImage(int w, int h, const std::vector<double>& values) {
    DecodedImage image;
    image.width = w;
    image.height = h;
    image.channels = 1;
    for (double v : values) image.pixels.push_back(static_cast<uint8_t>(v));
    REQUIRE(image.pixels.size() == std::size_t(w) * h);
    return image;
}

// A PNG that is only a valid signature, IHDR, an empty IDAT and IEND: what a hostile file
// claiming a huge size looks like to a decoder before it reaches any pixel data.
Bytes pngHeaderOnly(uint32_t width, uint32_t height) {
    Bytes png = pngSignatureAndHeader(width, height, 8, PngColour::Rgb);
    appendPngChunk(png, "IDAT", {});
    appendPngChunk(png, "IEND", {});
    return png;
}

// =================================================================================================
// [SECTION] Naive references (loops only, written from the definitions)
// =================================================================================================

// Area averaging in -> out: replicate every input sample `out` times, then average blocks of
// `in` samples. Both steps are exact, so this is the box-overlap mean by construction.
std::vector<double> areaReference(const std::vector<double>& in, int out) {
    const int n = static_cast<int>(in.size());
    std::vector<double> replicated;
    for (int i = 0; i < n; ++i) {
        for (int k = 0; k < out; ++k) replicated.push_back(in[std::size_t(i)]);
    }
    std::vector<double> result(std::size_t(out), 0.0);
    for (int o = 0; o < out; ++o) {
        for (int k = 0; k < n; ++k) result[std::size_t(o)] += replicated[std::size_t(o * n + k)];
        result[std::size_t(o)] /= n;
    }
    return result;
}

// PyTorch's bilinear, align_corners=False: x_src = (x + 0.5) * in / out - 0.5, clamped at 0.
std::vector<double> bilinearReference(const std::vector<double>& in, int out) {
    const int n = static_cast<int>(in.size());
    std::vector<double> result;
    for (int o = 0; o < out; ++o) {
        double source = (o + 0.5) * n / out - 0.5;
        if (source < 0) source = 0;
        int left = static_cast<int>(source);
        if (left > n - 1) left = n - 1;
        const int right = left + 1 < n ? left + 1 : n - 1;
        const double t = source - left;
        result.push_back(in[std::size_t(left)] * (1 - t) + in[std::size_t(right)] * t);
    }
    return result;
}

std::vector<double> resizeLineReference(const std::vector<double>& in, int out) {
    if (out == static_cast<int>(in.size())) return in;
    return out < static_cast<int>(in.size()) ? areaReference(in, out) : bilinearReference(in, out);
}

// Row-major h x w plane resized to outH x outW, one axis at a time.
std::vector<double> resizeReference(const std::vector<double>& plane, int w, int h, int outW,
                                    int outH) {
    std::vector<double> rows(std::size_t(h) * outW);
    for (int y = 0; y < h; ++y) {
        const std::vector<double> line(plane.begin() + y * w, plane.begin() + (y + 1) * w);
        const std::vector<double> resized = resizeLineReference(line, outW);
        std::copy(resized.begin(), resized.end(), rows.begin() + y * outW);
    }
    std::vector<double> result(std::size_t(outH) * outW);
    for (int x = 0; x < outW; ++x) {
        std::vector<double> column;
        for (int y = 0; y < h; ++y) column.push_back(rows[std::size_t(y * outW + x)]);
        const std::vector<double> resized = resizeLineReference(column, outH);
        for (int y = 0; y < outH; ++y) result[std::size_t(y * outW + x)] = resized[std::size_t(y)];
    }
    return result;
}

}  // namespace

// =================================================================================================
// [SECTION] Decoding
// =================================================================================================

TEST_CASE("gray PNG files decode to one channel", "[image]") {
    const Bytes gray = patternPixels(6, 4, 1);
    const DecodedImage png = decode(encodePng(6, 4, 1, gray));
    REQUIRE(png.width == 6);
    REQUIRE(png.height == 4);
    REQUIRE(png.channels == 1);
    REQUIRE(png.pixels == gray);
}

TEST_CASE("transparent pixels are composited over white", "[image]") {
    auto overWhite = [](int value, int alpha) {
        return static_cast<uint8_t>(std::lround((value * alpha + 255.0 * (255 - alpha)) / 255.0));
    };
    // RGBA: opaque, half, nearly clear, fully clear.
    const Bytes rgba = {10, 20, 30, 255, 200, 100, 50, 128, 0, 0, 0, 1, 0, 0, 0, 0};
    const DecodedImage colour = decode(encodePng(4, 1, 4, rgba));
    REQUIRE(colour.channels == 3);
    const Bytes expectedColour = {
        10,  20,  30, overWhite(200, 128), overWhite(100, 128), overWhite(50, 128), 254, 254, 254,
        255, 255, 255};
    REQUIRE(colour.pixels == expectedColour);

    // Gray + alpha stays gray.
    const Bytes grayAlpha = {40, 255, 40, 64, 40, 0};
    const DecodedImage gray = decode(encodePng(3, 1, 2, grayAlpha));
    REQUIRE(gray.channels == 1);
    REQUIRE(gray.pixels == Bytes{40, overWhite(40, 64), 255});
}

TEST_CASE("a GIF decodes its first frame as RGB", "[image]") {
    // A 2x2 GIF89a with a two-colour palette (red, blue) and pixels red blue / blue red.
    // LZW, minimum code size 2: codes clear(4) 0 1 1 in 3 bits, then 0 end(5) in 4 bits once the
    // table reaches 8 entries, packed least significant bit first: 0x44 0x02 0x05.
    const Bytes gif = {'G',  'I',  'F',  '8',  '9', 'a',              // signature
                       2,    0,    2,    0,                           // logical screen 2 x 2
                       0x80, 0,    0,                                 // global palette of 2 entries
                       255,  0,    0,    0,    0,   255,              // red, blue
                       0x2c, 0,    0,    0,    0,   2,   0, 2, 0, 0,  // image descriptor
                       2,                                             // LZW minimum code size
                       3,    0x44, 0x02, 0x05, 0,  // one data sub-block, terminator
                       0x3b};                      // trailer
    const DecodedImage image = decode(gif);
    REQUIRE(image.width == 2);
    REQUIRE(image.height == 2);
    REQUIRE(image.channels == 3);
    REQUIRE(image.pixels == Bytes{255, 0, 0, 0, 0, 255, 0, 0, 255, 255, 0, 0});
}

TEST_CASE("decodeImageFile reads a file and names it in errors", "[image]") {
    TempDir dir("shufflescope-image-test");
    const Bytes pixels = patternPixels(3, 2, 3);
    const std::string path = dir.file("photo.png");
    writeBytes(path, encodePng(3, 2, 3, pixels));
    REQUIRE(decodeImageFile(path).pixels == pixels);

    const std::string missing = dir.file("missing.png");
    const std::string message = errorFrom([&] { decodeImageFile(missing); });
    CAPTURE(message);
    REQUIRE(message == missing + ": file does not exist");
    // A folder or a named pipe is refused before anything waits on it.
    REQUIRE_THROWS_WITH(decodeImageFile(dir.path().string()), Catch::Contains("is a directory"));

    // The magic bytes choose the decoder, not the name.
    const std::string renamed = dir.file("photo.jpg");
    writeBytes(renamed, encodePng(3, 2, 3, pixels));
    REQUIRE(decodeImageFile(renamed).pixels == pixels);
}

TEST_CASE("random bytes throw Error naming the file and the reason", "[image]") {
    std::mt19937 random(7);
    for (std::size_t length : {1u, 2u, 16u, 100u, 4096u}) {
        Bytes garbage(length);
        for (uint8_t& b : garbage) b = static_cast<uint8_t>(random());
        CAPTURE(length);
        const std::string message =
            errorFrom([&] { decodeImageMemory(garbage.data(), garbage.size(), "junk.png"); });
        CAPTURE(message);
        REQUIRE(message == "junk.png: not a readable image (not a PNG, JPEG, GIF or BMP file)");
    }
    // Garbage behind a real signature reaches the format decoders; whatever they make of it, the
    // result is an Error naming the file or a well-formed image, never a crash or another
    // exception type.
    const std::vector<Bytes> signatures = {{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                                           {0xff, 0xd8, 0xff},
                                           {'G', 'I', 'F', '8', '9', 'a'},
                                           {'B', 'M'}};
    for (const Bytes& signature : signatures) {
        for (int trial = 0; trial < 50; ++trial) {
            Bytes bytes = signature;
            for (int i = 0; i < 200; ++i) bytes.push_back(static_cast<uint8_t>(random()));
            CAPTURE(int(signature[0]), trial);
            try {
                const DecodedImage image = decode(bytes);
                REQUIRE(image.pixels.size() ==
                        std::size_t(image.width) * image.height * image.channels);
            } catch (const Error& error) {
                REQUIRE(std::string(error.what()).rfind("test.img: ", 0) == 0);
            }
        }
    }
    REQUIRE(errorFrom([] { decodeImageMemory(nullptr, 0, "empty.png"); }) ==
            "empty.png: the file is empty");
}

TEST_CASE("images too large to decode are refused from their header", "[image]") {
    // A GIF screen, then the trailer.
    Bytes gifHeader = {'G', 'I', 'F', '8', '9', 'a', 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0x3b};
    // Baseline JPEG: a start of frame (8-bit, 60000 x 60000, three components) and a scan header,
    // which is as far as a decoder reads before it knows the size.
    Bytes jpegHeader = {0xff, 0xd8, 0xff, 0xc0, 0, 17,   8,    0xea, 0x60, 0xea, 0x60, 3,  1,
                        0x22, 0,    2,    0x11, 1, 3,    0x11, 1,    0xff, 0xda, 0,    12, 3,
                        1,    0,    2,    0x11, 3, 0x11, 0,    63,   0,    0xff, 0xd9};
    // BMP info header: 50000 wide, 50000 tall stored top-down (negative height), 24-bit.
    Bytes bmpHeader = {'B',  'M',  0, 0, 0,    0,    0,    0,    0, 0, 54, 0, 0, 0, 40, 0, 0, 0,
                       0x50, 0xc3, 0, 0, 0xb0, 0x3c, 0xff, 0xff, 1, 0, 24, 0, 0, 0, 0,  0, 0, 0,
                       0,    0,    0, 0, 0,    0,    0,    0,    0, 0, 0,  0, 0, 0, 0,  0, 0, 0};
    struct Case {
        const char* name;
        Bytes bytes;
        std::string expected;
    };
    // The decoders need 3 bytes per RGB pixel (BMP: 4 when the file may have alpha; here not).
    const std::vector<Case> cases = {
        {"PNG 40000 x 40000", pngHeaderOnly(40000, 40000),
         "big: image is 40000 x 40000 pixels; decoding it would need 4.5 GiB (limit 1 GiB)"},
        {"PNG 2^31-1 wide", pngHeaderOnly(0x7fffffff, 0x7fffffff),
         "big: image is 2147483647 x 2147483647 pixels; decoding it would need 12884901876.0 GiB "
         "(limit 1 GiB)"},
        {"GIF 65535 x 65535", gifHeader,
         "big: image is 65535 x 65535 pixels; decoding it would need 12.0 GiB (limit 1 GiB)"},
        {"JPEG 60000 x 60000", jpegHeader,
         "big: image is 60000 x 60000 pixels; decoding it would need 10.1 GiB (limit 1 GiB)"},
        {"BMP 50000 x 50000", bmpHeader,
         "big: image is 50000 x 50000 pixels; decoding it would need 7.0 GiB (limit 1 GiB)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        REQUIRE(errorFrom([&] { decodeImageMemory(c.bytes.data(), c.bytes.size(), "big"); }) ==
                c.expected);
    }

    // Through the file path as the app uses it, with the file name first.
    TempDir dir("shufflescope-image-test");
    const std::string path = dir.file("photo.png");
    writeBytes(path, pngHeaderOnly(40000, 40000));
    REQUIRE(errorFrom([&] { loadInput(path, imagenetInputConfig()); }) ==
            path + ": image is 40000 x 40000 pixels; decoding it would need 4.5 GiB (limit 1 GiB)");
}

// =================================================================================================
// [SECTION] Resizing (through the imagenet preset on gray images, so only the resize varies)
// =================================================================================================

TEST_CASE("area averaging a 2x2 checker to 1x1 gives its mean", "[image]") {
    const DecodedImage checker = grayImage(2, 2, {0, 255, 255, 0});
    // A 1x1 input: the short side becomes round(256/224) = 1, so the whole image is averaged.
    const Tensor tensor = preprocessImage(checker, imagenetInputConfig(1, 1));
    REQUIRE(tensor.shape() == std::vector<int64_t>{1, 1, 1, 1});
    REQUIRE(tensor[0] == imagenetGrayNormalised(127.5));
}

TEST_CASE("area averaging weights partial pixels by their overlap", "[image]") {
    // 3 -> 2 columns: each output covers 1.5 inputs, so out0 = (p0 + p1/2) / 1.5 and
    // out1 = (p1/2 + p2) / 1.5. Input 2x2 resizes to short side round(2 * 256/224) = 2.
    const DecodedImage image = grayImage(3, 3, {0, 90, 180, 0, 90, 180, 0, 90, 180});
    const Tensor tensor = preprocessImage(image, imagenetInputConfig(1, 2));
    REQUIRE(tensor.shape() == std::vector<int64_t>{1, 1, 2, 2});
    for (int y = 0; y < 2; ++y) {
        CAPTURE(y);
        REQUIRE(tensor[y * 2 + 0] == Approx(imagenetGrayNormalised(30.0)).margin(1e-6));
        REQUIRE(tensor[y * 2 + 1] == Approx(imagenetGrayNormalised(150.0)).margin(1e-6));
    }
}

TEST_CASE("bilinear enlarging follows align_corners=False and the crop rounds halves to even",
          "[image]") {
    // 2 -> 8 columns (a 7x7 input has short side round(7 * 256/224) = 8): sample positions
    // (x + 0.5) / 4 - 0.5 = -0.375, -0.125 (clamped to 0), 0.125, ..., 1.125 (clamped to 1).
    // The centre crop of 7 from 8 starts at Python's round(0.5) = 0.
    const DecodedImage image = grayImage(2, 2, {0, 200, 0, 200});
    const Tensor tensor = preprocessImage(image, imagenetInputConfig(1, 7));
    REQUIRE(tensor.shape() == std::vector<int64_t>{1, 1, 7, 7});
    const double expected[7] = {0, 0, 25, 75, 125, 175, 200};
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            CAPTURE(y, x);
            REQUIRE(tensor[y * 7 + x] == Approx(imagenetGrayNormalised(expected[x])).margin(1e-6));
        }
    }
}

TEST_CASE("resizing matches the naive area and bilinear references over a size sweep", "[image]") {
    std::mt19937 random(3);
    struct Size {
        int w, h;
    };
    const std::vector<Size> imageSizes = {{1, 1},   {2, 2}, {3, 3}, {5, 5},  {7, 7},  {9, 9},
                                          {13, 13}, {9, 4}, {4, 9}, {20, 6}, {31, 17}};
    const std::vector<int> inputSizes = {1, 2, 3, 5, 7, 16};
    for (const Size& size : imageSizes) {
        std::vector<double> values;
        for (int i = 0; i < size.w * size.h; ++i) values.push_back(double(random() % 256));
        const DecodedImage image = grayImage(size.w, size.h, values);
        for (int input : inputSizes) {
            // torchvision's Resize(short) then CenterCrop(input), written out again here.
            const int shortSide = static_cast<int>(std::lround(input * 256.0 / 224.0));
            int resizedW = shortSide, resizedH = shortSide;
            if (size.w <= size.h) {
                resizedH = shortSide * size.h / size.w;
            } else {
                resizedW = shortSide * size.w / size.h;
            }
            const int top = static_cast<int>(std::nearbyint((resizedH - input) / 2.0));
            const int left = static_cast<int>(std::nearbyint((resizedW - input) / 2.0));
            const std::vector<double> reference =
                resizeReference(values, size.w, size.h, resizedW, resizedH);

            const Tensor tensor = preprocessImage(image, imagenetInputConfig(1, input));
            CAPTURE(size.w, size.h, input, resizedW, resizedH, top, left);
            REQUIRE(tensor.shape() == std::vector<int64_t>{1, 1, input, input});
            for (int y = 0; y < input; ++y) {
                for (int x = 0; x < input; ++x) {
                    CAPTURE(y, x);
                    const double expected = reference[std::size_t((top + y) * resizedW + left + x)];
                    REQUIRE(tensor[y * input + x] ==
                            Approx(imagenetGrayNormalised(expected)).margin(1e-5));
                }
            }
        }
    }
}

// =================================================================================================
// [SECTION] imagenet preset
// =================================================================================================

namespace {
// Index of the first of `count` values from `begin` that is not bit-for-bit `expected`, or -1.
int64_t firstDifferent(const Tensor& tensor, int64_t begin, int64_t count, float expected) {
    for (int64_t i = begin; i < begin + count; ++i) {
        if (tensor[i] != expected) return i;
    }
    return -1;
}
}  // namespace

TEST_CASE("imagenet preprocessing of a uniform colour gives its normalised value everywhere",
          "[image]") {
    const std::vector<uint8_t> colour = {200, 120, 40};
    struct Size {
        int w, h;
    };
    // Shrinking (area), enlarging (bilinear) and a portrait photo.
    for (const Size& size : {Size{640, 480}, Size{50, 30}, Size{300, 701}}) {
        CAPTURE(size.w, size.h);
        DecodedImage image;
        image.width = size.w;
        image.height = size.h;
        image.channels = 3;
        image.pixels = uniformPixels(size.w, size.h, colour);

        const Tensor rgb = preprocessImage(image, imagenetInputConfig());
        REQUIRE(rgb.shape() == std::vector<int64_t>{1, 3, 224, 224});
        for (int c = 0; c < 3; ++c) {
            const float expected = imagenetNormalised(colour[std::size_t(c)], c);
            const int64_t bad = firstDifferent(rgb, c * 224 * 224, 224 * 224, expected);
            CAPTURE(c, bad, expected);
            REQUIRE(bad == -1);
        }

        // A one-channel model takes luma with the gray statistics.
        const Tensor gray = preprocessImage(image, imagenetInputConfig(1));
        REQUIRE(gray.shape() == std::vector<int64_t>{1, 1, 224, 224});
        const double luma = 0.299 * 200 + 0.587 * 120 + 0.114 * 40;
        const int64_t bad = firstDifferent(gray, 0, gray.size(), gray[0]);
        CAPTURE(bad, gray[0]);
        REQUIRE(bad == -1);
        REQUIRE(gray[0] == Approx(imagenetGrayNormalised(luma)).margin(1e-6));
    }
}

TEST_CASE("imagenet preprocessing feeds a gray photo to all three channels", "[image]") {
    const DecodedImage image = grayImage(3, 3, {10, 20, 30, 40, 50, 60, 70, 80, 90});
    const Tensor tensor = preprocessImage(image, imagenetInputConfig(3, 7));
    const std::size_t plane = 7 * 7;
    const double mean[3] = {0.485, 0.456, 0.406}, std[3] = {0.229, 0.224, 0.225};
    for (std::size_t i = 0; i < plane; ++i) {
        const double pixel0 = tensor[int64_t(i)] * std[0] + mean[0];
        for (int c = 1; c < 3; ++c) {
            CAPTURE(i, c);
            REQUIRE(tensor[int64_t(c * plane + i)] * std[c] + mean[c] ==
                    Approx(pixel0).margin(1e-6));
        }
    }
}

// =================================================================================================
// [SECTION] fashion preset
// =================================================================================================

namespace {
// w x h with `background`, and a centred square of side `side` in `foreground`.
DecodedImage squareOn(int w, int h, int side, uint8_t background, uint8_t foreground,
                      int channels = 1) {
    DecodedImage image;
    image.width = w;
    image.height = h;
    image.channels = channels;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const bool inside = std::abs(2 * x + 1 - w) < side && std::abs(2 * y + 1 - h) < side;
            for (int c = 0; c < channels; ++c) {
                image.pixels.push_back(inside ? foreground : background);
            }
        }
    }
    return image;
}
}  // namespace

TEST_CASE("fashion preprocessing inverts a light-background photo and pads with black", "[image]") {
    for (int channels : {1, 3}) {
        CAPTURE(channels);
        PreprocessInfo info;
        const Tensor tensor =
            preprocessImage(squareOn(40, 40, 20, 255, 0, channels), fashionInputConfig(), &info);
        REQUIRE(tensor.shape() == std::vector<int64_t>{1, 1, 32, 32});
        REQUIRE(info.inverted);
        // 40x40 fits the 28x28 box, centred with a 2-pixel margin that stays black (0).
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x) {
                if (y >= 2 && y < 30 && x >= 2 && x < 30) continue;
                CAPTURE(y, x);
                REQUIRE(tensor[y * 32 + x] == fashionNormalised(0));
            }
        }
        // The white background became black, the black square white.
        REQUIRE(tensor[2 * 32 + 2] == Approx(fashionNormalised(0)).margin(1e-6));
        REQUIRE(tensor[16 * 32 + 16] == Approx(fashionNormalised(255)).margin(1e-6));
    }
}

TEST_CASE("fashion preprocessing leaves dark-background images as they are", "[image]") {
    struct Case {
        const char* name;
        DecodedImage image;
    };
    const std::vector<Case> cases = {
        {"white item on black, like Fashion-MNIST", squareOn(28, 28, 14, 0, 255)},
        // Light border but an even lighter middle: not a light background behind a dark item.
        {"light frame around a lighter middle", squareOn(28, 28, 20, 200, 255)},
        // Uniform: border and centre equal, so nothing says the background is the light part.
        {"uniform light gray", squareOn(28, 28, 0, 180, 180)},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        PreprocessInfo info;
        info.inverted = true;
        const Tensor tensor = preprocessImage(c.image, fashionInputConfig(), &info);
        REQUIRE_FALSE(info.inverted);
        // A 28x28 image is placed unchanged at offset (2, 2).
        for (int y = 0; y < 28; ++y) {
            for (int x = 0; x < 28; ++x) {
                CAPTURE(y, x);
                REQUIRE(tensor[(y + 2) * 32 + x + 2] ==
                        Approx(fashionNormalised(c.image.pixels[std::size_t(y * 28 + x)]))
                            .margin(1e-6));
            }
        }
    }
}

TEST_CASE("fashion preprocessing keeps the aspect ratio and scales the box with the input",
          "[image]") {
    SECTION("a wide photo fits 28x14, centred vertically") {
        const Tensor tensor = preprocessImage(squareOn(56, 28, 0, 128, 128), fashionInputConfig());
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x) {
                CAPTURE(y, x);
                const bool item = y >= 9 && y < 23 && x >= 2 && x < 30;
                REQUIRE(tensor[y * 32 + x] ==
                        Approx(fashionNormalised(item ? 128 : 0)).margin(1e-6));
            }
        }
    }
    SECTION("a 64x64 input uses a 56x56 box") {
        const Tensor tensor =
            preprocessImage(squareOn(28, 28, 0, 100, 100), fashionInputConfig(64));
        REQUIRE(tensor.shape() == std::vector<int64_t>{1, 1, 64, 64});
        for (int y = 0; y < 64; ++y) {
            for (int x = 0; x < 64; ++x) {
                CAPTURE(y, x);
                const bool item = y >= 4 && y < 60 && x >= 4 && x < 60;
                REQUIRE(tensor[y * 64 + x] ==
                        Approx(fashionNormalised(item ? 100 : 0)).margin(1e-6));
            }
        }
    }
}

// =================================================================================================
// [SECTION] Configuration checks and the bundled samples
// =================================================================================================

TEST_CASE("images are refused for models that take neither 1 nor 3 channels", "[image]") {
    const DecodedImage image = squareOn(8, 8, 4, 0, 255);
    ModelConfig config = imagenetInputConfig(4);
    const std::string message = errorFrom([&] { preprocessImage(image, config); });
    CAPTURE(message);
    REQUIRE(message.find("the model takes 4 input channels") != std::string::npos);
    REQUIRE(message.find(".npy") != std::string::npos);

    const std::string sample = SHUFFLESCOPE_ASSETS_DIR "/samples/raccoon.png";
    REQUIRE(errorFrom([&] {
                loadInput(sample, config);
            }).rfind(sample + ": the model takes 4", 0) == 0);

    config = imagenetInputConfig();
    config.preset = "cifar";
    REQUIRE(errorFrom([&] { preprocessImage(image, config); }).find("unknown preset 'cifar'") !=
            std::string::npos);
}

TEST_CASE("the bundled sample images load for both presets", "[image]") {
    const fs::path samples = fs::path(SHUFFLESCOPE_ASSETS_DIR) / "samples";
    int fashionSamples = 0;
    for (const auto& entry : fs::directory_iterator(samples)) {
        if (entry.path().extension() != ".png") continue;
        const std::string path = entry.path().string();
        const std::string name = entry.path().filename().string();
        CAPTURE(name);
        const DecodedImage image = decodeImageFile(path);
        const bool fashion = name.rfind("fashion-", 0) == 0;
        if (fashion) {
            ++fashionSamples;
            REQUIRE(image.width == 28);
            REQUIRE(image.height == 28);
            REQUIRE(image.channels == 1);
        } else {
            REQUIRE(name == "raccoon.png");
            REQUIRE(image.width == 512);
            REQUIRE(image.height == 384);
            REQUIRE(image.channels == 3);
        }

        const Tensor imagenet = loadInput(path, imagenetInputConfig());
        REQUIRE(imagenet.shape() == std::vector<int64_t>{1, 3, 224, 224});
        PreprocessInfo info;
        const Tensor small = loadInput(path, fashionInputConfig(), &info);
        REQUIRE(small.shape() == std::vector<int64_t>{1, 1, 32, 32});
        for (const Tensor* t : {&imagenet, &small}) {
            const auto values = t->values();
            REQUIRE(std::all_of(values.begin(), values.end(),
                                [](float v) { return std::isfinite(v); }));
        }
        if (fashion) {
            // Fashion-MNIST is light-on-black already, and 28x28 lands unresized in the middle.
            REQUIRE_FALSE(info.inverted);
            for (int y = 0; y < 28; ++y) {
                for (int x = 0; x < 28; ++x) {
                    CAPTURE(y, x);
                    REQUIRE(small[(y + 2) * 32 + x + 2] ==
                            Approx(fashionNormalised(image.pixels[std::size_t(y * 28 + x)]))
                                .margin(1e-6));
                }
            }
        }
    }
    REQUIRE(fashionSamples == 10);
}
