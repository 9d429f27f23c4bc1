#include "shufflescope/cost.h"

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

}  // namespace shufflescope
