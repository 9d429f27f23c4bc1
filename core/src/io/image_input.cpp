// Turning a user's file into the network's input tensor: recognising the format by its magic
// bytes and handing it to its decoder (image_decode_*.cpp), compositing alpha on white, resizing
// (area averaging / bilinear, written here so the maths is ours to test), and the per-preset
// preprocessing described in image_input.h.

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

#include "image_decode.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/input_file.h"
#include "shufflescope/io/npy.h"

namespace shufflescope {
namespace {

// =================================================================================================
// [SECTION] Constants
// =================================================================================================

// Image files are compressed, so anything larger than this is not a photo worth decoding.
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

std::string formatMiB(double bytes) {
    std::ostringstream text;
    text.setf(std::ios::fixed);
    text.precision(1);
    text << bytes / double(1 << 20) << " MiB";
    return text.str();
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

// The decoder's image with any alpha channel composited away: gray (+ alpha) becomes one channel,
// RGB (+ alpha) three. Done in place — each output pixel is written at or before the input pixel
// it comes from — so the decode buffer is the only full-size allocation.
DecodedImage compositeOnWhite(image_decode::RawImage raw) {
    DecodedImage image;
    image.width = raw.width;
    image.height = raw.height;
    image.channels = raw.channels <= 2 ? 1 : 3;
    image.pixels = std::move(raw.pixels);
    if (raw.channels == image.channels) return image;
    const std::size_t count = std::size_t(image.width) * std::size_t(image.height);
    const std::size_t in = std::size_t(raw.channels), out = std::size_t(image.channels);
    uint8_t* pixels = image.pixels.data();
    for (std::size_t i = 0; i < count; ++i) {
        const uint8_t alpha = pixels[i * in + in - 1];
        for (std::size_t c = 0; c < out; ++c) {
            pixels[i * out + c] = overWhite(pixels[i * in + c], alpha);
        }
    }
    image.pixels.resize(count * out);
    return image;
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
    // A NaN or inf would flow through every layer and make every picture blank; better to say so.
    for (int64_t i = 0; i < tensor.size(); ++i) {
        if (!std::isfinite(tensor[i])) {
            const int64_t plane = int64_t(config.inputHeight) * config.inputWidth;
            std::ostringstream message;
            message << displayPath(path) << ": the value at (channel " << i / plane << ", row "
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
    // Only a regular file is read (a FIFO would wait forever), and its size is checked first.
    InputFile in = openInputFile(path, "an image (PNG, JPEG, BMP or GIF)");
    const std::string shown = displayPath(path);
    if (in.size > kMaxImageFileBytes) {
        throw Error(shown + ": file is " + formatMiB(double(in.size)) +
                    "; image files over 256 MiB are not accepted");
    }
    std::vector<uint8_t> bytes(in.size);
    if (std::fread(bytes.data(), 1, bytes.size(), in.file.get()) != bytes.size()) {
        throw Error(shown + ": cannot read: the file changed size while being read");
    }
    return decodeImageMemory(bytes.data(), bytes.size(), shown);
}

DecodedImage decodeImageMemory(const uint8_t* bytes, std::size_t size, const std::string& context) {
    if (size == 0) throw Error(context + ": the file is empty");
    if (size > kMaxImageFileBytes) {
        throw Error(context + ": file is " + formatMiB(double(size)) +
                    "; image files over 256 MiB are not accepted");
    }
    // The magic bytes, not the file name, choose the decoder: a renamed file still decodes.
    static constexpr uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    auto startsWith = [&](const void* magic, std::size_t length) {
        return size >= length && std::memcmp(bytes, magic, length) == 0;
    };
    if (startsWith(kPngSignature, 8)) {
        return compositeOnWhite(image_decode::decodePng(bytes, size, context));
    }
    if (startsWith("\xff\xd8\xff", 3)) {
        return compositeOnWhite(image_decode::decodeJpeg(bytes, size, context));
    }
    if (startsWith("GIF87a", 6) || startsWith("GIF89a", 6)) {
        return compositeOnWhite(image_decode::decodeGif(bytes, size, context));
    }
    if (startsWith("BM", 2)) return compositeOnWhite(image_decode::decodeBmp(bytes, size, context));
    throw Error(context + ": not a readable image (not a PNG, JPEG, GIF or BMP file)");
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
        throw Error(displayPath(path) + ": " + error.what());
    }
    return preprocessImage(decodeImageFile(path), config, info);
}

}  // namespace shufflescope
