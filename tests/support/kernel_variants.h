#pragma once
// Running an operator test under every kernel variant the engine can pick: each instruction set
// this CPU supports (instruction_set.h: portable, AVX2, AVX-512 — each its own compiled kernels)
// and one or two threads of the work pool. Each call restores what it changed.

#include <functional>

#include "shufflescope/base/instruction_set.h"

namespace testing_support {

// Calls body(set, threads) with that set active and that thread count.
void forEachKernelVariant(const std::function<void(shufflescope::InstructionSet, int)>& body);

}  // namespace testing_support
