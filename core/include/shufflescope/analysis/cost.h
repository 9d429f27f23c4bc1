#pragma once
// Cost accounting, counted the paper's way: one multiply-add = one "FLOP" (the paper's word; the
// interface says MACs, with SI prefixes: "11.3 M MACs").
//
//   convolution      H_out * W_out * C_out * (C_in / groups) * K * K
//   fully connected  C_in * classes
//   everything else  0 (BN, ReLU, pools, shuffle, add and concat are not counted by the paper)
//
// "Dense" is the same step with every 1x1 convolution ungrouped (g = 1), keeping the channel
// widths; depthwise convolutions stay depthwise, as they are in the paper's g = 1 network.
// Table 1's complexity row is the backbone: every convolution, no FC.
// Parameters: conv weights, BN weight and bias, FC weight and bias; BN running statistics are
// buffers, not parameters.

#include <array>
#include <vector>

#include "shufflescope/model/network.h"

namespace shufflescope {

struct StepCost {
    long long macs = 0;
    long long denseMacs = 0;
    long long params = 0;
    long long denseParams = 0;
    long long activations = 0;  // output elements per image
};

struct CostTotals {
    long long backboneMacs = 0;    // convolutions only (Table 1)
    long long classifierMacs = 0;  // the FC
    long long macs = 0;            // backbone + classifier
    long long params = 0;
    long long denseBackboneMacs = 0;
    long long denseMacs = 0;
    long long denseParams = 0;
    long long activations = 0;  // sum of every step's output elements, per image
};

struct CostReport {
    std::vector<StepCost> steps;  // parallel to Network::steps()
    CostTotals totals;
    // Per stage (0..2 = Stages 2..4) MACs and dense MACs, for bar charts.
    long long stageMacs[3] = {0, 0, 0};
    long long stageDenseMacs[3] = {0, 0, 0};
};

StepCost stepCost(const Network& network, int stepIndex);
CostReport computeCost(const Network& network);

// The bars of a per-stage chart: [0] the stem convolution, [1..3] Stages 2-4, [4] the FC.
struct StageBars {
    std::array<long long, 5> macs{};
    std::array<long long, 5> denseMacs{};
    long long tallest() const;  // the largest bar, grouped or dense
};
StageBars stageBars(const Network& network, const CostReport& cost);

// The tallest StageBars bar over g = 1..kMaxGroups with the rest of `config` unchanged: a chart
// scale that stays put while g changes, so bars can be compared across g. Configurations that
// cannot be built are skipped; 0 if none can.
long long tallestStageBarOverGroups(const ModelConfig& config);

}  // namespace shufflescope
