// Batch norm in training mode (forward and backward, plain and fused with ReLU) at the shapes of
// a fashion-preset training step: a batch of 128 at each stage's resolution, with the narrowest
// (g = 1, bottleneck) and widest (g = 8, unit output) channel counts of the 0.5x network.
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

}  // namespace

BENCHMARK_MAIN();
