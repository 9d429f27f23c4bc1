#pragma once
// The fast forward pass: the same function as forwardCapture's logits, for timing and for
// predictions, without recording anything.
//  - every BN is folded into the convolution before it (weights scaled, a bias added);
//  - ReLU, the residual add and the concat placement are fused into the second 1x1 conv;
//  - the channel shuffle is done by indexing: the depthwise conv reads its input channels in
//    shuffled order, so no copy is made;
//  - the 1x1 convolutions' weights are packed at construction for the CPU's vector kernels
//    (packed_pointwise.h), and their loops run on the work pool (work_pool.h);
//  - the first 1x1's output keeps zero margins between its channel planes (MarginedPlanes), so a
//    stride-1 depthwise convolution runs over each whole plane as one vector loop;
//  - all buffers are planned at construction: run() allocates nothing.
// One instance is not safe to run from two threads at once (it owns its buffers).

#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"
#include "shufflescope/ops/packed_conv3x3.h"
#include "shufflescope/ops/packed_pointwise.h"

namespace shufflescope {

// One unit's shapes and groups as the fused path runs it: pw1 (groups1; Stage 2's first unit is
// dense) and its ReLU, the depthwise 3x3 reading its input through the shuffle's source map, pw2
// (groups) with the residual add or the concat placement. The kernels' micro-benchmarks use the
// same plan.
struct FusedUnitPlan {
    int stride = 1, groups1 = 1, groups = 1;
    int inChannels = 0, mid = 0, outChannels = 0;
    int inHeight = 0, inWidth = 0, outHeight = 0, outWidth = 0;
    std::vector<int> shuffleSource;  // the depthwise conv's input channel per channel; empty: none
};
FusedUnitPlan planFusedUnit(const Network& network, const UnitSteps& unit);

class FastForward {
  public:
    // Parameters must have passed checkParameters(network, ...).
    FastForward(const Network& network, const Parameters& parameters);

    // input: one image [C, H, W] as the configuration says; logits: [classes].
    void run(const float* input, float* logits);

    const Network& network() const { return network_; }

  private:
    struct FoldedConv {
        AlignedFloats weight;  // conv weight with the BN scale folded in, PyTorch layout
        AlignedFloats bias;    // the BN shift
    };
    struct Unit : FusedUnitPlan {
        FoldedConv dw;
        ops::PackedPointwiseConv pw1, pw2;
        AlignedFloats columnMasks;  // stride 1: the depthwise's (depthwise_conv.h)
    };

    Network network_;
    ops::PackedConv3x3 stem_;
    bool stemPool_ = false;
    StepShape stemConvShape_, stemOutShape_;
    std::vector<Unit> units_;
    AlignedFloats fcWeight_, fcBias_;
    int features_ = 0;

    AlignedFloats stemBuffer_, scratch_, ping_, pong_, mid_, depthwise_, pooled_;
};

}  // namespace shufflescope
