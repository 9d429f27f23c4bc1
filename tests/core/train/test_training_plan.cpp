// The trainer's plan (training_plan.h) on the real networks: which steps run inside others, where
// each gradient lives, and that the gradient buffers' lifetimes are consistent — every gradient is
// written before it is read and kept until its last reader — and need only a few buffers at once.

#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "shufflescope/model/network.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "shufflescope/train/training_plan.h"
#include "support/model_configs.h"

using namespace shufflescope;
using namespace shufflescope::train;
using testing_support::fashionConfig;
using testing_support::imagenetConfig;

namespace {

int stepNamed(const Network& net, const std::string& name) {
    const std::optional<int> i = net.findStep(name);
    REQUIRE(i.has_value());
    return *i;
}

}  // namespace

TEST_CASE("training plan: every ReLU, shuffle and residual add runs inside another step",
          "[trainer]") {
    for (const bool shuffle : {true, false}) {
        CAPTURE(shuffle);
        const Network net = Network::build(fashionConfig(3, shuffle));
        const TrainingPlan plan(net);
        for (int i = 1; i < net.stepCount(); ++i) {
            const Step& s = net.step(i);
            CAPTURE(s.name);
            if (s.kind == StepKind::ReLU) REQUIRE(plan.fusedInto[std::size_t(i)] == s.inputs[0]);
            if (s.kind == StepKind::ChannelShuffle) {
                REQUIRE(plan.fusedShuffle[std::size_t(i)]);
                const int reader = i + 1;  // the unit's depthwise convolution
                REQUIRE(net.step(reader).kind == StepKind::DepthwiseConv);
                REQUIRE(plan.readsFrom[std::size_t(reader)] == s.inputs[0]);
                const std::vector<int> expected =
                    shuffle ? ops::channelShufflePermutation(s.out.channels, 3)
                            : std::vector<int>{};
                REQUIRE(plan.shuffleSource[std::size_t(reader)] == expected);
            }
            REQUIRE(plan.skipped(i) ==
                    (s.kind == StepKind::ReLU || s.kind == StepKind::ChannelShuffle));
        }
        // A unit with a residual add: bn3 computes the add and the ReLU, and the three share one
        // gradient buffer; the unit's input (read by pw1 and the add) is first reached by the add.
        const int bn3 = stepNamed(net, "stages.0.1.bn3"), add = stepNamed(net, "stages.0.1.add");
        const int relu = stepNamed(net, "stages.0.1.relu"), pw1 = stepNamed(net, "stages.0.1.pw1");
        const int unitInput = net.step(pw1).inputs[0];
        REQUIRE(plan.fusedAdd[std::size_t(bn3)] == add);
        REQUIRE(plan.addInBatchNorm[std::size_t(add)]);
        REQUIRE(plan.sharedAddInput[std::size_t(add)] == bn3);
        REQUIRE(plan.gradientHome[std::size_t(bn3)] == relu);
        REQUIRE(plan.gradientHome[std::size_t(add)] == relu);
        REQUIRE(plan.consumers[std::size_t(unitInput)] == 2);
        REQUIRE(plan.firstReader[std::size_t(unitInput)] == add);
        REQUIRE(!plan.writesOutput(bn3));
        // A downsampling unit's concat is not fused into its batch norm.
        const int concatBn = stepNamed(net, "stages.1.0.bn3");
        REQUIRE(plan.fusedAdd[std::size_t(concatBn)] == -1);
        REQUIRE(plan.writesOutput(concatBn));
    }
}

TEST_CASE("training plan: each gradient is written before it is read, and few buffers are live",
          "[trainer]") {
    for (const ModelConfig& config : {fashionConfig(3, true), fashionConfig(8, false),
                                      imagenetConfig(1, true), imagenetConfig(8, true)}) {
        const Network net = Network::build(config);
        CAPTURE(config.groups, config.shuffle, net.stepCount());
        const TrainingPlan plan(net);
        // Walk the backward as the trainer does: a step's first-written inputs get a buffer, its
        // own gradient's buffer goes back after its last reader.
        std::set<int> live{plan.gradientHome[std::size_t(plan.fc)]};  // the loss writes it
        std::size_t most = live.size();
        for (int i = plan.fc; i >= 1; --i) {
            if (!plan.runsBackward(i)) continue;
            const Step& s = net.step(i);
            CAPTURE(s.name);
            const int home = plan.gradientHome[std::size_t(i)];
            REQUIRE(live.count(home) == 1);  // written by an earlier (higher-numbered) step
            for (std::size_t k = 0; k < s.inputs.size(); ++k) {
                const int target = k == 0 ? plan.readsFrom[std::size_t(i)] : s.inputs[k];
                if (target == 0) continue;
                const int targetHome = plan.gradientHome[std::size_t(target)];
                if (plan.firstReader[std::size_t(target)] == i)
                    live.insert(targetHome);
                else
                    REQUIRE(live.count(targetHome) == 1);  // added to what is there
            }
            most = std::max(most, live.size());
            if (plan.lastGradientReader[std::size_t(home)] == i) live.erase(home);
        }
        REQUIRE(live.empty());
        CHECK(most <= 4);
    }
}
