// The kernels for AVX2 + FMA (compiled with -mavx2 -mfma: core/CMakeLists.txt). 16 vector
// registers: a 1x1 tile of 4 channels x 3 vectors (24 pixels) keeps 12 accumulators, 3 inputs and
// a broadcast weight in registers.

#if defined(SHUFFLESCOPE_X86_KERNELS)

#include "kernel_table.h"
#include "simd_avx2.h"

namespace shufflescope::ops::kernels::avx2 {

constexpr int kRows = 4;
constexpr int kVectors = 3;
#include "plane_kernels.inl"
#include "pointwise_kernel.inl"

const KernelTable kTable{.set = InstructionSet::Avx2,
                         .pointwiseRows = kRows,
                         .pointwiseColumns = kVectors * kLanes,
                         .pointwise = pointwise,
                         .depthwise = depthwise,
                         .depthwiseMargined = depthwiseMargined,
                         .maxPool = maxPool,
                         .averagePool = averagePool,
                         .im2col3x3 = im2col3x3};

}  // namespace shufflescope::ops::kernels::avx2

#endif  // SHUFFLESCOPE_X86_KERNELS
