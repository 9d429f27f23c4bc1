#include "shufflescope/exec/capture_forward.h"

#include <cassert>

#include "shufflescope/base/error.h"
#include "shufflescope/ops/activation.h"
#include "shufflescope/ops/batch_norm.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "shufflescope/ops/convolution.h"
#include "shufflescope/ops/depthwise_conv.h"
#include "shufflescope/ops/linear.h"
#include "shufflescope/ops/merge.h"
#include "shufflescope/ops/pointwise_conv.h"
#include "shufflescope/ops/pooling.h"
#include "shufflescope/ops/softmax.h"

namespace shufflescope {

void checkInputShape(const Network& network, const Tensor& input, const std::string& context) {
    const ModelConfig& c = network.config();
    const bool ok = input.rank() == 4 && input.dim(0) >= 1 && input.dim(1) == c.inChannels &&
                    input.dim(2) == c.inputHeight && input.dim(3) == c.inputWidth;
    if (!ok)
        throw Error(context + ": input has shape " + input.shapeString() +
                    " but the model takes [N, " + std::to_string(c.inChannels) + ", " +
                    std::to_string(c.inputHeight) + ", " + std::to_string(c.inputWidth) + "]");
}

namespace {

const float* weightOf(const Parameters& p, const Step& s, const char* suffix) {
    return parameter(p, s.parameterPrefix + suffix).data();
}

}  // namespace

void executeStep(const Network& network, const Parameters& p, int index,
                 std::vector<Tensor>& outputs) {
    const Step& s = network.step(index);
    assert(s.kind != StepKind::Input);
    const Tensor& in = outputs[static_cast<std::size_t>(s.inputs.at(0))];
    const int batch = int(in.dim(0));
    Tensor& out = outputs[static_cast<std::size_t>(index)];
    out = Tensor({batch, s.out.channels, s.out.height, s.out.width});

    std::vector<float> scratch;
    if (s.kind == StepKind::Conv)
        scratch.resize(static_cast<std::size_t>(
            ops::conv2dScratchSize(int(in.dim(1)), s.groups, s.kernel, s.out.height, s.out.width)));

    for (int n = 0; n < batch; ++n) {
        const ConstFeatureMap x = imageOf(in, n);
        const FeatureMap y = imageOf(out, n);
        switch (s.kind) {
            case StepKind::Conv:
                ops::conv2d(x, weightOf(p, s, ".weight"), nullptr, s.groups, s.kernel, s.stride,
                            s.padding, y, scratch.data());
                break;
            case StepKind::PointwiseConv:
                ops::pointwiseConv(x, weightOf(p, s, ".weight"), nullptr, s.groups, y);
                break;
            case StepKind::DepthwiseConv:
                ops::depthwiseConv3x3(x, weightOf(p, s, ".weight"), nullptr, s.stride, y);
                break;
            case StepKind::BatchNorm:
                ops::batchNorm(x, weightOf(p, s, ".weight"), weightOf(p, s, ".bias"),
                               weightOf(p, s, ".running_mean"), weightOf(p, s, ".running_var"), y);
                break;
            case StepKind::ReLU:
                ops::relu(x.data, y.data, s.out.size());
                break;
            case StepKind::MaxPool:
                ops::maxPool2d(x, s.kernel, s.stride, s.padding, y);
                break;
            case StepKind::AvgPool:
                ops::avgPool2d(x, s.kernel, s.stride, s.padding, y);
                break;
            case StepKind::ChannelShuffle:
                if (s.enabled && s.groups > 1)
                    ops::channelShuffle(x, s.groups, y);
                else
                    std::copy(x.data, x.data + s.out.size(), y.data);
                break;
            case StepKind::Add:
                ops::addFeatureMaps(x, imageOf(outputs[std::size_t(s.inputs[1])], n), y);
                break;
            case StepKind::Concat:
                ops::concatChannels(x, imageOf(outputs[std::size_t(s.inputs[1])], n), y);
                break;
            case StepKind::GlobalAvgPool:
                ops::globalAvgPool(x, y.data);
                break;
            case StepKind::FullyConnected:
                ops::fullyConnected(x.data, weightOf(p, s, ".weight"), weightOf(p, s, ".bias"),
                                    x.channels, s.out.channels, y.data);
                break;
            case StepKind::Softmax:
                ops::softmax(x.data, s.out.channels, y.data);
                break;
            case StepKind::Input:
                break;
        }
    }
}

std::vector<Tensor> forwardCapture(const Network& network, const Parameters& parameters,
                                   const Tensor& input) {
    checkInputShape(network, input, "input");
    std::vector<Tensor> outputs(static_cast<std::size_t>(network.stepCount()));
    outputs[0] = input;
    recomputeAfter(network, parameters, outputs, 0);
    return outputs;
}

void recomputeAfter(const Network& network, const Parameters& parameters,
                    std::vector<Tensor>& outputs, int stepIndex) {
    assert(int(outputs.size()) == network.stepCount());
    for (int i = stepIndex + 1; i < network.stepCount(); ++i)
        executeStep(network, parameters, i, outputs);
}

Tensor logitsOf(const Network& network, const std::vector<Tensor>& outputs) {
    const int fc = *network.findStep("head.fc");
    Tensor logits = outputs[static_cast<std::size_t>(fc)];
    logits.reshape({logits.dim(0), logits.dim(1)});
    return logits;
}

}  // namespace shufflescope
