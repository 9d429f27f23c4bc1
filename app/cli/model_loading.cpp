#include "model_loading.h"

#include "output.h"
#include "shufflescope/base/error.h"
#include "shufflescope/io/checkpoint.h"
#include "shufflescope/io/config_json.h"
#include "shufflescope/model/initialization.h"

namespace shufflescope::cli {

namespace {

// Explicit flags must agree with the configuration a checkpoint was saved with.
void checkFlagsAgree(const Options& options, const ModelConfig& stored, const std::string& path) {
    const nlohmann::json requested = configToJson(options.config);
    const nlohmann::json saved = configToJson(stored);
    for (const std::string& field : options.configFlags)
        if (requested.at(field) != saved.at(field))
            throw Error(displayPath(path) + ": the checkpoint was saved with " + field + " = " +
                        saved.at(field).dump() + ", but the command line asks for " +
                        requested.at(field).dump());
}

}  // namespace

LoadedModel loadModel(const Options& options) {
    if (!options.weights) {
        const Activity activity("building the network and its random weights");
        Network network = Network::build(options.config);
        Parameters parameters = randomParameters(network, options.seed);
        return {std::move(network), std::move(parameters),
                "random (seed " + std::to_string(options.seed) + ") - untrained", false};
    }
    const std::string& path = *options.weights;
    const Activity activity("reading the checkpoint " + displayPath(path));
    Checkpoint checkpoint = readCheckpoint(path);
    ModelConfig config = options.config;
    if (checkpoint.config) {
        checkFlagsAgree(options, *checkpoint.config, path);
        config = *checkpoint.config;
    }
    Network network = Network::build(config);
    checkParameters(network, checkpoint.parameters, path);
    return {std::move(network), std::move(checkpoint.parameters), path, checkpoint.info.trained};
}

}  // namespace shufflescope::cli
