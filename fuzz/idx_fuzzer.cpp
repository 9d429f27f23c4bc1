// Fashion-MNIST's IDX files (gzip-compressed or plain), an images file and a labels file read as
// a pair. The input's first byte says where to split it: the images file, then the labels file.
#include <cstddef>
#include <cstdint>

#include "fuzz_input_file.h"
#include "shufflescope/base/error.h"
#include "shufflescope/train/fashion_mnist.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    using namespace shufflescope;
    if (size < 1) return 0;
    // The split point, as a fraction of the rest in 1/255ths: 255 leaves the labels file empty.
    const std::size_t rest = size - 1;
    const std::size_t split = rest * data[0] / 255;
    const std::string images = fuzz::writeFuzzInput(data + 1, split, "images-idx3-ubyte");
    const std::string labels =
        fuzz::writeFuzzInput(data + 1 + split, rest - split, "labels-idx1-ubyte");
    try {
        train::readIdxDataset(images, labels);
    } catch (const Error&) {
    }
    return 0;
}
