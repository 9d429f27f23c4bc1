#pragma once
// What a checkpoint says about itself besides its tensors, as one typed structure. The keys of the
// safetensors __metadata__ are defined here and nowhere else; the trainer, the export, the CLI,
// the app's weights loader and the Train panel all read and write through this.
//
//   "shufflescope.config"  the ModelConfig as JSON (config_json.h)    -> Checkpoint::config
//   "format"               "shufflescope-checkpoint-1"                (written by saveCheckpoint)
//   "trained"              "true" / "false"
//   "epochs", "seed"       the training recipe's epoch count and seed (exported models)
//   "test_accuracy"        fraction correct on the test set, 0..1
//   "test_accuracy_f32"    the same before narrowing to F16/BF16 (exported models)
//   "test_images"          how many test images that accuracy was measured on
//   "training"             a training run's state as JSON (recipe, epochs_done, history)
// Every value is a string, as safetensors requires. Numbers that do not parse or are out of range
// read as absent (the file still loads; a view then shows no number rather than a wrong one).

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace shufflescope {

inline constexpr const char* kConfigMetadataKey = "shufflescope.config";
inline constexpr const char* kFormatMetadataKey = "format";
inline constexpr const char* kCheckpointFormat = "shufflescope-checkpoint-1";
inline constexpr const char* kTrainingMetadataKey = "training";

struct CheckpointMetadata {
    bool trained = false;
    std::optional<int> epochs;
    std::optional<uint64_t> seed;
    std::optional<double> testAccuracy;     // 0..1
    std::optional<double> testAccuracyF32;  // 0..1
    std::optional<int> testImages;          // >= 1
    std::optional<std::string> training;    // JSON text

    // The entries this structure stands for (the configuration and format are added by
    // saveCheckpoint, which knows the network).
    std::map<std::string, std::string> entries() const;
};

// Reads the known keys of a file's __metadata__; the others are ignored.
CheckpointMetadata parseCheckpointMetadata(const std::map<std::string, std::string>& entries);

// A checkpoint's metadata without reading its tensors (the header only). Throws Error naming the
// path when the file is not valid safetensors.
CheckpointMetadata readCheckpointMetadata(const std::string& path);

}  // namespace shufflescope
