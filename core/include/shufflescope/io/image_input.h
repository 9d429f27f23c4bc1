#pragma once
// Turning a user's file into the network's input tensor [1, C, H, W].
//
// Images are decoded by format, recognised from their magic bytes: PNG with libpng, JPEG with
// libjpeg-turbo, GIF (the first frame) with giflib, BMP with a reader of our own. Each decoder
// reads the image's size from its header first and refuses, before any large allocation, an
// image whose decoded pixels would need over 1 GiB or that has more pixels than the file's bytes
// could describe (core/src/io/image_decode.h). Preprocessing per preset:
//   imagenet  RGB; resize so the shorter side is 256/224 of the input's, centre crop; ImageNet mean
//             and std normalisation.
//   fashion   grayscale; light-background photos (border brighter than 0.5 and than the centre) are
//             inverted,
//             because Fashion-MNIST is light-on-black; fit into 28x28 keeping aspect, centred in
//             the input (32x32: 2-pixel black margin as the training data is padded); normalised
//             with Fashion-MNIST's mean 0.2860 and std 0.3530.
// Shrinking uses area averaging (antialiased); enlarging uses bilinear interpolation.
// .npy files hold exact numeric input: float32 (C,H,W) or (1,C,H,W) matching the configuration.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/model/config.h"

namespace shufflescope {

inline constexpr long long kMaxDecodedImageBytes = 1LL << 30;

struct DecodedImage {
    int width = 0, height = 0;
    int channels = 0;             // 1 (gray) or 3 (RGB); alpha is composited on white
    std::vector<uint8_t> pixels;  // HWC, row-major
};

// Throws Error naming the file: unreadable, not an image, truncated, or too large.
DecodedImage decodeImageFile(const std::string& path);
DecodedImage decodeImageMemory(const uint8_t* bytes, std::size_t size, const std::string& context);

struct PreprocessInfo {
    bool inverted = false;  // fashion: the photo had a light background and was inverted
};

// Returns [1, inChannels, inputHeight, inputWidth]. Throws Error if the model's input channels are
// neither 1 nor 3 (such models take .npy input).
Tensor preprocessImage(const DecodedImage& image, const ModelConfig& config,
                       PreprocessInfo* info = nullptr);

// Dispatches on the extension: ".npy" -> readNpy + shape check, otherwise decode + preprocess.
Tensor loadInput(const std::string& path, const ModelConfig& config,
                 PreprocessInfo* info = nullptr);

}  // namespace shufflescope
