#pragma once
// Checkpoints: safetensors files holding a network's parameters under the PyTorch state-dict names
// listed in the README ("Checkpoints"), with the ModelConfig as JSON in __metadata__ under
// "shufflescope.config". A PyTorch module with the same attribute names loads them with
// load_state_dict; files PyTorch wrote (no metadata) load given the configuration.
// "*.num_batches_tracked" and "optimizer.*" entries are accepted and ignored.

#include <map>
#include <optional>
#include <string>

#include "shufflescope/io/checkpoint_metadata.h"
#include "shufflescope/io/safetensors.h"
#include "shufflescope/model/config.h"
#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"

namespace shufflescope {

// Tensors under this prefix are a training run's optimiser state, not parameters: readers of
// weights skip them (a resumable training checkpoint is also a usable weights file).
inline constexpr const char* kOptimizerKeyPrefix = "optimizer.";

struct Checkpoint {
    std::optional<ModelConfig> config;            // from __metadata__, when present
    Parameters parameters;                        // F16/BF16 already widened to float32
    CheckpointMetadata info;                      // the known __metadata__ entries, typed
    std::map<std::string, std::string> metadata;  // every __metadata__ entry as stored
};

// Reads the file and, when it carries a configuration, checks every tensor against it (missing,
// extra or wrongly shaped keys, a configuration that contradicts the tensors). Throws Error.
Checkpoint readCheckpoint(const std::string& path);

// Reads the file and checks its tensors against `network`; if the file carries a configuration
// that differs from network.config(), throws Error saying which fields differ.
Parameters loadParameters(const std::string& path, const Network& network);

// Writes parameters (checked against the network first) with the configuration and format in the
// metadata, plus `extraMetadata` (usually CheckpointMetadata::entries()).
void saveCheckpoint(const std::string& path, const Network& network, const Parameters& parameters,
                    const std::map<std::string, std::string>& extraMetadata = {},
                    StorageType storage = StorageType::F32);

}  // namespace shufflescope
