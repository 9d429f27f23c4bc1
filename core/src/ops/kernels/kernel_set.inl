// One instruction set's kernels and their table, included by each kernels_<set>.cpp inside its own
// namespace after its Simd type (simd_<set>.h), kSet, and the 1x1 kernel's register tile: kRows
// output channels by kVectors vectors of pixels, and
// the weight gradient's: kGradientRows x kGradientDepth sums. Not a header: no include guard on
// purpose.

#include "plane_kernels.inl"
#include "pointwise_kernel.inl"
#include "weight_gradient_kernel.inl"

const KernelTable kTable{.set = kSet,
                         .pointwiseRows = kRows,
                         .pointwiseColumns = kVectors * kLanes,
                         .pointwise = pointwise,
                         .pointwiseWeightGradient = pointwiseWeightGradient,
                         .depthwise = depthwise,
                         .depthwiseMargined = depthwiseMargined,
                         .depthwiseWeightGradientMargined = depthwiseWeightGradientMargined,
                         .maxPool = maxPool,
                         .averagePool = averagePool,
                         .im2col3x3 = im2col3x3};
