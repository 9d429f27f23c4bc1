// The inference fast path's hot kernels at ShuffleNet v1's ImageNet shapes (1x, g = 3 and g = 8,
// batch 1), each called as FastForward::run (core/src/exec/fast_forward.cpp) calls it:
//   pw1  ops::pointwiseConv, a unit's first 1x1 (grouped, except in Stage 2's first unit as the
//        paper has it), + bias, ReLU;
//   dw   ops::depthwiseConv3x3, stride 1 or 2, + bias, reading its input channels through the
//        channel shuffle's source-channel map;
//   pw2  ops::pointwiseConv, the second 1x1 with its fused epilogue: + bias, + the unit's input
//        (the residual), ReLU in a stride-1 unit; + bias, ReLU into the concat's second part in a
//        stride-2 unit.
// The shapes are the imagenet preset's, from Network::build: every stage's first unit (stride 2)
// and second unit (stride 1, like all the units after it). Weights are random (the time does not
// depend on them).
//
//   OMP_NUM_THREADS=1 build/bench/shufflescope_bench_inference_ops
//       --benchmark_repetitions=5 --benchmark_report_aggregates_only=true   (one command)
//
// Reported: time per call, MACs/s (counter MACs) and bytes/s over the tensors the call reads and
// writes. Names: kernel/g<groups>/<unit>/<input C x H x W>-><output C x H x W>.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/exec/fast_forward.h"
#include "shufflescope/model/config.h"
#include "shufflescope/model/network.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "shufflescope/ops/depthwise_conv.h"
#include "shufflescope/ops/packed_pointwise.h"

namespace {

using shufflescope::AlignedFloats;
using shufflescope::ConstFeatureMap;
using shufflescope::FeatureMap;
using shufflescope::Network;
using shufflescope::Step;
using shufflescope::StepShape;
namespace ops = shufflescope::ops;

// One unit's shapes as FastForward runs it (its plan), and its name.
struct Unit : shufflescope::FusedUnitPlan {
    std::string name;  // stages.<stage>.<unit>
};

Unit unitOf(const Network& network, int stage, int unit) {
    Unit u;
    static_cast<shufflescope::FusedUnitPlan&>(u) =
        shufflescope::planFusedUnit(network, network.unit(stage, unit));
    u.name = "stages." + std::to_string(stage) + "." + std::to_string(unit);
    return u;
}

AlignedFloats randomFloats(int64_t count, uint32_t seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    AlignedFloats values(static_cast<std::size_t>(count));
    for (float& v : values) v = uniform(random);
    return values;
}

std::string shape(int channels, int height, int width) {
    return std::to_string(channels) + "x" + std::to_string(height) + "x" + std::to_string(width);
}

// MACs and bytes (floats read and written, x 4) of one call, as rates.
void setCounters(benchmark::State& state, int64_t macs, int64_t floatsMoved) {
    state.counters["MACs"] =
        benchmark::Counter(double(macs), benchmark::Counter::kIsIterationInvariantRate);
    state.SetBytesProcessed(int64_t(state.iterations()) * floatsMoved * int64_t(sizeof(float)));
}

// The first 1x1: [in, H, W] -> [mid, H, W], + bias, ReLU.
void pw1(benchmark::State& state, const Unit& u) {
    const int64_t plane = int64_t(u.inHeight) * u.inWidth;
    const AlignedFloats in = randomFloats(u.inChannels * plane, 1);
    const AlignedFloats weight = randomFloats(int64_t(u.mid) * (u.inChannels / u.groups1), 2);
    const AlignedFloats bias = randomFloats(u.mid, 3);
    AlignedFloats mid(static_cast<std::size_t>(u.mid * plane));
    const FeatureMap out{mid.data(), u.mid, u.inHeight, u.inWidth};
    const ops::PackedPointwiseConv conv(weight.data(), bias.data(), u.inChannels, u.mid, u.groups1);
    for (auto _ : state) {
        conv.run({in.data(), u.inChannels, u.inHeight, u.inWidth}, out, true);
        benchmark::DoNotOptimize(mid.data());
        benchmark::ClobberMemory();
    }
    setCounters(state, int64_t(weight.size()) * plane,
                int64_t(in.size() + weight.size() + bias.size() + mid.size()));
}

// The depthwise 3x3: [mid, H, W] -> [mid, Ho, Wo] through the shuffle's source-channel map.
void dw(benchmark::State& state, const Unit& u) {
    const int64_t outPlane = int64_t(u.outHeight) * u.outWidth;
    // The input as the fast path keeps it: planes apart by zero margins (MarginedPlanes).
    AlignedFloats in = randomFloats(ops::MarginedPlanes::sizeFor(u.mid, u.inHeight, u.inWidth), 4);
    const ops::MarginedPlanes planes{in.data() + ops::MarginedPlanes::margin(u.inWidth), u.mid,
                                     u.inHeight, u.inWidth,
                                     ops::MarginedPlanes::strideFor(u.inHeight, u.inWidth)};
    ops::zeroMargins(planes);
    const AlignedFloats masks = ops::depthwiseColumnMasks(u.inHeight, u.inWidth);
    const AlignedFloats weight = randomFloats(int64_t(u.mid) * 9, 5);
    const AlignedFloats bias = randomFloats(u.mid, 6);
    AlignedFloats depthwise(static_cast<std::size_t>(u.mid * outPlane));
    const FeatureMap out{depthwise.data(), u.mid, u.outHeight, u.outWidth};
    for (auto _ : state) {
        ops::depthwiseConv3x3(planes, weight.data(), bias.data(), u.stride, out,
                              u.shuffleSource.empty() ? nullptr : u.shuffleSource.data(),
                              masks.data());
        benchmark::DoNotOptimize(depthwise.data());
        benchmark::ClobberMemory();
    }
    setCounters(state, int64_t(weight.size()) * outPlane,
                int64_t(u.mid) * u.inHeight * u.inWidth +
                    int64_t(weight.size() + bias.size() + depthwise.size()));
}

// The second 1x1 and its epilogue: stride 1, [mid, Ho, Wo] -> [out, Ho, Wo] + the unit's input,
// ReLU; stride 2, [mid, Ho, Wo] -> channels [in, out) of the unit's output (the shortcut's
// average pool fills [0, in)), ReLU.
void pw2(benchmark::State& state, const Unit& u) {
    const int64_t outPlane = int64_t(u.outHeight) * u.outWidth;
    const int produced = u.stride == 1 ? u.outChannels : u.outChannels - u.inChannels;
    const AlignedFloats in = randomFloats(int64_t(u.mid) * outPlane, 7);
    const AlignedFloats weight = randomFloats(int64_t(produced) * (u.mid / u.groups), 8);
    const AlignedFloats bias = randomFloats(produced, 9);
    const AlignedFloats residual =
        u.stride == 1 ? randomFloats(int64_t(u.inChannels) * u.inHeight * u.inWidth, 10)
                      : AlignedFloats();
    AlignedFloats y(static_cast<std::size_t>(u.outChannels * outPlane));
    const FeatureMap whole{y.data(), u.outChannels, u.outHeight, u.outWidth};
    const FeatureMap out =
        u.stride == 1 ? whole
                      : FeatureMap{whole.channel(u.inChannels), produced, u.outHeight, u.outWidth};
    const ConstFeatureMap dwOut{in.data(), u.mid, u.outHeight, u.outWidth};
    const ops::PackedPointwiseConv conv(weight.data(), bias.data(), u.mid, produced, u.groups);
    for (auto _ : state) {
        conv.run(dwOut, out, true, u.stride == 1 ? residual.data() : nullptr);
        benchmark::DoNotOptimize(y.data());
        benchmark::ClobberMemory();
    }
    setCounters(
        state, int64_t(weight.size()) * outPlane,
        int64_t(in.size() + weight.size() + bias.size() + residual.size()) + produced * outPlane);
}

void registerKernels(int groups) {
    shufflescope::ModelConfig config = shufflescope::presetConfig("imagenet");
    config.groups = groups;
    const Network network = Network::build(config);
    const std::string g = "/g" + std::to_string(groups) + "/";
    for (int stage = 0; stage < 3; ++stage)
        for (int unit : {0, 1}) {
            const Unit u = unitOf(network, stage, unit);
            const std::string in = shape(u.inChannels, u.inHeight, u.inWidth);
            const std::string mid = shape(u.mid, u.inHeight, u.inWidth);
            const std::string dwOut = shape(u.mid, u.outHeight, u.outWidth);
            const std::string out =
                shape(u.stride == 1 ? u.outChannels : u.outChannels - u.inChannels, u.outHeight,
                      u.outWidth);
            benchmark::RegisterBenchmark(("pw1" + g + u.name + "/" + in + "->" + mid).c_str(), pw1,
                                         u)
                ->Unit(benchmark::kMicrosecond);
            benchmark::RegisterBenchmark(("dw" + g + u.name + "/" + mid + "->" + dwOut).c_str(), dw,
                                         u)
                ->Unit(benchmark::kMicrosecond);
            benchmark::RegisterBenchmark(("pw2" + g + u.name + "/" + dwOut + "->" + out).c_str(),
                                         pw2, u)
                ->Unit(benchmark::kMicrosecond);
        }
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    for (int groups : {3, 8}) registerKernels(groups);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
