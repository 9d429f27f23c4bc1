// The kernels for AVX2 + FMA (compiled with -mavx2 -mfma: core/CMakeLists.txt). 16 vector
// registers: a 1x1 tile of 4 channels x 3 vectors (24 pixels) keeps 12 accumulators, 3 inputs and
// a broadcast weight in registers; a weight-gradient tile of 3 x 3 sums keeps 9 accumulators, 3
// input vectors and an output gradient's.

#if defined(SHUFFLESCOPE_X86_KERNELS)

#include "kernel_table.h"
#include "simd_avx2.h"

namespace shufflescope::ops::kernels::avx2 {

constexpr InstructionSet kSet = InstructionSet::Avx2;
constexpr int kRows = 4;
constexpr int kGradientRows = 3;
constexpr int kGradientDepth = 3;
constexpr int kVectors = 3;
#include "kernel_set.inl"

}  // namespace shufflescope::ops::kernels::avx2

#endif  // SHUFFLESCOPE_X86_KERNELS
