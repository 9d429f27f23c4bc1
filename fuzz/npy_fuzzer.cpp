// .npy input files: the magic, the version, the header dictionary (dtype, order, shape), the data
// size against the file's, then the check against the model's input as `--input x.npy` does it.
#include <cstddef>
#include <cstdint>

#include "fuzz_input_file.h"
#include "shufflescope/base/error.h"
#include "shufflescope/io/image_input.h"
#include "shufflescope/io/npy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    using namespace shufflescope;
    static const ModelConfig fashion = presetConfig("fashion");
    const std::string path = fuzz::writeFuzzInput(data, size, "fuzz.npy");
    try {
        readNpy(path);
    } catch (const Error&) {
    }
    try {
        loadInput(path, fashion);
    } catch (const Error&) {
    }
    return 0;
}
