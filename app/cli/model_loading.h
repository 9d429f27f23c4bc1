#pragma once
// Builds the network and its parameters from the command line: a checkpoint (whose stored
// configuration wins; explicit flags that contradict it are an error) or seeded random weights.

#include <string>

#include "options.h"
#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"

namespace shufflescope::cli {

struct LoadedModel {
    Network network;
    Parameters parameters;
    std::string weightsDescription;  // "random (seed 1) - untrained" or the file name
    bool trained = false;            // from the checkpoint's metadata
};

LoadedModel loadModel(const Options& options);

}  // namespace shufflescope::cli
