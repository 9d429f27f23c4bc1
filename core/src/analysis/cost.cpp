#include "shufflescope/analysis/cost.h"

#include <algorithm>

#include "shufflescope/base/error.h"

namespace shufflescope {

StepCost stepCost(const Network& network, int stepIndex) {
    const Step& s = network.step(stepIndex);
    StepCost cost;
    cost.activations = s.out.size();
    const auto inputChannels = [&] { return 1LL * network.step(s.inputs.at(0)).out.channels; };
    const long long outPixels = 1LL * s.out.height * s.out.width;
    switch (s.kind) {
        case StepKind::Conv:
        case StepKind::PointwiseConv:
        case StepKind::DepthwiseConv: {
            const long long kk = 1LL * s.kernel * s.kernel;
            const long long weights = s.out.channels * (inputChannels() / s.groups) * kk;
            // Only 1x1 convolutions are "grouped" in the g sense; a depthwise conv is the same in
            // the dense (g = 1) network.
            const long long denseWeights =
                s.kind == StepKind::PointwiseConv ? s.out.channels * inputChannels() * kk : weights;
            cost.params = weights;
            cost.denseParams = denseWeights;
            cost.macs = outPixels * weights;
            cost.denseMacs = outPixels * denseWeights;
            break;
        }
        case StepKind::BatchNorm:
            cost.params = cost.denseParams = 2LL * s.out.channels;
            break;
        case StepKind::FullyConnected:
            cost.macs = cost.denseMacs = inputChannels() * s.out.channels;
            cost.params = cost.denseParams = cost.macs + s.out.channels;
            break;
        default:
            break;
    }
    return cost;
}

CostReport computeCost(const Network& network) {
    CostReport report;
    CostTotals& t = report.totals;
    for (int i = 0; i < network.stepCount(); ++i) {
        const StepCost c = stepCost(network, i);
        report.steps.push_back(c);
        const Step& s = network.step(i);
        if (s.kind == StepKind::FullyConnected) {
            t.classifierMacs += c.macs;
        } else {
            t.backboneMacs += c.macs;
            t.denseBackboneMacs += c.denseMacs;
        }
        t.params += c.params;
        t.denseParams += c.denseParams;
        t.activations += c.activations;
        if (s.stage >= 0) {
            report.stageMacs[s.stage] += c.macs;
            report.stageDenseMacs[s.stage] += c.denseMacs;
        }
    }
    t.macs = t.backboneMacs + t.classifierMacs;
    t.denseMacs = t.denseBackboneMacs + t.classifierMacs;
    return report;
}

long long StageBars::tallest() const {
    return std::max(*std::max_element(macs.begin(), macs.end()),
                    *std::max_element(denseMacs.begin(), denseMacs.end()));
}

StageBars stageBars(const Network& network, const CostReport& cost) {
    StageBars bars;
    for (int i = 0; i < network.stepCount(); ++i) {
        const Step& s = network.step(i);
        const StepCost& c = cost.steps.at(std::size_t(i));
        std::size_t bar = 0;
        if (s.kind == StepKind::Conv && s.stage < 0)
            bar = 0;  // the stem's full 3x3 convolution
        else if (s.stage >= 0)
            bar = std::size_t(s.stage) + 1;
        else if (s.kind == StepKind::FullyConnected)
            bar = 4;
        else
            continue;
        bars.macs[bar] += c.macs;
        bars.denseMacs[bar] += c.denseMacs;
    }
    return bars;
}

long long tallestStageBarOverGroups(const ModelConfig& config) {
    long long tallest = 0;
    for (int g = 1; g <= kMaxGroups; ++g) {
        ModelConfig c = config;
        c.groups = g;
        try {
            const Network network = Network::build(c);
            tallest = std::max(tallest, stageBars(network, computeCost(network)).tallest());
        } catch (const Error&) {
            // A configuration this g cannot form (a width that does not split into g groups)
            // has no bars to show.
        }
    }
    return tallest;
}

}  // namespace shufflescope
