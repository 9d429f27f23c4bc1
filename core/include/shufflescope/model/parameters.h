#pragma once
// Parameters: the network's tensors keyed by checkpoint name ("stages.0.1.pw1.weight"), shapes as
// in the PyTorch state dict (see network.h ParameterSpec).

#include <map>
#include <string>

#include "shufflescope/base/tensor.h"
#include "shufflescope/model/network.h"

namespace shufflescope {

using Parameters = std::map<std::string, Tensor>;

// Throws Error if a tensor the network needs is missing, has the wrong shape, or an unknown key
// is present. `context` (a file name) prefixes the message.
void checkParameters(const Network& network, const Parameters& parameters,
                     const std::string& context);

// Looks up name; asserts it exists (callers have run checkParameters).
const Tensor& parameter(const Parameters& parameters, const std::string& name);

}  // namespace shufflescope
