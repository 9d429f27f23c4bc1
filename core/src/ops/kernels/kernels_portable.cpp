// The kernels in plain C++ for the build's baseline instruction set: what runs where neither AVX2
// nor AVX-512 does, and the reference the vector sets are compared with in the tests.

#include "kernel_table.h"
#include "simd_portable.h"

namespace shufflescope::ops::kernels::portable {

constexpr InstructionSet kSet = InstructionSet::Portable;
constexpr int kRows = 4;
constexpr int kGradientRows = 2;
constexpr int kGradientDepth = 2;
constexpr int kVectors = 2;
#include "kernel_set.inl"

}  // namespace shufflescope::ops::kernels::portable
