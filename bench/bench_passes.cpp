// Whole passes, as the app and the Train tab run them: the capture pass (every step's output kept:
// what the desktop app computes on each change of image, g, shuffle or width) and one training
// step (forward in training mode, loss, backward, SGD) on a fashion batch.
//
//   build/bench/shufflescope_bench_passes --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true
//
// The source also compiles against the engine before core/ was laid out by concern (the flat
// include paths), so the same benchmark measures a change before and after it (see
// bench/README.md).

#include <benchmark/benchmark.h>
#include <malloc.h>

#include <random>
#include <vector>

#if __has_include("shufflescope/exec/capture_forward.h")
#include "shufflescope/exec/capture_forward.h"
#include "shufflescope/model/config.h"
#include "shufflescope/model/initialization.h"
#include "shufflescope/model/network.h"
#else
#include "shufflescope/capture_forward.h"
#include "shufflescope/config.h"
#include "shufflescope/initialization.h"
#include "shufflescope/network.h"
#endif
#include "shufflescope/train/trainer.h"

namespace {

using namespace shufflescope;

Tensor randomInput(const ModelConfig& c, int batch) {
    Tensor t({batch, c.inChannels, c.inputHeight, c.inputWidth});
    std::mt19937 random(3);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    for (float& v : t.values()) v = normal(random);
    return t;
}

ModelConfig configFor(const char* preset, int groups) {
    ModelConfig c = presetConfig(preset);
    c.groups = groups;
    return c;
}

// Args: preset (0 imagenet, 1 fashion), groups.
void BM_CapturePass(benchmark::State& state) {
    const ModelConfig c =
        configFor(state.range(0) == 0 ? "imagenet" : "fashion", int(state.range(1)));
    const Network network = Network::build(c);
    const Parameters parameters = randomParameters(network, 1);
    const Tensor input = randomInput(c, 1);
    for (auto _ : state) benchmark::DoNotOptimize(forwardCapture(network, parameters, input));
}
BENCHMARK(BM_CapturePass)->Args({0, 3})->Args({0, 8})->Args({1, 3})->Unit(benchmark::kMillisecond);

// Args: groups, batch. Reports images/s.
void BM_TrainingStep(benchmark::State& state) {
    const ModelConfig c = configFor("fashion", int(state.range(0)));
    const int batch = int(state.range(1));
    const Network network = Network::build(c);
    train::Trainer trainer(network, trainingStartParameters(network, 1));
    const Tensor input = randomInput(c, batch);
    std::vector<int> labels(static_cast<std::size_t>(batch));
    for (int n = 0; n < batch; ++n) labels[std::size_t(n)] = n % c.classes;
    for (auto _ : state) benchmark::DoNotOptimize(trainer.trainBatch(input, labels, 0.01f));
    state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_TrainingStep)
    ->Args({3, 32})
    ->Args({3, 128})
    ->Args({8, 128})
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    // A capture allocates ~30 MB of outputs and the loop frees them again; glibc's default is to
    // hand such memory back to the system and fault it in anew, at a cost that depends on what
    // ran before in the process (a 3x spread between runs). Keeping freed memory in the process
    // measures the pass itself, the same way for every build compared.
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
