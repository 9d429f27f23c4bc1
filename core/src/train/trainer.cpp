#include "shufflescope/train/trainer.h"

#include <omp.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

#include "shufflescope/base/error.h"
#include "shufflescope/ops/activation.h"
#include "shufflescope/ops/activation_backward.h"
#include "shufflescope/ops/batch_norm_train.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "shufflescope/ops/channel_shuffle_backward.h"
#include "shufflescope/ops/convolution.h"
#include "shufflescope/ops/convolution_backward.h"
#include "shufflescope/ops/depthwise_conv.h"
#include "shufflescope/ops/depthwise_conv_backward.h"
#include "shufflescope/ops/linear.h"
#include "shufflescope/ops/linear_backward.h"
#include "shufflescope/ops/merge.h"
#include "shufflescope/ops/pointwise_conv.h"
#include "shufflescope/ops/pointwise_conv_backward.h"
#include "shufflescope/ops/pooling.h"
#include "shufflescope/ops/pooling_backward.h"
#include "shufflescope/ops/softmax.h"
#include "shufflescope/ops/softmax_cross_entropy.h"

namespace shufflescope::train {

namespace {

bool isWeightOfConvOrFc(const ParameterSpec& spec) {
    return spec.shape.size() == 4 || spec.name == "fc.weight" || spec.name == "fc.bias";
}

void addInto(float* dst, const float* src, int64_t count) {
#pragma omp simd
    for (int64_t i = 0; i < count; ++i) dst[i] += src[i];
}

}  // namespace

// [SECTION] Set-up

Trainer::Trainer(const Network& network, Parameters parameters, SgdSettings sgd)
    : network_(network), parameters_(std::move(parameters)), sgd_(sgd) {
    checkParameters(network_, parameters_, "trainer");
    for (const ParameterSpec& spec : network_.parameterSpecs())
        if (spec.trainable) {
            gradients_.emplace(spec.name, Tensor(spec.shape));
            momentum_.emplace(spec.name, Tensor(spec.shape));
        }
    const int threads = omp_get_max_threads();
    threadGradients_.resize(std::size_t(threads));
    for (Parameters& perThread : threadGradients_)
        for (const ParameterSpec& spec : network_.parameterSpecs())
            if (spec.trainable && isWeightOfConvOrFc(spec))
                perThread.emplace(spec.name, Tensor(spec.shape));

    consumers_.assign(std::size_t(network_.stepCount()), 0);
    for (const Step& s : network_.steps())
        for (int input : s.inputs) ++consumers_[std::size_t(input)];
    // A ReLU that is the only reader of a BN, add or concat runs inside that step (see fusedRelu_).
    fusedRelu_.assign(std::size_t(network_.stepCount()), -1);
    fusedInto_.assign(std::size_t(network_.stepCount()), -1);
    for (int i = 1; i < network_.stepCount(); ++i) {
        const Step& s = network_.step(i);
        if (s.kind != StepKind::ReLU) continue;
        const int producer = s.inputs[0];
        const StepKind kind = network_.step(producer).kind;
        const bool fusable =
            kind == StepKind::BatchNorm || kind == StepKind::Add || kind == StepKind::Concat;
        if (fusable && consumers_[std::size_t(producer)] == 1) {
            fusedRelu_[std::size_t(producer)] = i;
            fusedInto_[std::size_t(i)] = producer;
        }
    }
    fcStep_ = *network_.findStep("head.fc");
    savedMean_.resize(std::size_t(network_.stepCount()));
    savedInvStd_.resize(std::size_t(network_.stepCount()));
    for (int i = 0; i < network_.stepCount(); ++i)
        if (network_.step(i).kind == StepKind::BatchNorm) {
            savedMean_[std::size_t(i)].resize(std::size_t(network_.step(i).out.channels));
            savedInvStd_[std::size_t(i)].resize(std::size_t(network_.step(i).out.channels));
        }
    // im2col scratch for the stem convolution, one per thread.
    const Step& stem = network_.step(*network_.findStep("stem.conv"));
    const long long scratch = ops::conv2dScratchSize(network_.config().inChannels, stem.groups,
                                                     stem.kernel, stem.out.height, stem.out.width);
    scratch_.assign(std::size_t(threads), std::vector<float>(std::size_t(scratch)));
}

void Trainer::prepare(int batchSize) {
    if (batchSize == batchSize_) return;
    batchSize_ = batchSize;
    outputs_.clear();
    grads_.clear();
    for (const Step& s : network_.steps()) {
        outputs_.emplace_back(
            std::vector<int64_t>{batchSize, s.out.channels, s.out.height, s.out.width});
        grads_.emplace_back(
            std::vector<int64_t>{batchSize, s.out.channels, s.out.height, s.out.width});
    }
}

float* Trainer::threadGradient(int thread, const std::string& name) {
    return threadGradients_[std::size_t(thread)].at(name).data();
}

// [SECTION] Forward in training mode

void Trainer::forward(const Tensor& batch) {
    std::copy(batch.data(), batch.data() + batch.size(), outputs_[0].data());
    for (int i = 1; i < network_.stepCount(); ++i) {
        const Step& s = network_.step(i);
        if (fusedInto_[std::size_t(i)] >= 0) continue;  // computed by its producer
        const Tensor& in = outputs_[std::size_t(s.inputs[0])];
        // A step with a fused ReLU writes the activated result straight into the ReLU's output.
        const int relu = fusedRelu_[std::size_t(i)];
        Tensor& out = outputs_[std::size_t(relu >= 0 ? relu : i)];
        const auto param = [&](const char* suffix) {
            return parameters_.at(s.parameterPrefix + suffix).data();
        };
        if (s.kind == StepKind::BatchNorm) {
            float* mean = savedMean_[std::size_t(i)].data();
            float* invStd = savedInvStd_[std::size_t(i)].data();
            if (relu >= 0)
                ops::batchNormReluTrainForward(in, param(".weight"), param(".bias"), out, mean,
                                               invStd, param(".running_mean"),
                                               param(".running_var"));
            else
                ops::batchNormTrainForward(in, param(".weight"), param(".bias"), out, mean, invStd,
                                           param(".running_mean"), param(".running_var"));
            continue;
        }
#pragma omp parallel for schedule(static)
        for (int n = 0; n < batchSize_; ++n) {
            const ConstFeatureMap x = imageOf(in, n);
            const FeatureMap y = imageOf(out, n);
            switch (s.kind) {
                case StepKind::Conv:
                    ops::conv2d(x, param(".weight"), nullptr, s.groups, s.kernel, s.stride,
                                s.padding, y, scratch_[std::size_t(omp_get_thread_num())].data());
                    break;
                case StepKind::PointwiseConv:
                    ops::pointwiseConv(x, param(".weight"), nullptr, s.groups, y);
                    break;
                case StepKind::DepthwiseConv:
                    ops::depthwiseConv3x3(x, param(".weight"), nullptr, s.stride, y);
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
                    ops::addFeatureMaps(x, imageOf(outputs_[std::size_t(s.inputs[1])], n), y);
                    break;
                case StepKind::Concat:
                    ops::concatChannels(x, imageOf(outputs_[std::size_t(s.inputs[1])], n), y);
                    break;
                case StepKind::GlobalAvgPool:
                    ops::globalAvgPool(x, y.data);
                    break;
                case StepKind::FullyConnected:
                    ops::fullyConnected(x.data, param(".weight"), param(".bias"), x.channels,
                                        s.out.channels, y.data);
                    break;
                case StepKind::Softmax:
                    ops::softmax(x.data, s.out.channels, y.data);
                    break;
                case StepKind::BatchNorm:
                case StepKind::Input:
                    break;
            }
            // The fused ReLU, in place while the image is still in cache (add and concat).
            if (relu >= 0) ops::relu(y.data, y.data, s.out.size());
        }
    }
}

// [SECTION] Backward

// Expects grads_ zeroed except the logits' gradient (set by computeGradients).
void Trainer::backward() {
    for (auto& [name, g] : gradients_) std::fill(g.data(), g.data() + g.size(), 0.0f);
    for (Parameters& perThread : threadGradients_)
        for (auto& [name, g] : perThread) std::fill(g.data(), g.data() + g.size(), 0.0f);

    // Per-thread temporaries for inputs read by several steps, whose gradient must be summed.
    long long largest = 0;
    for (const Step& s : network_.steps()) largest = std::max(largest, s.out.size());
    std::vector<std::vector<float>> temp(threadGradients_.size(),
                                         std::vector<float>(std::size_t(largest)));

    for (int i = fcStep_; i >= 1; --i) {
        const Step& s = network_.step(i);
        if (fusedInto_[std::size_t(i)] >= 0) continue;  // its producer masks the gradient
        // With a fused ReLU the step's gradient arrives at the ReLU's output.
        const int relu = fusedRelu_[std::size_t(i)];
        Tensor& gradOut = grads_[std::size_t(relu >= 0 ? relu : i)];
        const auto param = [&](const char* suffix) {
            return parameters_.at(s.parameterPrefix + suffix).data();
        };
        const int input = s.inputs[0];
        if (input == 0 && s.kind != StepKind::Conv) continue;  // nothing upstream learns

        if (s.kind == StepKind::BatchNorm) {
            Tensor& gradIn = grads_[std::size_t(input)];
            assert(consumers_[std::size_t(input)] == 1);  // a BN always follows a single conv
            const float* mean = savedMean_[std::size_t(i)].data();
            const float* invStd = savedInvStd_[std::size_t(i)].data();
            float* gradGamma = gradients_.at(s.parameterPrefix + ".weight").data();
            float* gradBeta = gradients_.at(s.parameterPrefix + ".bias").data();
            if (relu >= 0)
                ops::batchNormReluTrainBackward(outputs_[std::size_t(input)], param(".weight"),
                                                mean, invStd, outputs_[std::size_t(relu)], gradOut,
                                                gradIn, gradGamma, gradBeta);
            else
                ops::batchNormTrainBackward(outputs_[std::size_t(input)], param(".weight"), mean,
                                            invStd, gradOut, gradIn, gradGamma, gradBeta);
            continue;
        }

#pragma omp parallel for schedule(static)
        for (int n = 0; n < batchSize_; ++n) {
            const int thread = omp_get_thread_num();
            float* scratch = temp[std::size_t(thread)].data();
            if (relu >= 0) {  // the fused ReLU's backward, in place on this image's gradient
                float* gradImage = imageOf(gradOut, n).data;
                ops::reluBackward(imageOf(outputs_[std::size_t(relu)], n).data, gradImage,
                                  gradImage, s.out.size());
            }
            const ConstFeatureMap g = imageOf(static_cast<const Tensor&>(gradOut), n);
            // Where step `target`'s gradient for image n goes: straight into its buffer when this
            // step is its only reader (nothing else writes it), else via `scratch`, then summed.
            const auto destination = [&](int target) {
                return consumers_[std::size_t(target)] == 1
                           ? imageOf(grads_[std::size_t(target)], n).data
                           : scratch;
            };
            const auto deliver = [&](int target, float* written) {
                if (written == scratch)
                    addInto(imageOf(grads_[std::size_t(target)], n).data, scratch,
                            network_.step(target).out.size());
            };
            const ConstFeatureMap x = imageOf(outputs_[std::size_t(input)], n);
            float* dst = destination(input);
            switch (s.kind) {
                case StepKind::FullyConnected:
                    ops::fullyConnectedBackward(
                        x.data, param(".weight"), g.data, x.channels, s.out.channels, dst,
                        threadGradient(thread, "fc.weight"), threadGradient(thread, "fc.bias"));
                    break;
                case StepKind::GlobalAvgPool:
                    ops::globalAvgPoolBackward(g.data, {dst, x.channels, x.height, x.width});
                    break;
                case StepKind::ReLU:
                    ops::reluBackward(imageOf(outputs_[std::size_t(i)], n).data, g.data, dst,
                                      s.out.size());
                    break;
                case StepKind::Add: {
                    std::copy(g.data, g.data + s.out.size(), dst);
                    deliver(input, dst);
                    const int other = s.inputs[1];
                    float* second = destination(other);
                    std::copy(g.data, g.data + s.out.size(), second);
                    deliver(other, second);
                    continue;  // both delivered
                }
                case StepKind::Concat: {
                    const int64_t first = network_.step(input).out.size();
                    std::copy(g.data, g.data + first, dst);
                    deliver(input, dst);
                    const int other = s.inputs[1];
                    float* second = destination(other);
                    std::copy(g.data + first, g.data + s.out.size(), second);
                    deliver(other, second);
                    continue;
                }
                case StepKind::AvgPool:
                    ops::avgPool2dBackward(s.kernel, s.stride, s.padding, g,
                                           {dst, x.channels, x.height, x.width});
                    break;
                case StepKind::MaxPool:
                    ops::maxPool2dBackward(x, s.kernel, s.stride, s.padding, g,
                                           {dst, x.channels, x.height, x.width});
                    break;
                case StepKind::ChannelShuffle:
                    if (s.enabled && s.groups > 1)
                        ops::channelShuffleBackward(g, s.groups,
                                                    {dst, x.channels, x.height, x.width});
                    else
                        std::copy(g.data, g.data + s.out.size(), dst);
                    break;
                case StepKind::DepthwiseConv:
                    ops::depthwiseConv3x3Backward(
                        x, param(".weight"), s.stride, g, dst,
                        threadGradient(thread, s.parameterPrefix + ".weight"));
                    break;
                case StepKind::PointwiseConv:
                    ops::pointwiseConvBackward(
                        x, param(".weight"), s.groups, g, dst,
                        threadGradient(thread, s.parameterPrefix + ".weight"));
                    break;
                case StepKind::Conv:
                    // The stem reads the image: no input gradient is needed.
                    ops::conv2dBackward(x, param(".weight"), s.groups, s.kernel, s.stride,
                                        s.padding, g, input == 0 ? nullptr : dst,
                                        threadGradient(thread, s.parameterPrefix + ".weight"),
                                        scratch_[std::size_t(thread)].data());
                    if (input == 0) continue;
                    break;
                case StepKind::Softmax:
                case StepKind::BatchNorm:
                case StepKind::Input:
                    continue;
            }
            deliver(input, dst);
        }
    }

    // Reduce the per-thread weight gradients.
    for (const Parameters& perThread : threadGradients_)
        for (const auto& [name, g] : perThread)
            addInto(gradients_.at(name).data(), g.data(), g.size());
}

// [SECTION] The step

BatchResult Trainer::computeGradients(const Tensor& batch, const std::vector<int>& labels) {
    const ModelConfig& c = network_.config();
    if (batch.rank() != 4 || batch.dim(0) < 2 || batch.dim(1) != c.inChannels ||
        batch.dim(2) != c.inputHeight || batch.dim(3) != c.inputWidth)
        throw Error("training batch has shape " + batch.shapeString() + "; expected [N >= 2, " +
                    std::to_string(c.inChannels) + ", " + std::to_string(c.inputHeight) + ", " +
                    std::to_string(c.inputWidth) + "]");
    if (labels.size() != std::size_t(batch.dim(0)))
        throw Error("training batch has " + std::to_string(batch.dim(0)) + " images but " +
                    std::to_string(labels.size()) + " labels");
    for (int label : labels)
        if (label < 0 || label >= c.classes)
            throw Error("label " + std::to_string(label) + " is outside 0.." +
                        std::to_string(c.classes - 1));

    prepare(int(batch.dim(0)));
    labels_ = labels;
    forward(batch);

    BatchResult result;
    result.count = batchSize_;
    // Every backward operator overwrites its input gradient; only a step read by several others
    // sums their contributions into its buffer, which must start at zero.
    for (int i = 0; i < network_.stepCount(); ++i)
        if (consumers_[std::size_t(i)] > 1) {
            Tensor& g = grads_[std::size_t(i)];
            const int64_t count = g.size();
            float* data = g.data();
#pragma omp parallel for simd schedule(static)
            for (int64_t k = 0; k < count; ++k) data[k] = 0.0f;
        }
    const float* logits = outputs_[std::size_t(fcStep_)].data();
    result.loss = ops::softmaxCrossEntropyBatch(logits, batchSize_, c.classes, labels_.data(),
                                                grads_[std::size_t(fcStep_)].data());
    for (int n = 0; n < batchSize_; ++n) {
        const float* row = logits + int64_t(n) * c.classes;
        result.correct +=
            int(std::max_element(row, row + c.classes) - row) == labels_[std::size_t(n)];
    }
    backward();
    return result;
}

double Trainer::gradientNorm() const {
    double sumOfSquares = 0;
    for (const auto& [name, grad] : gradients_) {
        const float* g = grad.data();
        const int64_t count = grad.size();
        double sum = 0;
#pragma omp simd reduction(+ : sum)
        for (int64_t k = 0; k < count; ++k) sum += double(g[k]) * double(g[k]);
        sumOfSquares += sum;
    }
    return std::sqrt(sumOfSquares);
}

double Trainer::clipGradientNorm(double maxNorm) {
    const double norm = gradientNorm();
    // PyTorch's coefficient; at or below the limit the gradients are left exactly as they are.
    const double coefficient = maxNorm / (norm + 1e-6);
    if (coefficient < 1.0) {
        const auto scale = float(coefficient);
        for (auto& [name, grad] : gradients_) {
            float* g = grad.data();
            const int64_t count = grad.size();
#pragma omp simd
            for (int64_t k = 0; k < count; ++k) g[k] *= scale;
        }
    }
    return norm;
}

void Trainer::applySgd(float learningRate) {
    for (auto& [name, grad] : gradients_) {
        Tensor& p = parameters_.at(name);
        Tensor& buffer = momentum_.at(name);
        float* pv = p.data();
        const float* gv = grad.data();
        float* bv = buffer.data();
        const int64_t count = p.size();
        const float decay = sgd_.weightDecay, momentum = sgd_.momentum;
#pragma omp simd
        for (int64_t k = 0; k < count; ++k) {
            const float g = gv[k] + decay * pv[k];
            bv[k] = momentum * bv[k] + g;
            pv[k] -= learningRate * bv[k];
        }
    }
}

BatchResult Trainer::trainBatch(const Tensor& batch, const std::vector<int>& labels,
                                float learningRate) {
    BatchResult result = computeGradients(batch, labels);
    result.gradientNorm =
        sgd_.maxGradientNorm > 0 ? clipGradientNorm(sgd_.maxGradientNorm) : gradientNorm();
    applySgd(learningRate);
    return result;
}

}  // namespace shufflescope::train
