#include "shufflescope/train/trainer.h"

#include <omp.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <utility>

#include "shufflescope/base/error.h"
#include "shufflescope/exec/step_execution.h"
#include "shufflescope/ops/activation_backward.h"
#include "shufflescope/ops/batch_norm_train.h"
#include "shufflescope/ops/channel_shuffle_backward.h"
#include "shufflescope/ops/convolution_backward.h"
#include "shufflescope/ops/depthwise_conv_backward.h"
#include "shufflescope/ops/linear_backward.h"
#include "shufflescope/ops/pointwise_conv_backward.h"
#include "shufflescope/ops/pooling_backward.h"
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
    : network_(network), parameters_(std::move(parameters)), sgd_(sgd), scratch_(network_) {
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
    fcStep_ = network_.fc();

    // [SECTION] Bind every tensor once: the passes below index these by step, never by name.
    parameterOf_ = bindParameters(network_, std::as_const(parameters_));
    const std::vector<MutableStepParameters> writable = bindParameters(network_, parameters_);
    gradientOf_ = bindParameters(network_, gradients_);
    for (Parameters& perThread : threadGradients_)
        threadGradientOf_.push_back(bindParameters(network_, perThread));
    savedMean_.resize(std::size_t(network_.stepCount()));
    savedInvStd_.resize(std::size_t(network_.stepCount()));
    batchNormTraining_.resize(std::size_t(network_.stepCount()));
    for (int i = 0; i < network_.stepCount(); ++i)
        if (network_.step(i).kind == StepKind::BatchNorm) {
            const auto k = std::size_t(i);
            savedMean_[k].resize(std::size_t(network_.step(i).out.channels));
            savedInvStd_[k].resize(std::size_t(network_.step(i).out.channels));
            batchNormTraining_[k] = {savedMean_[k].data(), savedInvStd_[k].data(),
                                     writable[k].runningMean, writable[k].runningVar};
        }
    for (auto& [name, gradient] : gradients_)
        sgdSlots_.push_back({parameters_.at(name).data(), gradient.data(),
                             momentum_.at(name).data(), gradient.size()});
    for (const auto& [name, gradient] : threadGradients_.front()) {
        ThreadReduction r{gradients_.at(name).data(), {}, gradient.size()};
        for (const Parameters& perThread : threadGradients_)
            r.perThread.push_back(perThread.at(name).data());
        threadReductions_.push_back(std::move(r));
    }
}

void Trainer::setGradient(const std::string& name, const Tensor& gradient) {
    const auto it = gradients_.find(name);
    if (it == gradients_.end()) throw Error("no trainable tensor is called '" + name + "'");
    if (it->second.shape() != gradient.shape())
        throw Error("the gradient of '" + name + "' has shape " + it->second.shapeString() +
                    ", not " + gradient.shapeString());
    std::copy(gradient.data(), gradient.data() + gradient.size(), it->second.data());
}

void Trainer::prepare(int batchSize) {
    if (batchSize == batchSize_) return;
    batchSize_ = batchSize;
    shapeStepOutputs(network_, batchSize, outputs_);
    shapeStepOutputs(network_, batchSize, grads_);
}

// [SECTION] Forward in training mode

void Trainer::forward(const Tensor& batch) {
    std::copy(batch.data(), batch.data() + batch.size(), outputs_[0].data());
    for (int i = 1; i < network_.stepCount(); ++i) {
        const auto k = std::size_t(i);
        if (fusedInto_[k] >= 0) continue;  // computed by its producer
        StepExecution how{.fusedRelu = fusedRelu_[k]};
        if (network_.step(i).kind == StepKind::BatchNorm)
            how.batchNormTraining = &batchNormTraining_[k];
        executeStep(network_, i, parameterOf_[k], outputs_, scratch_, how);
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
        const StepParameters& p = parameterOf_[std::size_t(i)];
        const int input = s.inputs[0];
        if (input == 0 && s.kind != StepKind::Conv) continue;  // nothing upstream learns

        if (s.kind == StepKind::BatchNorm) {
            Tensor& gradIn = grads_[std::size_t(input)];
            assert(consumers_[std::size_t(input)] == 1);  // a BN always follows a single conv
            const float* mean = savedMean_[std::size_t(i)].data();
            const float* invStd = savedInvStd_[std::size_t(i)].data();
            float* gradGamma = gradientOf_[std::size_t(i)].weight;
            float* gradBeta = gradientOf_[std::size_t(i)].bias;
            if (relu >= 0)
                ops::batchNormReluTrainBackward(outputs_[std::size_t(input)], p.weight, mean,
                                                invStd, outputs_[std::size_t(relu)], gradOut,
                                                gradIn, gradGamma, gradBeta);
            else
                ops::batchNormTrainBackward(outputs_[std::size_t(input)], p.weight, mean, invStd,
                                            gradOut, gradIn, gradGamma, gradBeta);
            continue;
        }

#pragma omp parallel for schedule(static)
        for (int n = 0; n < batchSize_; ++n) {
            const int thread = omp_get_thread_num();
            float* scratch = temp[std::size_t(thread)].data();
            const MutableStepParameters& threadGradient =
                threadGradientOf_[std::size_t(thread)][std::size_t(i)];
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
                    ops::fullyConnectedBackward(x.data, p.weight, g.data, x.channels,
                                                s.out.channels, dst, threadGradient.weight,
                                                threadGradient.bias);
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
                    ops::depthwiseConv3x3Backward(x, p.weight, s.stride, g, dst,
                                                  threadGradient.weight);
                    break;
                case StepKind::PointwiseConv:
                    ops::pointwiseConvBackward(x, p.weight, s.groups, g, dst,
                                               threadGradient.weight);
                    break;
                case StepKind::Conv:
                    // The stem reads the image: no input gradient is needed.
                    ops::conv2dBackward(x, p.weight, s.groups, s.kernel, s.stride, s.padding, g,
                                        input == 0 ? nullptr : dst, threadGradient.weight,
                                        scratch_.forThread(thread));
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
    for (const ThreadReduction& r : threadReductions_)
        for (const float* perThread : r.perThread) addInto(r.total, perThread, r.count);
}

// [SECTION] The step

BatchResult Trainer::computeGradients(const Tensor& batch, const std::vector<int>& labels) {
    const ModelConfig& c = network_.config();
    checkInputShape(network_, batch, "training batch", 2);
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
    for (const SgdSlot& slot : sgdSlots_) {
        float* pv = slot.parameter;
        const float* gv = slot.gradient;
        float* bv = slot.momentum;
        const int64_t count = slot.count;
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
