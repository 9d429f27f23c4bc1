#pragma once
// Deterministic random parameters for configurations without trained weights.
//
// Convolutions: He-normal (std = sqrt(2 / fan_in)); FC: uniform +-1/sqrt(in), as PyTorch.
// BN affine: gamma ~ U(0.75, 1.25), beta ~ N(0, 0.1). BN running statistics are calibrated: a
// forward pass over a fixed random batch sets every BN's running mean and variance to the
// statistics of its actual input, so activations stay well scaled through all 16 units (feature
// maps of an untrained network are then still worth looking at) and the statistics are
// non-trivial, which the parity tests need. The same seed gives the same parameters on every
// machine (own normal/uniform transforms over std::mt19937_64, no std distributions).

#include <cstdint>

#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"

namespace shufflescope {

Parameters randomParameters(const Network& network, uint64_t seed);

// The starting point of a training run: the same convolution and FC draws, but batch norm as
// PyTorch initialises it (gamma 1, beta 0, running mean 0, running variance 1) and the FC bias 0.
// The visualiser's randomised BN (above) is a poor start: its spread of gammas and betas, stacked
// over 16 residual units, lets the loss of a fresh network jump to ~6 in the first hundred batches
// at lr 0.05, where this start stays near ln(10).
Parameters trainingStartParameters(const Network& network, uint64_t seed);

}  // namespace shufflescope
