// Turning a user's file into the network's input tensor: decoding (stb_image), resizing (area
// averaging / bilinear, written here so the maths is ours to test), and the per-preset
// preprocessing described in image_input.h.
// Sections: Constants · Header sniffing · Guarding known stb_image defects · Alpha compositing ·
//   Resizing · Presets · Decoding · Preprocessing and loading

#include "shufflescope/io/image_input.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "shufflescope/base/error.h"
#include "shufflescope/io/npy.h"

// stb's longer messages ("Corrupt PNG", "Image not of any known type, or corrupt") read better in
// a dialog than its terse codes.
#define STBI_FAILURE_USERMSG
// Only formats the header promises; fewer decoders means less attack surface for user files.
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#define STBI_ONLY_GIF
// Private to this file, so another part of the program embedding stb_image cannot collide with it.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>

namespace shufflescope {
namespace {

// =================================================================================================
// [SECTION] Constants
// =================================================================================================

// Image files are compressed, so anything larger than this is not a photo worth decoding; the
// cap also keeps the byte count within stb's int length.
constexpr std::uintmax_t kMaxImageFileBytes = std::uintmax_t(256) << 20;

// ImageNet statistics on [0, 1] pixels (torchvision's reference values). The gray pair is the
// average of the three channels' values, the usual convention for one-channel ImageNet models.
constexpr double kImageNetMean[3] = {0.485, 0.456, 0.406};
constexpr double kImageNetStd[3] = {0.229, 0.224, 0.225};
constexpr double kImageNetGrayMean = 0.449;
constexpr double kImageNetGrayStd = 0.226;
// torchvision's evaluation transform: Resize(256) then CenterCrop(224).
constexpr double kImageNetResizeRatio = 256.0 / 224.0;

constexpr double kFashionMean = 0.2860;
constexpr double kFashionStd = 0.3530;
// Fashion-MNIST items are 28x28; the 32x32 training inputs add a 2-pixel black margin.
constexpr double kFashionBoxRatio = 28.0 / 32.0;
// Pixels within this fraction of an edge form the border ring for the inversion decision.
constexpr double kBorderFraction = 0.1;

constexpr double kGrayR = 0.299, kGrayG = 0.587, kGrayB = 0.114;

std::string formatGiB(double bytes) {
    std::ostringstream text;
    text.setf(std::ios::fixed);
    text.precision(1);
    text << bytes / double(1LL << 30) << " GiB";
    return text.str();
}

std::string formatMiB(double bytes) {
    std::ostringstream text;
    text.setf(std::ios::fixed);
    text.precision(1);
    text << bytes / double(1 << 20) << " MiB";
    return text.str();
}

// =================================================================================================
// [SECTION] Header sniffing
// =================================================================================================

// stb_image's own info functions refuse very large images ("Image too large to decode") instead
// of reporting their size, so when stb declines, the dimensions are read here to tell the user
// the actual problem. Only the fixed header fields are read; nothing is decoded.

uint32_t bigEndian16(const uint8_t* p) {
    return uint32_t(p[0]) << 8 | p[1];
}
uint32_t bigEndian32(const uint8_t* p) {
    return bigEndian16(p) << 16 | bigEndian16(p + 2);
}
uint32_t littleEndian16(const uint8_t* p) {
    return uint32_t(p[1]) << 8 | p[0];
}
uint32_t littleEndian32(const uint8_t* p) {
    return littleEndian16(p + 2) << 16 | littleEndian16(p);
}

struct SniffedSize {
    bool known = false;
    long long width = 0, height = 0;
};

SniffedSize sniffJpegSize(const uint8_t* bytes, std::size_t size) {
    // Walk the marker segments after SOI until a start-of-frame marker, which holds the size.
    std::size_t pos = 2;
    while (pos + 4 <= size) {
        if (bytes[pos] != 0xff) return {};
        const uint8_t marker = bytes[pos + 1];
        if (marker == 0xff) {  // fill byte
            ++pos;
            continue;
        }
        const bool startOfFrame =
            marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
        if (startOfFrame) {
            if (pos + 9 > size) return {};
            return {true, bigEndian16(bytes + pos + 7), bigEndian16(bytes + pos + 5)};
        }
        pos += 2 + bigEndian16(bytes + pos + 2);
    }
    return {};
}

SniffedSize sniffImageSize(const uint8_t* bytes, std::size_t size) {
    static constexpr uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (size >= 24 && std::memcmp(bytes, kPngSignature, 8) == 0 &&
        std::memcmp(bytes + 12, "IHDR", 4) == 0) {
        return {true, bigEndian32(bytes + 16), bigEndian32(bytes + 20)};
    }
    if (size >= 10 &&
        (std::memcmp(bytes, "GIF87a", 6) == 0 || std::memcmp(bytes, "GIF89a", 6) == 0)) {
        return {true, littleEndian16(bytes + 6), littleEndian16(bytes + 8)};
    }
    if (size >= 26 && bytes[0] == 'B' && bytes[1] == 'M') {
        const uint32_t dibSize = littleEndian32(bytes + 14);
        if (dibSize == 12) return {true, littleEndian16(bytes + 18), littleEndian16(bytes + 20)};
        // BMP heights are negative for top-down images.
        const auto width = static_cast<int32_t>(littleEndian32(bytes + 18));
        const auto height = static_cast<int32_t>(littleEndian32(bytes + 22));
        return {true, std::llabs(width), std::llabs(height)};
    }
    if (size >= 4 && bytes[0] == 0xff && bytes[1] == 0xd8) return sniffJpegSize(bytes, size);
    return {};
}

// =================================================================================================
// [SECTION] Guarding known stb_image defects
// =================================================================================================

// The system stb_image (2.27) writes past its Huffman tables when a JPEG DHT segment declares more
// than 256 codes (fixed upstream in 2.28, nothings/stb#1289): a crafted file could corrupt memory.
// The segments are walked here the way stb reaches them and such a table is refused before stb
// sees the file. The walk errs towards visiting more places than stb would (it resynchronises on
// any 0xFF), which can only refuse files stb would have refused or mis-decoded anyway.
// Returns the number of codes in the first oversized table, or 0 if there is none.
std::size_t oversizedJpegHuffmanTable(const uint8_t* bytes, std::size_t size) {
    // stb reads zeros past the end of its input; so does this walk.
    auto at = [&](std::size_t p) -> std::size_t { return p < size ? bytes[p] : 0; };
    auto isRestart = [](std::size_t marker) { return marker >= 0xd0 && marker <= 0xd7; };
    std::size_t pos = 2;  // after SOI
    while (pos < size) {
        if (bytes[pos] != 0xff) {  // padding between segments: stb skips it byte by byte
            ++pos;
            continue;
        }
        std::size_t p = pos + 1;
        while (p < size && bytes[p] == 0xff) ++p;  // fill bytes
        if (p >= size) break;
        const std::size_t marker = bytes[p];
        const std::size_t segment = p + 1;
        if (marker == 0xd9) break;  // end of image
        if (marker == 0x00 || marker == 0x01 || isRestart(marker) || marker == 0xd8) {
            pos = segment;  // markers without a length field
            continue;
        }
        const std::size_t length = at(segment) << 8 | at(segment + 1);
        if (marker == 0xc4) {
            // One DHT segment may hold several tables: class/id byte, 16 counts, the symbols.
            long long remaining = static_cast<long long>(length) - 2;
            std::size_t table = segment + 2;
            while (remaining > 0) {
                std::size_t codes = 0;
                for (std::size_t i = 1; i <= 16; ++i) codes += at(table + i);
                if (codes > 256) return codes;
                table += 17 + codes;
                remaining -= static_cast<long long>(17 + codes);
            }
        }
        pos = segment + length;
        if (marker == 0xda) {
            // Entropy-coded data follows a scan header and runs to the next marker that is
            // neither byte stuffing (FF 00) nor a restart marker.
            while (pos + 1 < size && !(bytes[pos] == 0xff && bytes[pos + 1] != 0x00 &&
                                       bytes[pos + 1] != 0xff && !isRestart(bytes[pos + 1]))) {
                ++pos;
            }
        }
    }
    return 0;
}

[[noreturn]] void refuseTooLarge(const std::string& context, long long width, long long height,
                                 double bytesNeeded) {
    throw Error(context + ": image is " + std::to_string(width) + " x " + std::to_string(height) +
                " pixels; decoding it would need " + formatGiB(bytesNeeded) + " (limit " +
                std::to_string(kMaxDecodedImageBytes >> 30) + " GiB)");
}

// =================================================================================================
// [SECTION] Alpha compositing
// =================================================================================================

// Transparent regions become white: a cut-out product photo on a transparent background is
// meant to be seen on a light page, and the fashion inversion then treats it as light-background.
uint8_t overWhite(uint8_t value, uint8_t alpha) {
    const int blended = value * alpha + 255 * (255 - alpha);
    return static_cast<uint8_t>((blended + 127) / 255);
}

// =================================================================================================
// [SECTION] Resizing
// =================================================================================================

// One axis of a separable resize. Output index o (of the slice [outBegin, outBegin + outCount)
// of the full resized axis) is sum_k weights[o*taps + k] * input[index[o*taps + k]].
struct AxisMap {
    int taps = 0;
    std::vector<int> index;
    std::vector<double> weights;
};

// inSize -> outSize along one axis: area averaging when shrinking (each output pixel is the mean
// of the input it covers, with fractional pixels weighted by their overlap, so nothing aliases);
// bilinear when enlarging, with PyTorch's align_corners=False convention (pixel centres at
// i + 0.5, sampling positions left of the first centre clamped to it). Only the requested slice
// of outputs is mapped, so a crop never pays for the pixels it discards.
AxisMap makeAxisMap(int inSize, long long outSize, long long outBegin, int outCount) {
    AxisMap map;
    if (outSize == inSize) {
        map.taps = 1;
        for (int o = 0; o < outCount; ++o) {
            map.index.push_back(static_cast<int>(outBegin + o));
            map.weights.push_back(1.0);
        }
        return map;
    }
    const double scale = double(inSize) / double(outSize);  // input pixels per output pixel
    if (outSize < inSize) {
        // A cell of `scale` pixels starting anywhere touches at most ceil(scale) + 1 of them; one
        // more tap (weight zero) absorbs any rounding in the cell edges.
        map.taps = static_cast<int>(std::ceil(scale)) + 2;
        for (int o = 0; o < outCount; ++o) {
            const long long i = outBegin + o;
            // Integer products keep the cell edges exact when the ratio is a whole number.
            const double lo = double(i * inSize) / double(outSize);
            const double hi = double((i + 1) * inSize) / double(outSize);
            const int first = static_cast<int>(std::floor(lo));
            const int last = std::min(inSize - 1, static_cast<int>(std::ceil(hi)) - 1);
            std::vector<double> cell;
            double total = 0;
            for (int j = first; j <= last; ++j) {
                const double overlap = std::min(hi, double(j + 1)) - std::max(lo, double(j));
                cell.push_back(std::max(0.0, overlap));
                total += cell.back();
            }
            for (int k = 0; k < map.taps; ++k) {
                const bool used = k < static_cast<int>(cell.size());
                map.index.push_back(used ? first + k : first);
                // Dividing by the summed overlap (not the nominal scale) keeps a constant image
                // constant to the last bit after rounding to float.
                map.weights.push_back(used ? cell[std::size_t(k)] / total : 0.0);
            }
        }
        return map;
    }
    map.taps = 2;
    for (int o = 0; o < outCount; ++o) {
        const long long i = outBegin + o;
        const double source = std::max(0.0, (double(i) + 0.5) * scale - 0.5);
        const int left = std::min(inSize - 1, static_cast<int>(std::floor(source)));
        const int right = std::min(inSize - 1, left + 1);
        const double t = left == inSize - 1 ? 0.0 : source - left;
        map.index.push_back(left);
        map.index.push_back(right);
        map.weights.push_back(1.0 - t);
        map.weights.push_back(t);
    }
    return map;
}

// Resizes channel `channel` of an interleaved HWC uint8 image through the two axis maps and
// returns a (ys outputs x xs outputs) row-major plane on the 0..255 scale. Rows are resized first,
// and only the input rows the vertical map reads, so the intermediate stays small even when a
// crop keeps a sliver of a very tall image. It is kept in double so a constant image stays
// exactly constant.
std::vector<float> resizeChannel(const DecodedImage& image, int channel, const AxisMap& xs,
                                 const AxisMap& ys) {
    const int outW = static_cast<int>(xs.index.size()) / xs.taps;
    const int outH = static_cast<int>(ys.index.size()) / ys.taps;
    const int inW = image.width, stride = image.channels;
    const auto [lowest, highest] = std::minmax_element(ys.index.begin(), ys.index.end());
    const int firstRow = *lowest, rowCount = *highest - *lowest + 1;

    std::vector<double> rows(std::size_t(rowCount) * std::size_t(outW));
    for (int r = 0; r < rowCount; ++r) {
        const uint8_t* in =
            image.pixels.data() + std::size_t(firstRow + r) * inW * stride + channel;
        double* out = rows.data() + std::size_t(r) * outW;
        for (int x = 0; x < outW; ++x) {
            double sum = 0;
            for (int k = 0; k < xs.taps; ++k) {
                const std::size_t tap = std::size_t(x) * xs.taps + k;
                sum += xs.weights[tap] * in[std::size_t(xs.index[tap]) * stride];
            }
            out[x] = sum;
        }
    }
    std::vector<float> plane(std::size_t(outH) * std::size_t(outW));
    for (int y = 0; y < outH; ++y) {
        for (int x = 0; x < outW; ++x) {
            double sum = 0;
            for (int k = 0; k < ys.taps; ++k) {
                const std::size_t tap = std::size_t(y) * ys.taps + k;
                sum += ys.weights[tap] * rows[std::size_t(ys.index[tap] - firstRow) * outW + x];
            }
            plane[std::size_t(y) * outW + x] = static_cast<float>(sum);
        }
    }
    return plane;
}

// The image resized through the maps as one gray plane (0..255). Color images are resized per
// channel and mixed afterwards: both steps are linear, so the order does not change the result,
// and it avoids a full-resolution float copy of the photo.
std::vector<float> resizeGray(const DecodedImage& image, const AxisMap& xs, const AxisMap& ys) {
    if (image.channels == 1) return resizeChannel(image, 0, xs, ys);
    const std::vector<float> r = resizeChannel(image, 0, xs, ys);
    const std::vector<float> g = resizeChannel(image, 1, xs, ys);
    const std::vector<float> b = resizeChannel(image, 2, xs, ys);
    std::vector<float> gray(r.size());
    for (std::size_t i = 0; i < gray.size(); ++i) {
        gray[i] = static_cast<float>(kGrayR * r[i] + kGrayG * g[i] + kGrayB * b[i]);
    }
    return gray;
}

// =================================================================================================
// [SECTION] Presets
// =================================================================================================

void checkImageConfig(const ModelConfig& config) {
    if (config.inChannels != 1 && config.inChannels != 3) {
        throw Error("the model takes " + std::to_string(config.inChannels) +
                    " input channels, but images only give 1 (gray) or 3 (RGB); use a .npy "
                    "file for this model's input");
    }
    if (config.inputHeight < 1 || config.inputWidth < 1) {
        throw Error("the model's input size " + std::to_string(config.inputHeight) + "x" +
                    std::to_string(config.inputWidth) + " is not a valid image size");
    }
    if (config.preset != "imagenet" && config.preset != "fashion") {
        throw Error("unknown preset '" + config.preset +
                    "': image preprocessing exists for 'imagenet' and 'fashion'");
    }
}

float normalise(float pixel255, double mean, double std) {
    return static_cast<float>((double(pixel255) / 255.0 - mean) / std);
}

Tensor preprocessImageNet(const DecodedImage& image, const ModelConfig& config) {
    const int outH = config.inputHeight, outW = config.inputWidth;
    const long long inW = image.width, inH = image.height;

    // Resize(shortSide): the shorter side becomes shortSide and the longer keeps the aspect
    // ratio, truncated as torchvision's int() does, so inputs match the training pipeline.
    const long long shortSide = std::llround(std::min(outH, outW) * kImageNetResizeRatio);
    long long resizedW = 0, resizedH = 0;
    if (inW <= inH) {
        resizedW = shortSide;
        resizedH = shortSide * inH / inW;
    } else {
        resizedH = shortSide;
        resizedW = shortSide * inW / inH;
    }
    // A non-square input could ask for a crop wider than the resized image (torchvision would pad
    // with black); scaling up until the crop fits keeps the whole input filled with the photo.
    if (resizedW < outW || resizedH < outH) {
        const double scale = std::max(double(outW) / double(inW), double(outH) / double(inH));
        resizedW = std::max<long long>(outW, std::llround(std::ceil(double(inW) * scale)));
        resizedH = std::max<long long>(outH, std::llround(std::ceil(double(inH) * scale)));
    }
    // CenterCrop's offsets use Python's round(), which rounds halves to even; nearbyint in the
    // default rounding mode does the same.
    const auto top = static_cast<long long>(std::nearbyint(double(resizedH - outH) / 2.0));
    const auto left = static_cast<long long>(std::nearbyint(double(resizedW - outW) / 2.0));
    const AxisMap xs = makeAxisMap(image.width, resizedW, left, outW);
    const AxisMap ys = makeAxisMap(image.height, resizedH, top, outH);

    Tensor tensor({1, config.inChannels, outH, outW});
    const std::size_t planeSize = std::size_t(outH) * std::size_t(outW);
    if (config.inChannels == 1) {
        const std::vector<float> gray = resizeGray(image, xs, ys);
        for (std::size_t i = 0; i < planeSize; ++i) {
            tensor.data()[i] = normalise(gray[i], kImageNetGrayMean, kImageNetGrayStd);
        }
        return tensor;
    }
    for (int c = 0; c < 3; ++c) {
        // A gray photo feeds the same plane to all three channels.
        const std::vector<float> plane =
            resizeChannel(image, std::min(c, image.channels - 1), xs, ys);
        float* out = tensor.data() + std::size_t(c) * planeSize;
        for (std::size_t i = 0; i < planeSize; ++i) {
            out[i] = normalise(plane[i], kImageNetMean[c], kImageNetStd[c]);
        }
    }
    return tensor;
}

// Fashion-MNIST is light garments on black. Photos usually show dark-ish items on a light
// background, so when the outer ring is light and lighter than the middle, the photo is
// inverted. Images too small to have a middle are left alone: there is nothing to compare.
bool hasLightBackground(const DecodedImage& image) {
    const int w = image.width, h = image.height;
    const int ringX = std::max(1, static_cast<int>(std::lround(kBorderFraction * w)));
    const int ringY = std::max(1, static_cast<int>(std::lround(kBorderFraction * h)));
    double borderSum = 0, centreSum = 0;
    long long borderCount = 0, centreCount = 0;
    for (int y = 0; y < h; ++y) {
        const uint8_t* row = image.pixels.data() + std::size_t(y) * w * image.channels;
        const bool borderRow = y < ringY || y >= h - ringY;
        for (int x = 0; x < w; ++x) {
            const uint8_t* p = row + std::size_t(x) * image.channels;
            const double gray =
                image.channels == 1 ? p[0] : kGrayR * p[0] + kGrayG * p[1] + kGrayB * p[2];
            if (borderRow || x < ringX || x >= w - ringX) {
                borderSum += gray;
                ++borderCount;
            } else {
                centreSum += gray;
                ++centreCount;
            }
        }
    }
    if (borderCount == 0 || centreCount == 0) return false;
    const double border = borderSum / double(borderCount) / 255.0;
    const double centre = centreSum / double(centreCount) / 255.0;
    return border > 0.5 && border > centre;
}

Tensor preprocessFashion(const DecodedImage& image, const ModelConfig& config,
                         PreprocessInfo* info) {
    const int outH = config.inputHeight, outW = config.inputWidth;
    const bool invert = hasLightBackground(image);
    if (info != nullptr) info->inverted = invert;

    // The item box is 28x28 in a 32x32 input, scaled in proportion for other input sizes.
    const long long boxW = std::max(1L, std::lround(kFashionBoxRatio * outW));
    const long long boxH = std::max(1L, std::lround(kFashionBoxRatio * outH));
    // Fit inside the box keeping the aspect ratio, in integers so the limiting side is exact.
    const long long inW = image.width, inH = image.height;
    long long fitW = 0, fitH = 0;
    if (inW * boxH >= inH * boxW) {
        fitW = boxW;
        fitH = (2 * inH * boxW + inW) / (2 * inW);
    } else {
        fitH = boxH;
        fitW = (2 * inW * boxH + inH) / (2 * inH);
    }
    fitW = std::clamp(fitW, 1LL, boxW);
    fitH = std::clamp(fitH, 1LL, boxH);
    const AxisMap xs = makeAxisMap(image.width, fitW, 0, static_cast<int>(fitW));
    const AxisMap ys = makeAxisMap(image.height, fitH, 0, static_cast<int>(fitH));
    std::vector<float> item = resizeGray(image, xs, ys);
    // Inverting after resizing equals inverting first: the resize weights sum to one.
    if (invert) {
        for (float& v : item) v = 255.0f - v;
    }

    const float background = normalise(0.0f, kFashionMean, kFashionStd);
    std::vector<float> plane(std::size_t(outH) * std::size_t(outW), background);
    const long long top = (outH - fitH) / 2, left = (outW - fitW) / 2;
    for (long long y = 0; y < fitH; ++y) {
        for (long long x = 0; x < fitW; ++x) {
            plane[std::size_t((top + y) * outW + left + x)] =
                normalise(item[std::size_t(y * fitW + x)], kFashionMean, kFashionStd);
        }
    }

    // Fashion input is gray by definition; a 3-channel model gets the same plane three times.
    Tensor tensor({1, config.inChannels, outH, outW});
    for (int c = 0; c < config.inChannels; ++c) {
        std::copy(plane.begin(), plane.end(), tensor.data() + std::size_t(c) * plane.size());
    }
    return tensor;
}

bool hasNpyExtension(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".npy";
}

Tensor loadNpyInput(const std::string& path, const ModelConfig& config) {
    const std::vector<int64_t> expected = {config.inChannels, config.inputHeight,
                                           config.inputWidth};
    // The header's shape is checked before the data is allocated (a header may promise 8 GiB).
    Tensor tensor =
        readNpy(path, {{expected, {1, expected[0], expected[1], expected[2]}}, "the model input"});
    const std::vector<int64_t>& shape = tensor.shape();
    const bool matches =
        shape == expected || (shape.size() == 4 && shape[0] == 1 &&
                              std::equal(expected.begin(), expected.end(), shape.begin() + 1));
    if (!matches) {
        throw Error(path + ": shape " + npyShapeString(shape) + " does not match the model input " +
                    npyShapeString(expected));
    }
    // A NaN or inf would flow through every layer and make every picture blank; better to say so.
    for (int64_t i = 0; i < tensor.size(); ++i) {
        if (!std::isfinite(tensor[i])) {
            const int64_t plane = int64_t(config.inputHeight) * config.inputWidth;
            std::ostringstream message;
            message << path << ": the value at (channel " << i / plane << ", row "
                    << (i % plane) / config.inputWidth << ", column " << i % config.inputWidth
                    << ") is " << tensor[i] << "; input values must be finite";
            throw Error(message.str());
        }
    }
    tensor.reshape({1, config.inChannels, config.inputHeight, config.inputWidth});
    return tensor;
}

}  // namespace

// =================================================================================================
// [SECTION] Decoding
// =================================================================================================

DecodedImage decodeImageFile(const std::string& path) {
    std::error_code sizeError;
    const std::uintmax_t fileSize = std::filesystem::file_size(path, sizeError);
    if (sizeError) throw Error(path + ": cannot read: " + sizeError.message());
    if (fileSize > kMaxImageFileBytes) {
        throw Error(path + ": file is " + formatMiB(double(fileSize)) +
                    "; image files over 256 MiB are not accepted");
    }
    errno = 0;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                         &std::fclose);
    if (!file) throw Error(path + ": cannot open: " + std::strerror(errno));
    std::vector<uint8_t> bytes(fileSize);
    if (std::fread(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) {
        throw Error(path + ": cannot read: the file changed size while being read");
    }
    return decodeImageMemory(bytes.data(), bytes.size(), path);
}

DecodedImage decodeImageMemory(const uint8_t* bytes, std::size_t size, const std::string& context) {
    if (size == 0) throw Error(context + ": the file is empty");
    if (size > kMaxImageFileBytes) {
        throw Error(context + ": file is " + formatMiB(double(size)) +
                    "; image files over 256 MiB are not accepted");
    }
    const int length = static_cast<int>(size);

    if (size >= 2 && bytes[0] == 0xff && bytes[1] == 0xd8) {
        if (const std::size_t codes = oversizedJpegHuffmanTable(bytes, size); codes > 0) {
            throw Error(context +
                        ": not a readable image (Corrupt JPEG: a Huffman table declares " +
                        std::to_string(codes) + " codes; at most 256 exist)");
        }
    }

    int width = 0, height = 0, fileChannels = 0;
    if (!stbi_info_from_memory(bytes, length, &width, &height, &fileChannels)) {
        const std::string reason = stbi_failure_reason() ? stbi_failure_reason() : "unknown error";
        const SniffedSize sniffed = sniffImageSize(bytes, size);
        // stb refuses huge images in its header parse; report their size instead of "corrupt".
        if (sniffed.known &&
            double(sniffed.width) * double(sniffed.height) * 4.0 > double(kMaxDecodedImageBytes)) {
            refuseTooLarge(context, sniffed.width, sniffed.height,
                           double(sniffed.width) * double(sniffed.height) * 4.0);
        }
        throw Error(context + ": not a readable image (" + reason + ")");
    }
    // stb's BMP info reports a top-down image's height as negative (its loader takes the
    // absolute value), and the size check must not be fooled by the sign.
    const long long headerW = std::llabs(width), headerH = std::llabs(height);
    // stb decodes into 4 bytes per pixel here (see below); 16-bit PNGs pass through a buffer of
    // twice that before being narrowed to 8 bits.
    const double bytesPerPixel = stbi_is_16_bit_from_memory(bytes, length) ? 8.0 : 4.0;
    const double bytesNeeded = double(headerW) * double(headerH) * bytesPerPixel;
    if (bytesNeeded > double(kMaxDecodedImageBytes)) {
        refuseTooLarge(context, headerW, headerH, bytesNeeded);
    }

    // Always ask for an alpha channel: it picks up PNG tRNS transparency (which stb does not
    // report in the channel count) so every transparent pixel is composited the same way.
    const bool gray = fileChannels <= 2;
    const int requested = gray ? 2 : 4;
    int decodedW = 0, decodedH = 0, ignored = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load_from_memory(bytes, length, &decodedW, &decodedH, &ignored, requested),
        &stbi_image_free);
    if (!pixels) {
        const char* reason = stbi_failure_reason();
        throw Error(context + ": cannot decode the image (" +
                    std::string(reason ? reason : "unknown error") + ")");
    }
    if (decodedW < 1 || decodedH < 1) throw Error(context + ": the image has no pixels");

    DecodedImage image;
    image.width = decodedW;
    image.height = decodedH;
    image.channels = gray ? 1 : 3;
    const std::size_t count = std::size_t(decodedW) * std::size_t(decodedH);
    image.pixels.resize(count * std::size_t(image.channels));
    const stbi_uc* in = pixels.get();
    uint8_t* out = image.pixels.data();
    for (std::size_t i = 0; i < count; ++i, in += requested) {
        const uint8_t alpha = in[requested - 1];
        for (int c = 0; c < image.channels; ++c) *out++ = overWhite(in[c], alpha);
    }
    return image;
}

// =================================================================================================
// [SECTION] Preprocessing and loading
// =================================================================================================

Tensor preprocessImage(const DecodedImage& image, const ModelConfig& config, PreprocessInfo* info) {
    checkImageConfig(config);
    if (info != nullptr) *info = PreprocessInfo{};
    // The struct's invariants are the decoder's promises; a caller building one by hand that
    // breaks them is a programmer error, but refusing costs nothing and avoids reading past it.
    if (image.width < 1 || image.height < 1 || (image.channels != 1 && image.channels != 3) ||
        image.pixels.size() !=
            std::size_t(image.width) * std::size_t(image.height) * std::size_t(image.channels)) {
        throw Error("the decoded image is inconsistent (" + std::to_string(image.width) + "x" +
                    std::to_string(image.height) + "x" + std::to_string(image.channels) + ", " +
                    std::to_string(image.pixels.size()) + " bytes)");
    }
    if (config.preset == "fashion") return preprocessFashion(image, config, info);
    return preprocessImageNet(image, config);
}

Tensor loadInput(const std::string& path, const ModelConfig& config, PreprocessInfo* info) {
    if (info != nullptr) *info = PreprocessInfo{};
    if (hasNpyExtension(path)) return loadNpyInput(path, config);
    // Checked before decoding so a model that cannot take images does not pay for the decode.
    try {
        checkImageConfig(config);
    } catch (const Error& error) {
        throw Error(path + ": " + error.what());
    }
    return preprocessImage(decodeImageFile(path), config, info);
}

}  // namespace shufflescope
