// The kernels for AVX-512 (compiled with -mavx512f -mavx512vl -mavx512dq -mavx512bw -mfma:
// core/CMakeLists.txt). 32 vector registers: a 1x1 tile of 8 channels x 3 vectors (48 pixels)
// keeps 24 accumulators, 3 inputs and a broadcast weight in registers; a weight-gradient tile of
// 4 x 4 sums keeps 16 accumulators, 4 input vectors and an output gradient's.

#if defined(SHUFFLESCOPE_X86_KERNELS)

#include "kernel_table.h"
#include "simd_avx512.h"

namespace shufflescope::ops::kernels::avx512 {

constexpr InstructionSet kSet = InstructionSet::Avx512;
constexpr int kRows = 8;
constexpr int kGradientRows = 4;
constexpr int kGradientDepth = 4;
constexpr int kVectors = 3;
#include "kernel_set.inl"

}  // namespace shufflescope::ops::kernels::avx512

#endif  // SHUFFLESCOPE_X86_KERNELS
