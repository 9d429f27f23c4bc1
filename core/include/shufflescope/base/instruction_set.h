#pragma once
// Which vector instructions the engine's hand-written kernels use. A build runs on any x86-64
// machine (a package is built without -march=native): each kernel is compiled once per
// instruction set, in its own translation unit with that set's compiler flags, and the one the
// CPU supports is chosen at run time. The portable kernels are plain C++ for the build's baseline.
//
// SHUFFLESCOPE_ISA=portable|avx2|avx512 in the environment caps the choice (to compare the paths,
// or to rule the vector kernels out); a set the CPU lacks is never chosen.

#include <string>
#include <vector>

namespace shufflescope {

enum class InstructionSet { Portable, Avx2, Avx512 };

// The best set this CPU supports (and this build was compiled with), ignoring the environment.
InstructionSet detectedInstructionSet();
// What newly built kernels use: the detected set, capped by SHUFFLESCOPE_ISA, or what
// setInstructionSet chose.
InstructionSet activeInstructionSet();
// Tests and benchmarks: run the next kernels built with `set` (capped to what the CPU supports;
// returns what was set).
InstructionSet setInstructionSet(InstructionSet set);
// Every set this CPU can run, portable first.
std::vector<InstructionSet> supportedInstructionSets();

std::string instructionSetName(InstructionSet set);  // "portable", "avx2", "avx512"

}  // namespace shufflescope
