#pragma once
// Each step's parameter tensors as pointers, resolved once from the name-keyed Parameters when a
// network and its parameters are set up, so that no pass over images builds a key or searches a
// map. Index i of a binding belongs to network step i; a step without parameters has all-null
// pointers. The fast path (fast_forward.h) resolves its tensors the same way, at construction.
//
// A binding points into the Parameters it was made from: it stays valid while those tensors are
// neither replaced nor removed (values may change in place, as SGD changes them).

#include <vector>

#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"

namespace shufflescope {

// Float is `const float` for reading (inference) or `float` for writing (training: the running
// statistics, SGD, gradients).
template <typename Float>
struct StepTensors {
    Float* weight = nullptr;       // conv / FC weight, BN gamma
    Float* bias = nullptr;         // FC bias, BN beta
    Float* runningMean = nullptr;  // BN only
    Float* runningVar = nullptr;   // BN only
};

using StepParameters = StepTensors<const float>;
using MutableStepParameters = StepTensors<float>;

// For a full set of parameters, run checkParameters(network, ...) first. A map that holds only
// some tensors (gradients hold the trainable ones; per-thread buffers only conv and FC weights)
// binds too: pointers to the tensors it does not hold stay null.
std::vector<StepParameters> bindParameters(const Network& network, const Parameters& parameters);
std::vector<MutableStepParameters> bindParameters(const Network& network, Parameters& parameters);

}  // namespace shufflescope
