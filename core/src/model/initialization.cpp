#include "shufflescope/model/initialization.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

#include "shufflescope/exec/capture_forward.h"

namespace shufflescope {

namespace {

class Random {
  public:
    explicit Random(uint64_t seed) : engine_(seed) {}
    // 53 random bits -> [0, 1).
    double uniform() { return double(engine_() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    double normal() {  // Box-Muller, one value per call for simplicity
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }

  private:
    std::mt19937_64 engine_;
};

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

constexpr int kCalibrationBatch = 2;

}  // namespace

Parameters randomParameters(const Network& network, uint64_t seed) {
    Random random(seed);
    Parameters params;
    const int fcInputs = network.step(network.head().pool).out.channels;
    for (const ParameterSpec& spec : network.parameterSpecs()) {
        Tensor t(spec.shape);
        const std::string& name = spec.name;
        if (name == "fc.weight" || name == "fc.bias") {
            const double bound = 1.0 / std::sqrt(double(fcInputs));
            for (float& v : t.values()) v = float(random.uniform(-bound, bound));
        } else if (spec.shape.size() == 4) {  // convolution weight [Cout, Cin/g, K, K]
            const double fanIn = double(spec.shape[1] * spec.shape[2] * spec.shape[3]);
            const double std = std::sqrt(2.0 / fanIn);
            for (float& v : t.values()) v = float(random.normal() * std);
        } else if (endsWith(name, ".weight")) {
            for (float& v : t.values()) v = float(random.uniform(0.75, 1.25));
        } else if (endsWith(name, ".bias")) {
            for (float& v : t.values()) v = float(random.normal() * 0.1);
        } else if (endsWith(name, ".running_var")) {
            for (float& v : t.values()) v = 1.0f;
        }
        params.emplace(name, std::move(t));
    }

    // Calibrate BN running statistics on a random batch, in graph order, so each BN sees inputs
    // produced with the statistics already set upstream.
    std::vector<Tensor> outputs;
    shapeStepOutputs(network, kCalibrationBatch, outputs);
    for (float& v : outputs[0].values()) v = float(random.normal());
    const std::vector<MutableStepParameters> statistics = bindParameters(network, params);
    CapturePass pass(network, params);
    for (int i = 1; i < network.stepCount(); ++i) {
        const Step& s = network.step(i);
        if (s.kind == StepKind::BatchNorm) {
            const Tensor& in = outputs[static_cast<std::size_t>(s.inputs[0])];
            float* mean = statistics[std::size_t(i)].runningMean;
            float* var = statistics[std::size_t(i)].runningVar;
            const int64_t plane = in.dim(2) * in.dim(3);
            for (int ch = 0; ch < s.out.channels; ++ch) {
                double sum = 0, sumSq = 0;
                for (int n = 0; n < kCalibrationBatch; ++n) {
                    const float* x = imageOf(in, n).channel(ch);
                    for (int64_t p = 0; p < plane; ++p) {
                        sum += x[p];
                        sumSq += double(x[p]) * x[p];
                    }
                }
                const double count = double(kCalibrationBatch * plane);
                const double m = sum / count;
                mean[ch] = float(m);
                var[ch] = float(std::max(sumSq / count - m * m, 0.0) + 1e-3);
            }
        }
        pass.recompute(outputs, i);
    }
    return params;
}

Parameters trainingStartParameters(const Network& network, uint64_t seed) {
    Parameters params = randomParameters(network, seed);
    Random random(seed ^ 0x5EED5EED5EED5EEDULL);
    for (const ParameterSpec& spec : network.parameterSpecs()) {
        if (spec.shape.size() == 4) {
            const double fanIn = double(spec.shape[1] * spec.shape[2] * spec.shape[3]);
            const double bound = 1.0 / std::sqrt(fanIn);
            for (float& v : params.at(spec.name).values()) v = float(random.uniform(-bound, bound));
            continue;
        }
        if (spec.name == "fc.weight") continue;
        const bool ones = spec.name != "fc.bias" &&
                          (endsWith(spec.name, ".weight") || endsWith(spec.name, ".running_var"));
        Tensor& t = params.at(spec.name);
        std::fill(t.data(), t.data() + t.size(), ones ? 1.0f : 0.0f);
    }
    return params;
}

}  // namespace shufflescope
