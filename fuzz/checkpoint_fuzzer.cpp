// Checkpoints as the app and `shufflescope-cli --weights` open them: the safetensors container,
// the metadata JSON, the stored configuration and the check of every tensor against it; then the
// same bytes as weights for a network given from outside (a file PyTorch wrote has no metadata),
// and as a training run to resume (`train --resume`).
#include <cstddef>
#include <cstdint>

#include "fuzz_input_file.h"
#include "shufflescope/base/error.h"
#include "shufflescope/io/checkpoint.h"
#include "shufflescope/train/training_run.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    using namespace shufflescope;
    static const Network fashion = Network::build(presetConfig("fashion"));
    const std::string path = fuzz::writeFuzzInput(data, size, "fuzz.safetensors");
    try {
        Checkpoint checkpoint = readCheckpoint(path);
        if (checkpoint.config) Network::build(*checkpoint.config);
    } catch (const Error&) {
        // A message naming the file: the expected outcome for a malformed file.
    }
    try {
        loadParameters(path, fashion);
    } catch (const Error&) {
    }
    try {
        // A training checkpoint: the recipe, epochs done and history in the metadata, the
        // optimiser's momentum beside the parameters.
        train::TrainingRun::resume(path);
    } catch (const Error&) {
    }
    return 0;
}
