#pragma once
// ModelConfig <-> JSON, as stored in a checkpoint's __metadata__ and printed by the CLI.
// Parsing validates types and ranges and names the offending field; `context` (a file name)
// prefixes every message.

#include <nlohmann/json.hpp>
#include <string>

#include "shufflescope/model/config.h"

namespace shufflescope {

nlohmann::json configToJson(const ModelConfig& config);
ModelConfig configFromJson(const nlohmann::json& json, const std::string& context);

}  // namespace shufflescope
