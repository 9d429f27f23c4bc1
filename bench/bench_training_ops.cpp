// Batch norm in training mode (forward and backward, plain and fused with ReLU) at the shapes of
// a fashion-preset training step: a batch of 128 at each stage's resolution, with the narrowest
// (g = 1, bottleneck) and widest (g = 8, unit output) channel counts of the 0.5x network. And the
// backward passes of g = 3's second 1x1 convolution (input and weight gradient, as the trainer
// runs them: weights packed once, images one by one, the weight gradient over the batch) and of
// its stride-1 depthwise convolution, per stage, reported in multiply-adds per second.
//
//   OMP_NUM_THREADS=1 build/bench/shufflescope_bench_training_ops
//       --benchmark_repetitions=5 --benchmark_report_aggregates_only=true   (one command)
//
// Reported: time per call and bytes/s over the tensors the call must read and write.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/ops/batch_norm_train.h"
#include "shufflescope/ops/depthwise_conv_backward.h"
#include "shufflescope/ops/pointwise_conv_backward.h"

namespace {

using shufflescope::Tensor;
namespace ops = shufflescope::ops;

struct BatchNormCase {
    Tensor in, out, gradOut, gradIn;
    std::vector<float> gamma, beta, mean, invStd, runningMean, runningVar, gradGamma, gradBeta;

    explicit BatchNormCase(const benchmark::State& state)
        : in({128, state.range(0), state.range(1), state.range(1)}),
          out(in.shape()),
          gradOut(in.shape()),
          gradIn(in.shape()) {
        const std::size_t c = std::size_t(state.range(0));
        std::mt19937 random(7);
        std::normal_distribution<float> normal(0.3f, 1.0f);
        for (int64_t i = 0; i < in.size(); ++i) {
            in.data()[i] = normal(random);
            gradOut.data()[i] = normal(random);
        }
        gamma.assign(c, 1.0f);
        beta.assign(c, 0.1f);
        mean.assign(c, 0.0f);
        invStd.assign(c, 1.0f);
        runningMean.assign(c, 0.0f);
        runningVar.assign(c, 1.0f);
        gradGamma.assign(c, 0.0f);
        gradBeta.assign(c, 0.0f);
    }
    void forward(bool relu) {
        (relu ? ops::batchNormReluTrainForward : ops::batchNormTrainForward)(
            in, gamma.data(), beta.data(), out, mean.data(), invStd.data(), runningMean.data(),
            runningVar.data(), ops::kBatchNormMomentum, ops::kBatchNormEpsilon);
    }
    void backward(bool relu) {
        if (relu)
            ops::batchNormReluTrainBackward(in, gamma.data(), mean.data(), invStd.data(), out,
                                            gradOut, gradIn, gradGamma.data(), gradBeta.data());
        else
            ops::batchNormTrainBackward(in, gamma.data(), mean.data(), invStd.data(), gradOut,
                                        gradIn, gradGamma.data(), gradBeta.data());
    }
};

// Bytes a call must move: forward reads in, writes out; backward reads in, gradOut (and the
// activated out when fused), writes gradIn.
void setBytes(benchmark::State& state, const Tensor& t, int tensorsTouched) {
    state.SetBytesProcessed(int64_t(state.iterations()) * t.size() * int64_t(sizeof(float)) *
                            tensorsTouched);
}

template <bool Relu>
void BM_BatchNormTrainForward(benchmark::State& state) {
    BatchNormCase c(state);
    for (auto _ : state) {
        c.forward(Relu);
        benchmark::DoNotOptimize(c.out.data());
    }
    setBytes(state, c.in, 2);
}

template <bool Relu>
void BM_BatchNormTrainBackward(benchmark::State& state) {
    BatchNormCase c(state);
    c.forward(Relu);
    for (auto _ : state) {
        c.backward(Relu);
        benchmark::DoNotOptimize(c.gradIn.data());
    }
    setBytes(state, c.in, Relu ? 4 : 3);
}

// {channels, side}: stage 2 (16x16), stage 3 (8x8), stage 4 (4x4).
void stageShapes(benchmark::internal::Benchmark* b) {
    b->ArgNames({"C", "HW"});
    for (const auto& [channels, side] : std::vector<std::pair<int, int>>{
             {48, 16}, {192, 16}, {96, 8}, {384, 8}, {192, 4}, {768, 4}})
        b->Args({channels, side});
    b->Unit(benchmark::kMicrosecond);
}

BENCHMARK_TEMPLATE(BM_BatchNormTrainForward, false)->Apply(stageShapes);
BENCHMARK_TEMPLATE(BM_BatchNormTrainForward, true)->Apply(stageShapes);
BENCHMARK_TEMPLATE(BM_BatchNormTrainBackward, false)->Apply(stageShapes);
BENCHMARK_TEMPLATE(BM_BatchNormTrainBackward, true)->Apply(stageShapes);

Tensor randomBatch(std::vector<int64_t> shape, unsigned seed) {
    Tensor t(std::move(shape));
    std::mt19937 random(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    for (int64_t i = 0; i < t.size(); ++i) t.data()[i] = normal(random);
    return t;
}

void setMacs(benchmark::State& state, int64_t macsPerIteration) {
    state.counters["MAC/s"] = benchmark::Counter(double(macsPerIteration) * state.iterations(),
                                                 benchmark::Counter::kIsRate);
}

// {Cin, Cout, side}, g = 3, batch 128: dL/din for every image, then dL/dw over the batch.
void BM_PointwiseBackward(benchmark::State& state) {
    const int cin = int(state.range(0)), cout = int(state.range(1)), side = int(state.range(2));
    const int groups = 3, batch = 128;
    const Tensor in = randomBatch({batch, cin, side, side}, 11);
    const Tensor gradOut = randomBatch({batch, cout, side, side}, 12);
    const Tensor weight = randomBatch({cout, cin / groups}, 13);
    Tensor gradIn(in.shape());
    std::vector<float> gradWeight(std::size_t(weight.size()), 0.0f);
    for (auto _ : state) {
        const ops::PointwiseConvBackward backward(weight.data(), cin, cout, groups);
        for (int n = 0; n < batch; ++n)
            backward.inputGradient(shufflescope::imageOf(gradOut, n),
                                   shufflescope::imageOf(gradIn, n));
        backward.weightGradient(in, gradOut, 0, batch, gradWeight.data());
        benchmark::DoNotOptimize(gradIn.data());
        benchmark::DoNotOptimize(gradWeight.data());
    }
    setMacs(state, 2 * int64_t(batch) * cout * (cin / groups) * side * side);
}

// {C, side}, stride 1, batch 128, image by image as the trainer runs it.
void BM_DepthwiseBackward(benchmark::State& state) {
    const int channels = int(state.range(0)), side = int(state.range(1)), batch = 128;
    const Tensor in = randomBatch({batch, channels, side, side}, 21);
    const Tensor gradOut = randomBatch(in.shape(), 22);
    const Tensor weight = randomBatch({channels, 9}, 23);
    Tensor gradIn(in.shape());
    std::vector<float> gradWeight(std::size_t(weight.size()), 0.0f);
    for (auto _ : state) {
        for (int n = 0; n < batch; ++n)
            ops::depthwiseConv3x3Backward(shufflescope::imageOf(in, n), weight.data(), 1,
                                          shufflescope::imageOf(gradOut, n),
                                          shufflescope::imageOf(gradIn, n).data, gradWeight.data());
        benchmark::DoNotOptimize(gradIn.data());
    }
    setMacs(state, 2 * int64_t(batch) * channels * 9 * side * side);
}

BENCHMARK(BM_PointwiseBackward)
    ->ArgNames({"Cin", "Cout", "HW"})
    ->Args({30, 120, 16})
    ->Args({60, 240, 8})
    ->Args({120, 480, 4})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DepthwiseBackward)
    ->ArgNames({"C", "HW"})
    ->Args({30, 16})
    ->Args({60, 8})
    ->Args({120, 4})
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
