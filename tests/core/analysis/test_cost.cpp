// The paper's figures, reproduced exactly by the engine's cost accounting
// (the paper's Table 1 and complexities, arXiv:1707.01083; the official code's width lists).

#include <catch2/catch.hpp>

#include "shufflescope/analysis/cost.h"
#include "shufflescope/model/network.h"
#include "shufflescope/model/paper_reference.h"
#include "support/model_configs.h"

#include <cmath>

using namespace shufflescope;
using testing_support::imagenetConfig;

namespace {
CostReport paperCost(int groups, double scale) {
    ModelConfig c = imagenetConfig(groups);
    c.widthScale = scale;
    return computeCost(Network::build(c));
}
}  // namespace

TEST_CASE("Table 1: backbone MACs, MACs with the FC, and parameters at 1x", "[cost]") {
    struct Row {
        int g;
        long long backbone, total, params;
    };
    const Row rows[] = {{1, 142'502'976, 143'078'976, 1'531'936},
                        {2, 140'036'512, 140'836'512, 1'733'848},
                        {3, 136'500'672, 137'460'672, 1'865'728},
                        {4, 133'251'776, 134'339'776, 1'968'344},
                        {8, 136'829'952, 138'365'952, 2'434'768}};
    for (const Row& r : rows) {
        CAPTURE(r.g);
        const CostTotals t = paperCost(r.g, 1.0).totals;
        CHECK(t.backboneMacs == r.backbone);
        CHECK(t.macs == r.total);
        CHECK(t.classifierMacs == r.total - r.backbone);
        CHECK(t.params == r.params);
    }
}

TEST_CASE("the official widths for g = 3 and 8 give the published totals", "[cost]") {
    struct Row {
        int g;
        double s;
        long long total, params;
    };
    const Row rows[] = {{3, 0.5, 37'589'856, 718'324},    {3, 1.5, 292'443'552, 3'442'168},
                        {3, 2.0, 524'045'184, 5'450'776}, {8, 0.5, 40'469'760, 1'011'448},
                        {8, 1.5, 290'188'800, 4'269'952}, {8, 2.0, 521'942'016, 6'522'232}};
    for (const Row& r : rows) {
        CAPTURE(r.g, r.s);
        const CostTotals t = paperCost(r.g, r.s).totals;
        CHECK(t.macs == r.total);
        CHECK(t.params == r.params);
    }
}

TEST_CASE("grouped 1x1 convolutions cost 1/g of their dense version", "[cost]") {
    for (int g = 1; g <= 8; ++g) {
        ModelConfig c = presetConfig("imagenet");
        c.groups = g;
        const Network net = Network::build(c);
        const CostReport report = computeCost(net);
        for (int i = 0; i < net.stepCount(); ++i) {
            const Step& s = net.step(i);
            const StepCost& cost = report.steps[std::size_t(i)];
            CAPTURE(g, s.name);
            if (s.kind == StepKind::PointwiseConv) {
                CHECK(cost.denseMacs == cost.macs * s.groups);
                CHECK(cost.macs == 1LL * s.out.height * s.out.width * s.out.channels *
                                       (net.step(s.inputs[0]).out.channels / s.groups));
            } else {
                CHECK(cost.denseMacs == cost.macs);
            }
            if (s.kind == StepKind::BatchNorm) CHECK(cost.params == 2 * s.out.channels);
        }
        if (g == 1)
            CHECK(report.totals.denseMacs == report.totals.macs);
        else
            CHECK(report.totals.denseMacs > report.totals.macs);
        CHECK(report.stageMacs[0] + report.stageMacs[1] + report.stageMacs[2] +
                  report.steps[std::size_t(*net.findStep("stem.conv"))].macs ==
              report.totals.backboneMacs);
    }
}

TEST_CASE("dense totals equal the g = 1 network's cost of the same widths", "[cost]") {
    ModelConfig grouped = presetConfig("imagenet");
    grouped.groups = 8;
    const Network net = Network::build(grouped);
    ModelConfig dense = grouped;
    dense.groups = 1;
    const CostReport denseReport = computeCost(Network::build(dense, net.widths()));
    CHECK(computeCost(net).totals.denseMacs == denseReport.totals.macs);
    CHECK(computeCost(net).totals.denseParams == denseReport.totals.params);
}

TEST_CASE("the engine's widths and MACs agree with the paper's Table 1 reference row", "[cost]") {
    for (int g : {1, 2, 3, 4, 8}) {
        CAPTURE(g);
        const auto row = paperTable1(g);
        REQUIRE(row);
        const Network net = Network::build([&] {
            ModelConfig c = presetConfig("imagenet");
            c.groups = g;
            return c;
        }());
        for (int s = 0; s < 3; ++s)
            CHECK(net.widths().stages[std::size_t(s)] == row->stageChannels[s]);
        CHECK(std::llround(double(computeCost(net).totals.backboneMacs) / 1e6) ==
              row->complexityMflops);
    }
    CHECK_FALSE(paperTable1(5));
    CHECK(paperShuffleAblation(8, 1.0)->withoutShuffle == 37.6);
    CHECK(paperTopOneError(3, 0.5) == 43.2);
}

TEST_CASE("stage bars: stem, Stages 2-4 and the FC add up to the network's MACs", "[cost]") {
    for (const char* preset : {"imagenet", "fashion"}) {
        for (int g = 1; g <= kMaxGroups; ++g) {
            CAPTURE(preset, g);
            ModelConfig c = presetConfig(preset);
            c.groups = g;
            const Network network = Network::build(c);
            const CostReport cost = computeCost(network);
            const StageBars bars = stageBars(network, cost);
            long long sum = 0, denseSum = 0;
            for (std::size_t i = 0; i < 5; ++i) {
                sum += bars.macs[i];
                denseSum += bars.denseMacs[i];
            }
            CHECK(sum == cost.totals.macs);
            CHECK(denseSum == cost.totals.denseMacs);
            for (int s = 0; s < 3; ++s) {
                CHECK(bars.macs[std::size_t(s) + 1] == cost.stageMacs[s]);
                CHECK(bars.denseMacs[std::size_t(s) + 1] == cost.stageDenseMacs[s]);
            }
            CHECK(bars.macs[4] == cost.totals.classifierMacs);
            CHECK(bars.macs[0] == bars.denseMacs[0]);  // the stem is a full convolution
        }
    }
}

TEST_CASE("the fixed chart scale is the tallest bar over g = 1..8, whatever g is selected",
          "[cost]") {
    for (const char* preset : {"imagenet", "fashion"}) {
        for (double scale : {0.5, 1.0, 2.0}) {
            ModelConfig base = presetConfig(preset);
            base.widthScale = scale;
            long long expected = 0;
            for (int g = 1; g <= kMaxGroups; ++g) {
                ModelConfig c = base;
                c.groups = g;
                const Network network = Network::build(c);
                const long long tallest = stageBars(network, computeCost(network)).tallest();
                expected = std::max(expected, tallest);
            }
            for (int g = 1; g <= kMaxGroups; ++g) {
                CAPTURE(preset, scale, g);
                ModelConfig c = base;
                c.groups = g;
                CHECK(tallestStageBarOverGroups(c) == expected);
            }
            CHECK(expected > 0);
        }
    }
}
