#include "shufflescope/train/trainer.h"

#include <omp.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <optional>
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
    : network_(network),
      parameters_(std::move(parameters)),
      sgd_(sgd),
      plan_(network_),
      scratch_(network_) {
    checkParameters(network_, parameters_, "trainer");
    for (const ParameterSpec& spec : network_.parameterSpecs())
        if (spec.trainable) {
            gradients_.emplace(spec.name, Tensor(spec.shape));
            momentum_.emplace(spec.name, Tensor(spec.shape));
        }
    const int threads = omp_get_max_threads();
    threadGradients_.resize(std::size_t(threads));
    // Per thread, one step output's worth: where an input read by several steps gets a later
    // reader's share before it is added in.
    long long largest = 0;
    for (const Step& s : network_.steps()) largest = std::max(largest, s.out.size());
    imageScratch_.assign(std::size_t(threads), std::vector<float>(std::size_t(largest)));
    for (Parameters& perThread : threadGradients_)
        for (const ParameterSpec& spec : network_.parameterSpecs())
            if (spec.trainable && isWeightOfConvOrFc(spec))
                perThread.emplace(spec.name, Tensor(spec.shape));

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
    // A step fused into its ReLU writes the ReLU's buffers, never its own. Gradients come and go
    // during the backward (acquireGradient).
    std::vector<bool> outputUsed(std::size_t(network_.stepCount()), true);
    for (std::size_t i = 0; i < outputUsed.size(); ++i) outputUsed[i] = plan_.writesOutput(int(i));
    shapeStepOutputs(network_, batchSize, outputs_, outputUsed);
    grads_.assign(std::size_t(network_.stepCount()), Tensor());
    spareGradients_.clear();
}

Tensor& Trainer::acquireGradient(int home) {
    Tensor& g = grads_[std::size_t(home)];
    if (!g.empty()) return g;  // shared with a step already written (an add's input)
    const StepShape& o = network_.step(home).out;
    std::vector<int64_t> shape{batchSize_, o.channels, o.height, o.width};
    const int64_t size = elementCount(shape);
    const auto spare = std::find_if(spareGradients_.begin(), spareGradients_.end(),
                                    [&](const Tensor& t) { return t.size() == size; });
    if (spare == spareGradients_.end()) {
        g = Tensor(std::move(shape));
    } else {
        g = std::move(*spare);
        spareGradients_.erase(spare);
        g.reshape(std::move(shape));
    }
    return g;
}

void Trainer::releaseGradient(int home) {
    Tensor& g = grads_[std::size_t(home)];
    if (g.empty()) return;
    spareGradients_.push_back(std::move(g));
    g = Tensor();
}

// [SECTION] Forward in training mode

void Trainer::forward(const Tensor& batch) {
    std::copy(batch.data(), batch.data() + batch.size(), outputs_[0].data());
    for (int i = 1; i < network_.stepCount(); ++i) {
        const auto k = std::size_t(i);
        if (plan_.skipped(i) || plan_.addInBatchNorm[k]) continue;
        StepExecution how{.fusedRelu = plan_.fusedRelu[k]};
        if (const int add = plan_.fusedAdd[k]; add >= 0) {  // the add and its ReLU, computed here
            const Step& a = network_.step(add);
            how.fusedRelu = plan_.fusedRelu[std::size_t(add)];
            how.residual = a.inputs[0] == i ? a.inputs[1] : a.inputs[0];
        }
        if (plan_.readsFrom[k] != network_.step(i).inputs[0]) {
            how.input = plan_.readsFrom[k];
            how.sourceChannel =
                plan_.shuffleSource[k].empty() ? nullptr : plan_.shuffleSource[k].data();
        }
        if (network_.step(i).kind == StepKind::BatchNorm)
            how.batchNormTraining = &batchNormTraining_[k];
        executeStep(network_, i, parameterOf_[k], outputs_, scratch_, how);
    }
}

// [SECTION] Backward

// Images a thread takes at a time: their per-image passes, then the step's weight gradient over
// them while their maps are still in cache.
constexpr int kImagesPerChunk = 4;

// Expects the logits' gradient (computeGradients writes it); every other gradient buffer is taken
// from the spares when its first writer runs and returned after its last reader.
void Trainer::backward() {
    for (auto& [name, g] : gradients_) std::fill(g.data(), g.data() + g.size(), 0.0f);
    for (Parameters& perThread : threadGradients_)
        for (auto& [name, g] : perThread) std::fill(g.data(), g.data() + g.size(), 0.0f);

    for (int i = plan_.fc; i >= 1; --i) {
        if (!plan_.runsBackward(i)) continue;
        const Step& s = network_.step(i);
        // A gradient buffer lives from its first writer to its last reader: those this step
        // writes first come from the spares now.
        for (std::size_t k = 0; k < s.inputs.size(); ++k) {
            const int target = k == 0 ? plan_.readsFrom[std::size_t(i)] : s.inputs[k];
            if (target > 0 && plan_.firstReader[std::size_t(target)] == i)
                acquireGradient(plan_.gradientHome[std::size_t(target)]);
        }
        if (s.kind == StepKind::BatchNorm)
            backwardBatchNorm(i);
        else
            backwardImages(i);
        const int home = plan_.gradientHome[std::size_t(i)];
        if (plan_.lastGradientReader[std::size_t(home)] == i) releaseGradient(home);
    }
    assert(std::all_of(grads_.begin(), grads_.end(), [](const Tensor& g) { return g.empty(); }));

    // Reduce the per-thread weight gradients.
    for (const ThreadReduction& r : threadReductions_)
        for (const float* perThread : r.perThread) addInto(r.total, perThread, r.count);
}

// Step i's backward, image by image: each thread takes a contiguous share of the batch.
void Trainer::backwardImages(int i) {
    const Step& s = network_.step(i);
    const int input = plan_.readsFrom[std::size_t(i)];
    // A 1x1 convolution's transposed weights are packed once for the batch.
    std::optional<ops::PointwiseConvBackward> pointwise;
    if (s.kind == StepKind::PointwiseConv)
        pointwise.emplace(parameterOf_[std::size_t(i)].weight, network_.step(input).out.channels,
                          s.out.channels, s.groups);
    const Tensor& gradOut = grads_[std::size_t(plan_.gradientHome[std::size_t(i)])];

    // At most as many threads as there are per-thread buffers (sized when the trainer was made: a
    // later call may come with a larger thread count).
#pragma omp parallel num_threads(int(threadGradients_.size()))
    {
        const int thread = omp_get_thread_num(), threads = omp_get_num_threads();
        const int first = batchSize_ * thread / threads;
        const int last = batchSize_ * (thread + 1) / threads;
        for (int chunk = first; chunk < last; chunk += kImagesPerChunk) {
            const int chunkEnd = std::min(last, chunk + kImagesPerChunk);
            for (int n = chunk; n < chunkEnd; ++n)
                backwardImage(i, n, thread, pointwise ? &*pointwise : nullptr,
                              imageScratch_[std::size_t(thread)].data());
            if (pointwise)
                pointwise->weightGradient(
                    outputs_[std::size_t(input)], gradOut, chunk, chunkEnd,
                    threadGradientOf_[std::size_t(thread)][std::size_t(i)].weight);
        }
    }
}

void Trainer::backwardBatchNorm(int i) {
    const Step& s = network_.step(i);
    const int relu = plan_.fusedRelu[std::size_t(i)];
    const Tensor& gradOut = grads_[std::size_t(plan_.gradientHome[std::size_t(i)])];
    const StepParameters& p = parameterOf_[std::size_t(i)];
    const int input = s.inputs[0];
    Tensor& gradIn = grads_[std::size_t(plan_.gradientHome[std::size_t(input)])];
    assert(plan_.consumers[std::size_t(input)] == 1);  // a BN always follows a single conv
    const float* mean = savedMean_[std::size_t(i)].data();
    const float* invStd = savedInvStd_[std::size_t(i)].data();
    float* gradGamma = gradientOf_[std::size_t(i)].weight;
    float* gradBeta = gradientOf_[std::size_t(i)].bias;
    if (relu >= 0)
        ops::batchNormReluTrainBackward(outputs_[std::size_t(input)], p.weight, mean, invStd,
                                        outputs_[std::size_t(relu)], gradOut, gradIn, gradGamma,
                                        gradBeta);
    else
        ops::batchNormTrainBackward(outputs_[std::size_t(input)], p.weight, mean, invStd, gradOut,
                                    gradIn, gradGamma, gradBeta);
}

// Step i's backward for image n, on OpenMP thread `thread`: its input gradients (and its weight
// gradient into the thread's buffers, except a 1x1 convolution's: backward() sums those over a
// chunk of images). `scratch` holds one step output.
void Trainer::backwardImage(int i, int n, int thread, const ops::PointwiseConvBackward* pointwise,
                            float* scratch) {
    const Step& s = network_.step(i);
    // With a fused ReLU the step's gradient arrives at the ReLU's output.
    const int relu = plan_.fusedRelu[std::size_t(i)];
    Tensor& gradOut = grads_[std::size_t(plan_.gradientHome[std::size_t(i)])];
    const StepParameters& p = parameterOf_[std::size_t(i)];
    const int input = plan_.readsFrom[std::size_t(i)];
    const MutableStepParameters& threadGradient =
        threadGradientOf_[std::size_t(thread)][std::size_t(i)];
    if (relu >= 0) {  // the fused ReLU's backward, in place on this image's gradient
        float* gradImage = imageOf(gradOut, n).data;
        ops::reluBackward(imageOf(outputs_[std::size_t(relu)], n).data, gradImage, gradImage,
                          s.out.size());
    }
    const ConstFeatureMap g = imageOf(static_cast<const Tensor&>(gradOut), n);
    // Step `target`'s gradient for image n: the first step of the backward to reach it (the
    // highest-numbered of its readers) overwrites it; a later one adds to it — the 1x1
    // convolution in its kernel's epilogue, any other via `scratch`.
    const auto gradientOf = [&](int target) {
        return imageOf(grads_[std::size_t(plan_.gradientHome[std::size_t(target)])], n).data;
    };
    const auto overwrites = [&](int target) { return plan_.firstReader[std::size_t(target)] == i; };
    const auto destination = [&](int target) {
        return overwrites(target) ? gradientOf(target) : scratch;
    };
    const auto deliver = [&](int target, float* written) {
        if (written == scratch)
            addInto(gradientOf(target), scratch, network_.step(target).out.size());
    };
    const ConstFeatureMap x = imageOf(outputs_[std::size_t(input)], n);
    float* dst = input > 0 ? destination(input) : nullptr;  // the image has no gradient
    switch (s.kind) {
        case StepKind::FullyConnected:
            ops::fullyConnectedBackward(x.data, p.weight, g.data, x.channels, s.out.channels, dst,
                                        threadGradient.weight, threadGradient.bias);
            break;
        case StepKind::GlobalAvgPool:
            ops::globalAvgPoolBackward(g.data, {dst, x.channels, x.height, x.width});
            break;
        case StepKind::ReLU:
            ops::reluBackward(imageOf(outputs_[std::size_t(i)], n).data, g.data, dst, s.out.size());
            break;
        case StepKind::Add:
            // The gradient passes unchanged to both inputs; the one that keeps it in this step's
            // buffer (plan_.sharedAddInput) needs no copy.
            for (const int target : s.inputs) {
                if (target == plan_.sharedAddInput[std::size_t(i)]) continue;
                if (overwrites(target))
                    std::copy(g.data, g.data + s.out.size(), gradientOf(target));
                else
                    addInto(gradientOf(target), g.data, s.out.size());
            }
            return;
        case StepKind::Concat: {
            const int64_t first = network_.step(input).out.size();
            std::copy(g.data, g.data + first, dst);
            deliver(input, dst);
            const int other = s.inputs[1];
            float* second = destination(other);
            std::copy(g.data + first, g.data + s.out.size(), second);
            deliver(other, second);
            return;
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
                ops::channelShuffleBackward(g, s.groups, {dst, x.channels, x.height, x.width});
            else
                std::copy(g.data, g.data + s.out.size(), dst);
            break;
        case StepKind::DepthwiseConv:
            ops::depthwiseConv3x3Backward(x, p.weight, s.stride, g, dst, threadGradient.weight,
                                          plan_.shuffleSource[std::size_t(i)].empty()
                                              ? nullptr
                                              : plan_.shuffleSource[std::size_t(i)].data());
            break;
        case StepKind::PointwiseConv:
            assert(pointwise);
            pointwise->inputGradient(g, {gradientOf(input), x.channels, x.height, x.width},
                                     !overwrites(input));
            return;
        case StepKind::Conv:
            // The stem reads the image: no input gradient is needed.
            ops::conv2dBackward(x, p.weight, s.groups, s.kernel, s.stride, s.padding, g, dst,
                                threadGradient.weight, scratch_.forThread(thread));
            if (input == 0) return;
            break;
        case StepKind::Softmax:
        case StepKind::BatchNorm:
        case StepKind::Input:
            return;
    }
    deliver(input, dst);
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
    acquireGradient(plan_.gradientHome[std::size_t(plan_.fc)]);
    const float* logits = outputs_[std::size_t(plan_.fc)].data();
    result.loss = ops::softmaxCrossEntropyBatch(logits, batchSize_, c.classes, labels_.data(),
                                                grads_[std::size_t(plan_.fc)].data());
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
