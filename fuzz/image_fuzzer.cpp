// Images a user opens (PNG, JPEG, BMP, GIF): the format sniffing, the size limits checked before
// decoding, the decoders, and the preprocessing of what they return for both presets.
#include <cstddef>
#include <cstdint>

#include "shufflescope/base/error.h"
#include "shufflescope/io/image_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    using namespace shufflescope;
    static const ModelConfig imagenet = presetConfig("imagenet");
    static const ModelConfig fashion = presetConfig("fashion");
    try {
        const DecodedImage image = decodeImageMemory(data, size, "fuzz image");
        preprocessImage(image, fashion);
        // The ImageNet resize is the costlier one; a decoded image is bounded already.
        preprocessImage(image, imagenet);
    } catch (const Error&) {
    }
    return 0;
}
