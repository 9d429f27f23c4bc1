// Channel reachability (the boundary effect): structurally right, and equal to what a real
// forward pass shows when one channel is perturbed.

#include <catch2/catch.hpp>

#include <numeric>
#include <set>

#include "shufflescope/analysis/reachability.h"
#include "shufflescope/exec/capture_forward.h"
#include "shufflescope/model/initialization.h"
#include "support/model_configs.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using testing_support::fashionConfig;
using testing_support::randomTensor;

namespace {

std::vector<int> range(int begin, int end) {
    std::vector<int> v(std::size_t(end - begin));
    std::iota(v.begin(), v.end(), begin);
    return v;
}

}  // namespace

TEST_CASE("shuffle off: a stride-1 unit's output channel reaches exactly its own input group",
          "[reachability]") {
    for (int g = 2; g <= 8; ++g) {
        const Network net = Network::build(fashionConfig(g, false));
        const int unitIn = *net.findStep("stages.1.2.relu");  // input of unit stages.1.3
        const int unitOut = *net.findStep("stages.1.3.relu");
        const int channels = net.step(unitOut).out.channels;
        const int perGroup = channels / g;
        for (int c : {0, perGroup - 1, perGroup, channels - 1}) {
            CAPTURE(g, c);
            const int group = c / perGroup;
            REQUIRE(reachingChannels(net, unitOut, c, unitIn) ==
                    range(group * perGroup, (group + 1) * perGroup));
        }
    }
}

TEST_CASE("shuffle on: a stride-1 unit's output channel reaches every input channel",
          "[reachability]") {
    for (int g = 2; g <= 8; ++g) {
        CAPTURE(g);
        const Network net = Network::build(fashionConfig(g, true));
        const int unitIn = *net.findStep("stages.1.2.relu");
        const int unitOut = *net.findStep("stages.1.3.relu");
        REQUIRE(reachingChannels(net, unitOut, 0, unitIn) ==
                range(0, net.step(unitIn).out.channels));
    }
}

TEST_CASE("g = 1: every channel reaches every channel", "[reachability]") {
    const Network net = Network::build(fashionConfig(1, false));
    const int unitIn = *net.findStep("stages.2.1.relu");
    const int unitOut = *net.findStep("stages.2.2.relu");
    REQUIRE(reachingChannels(net, unitOut, 5, unitIn).size() ==
            std::size_t(net.step(unitIn).out.channels));
}

TEST_CASE("inside a unit: the shuffle sends channel j*g+i to group i's filters", "[reachability]") {
    const int g = 3;
    const Network net = Network::build(fashionConfig(g, true));
    const int pw1 = *net.findStep("stages.1.1.pw1");
    const int dw = *net.findStep("stages.1.1.dw");
    const int mid = net.step(dw).out.channels, n = mid / g;
    // dw channel c reads shuffled channel c, which is pw1 channel source[c] = i*n + j.
    for (int i = 0; i < g; ++i)
        for (int j = 0; j < n; j += 7)
            REQUIRE(reachingChannels(net, dw, j * g + i, pw1) == std::vector<int>{i * n + j});
    // Concat: the first channels of a stride-2 unit come from the shortcut, the rest from pw2.
    const int concat = *net.findStep("stages.1.0.concat");
    const int shortcut = *net.findStep("stages.1.0.shortcut");
    const int pw2 = *net.findStep("stages.1.0.pw2");
    REQUIRE(reachingChannels(net, concat, 3, shortcut) == std::vector<int>{3});
    REQUIRE(reachingChannels(net, concat, 3, pw2).empty());
    const int first = net.step(shortcut).out.channels;
    REQUIRE(reachingChannels(net, concat, first + 2, pw2) == std::vector<int>{2});
}

TEST_CASE("reachability equals the channels a perturbation changes in a real forward pass",
          "[reachability]") {
    for (int g : {2, 3, 8})
        for (bool shuffle : {false, true}) {
            const Network net = Network::build(fashionConfig(g, shuffle));
            const Parameters params = randomParameters(net, 11);
            const Tensor input = randomTensor({1, 1, 32, 32}, 12, -2, 2);
            const std::vector<Tensor> base = forwardCapture(net, params, input);

            // Perturb one channel of a unit's input; look at the unit's pre-ReLU add (a ReLU could
            // hide a change that reached a channel) and at stride-2 concat two units later.
            const int from = *net.findStep("stages.1.0.relu");
            for (const char* toName : {"stages.1.1.add", "stages.1.2.add"}) {
                const int to = *net.findStep(toName);
                for (int perturbed : {0, 5, net.step(from).out.channels - 1}) {
                    CAPTURE(g, shuffle, toName, perturbed);
                    std::vector<Tensor> changed = base;
                    Tensor& x = changed[std::size_t(from)];
                    const int64_t plane = x.dim(2) * x.dim(3);
                    for (int64_t p = 0; p < plane; ++p)
                        x[perturbed * plane + p] += 3.0f + float(p % 5);
                    recomputeAfter(net, params, changed, from);

                    std::set<int> moved;
                    const Tensor& a = base[std::size_t(to)];
                    const Tensor& b = changed[std::size_t(to)];
                    const int64_t outPlane = a.dim(2) * a.dim(3);
                    for (int c = 0; c < a.dim(1); ++c)
                        for (int64_t p = 0; p < outPlane; ++p)
                            if (a[c * outPlane + p] != b[c * outPlane + p]) {
                                moved.insert(c);
                                break;
                            }
                    // Predicted: output channels whose reach includes the perturbed channel.
                    std::set<int> predicted;
                    for (int c = 0; c < a.dim(1); ++c)
                        if (traceChannelReach(net, to, c).reaches(from, perturbed))
                            predicted.insert(c);
                    REQUIRE(moved == predicted);
                    if (shuffle) {
                        CHECK(int(predicted.size()) == a.dim(1));
                    } else {
                        CHECK(int(predicted.size()) == a.dim(1) / g);
                    }
                }
            }
        }
}
