#include "shufflescope/ops/pointwise_conv_backward.h"

#include <cassert>
#include <vector>

#include "kernels/kernel_table.h"

namespace shufflescope::ops {

namespace {

// W_k^T for every group k, laid out as a 1x1 convolution's weights from Cout channels to Cin:
// row (k * Cin/g + i), column o holds W[k * Cout/g + o][i].
std::vector<float> transposedWeights(const float* weight, int inChannels, int outChannels,
                                     int groups) {
    const int depth = inChannels / groups, rows = outChannels / groups;
    std::vector<float> t(std::size_t(inChannels) * std::size_t(rows));
    for (int g = 0; g < groups; ++g)
        for (int o = 0; o < rows; ++o)
            for (int i = 0; i < depth; ++i)
                t[std::size_t((g * depth + i) * rows + o)] = weight[(g * rows + o) * depth + i];
    return t;
}

}  // namespace

PointwiseConvBackward::PointwiseConvBackward(const float* weight, int inChannels, int outChannels,
                                             int groups, InstructionSet set)
    : inChannels_(inChannels),
      outChannels_(outChannels),
      groups_(groups),
      transposed_(transposedWeights(weight, inChannels, outChannels, groups).data(), nullptr,
                  outChannels, inChannels, groups, set) {
    assert(groups >= 1 && inChannels % groups == 0 && outChannels % groups == 0);
}

void PointwiseConvBackward::inputGradient(ConstFeatureMap gradOut, FeatureMap gradIn,
                                          bool accumulate) const {
    assert(gradOut.channels == outChannels_ && gradIn.channels == inChannels_);
    // The kernel reads each residual element just before it stores that element, so gradIn can
    // be its own residual.
    transposed_.run(gradOut, gradIn, false, accumulate ? gradIn.data : nullptr);
}

void PointwiseConvBackward::weightGradient(const Tensor& in, const Tensor& gradOut, int first,
                                           int last, float* gradWeight) const {
    assert(in.rank() == 4 && gradOut.rank() == 4 && in.dim(0) == gradOut.dim(0));
    assert(in.dim(1) == inChannels_ && gradOut.dim(1) == outChannels_);
    assert(0 <= first && first <= last && last <= in.dim(0));
    if (first == last) return;
    weightGradient(imageOf(in, first).data, imageOf(gradOut, first).data, in.dim(2) * in.dim(3),
                   last - first, gradWeight);
}

void PointwiseConvBackward::weightGradient(ConstFeatureMap in, ConstFeatureMap gradOut,
                                           float* gradWeight) const {
    assert(in.channels == inChannels_ && gradOut.channels == outChannels_);
    assert(in.height == gradOut.height && in.width == gradOut.width);
    weightGradient(in.data, gradOut.data, in.planeSize(), 1, gradWeight);
}

void PointwiseConvBackward::weightGradient(const float* in, const float* gradOut, int64_t pixels,
                                           int images, float* gradWeight) const {
    const int depth = inChannels_ / groups_, rows = outChannels_ / groups_;
    const auto& kernel = kernels::kernelTable(transposed_.instructionSet()).pointwiseWeightGradient;
    for (int g = 0; g < groups_; ++g)
        kernel({gradOut + int64_t(g) * rows * pixels, in + int64_t(g) * depth * pixels,
                gradWeight + int64_t(g) * rows * depth, pixels, outChannels_ * pixels,
                inChannels_ * pixels, images, rows, depth});
}

void pointwiseConvBackward(ConstFeatureMap in, const float* weight, int groups,
                           ConstFeatureMap gradOut, float* gradIn, float* gradWeight) {
    assert(groups >= 1 && in.channels % groups == 0 && gradOut.channels % groups == 0);
    assert(in.height == gradOut.height && in.width == gradOut.width);
    const PointwiseConvBackward backward(weight, in.channels, gradOut.channels, groups);
    backward.weightGradient(in, gradOut, gradWeight);
    if (gradIn) backward.inputGradient(gradOut, {gradIn, in.channels, in.height, in.width});
}

}  // namespace shufflescope::ops
