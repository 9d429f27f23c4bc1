// The kernels in plain C++ for the build's baseline instruction set: what runs where neither AVX2
// nor AVX-512 does, and the reference the vector sets are compared with in the tests.

#include "kernel_table.h"
#include "simd_portable.h"

namespace shufflescope::ops::kernels::portable {

constexpr int kRows = 4;
constexpr int kVectors = 2;
#include "plane_kernels.inl"
#include "pointwise_kernel.inl"

const KernelTable kTable{.set = InstructionSet::Portable,
                         .pointwiseRows = kRows,
                         .pointwiseColumns = kVectors * kLanes,
                         .pointwise = pointwise,
                         .depthwise = depthwise,
                         .depthwiseMargined = depthwiseMargined,
                         .maxPool = maxPool,
                         .averagePool = averagePool,
                         .im2col3x3 = im2col3x3};

}  // namespace shufflescope::ops::kernels::portable
