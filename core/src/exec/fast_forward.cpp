#include "shufflescope/exec/fast_forward.h"

#include <algorithm>
#include <cassert>

#include "shufflescope/ops/batch_norm.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "shufflescope/ops/depthwise_conv.h"
#include "shufflescope/ops/linear.h"
#include "shufflescope/ops/pooling.h"

namespace shufflescope {

namespace {

AlignedFloats copyOf(const Tensor& t) {
    return AlignedFloats(t.data(), t.data() + t.size());
}

}  // namespace

FusedUnitPlan planFusedUnit(const Network& network, const UnitSteps& steps) {
    const Step& pw1 = network.step(steps.pw1);
    const Step& dw = network.step(steps.dw);
    const Step& shuffle = network.step(steps.shuffle);
    const StepShape& in = network.step(steps.input).out;
    const StepShape& out = network.step(steps.relu).out;
    FusedUnitPlan u;
    u.stride = dw.stride;
    u.groups1 = pw1.groups;
    u.groups = network.step(steps.pw2).groups;
    u.inChannels = in.channels;
    u.mid = pw1.out.channels;
    u.outChannels = out.channels;
    u.inHeight = in.height;
    u.inWidth = in.width;
    u.outHeight = out.height;
    u.outWidth = out.width;
    if (shuffle.enabled && shuffle.groups > 1)
        u.shuffleSource = ops::channelShufflePermutation(u.mid, shuffle.groups);
    return u;
}

FastForward::FastForward(const Network& network, const Parameters& parameters) : network_(network) {
    // [SECTION] Fold each BN into the convolution that feeds it.
    const auto fold = [&](const Step& conv, const Step& bn) {
        assert(bn.kind == StepKind::BatchNorm && bn.inputs[0] >= 0);
        const Tensor& w = parameter(parameters, conv.parameterPrefix + ".weight");
        const int channels = conv.out.channels;
        FoldedConv folded{copyOf(w), AlignedFloats(static_cast<std::size_t>(channels))};
        AlignedFloats scale(static_cast<std::size_t>(channels));
        ops::batchNormAffine(channels, parameter(parameters, bn.parameterPrefix + ".weight").data(),
                             parameter(parameters, bn.parameterPrefix + ".bias").data(),
                             parameter(parameters, bn.parameterPrefix + ".running_mean").data(),
                             parameter(parameters, bn.parameterPrefix + ".running_var").data(),
                             scale.data(), folded.bias.data());
        const int64_t perChannel = w.size() / channels;
        for (int c = 0; c < channels; ++c)
            for (int64_t k = 0; k < perChannel; ++k)
                folded.weight[static_cast<std::size_t>(c * perChannel + k)] *=
                    scale[std::size_t(c)];
        return folded;
    };
    const auto stepAt = [&](int index) -> const Step& { return network.step(index); };

    const StemSteps& stem = network.stem();
    const Step& stemConv = stepAt(stem.conv);
    assert(stemConv.kernel == 3 && stemConv.padding == 1 && stemConv.groups == 1);
    const FoldedConv stemFolded = fold(stemConv, stepAt(stem.bn));
    stem_ = ops::PackedConv3x3(stemFolded.weight.data(), stemFolded.bias.data(),
                               network.config().inChannels, stemConv.out.channels, stemConv.stride);
    stemConvShape_ = stemConv.out;
    stemPool_ = stem.pool.has_value();
    stemOutShape_ = stepAt(stem.output()).out;

    long long largest = 0, largestMid = 0, largestDepthwise = 0;
    for (const UnitSteps& steps : network.units()) {
        Unit u;
        static_cast<FusedUnitPlan&>(u) = planFusedUnit(network, steps);
        const auto packed = [&](int conv, int bn, int groups) {
            const FoldedConv folded = fold(stepAt(conv), stepAt(bn));
            const Step& step = stepAt(conv);
            const int in = network.step(step.inputs[0]).out.channels;
            return ops::PackedPointwiseConv(folded.weight.data(), folded.bias.data(), in,
                                            step.out.channels, groups);
        };
        u.pw1 = packed(steps.pw1, steps.bn1, u.groups1);
        u.dw = fold(stepAt(steps.dw), stepAt(steps.bn2));
        u.pw2 = packed(steps.pw2, steps.bn3, u.groups);
        largest =
            std::max({largest, stepAt(steps.input).out.size(), stepAt(steps.relu).out.size()});
        largestMid = std::max<long long>(
            largestMid, ops::MarginedPlanes::sizeFor(u.mid, u.inHeight, u.inWidth));
        if (u.stride == 1) u.columnMasks = ops::depthwiseColumnMasks(u.inHeight, u.inWidth);
        largestDepthwise = std::max(largestDepthwise, stepAt(steps.dw).out.size());
        units_.push_back(std::move(u));
    }

    features_ = stepAt(network.head().pool).out.channels;
    fcWeight_ = copyOf(parameter(parameters, "fc.weight"));
    fcBias_ = copyOf(parameter(parameters, "fc.bias"));

    // [SECTION] Buffers, sized once for the largest tensor each one ever holds.
    const auto sized = [](long long n) { return AlignedFloats(static_cast<std::size_t>(n)); };
    stemBuffer_ = sized(stemConvShape_.size());
    scratch_ = sized(ops::PackedConv3x3::scratchSize(network.config().inChannels,
                                                     stemConvShape_.height, stemConvShape_.width));
    ping_ = sized(std::max(largest, stemOutShape_.size()));
    pong_ = sized(largest);
    mid_ = sized(largestMid);
    depthwise_ = sized(largestDepthwise);
    pooled_ = sized(features_);
}

void FastForward::run(const float* input, float* logits) {
    const ModelConfig& c = network_.config();
    const FeatureMap stemConv{stemBuffer_.data(), stemConvShape_.channels, stemConvShape_.height,
                              stemConvShape_.width};
    FeatureMap x{ping_.data(), stemOutShape_.channels, stemOutShape_.height, stemOutShape_.width};
    // Stem: conv + folded BN + ReLU in one pass, then the max-pool (paper stem) into ping.
    stem_.run({input, c.inChannels, c.inputHeight, c.inputWidth}, stemPool_ ? stemConv : x, true,
              scratch_.data());
    if (stemPool_) ops::maxPool2d(stemConv, 3, 2, 1, x);

    float* next = pong_.data();
    for (const Unit& u : units_) {
        const ops::MarginedPlanes mid{mid_.data() + ops::MarginedPlanes::margin(u.inWidth), u.mid,
                                      u.inHeight, u.inWidth,
                                      ops::MarginedPlanes::strideFor(u.inHeight, u.inWidth)};
        ops::zeroMargins(mid);  // the previous unit's planes lay elsewhere
        u.pw1.run(x, mid.plane0(), true, nullptr, mid.channelStride);
        const FeatureMap dw{depthwise_.data(), u.mid, u.outHeight, u.outWidth};
        ops::depthwiseConv3x3(mid, u.dw.weight.data(), u.dw.bias.data(), u.stride, dw,
                              u.shuffleSource.empty() ? nullptr : u.shuffleSource.data(),
                              u.columnMasks.data());
        const FeatureMap y{next, u.outChannels, u.outHeight, u.outWidth};
        if (u.stride == 1) {
            u.pw2.run(dw, y, true, x.data);
        } else {
            // [shortcut, main]: the shortcut averages non-negative (post-ReLU) values, so the
            // unit's final ReLU only matters for the main branch, where it is fused.
            ops::avgPool2d(x, 3, 2, 1, {y.data, u.inChannels, u.outHeight, u.outWidth});
            const FeatureMap main{y.channel(u.inChannels), u.outChannels - u.inChannels,
                                  u.outHeight, u.outWidth};
            u.pw2.run(dw, main, true);
        }
        next = x.data;
        x = y;
    }
    ops::globalAvgPool(x, pooled_.data());
    ops::fullyConnected(pooled_.data(), fcWeight_.data(), fcBias_.data(), features_, c.classes,
                        logits);
}

}  // namespace shufflescope
