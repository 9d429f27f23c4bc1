#include "shufflescope/exec/step_execution.h"

#include <omp.h>

#include <algorithm>
#include <cassert>
#include <optional>

#include "shufflescope/base/error.h"
#include "shufflescope/ops/activation.h"
#include "shufflescope/ops/batch_norm.h"
#include "shufflescope/ops/batch_norm_train.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "shufflescope/ops/convolution.h"
#include "shufflescope/ops/depthwise_conv.h"
#include "shufflescope/ops/linear.h"
#include "shufflescope/ops/merge.h"
#include "shufflescope/ops/packed_pointwise.h"
#include "shufflescope/ops/pooling.h"
#include "shufflescope/ops/softmax.h"

namespace shufflescope {

void checkInputShape(const Network& network, const Tensor& input, const std::string& context,
                     int minimumBatch) {
    const ModelConfig& c = network.config();
    const bool ok = input.rank() == 4 && input.dim(0) >= minimumBatch &&
                    input.dim(1) == c.inChannels && input.dim(2) == c.inputHeight &&
                    input.dim(3) == c.inputWidth;
    if (!ok) {
        const std::string batch = minimumBatch > 1 ? "N >= " + std::to_string(minimumBatch) : "N";
        throw Error(displayPath(context) + ": input has shape " + input.shapeString() +
                    " but the model takes [" + batch + ", " + std::to_string(c.inChannels) + ", " +
                    std::to_string(c.inputHeight) + ", " + std::to_string(c.inputWidth) + "]");
    }
}

ConvolutionScratch::ConvolutionScratch(const Network& network) {
    long long largest = 0;
    for (const Step& s : network.steps())
        if (s.kind == StepKind::Conv)
            largest = std::max(
                largest, ops::conv2dScratchSize(network.step(s.inputs[0]).out.channels, s.groups,
                                                s.kernel, s.out.height, s.out.width));
    size_ = static_cast<std::size_t>(largest);
    buffers_.resize(static_cast<std::size_t>(omp_get_max_threads()));
}

float* ConvolutionScratch::forThread(int thread) {
    std::vector<float>& buffer = buffers_.at(static_cast<std::size_t>(thread));
    if (buffer.size() != size_) buffer.resize(size_);
    return buffer.data();
}

namespace {

// One image of a step whose images are independent (every kind but training-mode batch norm).
void executeOnImage(const Step& s, const StepParameters& p, ConstFeatureMap x, const Tensor* second,
                    int n, FeatureMap y, float* scratch, const int* sourceChannel) {
    switch (s.kind) {
        case StepKind::Conv:
            ops::conv2d(x, p.weight, nullptr, s.groups, s.kernel, s.stride, s.padding, y, scratch);
            break;
        case StepKind::PointwiseConv:  // packed once per batch: executeStep
            assert(false && "a 1x1 convolution runs its packed kernel");
            break;
        case StepKind::DepthwiseConv:
            ops::depthwiseConv3x3(x, p.weight, nullptr, s.stride, y, sourceChannel);
            break;
        case StepKind::BatchNorm:
            ops::batchNorm(x, p.weight, p.bias, p.runningMean, p.runningVar, y);
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
            ops::addFeatureMaps(x, imageOf(*second, n), y);
            break;
        case StepKind::Concat:
            ops::concatChannels(x, imageOf(*second, n), y);
            break;
        case StepKind::GlobalAvgPool:
            ops::globalAvgPool(x, y.data);
            break;
        case StepKind::FullyConnected:
            ops::fullyConnected(x.data, p.weight, p.bias, x.channels, s.out.channels, y.data);
            break;
        case StepKind::Softmax:
            ops::softmax(x.data, s.out.channels, y.data);
            break;
        case StepKind::Input:
            assert(false && "the input is not executed");
            break;
    }
}

}  // namespace

void executeStep(const Network& network, int index, const StepParameters& p,
                 std::vector<Tensor>& outputs, ConvolutionScratch& scratch,
                 const StepExecution& how) {
    const Step& s = network.step(index);
    assert(s.kind != StepKind::Input);
    assert(how.input < 0 || s.kind == StepKind::DepthwiseConv);
    assert(how.residual < 0 || (s.kind == StepKind::BatchNorm && how.batchNormTraining));
    const Tensor& in = outputs[static_cast<std::size_t>(how.input >= 0 ? how.input : s.inputs[0])];
    const Tensor* second =
        s.inputs.size() > 1 ? &outputs[static_cast<std::size_t>(s.inputs[1])] : nullptr;
    const bool fused = how.fusedRelu >= 0;
    Tensor& out = outputs[static_cast<std::size_t>(fused ? how.fusedRelu : index)];
    const int batch = int(in.dim(0));
    // Allocated here, just before it is written, rather than all at once up front: a buffer
    // zeroed long before its step runs has left the cache by then (the capture pass ran 3x
    // slower on ImageNet shapes that way). The trainer's buffers are shaped once and reused.
    const std::vector<int64_t> shape{batch, s.out.channels, s.out.height, s.out.width};
    if (out.shape() != shape) out = Tensor(shape);

    if (s.kind == StepKind::BatchNorm && how.batchNormTraining) {
        const BatchNormTraining& t = *how.batchNormTraining;
        if (how.residual >= 0) {
            assert(fused);
            ops::batchNormAddReluTrainForward(
                in, p.weight, p.bias, outputs[static_cast<std::size_t>(how.residual)], out,
                t.savedMean, t.savedInvStd, t.runningMean, t.runningVar);
        } else if (fused)
            ops::batchNormReluTrainForward(in, p.weight, p.bias, out, t.savedMean, t.savedInvStd,
                                           t.runningMean, t.runningVar);
        else
            ops::batchNormTrainForward(in, p.weight, p.bias, out, t.savedMean, t.savedInvStd,
                                       t.runningMean, t.runningVar);
        return;
    }
    // A 1x1 convolution's weights are packed for the kernel once for the whole batch.
    std::optional<ops::PackedPointwiseConv> pointwise;
    if (s.kind == StepKind::PointwiseConv)
        pointwise.emplace(p.weight, nullptr, int(in.dim(1)), s.out.channels, s.groups);
    const auto image = [&](int n) {
        const FeatureMap y = imageOf(out, n);
        if (pointwise)
            pointwise->run(imageOf(in, n), y, false);
        else
            executeOnImage(s, p, imageOf(in, n), second, n, y,
                           scratch.forThread(omp_get_thread_num()), how.sourceChannel);
        // The fused ReLU, in place while the image is still in cache.
        if (fused) ops::relu(y.data, y.data, s.out.size());
    };
    // One image runs outside any parallel region, so the operators' own parallelism uses the
    // pooled threads (a region nested in another, even an inactive one, starts new threads for
    // every operator call: 5x slower on the small network).
    if (batch == 1) {
        image(0);
        return;
    }
    // No more threads than the scratch serves (it was sized for the thread count of its day).
#pragma omp parallel for schedule(static) num_threads(scratch.threads())
    for (int n = 0; n < batch; ++n) image(n);
}

void shapeStepOutputs(const Network& network, int batch, std::vector<Tensor>& outputs,
                      const std::vector<bool>& used) {
    assert(used.empty() || used.size() == static_cast<std::size_t>(network.stepCount()));
    outputs.resize(static_cast<std::size_t>(network.stepCount()));
    for (int i = 0; i < network.stepCount(); ++i) {
        Tensor& t = outputs[static_cast<std::size_t>(i)];
        if (!used.empty() && !used[static_cast<std::size_t>(i)]) {
            t = Tensor();  // frees what an earlier shape allocated
            continue;
        }
        const StepShape& o = network.step(i).out;
        const std::vector<int64_t> shape{batch, o.channels, o.height, o.width};
        if (t.shape() != shape) t = Tensor(shape);
    }
}

}  // namespace shufflescope
