#pragma once
// The one place that executes a network step: the capture pass (capture_forward.h) and the
// trainer (train/trainer.h) both call executeStep, for a single image or a batch, with batch norm
// in inference mode (running statistics) or training mode (the batch's statistics).
//
// Tensors are NCHW: outputs[i] is step i's output [N, C, H, W] (head steps [N, C, 1, 1]),
// outputs[0] the network input. executeStep reads outputs[step.inputs[...]] and writes the
// destination (outputs[index], or a fused ReLU's buffer), allocating it when it does not have the
// step's shape for the input's batch size N (a trainer shapes them all once: shapeStepOutputs).

#include <string>
#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/exec/step_parameters.h"
#include "shufflescope/model/network.h"

namespace shufflescope {

// Throws Error unless `input` is [N, C, H, W] as the configuration says with N >= minimumBatch.
// The message starts with `context` (e.g. a file name, or "training batch").
void checkInputShape(const Network& network, const Tensor& input, const std::string& context,
                     int minimumBatch = 1);

// Batch norm in training mode: normalise with the batch's statistics, keep them for the backward,
// update the running statistics (PyTorch's momentum 0.1).
struct BatchNormTraining {
    float* savedMean = nullptr;    // [C]
    float* savedInvStd = nullptr;  // [C]
    float* runningMean = nullptr;  // [C], updated
    float* runningVar = nullptr;   // [C], updated
};

struct StepExecution {
    // A ReLU fused into this step (the trainer fuses a ReLU that is the only reader of a BN, add or
    // concat): the activated result goes to outputs[fusedRelu] and outputs[index] is not written.
    // -1: no fusion.
    int fusedRelu = -1;
    // Set for batch norm in training mode; null: inference mode (running statistics).
    const BatchNormTraining* batchNormTraining = nullptr;
    // A channel shuffle fused into this depthwise convolution (the trainer fuses a shuffle read by
    // nothing else): read step `input`'s output, the shuffle's input, through sourceChannel
    // (channelShufflePermutation; nullptr: the identity, a shuffle turned off). -1: the step's own
    // input.
    int input = -1;
    const int* sourceChannel = nullptr;
    // An add fused into this training-mode batch norm, with the add's ReLU as fusedRelu (the
    // trainer fuses bn3 -> add -> relu): outputs[fusedRelu] = max(BN(x) + outputs[residual], 0).
    // -1: none.
    int residual = -1;
};

// Per-thread im2col buffers for the dense convolution (the stem), sized for the network and
// allocated on a thread's first use (each thread touches only its own).
class ConvolutionScratch {
  public:
    explicit ConvolutionScratch(const Network& network);
    float* forThread(int thread);
    int threads() const { return static_cast<int>(buffers_.size()); }  // the threads it serves

  private:
    std::size_t size_ = 0;
    std::vector<std::vector<float>> buffers_;
};

// Runs step `index` (> 0) on every image of its input's batch. Images run in parallel when the
// batch has several (each operator then runs single-threaded inside); a single image runs the
// operators' own parallelism.
void executeStep(const Network& network, int index, const StepParameters& parameters,
                 std::vector<Tensor>& outputs, ConvolutionScratch& scratch,
                 const StepExecution& how = {});

// Gives outputs one tensor per step shaped for `batch` images (re-allocating only when a shape
// changes); outputs[0] is the input's buffer. With `used` (one flag per step), a step that is not
// used gets an empty tensor: a trainer's buffers for batch 128 are hundreds of megabytes, and a
// step fused into its ReLU never writes its own.
void shapeStepOutputs(const Network& network, int batch, std::vector<Tensor>& outputs,
                      const std::vector<bool>& used = {});

}  // namespace shufflescope
