// The tutor's computed answers (tutor/computed_answer.h) against values worked out here from the
// layer's own shape, not from the engine's cost or reachability code.

#include <catch2/catch.hpp>

#include <string>

#include "shufflescope/analysis/cost.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/reporting.h"
#include "shufflescope/model/network.h"
#include "shufflescope/tutor/computed_answer.h"
#include "support/model_configs.h"

using namespace shufflescope;
using testing_support::fashionConfig;

namespace {

ModelConfig imagenet(int groups, bool shuffle) {
    ModelConfig c = presetConfig("imagenet");
    c.groups = groups;
    c.shuffle = shuffle;
    return c;
}

}  // namespace

TEST_CASE("answers: a grouped 1x1's MACs, dense MACs and weights, with the arithmetic", "[tutor]") {
    const ModelConfig c = fashionConfig(8, true);
    const Network net = Network::build(c);
    const Step& s = net.step(*net.findStep("stages.1.2.pw2"));
    const int cin = net.step(s.inputs[0]).out.channels, cout = s.out.channels;
    const long long hw = 1LL * s.out.height * s.out.width;

    const ComputedAnswer macs = computeAnswer({QuestionKind::Macs, c, "stages.1.2.pw2"});
    CHECK(macs.value == hw * (cin / 8) * cout);
    CHECK(englishText(macs.arithmetic) == "H·W·(Cin/g)·Cout = 8·8·(96/8)·384 = 294,912");
    const ComputedAnswer dense = computeAnswer({QuestionKind::DenseMacs, c, "stages.1.2.pw2"});
    CHECK(dense.value == hw * cin * cout);
    CHECK(dense.value == 8 * macs.value);
    CHECK(englishText(dense.arithmetic) == "H·W·Cin·Cout = 8·8·96·384 = 2,359,296");
    const ComputedAnswer weights =
        computeAnswer({QuestionKind::ParameterCount, c, "stages.1.2.pw2"});
    CHECK(weights.value == 1LL * cout * (cin / 8));
    CHECK(computeAnswer({QuestionKind::OutputChannels, c, "stages.1.2.pw2"}).value == 384);
}

TEST_CASE("answers: every step's MACs equal the cost report, the arithmetic ends in the value",
          "[tutor]") {
    for (int g : {1, 3, 5, 8}) {
        const ModelConfig c = imagenet(g, true);
        const Network net = Network::build(c);
        const CostReport cost = computeCost(net);
        for (int i = 1; i < net.stepCount(); ++i) {
            const Step& s = net.step(i);
            CAPTURE(g, s.name);
            const ComputedAnswer a = computeAnswer({QuestionKind::Macs, c, s.name});
            CHECK(a.value == cost.steps[std::size_t(i)].macs);
            const std::string text = englishText(a.arithmetic);
            if (a.value > 0) {
                std::string digits = text.substr(text.rfind("= ") + 2);
                std::erase(digits, ',');
                CHECK(std::stoll(digits) == a.value);
            }
        }
    }
}

TEST_CASE("answers: channels that reach a unit's output, shuffle off then on", "[tutor]") {
    for (int g : {2, 3, 4, 8}) {
        CAPTURE(g);
        const Question off{QuestionKind::ReachingChannels, imagenet(g, false), "stages.1.3.relu",
                           100, "stages.1.2.relu"};
        Question on = off;
        on.config.shuffle = true;
        const int channels = Network::build(off.config)
                                 .step(*Network::build(off.config).findStep("stages.1.2.relu"))
                                 .out.channels;
        // Without the shuffle the unit's two grouped 1x1s keep channel 100 inside one group (and
        // the residual adds channel 100 itself, which is in that group); with it, every group.
        CHECK(computeAnswer(off).value == channels / g);
        CHECK(computeAnswer(on).value == channels);
        CHECK_THAT(englishText(computeAnswer(off).arithmetic),
                   Catch::Contains("of the " + std::to_string(channels) + " channels"));
    }
}

TEST_CASE("answers: where the shuffle sends a channel, and the identity when it is off",
          "[tutor]") {
    const ModelConfig c = imagenet(3, true);
    const Network net = Network::build(c);
    const int channels = net.step(*net.findStep("stages.1.3.shuffle")).out.channels;
    const int n = channels / 3;
    for (int channel : {0, 1, n - 1, n, 2 * n + 5, channels - 1}) {
        CAPTURE(channel);
        const ComputedAnswer a =
            computeAnswer({QuestionKind::ShuffleDestination, c, "stages.1.3.shuffle", channel});
        CHECK(a.value == (channel % n) * 3 + channel / n);
        ModelConfig off = c;
        off.shuffle = false;
        CHECK(computeAnswer({QuestionKind::ShuffleDestination, off, "stages.1.3.shuffle", channel})
                  .value == channel);
    }
    CHECK(englishText(computeAnswer({QuestionKind::ShuffleDestination, c, "stages.1.3.shuffle", 7})
                          .arithmetic) ==
          "7 = i·n + j with n = 120/3 = 40: group i = 0, index j = 7; it goes to j·g + i = 7·3 + "
          "0 = 21.");
}

TEST_CASE("answers: the stem's width at g = 5, with the reason", "[tutor]") {
    const ComputedAnswer g5 = computeAnswer({QuestionKind::StemChannels, imagenet(5, true)});
    CHECK(g5.value == 25);  // the multiple of 5 nearest 24
    CHECK(englishText(g5.arithmetic) ==
          "5 does not divide 24: the nearest multiple of 5 is 25 (1 away).");
    CHECK(englishText(computeAnswer({QuestionKind::StemChannels, imagenet(7, true)}).arithmetic) ==
          "7 does not divide 24: the nearest multiple of 7 is 21 (3 away).");
    CHECK(englishText(computeAnswer({QuestionKind::StemChannels, imagenet(8, true)}).arithmetic) ==
          "24 channels split into g = 8 groups of 3.");
    CHECK(computeAnswer({QuestionKind::StemChannels, imagenet(3, true)}).value == 24);
}

TEST_CASE("answers: the whole network's MACs, part by part", "[tutor]") {
    const ModelConfig c = imagenet(8, true);
    const Network net = Network::build(c);
    // Every convolution and the FC, from their shapes.
    long long expected = 0;
    for (int i = 0; i < net.stepCount(); ++i) {
        const Step& s = net.step(i);
        if (s.inputs.empty()) continue;
        const long long cin = net.step(s.inputs[0]).out.channels;
        const long long hw = 1LL * s.out.height * s.out.width;
        if (s.kind == StepKind::Conv || s.kind == StepKind::PointwiseConv ||
            s.kind == StepKind::DepthwiseConv)
            expected += hw * s.out.channels * (cin / s.groups) * s.kernel * s.kernel;
        else if (s.kind == StepKind::FullyConnected)
            expected += cin * s.out.channels;
    }
    const ComputedAnswer total = computeAnswer({QuestionKind::TotalMacs, c});
    CHECK(total.value == expected);
    CHECK_THAT(englishText(total.arithmetic), Catch::StartsWith("stem "));
    CHECK_THAT(englishText(total.arithmetic),
               Catch::EndsWith("= " + withThousandsSeparators(expected)));
}

TEST_CASE("answers: questions that cannot be answered say why", "[tutor]") {
    const ModelConfig c = imagenet(3, true);
    CHECK_THROWS_WITH(computeAnswer({QuestionKind::Macs, c, "stages.9.9.pw1"}),
                      Catch::Contains("no step named 'stages.9.9.pw1'"));
    CHECK_THROWS_WITH(computeAnswer({QuestionKind::ShuffleDestination, c, "stages.1.3.pw1", 0}),
                      Catch::Contains("not a channel shuffle"));
    CHECK_THROWS_WITH(
        computeAnswer({QuestionKind::ShuffleDestination, c, "stages.1.3.shuffle", 999}),
        Catch::Contains("there is no channel 999"));
    CHECK_THROWS_WITH(
        computeAnswer({QuestionKind::ReachingChannels, c, "stages.1.2.relu", 0, "stages.1.3.relu"}),
        Catch::Contains("does not come before"));
    ModelConfig bad = c;
    bad.groups = 9;
    CHECK_THROWS_AS(computeAnswer({QuestionKind::Macs, bad, "stem.conv"}), Error);
    for (QuestionKind k :
         {QuestionKind::Macs, QuestionKind::DenseMacs, QuestionKind::ParameterCount,
          QuestionKind::OutputChannels, QuestionKind::ReachingChannels,
          QuestionKind::ShuffleDestination, QuestionKind::StemChannels, QuestionKind::TotalMacs})
        CHECK(parseQuestionKind(questionKindName(k)) == k);
    CHECK_FALSE(parseQuestionKind("flops"));
}
