#pragma once
// Training the network in the engine: a forward pass in training mode (batch norm normalises with
// the batch's statistics and updates the running ones), softmax cross-entropy on the logits, the
// backward pass through every step, and SGD with momentum and weight decay — PyTorch's semantics
// throughout, so a step here equals torch.optim.SGD's step on the same module:
//   g = grad + weightDecay * p;  buf = momentum * buf + g;  p -= learningRate * buf
// (no dampening, no Nesterov; the first step's buffer is g itself). Weight decay applies to every
// trainable tensor, BN's included, as SGD(model.parameters(), weight_decay=...) does; BN running
// statistics are buffers and are never decayed.
//
// Optional gradient-norm clipping (SgdSettings::maxGradientNorm > 0) is
// torch.nn.utils.clip_grad_norm_ on the raw gradients before that step: when the global L2 norm
// over every trainable tensor's gradient exceeds the limit, all gradients are scaled by
// limit / (norm + 1e-6). Weight decay is added after it, inside the step, as PyTorch's SGD does.
//
// Batches are [N, C, H, W] with N >= 2 (training-mode BN needs more than one value per channel).
// The work is parallel over the images of the batch (OpenMP: each thread a contiguous share);
// weight gradients are summed in per-thread buffers and reduced once per batch. Which steps run
// inside others, and where each gradient lives for how long: training_plan.h.

#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/exec/step_execution.h"
#include "shufflescope/exec/step_parameters.h"
#include "shufflescope/model/network.h"
#include "shufflescope/model/parameters.h"
#include "shufflescope/ops/pointwise_conv_backward.h"
#include "shufflescope/train/training_plan.h"

namespace shufflescope::train {

struct SgdSettings {
    float momentum = 0.9f;
    float weightDecay = 4e-5f;     // the paper's value
    float maxGradientNorm = 0.0f;  // clip the gradients' global L2 norm to this (0: no clipping)
};

struct BatchResult {
    double loss = 0;  // mean cross-entropy over the batch
    int correct = 0;  // images whose arg-max logit is the label
    int count = 0;
    double gradientNorm = 0;  // global L2 norm of the gradients, before any clipping
};

class Trainer {
  public:
    Trainer(const Network& network, Parameters parameters, SgdSettings sgd = {});
    // The trainer points into its own tensors (bound once). A move keeps them where they are
    // (std::map moves its nodes), a copy would point into the original: moves only.
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;
    Trainer(Trainer&&) = default;
    Trainer& operator=(Trainer&&) = default;

    // Forward, loss, backward: fills gradients(). Does not change the weights (BN running
    // statistics are updated, as in PyTorch's train mode).
    BatchResult computeGradients(const Tensor& batch, const std::vector<int>& labels);
    // The global L2 norm over every trainable tensor's gradient (accumulated in double).
    double gradientNorm() const;
    // torch.nn.utils.clip_grad_norm_(parameters, maxNorm): scales every gradient by
    // maxNorm / (norm + 1e-6) when the global norm exceeds maxNorm; leaves them untouched
    // otherwise. Returns the norm before clipping.
    double clipGradientNorm(double maxNorm);
    // One SGD step with the current gradients.
    void applySgd(float learningRate);
    // Both, the usual training step (with clipping between them when SgdSettings asks for it).
    BatchResult trainBatch(const Tensor& batch, const std::vector<int>& labels, float learningRate);

    // The trainer binds its tensors once (step_parameters.h): the writable accessors below allow
    // changing values in place, never replacing or removing a tensor.
    const Network& network() const { return network_; }
    const Parameters& parameters() const { return parameters_; }
    Parameters& parameters() { return parameters_; }
    // dL/dp for every trainable tensor (same keys and shapes as the parameters).
    const Parameters& gradients() const { return gradients_; }
    // Copies `gradient` into the gradient of `name`, so that applySgd can take gradients from
    // elsewhere (the PyTorch parity test drives the optimiser with PyTorch's gradients). Throws
    // Error for an unknown name or another shape.
    void setGradient(const std::string& name, const Tensor& gradient);
    // SGD momentum buffers (for resumable checkpoints); same keys as gradients().
    Parameters& momentumBuffers() { return momentum_; }
    const Parameters& momentumBuffers() const { return momentum_; }

  private:
    void forward(const Tensor& batch);
    void backward();
    void backwardBatchNorm(int step);
    void backwardImages(int step);
    void backwardImage(int step, int n, int thread, const ops::PointwiseConvBackward* pointwise,
                       float* scratch);
    void prepare(int batchSize);
    // grads_[home] shaped for the batch, from spareGradients_ when one has its size.
    Tensor& acquireGradient(int home);
    void releaseGradient(int home);  // back to the spares

    Network network_;
    Parameters parameters_;
    SgdSettings sgd_;
    Parameters gradients_, momentum_;
    std::vector<Parameters> threadGradients_;  // per OpenMP thread: conv and FC weight gradients
    std::vector<std::vector<float>> imageScratch_;  // per OpenMP thread: one step output

    int batchSize_ = 0;
    // Per step: its output, and the gradient with respect to it. A gradient exists only from the
    // first step of the backward that writes it to the last that reads it (the plan's
    // lastGradientReader), then goes back to spareGradients_ for the next one of its size: a few
    // buffers per stage instead of one per step.
    std::vector<Tensor> outputs_, grads_;
    std::vector<Tensor> spareGradients_;
    std::vector<std::vector<float>> savedMean_, savedInvStd_;  // per BN step
    TrainingPlan plan_;           // the fusions, and where each gradient lives (training_plan.h)
    ConvolutionScratch scratch_;  // per thread, for im2col
    std::vector<int> labels_;

    // Per step, bound once at construction: its parameters, its gradients (trainable only), its
    // per-thread conv and FC weight gradients, and its training-mode BN state.
    std::vector<StepParameters> parameterOf_;
    std::vector<MutableStepParameters> gradientOf_;
    std::vector<std::vector<MutableStepParameters>> threadGradientOf_;  // [thread][step]
    std::vector<BatchNormTraining> batchNormTraining_;
    struct SgdSlot {
        float* parameter;
        float* gradient;
        float* momentum;
        int64_t count;
    };
    std::vector<SgdSlot> sgdSlots_;  // one per trainable tensor
    struct ThreadReduction {
        float* total;                         // in gradients_
        std::vector<const float*> perThread;  // in threadGradients_
        int64_t count;
    };
    std::vector<ThreadReduction> threadReductions_;  // one per conv and FC weight gradient
};

}  // namespace shufflescope::train
