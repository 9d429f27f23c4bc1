// Per-step timing (exec/step_timing.h): a time for every executed step, none for the input, the
// total their sum, and refusals for what it cannot time.

#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <numeric>

#include "shufflescope/base/error.h"
#include "shufflescope/exec/step_timing.h"
#include "shufflescope/model/initialization.h"
#include "shufflescope/model/network.h"
#include "support/model_configs.h"

using namespace shufflescope;

TEST_CASE("step timing: every executed step has a positive median, the input none", "[timing]") {
    const Network network = Network::build(testing_support::fashionConfig(3, true));
    const Parameters parameters = randomParameters(network, 1);
    const ModelConfig& c = network.config();
    Tensor input({1, c.inChannels, c.inputHeight, c.inputWidth});
    const StepTiming timing = timeSteps(network, parameters, input, 3);
    REQUIRE(timing.medianMs.size() == std::size_t(network.stepCount()));
    CHECK(timing.repeats == 3);
    CHECK(timing.threads >= 1);
    CHECK(timing.medianMs[0] == 0.0);
    for (int i = 1; i < network.stepCount(); ++i) {
        CAPTURE(network.step(i).name);
        CHECK(std::isfinite(timing.medianMs[std::size_t(i)]));
        CHECK(timing.medianMs[std::size_t(i)] > 0.0);
    }
    CHECK(timing.totalMs() ==
          Approx(std::accumulate(timing.medianMs.begin(), timing.medianMs.end(), 0.0)));
}

TEST_CASE("step timing: refuses zero repeats, a batch and an input of another shape", "[timing]") {
    const Network network = Network::build(testing_support::fashionConfig(2, false));
    const Parameters parameters = randomParameters(network, 1);
    const ModelConfig& c = network.config();
    const Tensor one({1, c.inChannels, c.inputHeight, c.inputWidth});
    CHECK_THROWS_WITH(timeSteps(network, parameters, one, 0), Catch::Contains("repeats"));
    const Tensor two({2, c.inChannels, c.inputHeight, c.inputWidth});
    CHECK_THROWS_WITH(timeSteps(network, parameters, two, 1), Catch::Contains("[2, 1, 32, 32]"));
    const Tensor wrong({1, 3, c.inputHeight, c.inputWidth});
    CHECK_THROWS_AS(timeSteps(network, parameters, wrong, 1), Error);
}

TEST_CASE("step timing: a stop already asked for returns no steps", "[timing]") {
    const Network network = Network::build(testing_support::fashionConfig(2, true));
    const Parameters parameters = randomParameters(network, 1);
    const ModelConfig& c = network.config();
    const Tensor input({1, c.inChannels, c.inputHeight, c.inputWidth});
    const std::atomic<bool> stop{true};
    const StepTiming timing = timeSteps(network, parameters, input, 5, &stop);
    CHECK(timing.medianMs.empty());
    CHECK(timing.repeats == 0);
}

TEST_CASE("step timing: the stage times add up to the total, every step in one stage", "[timing]") {
    const Network network = Network::build(testing_support::fashionConfig(3, true));
    StepTiming timing;
    timing.medianMs.resize(std::size_t(network.stepCount()));
    for (std::size_t i = 1; i < timing.medianMs.size(); ++i) timing.medianMs[i] = double(i);
    const std::array<double, 5> stages = stageTimesMs(network, timing);
    CHECK(std::accumulate(stages.begin(), stages.end(), 0.0) == Approx(timing.totalMs()));
    double stage2 = 0, head = 0;
    bool seenStage = false;
    for (int i = 0; i < network.stepCount(); ++i) {
        const Step& s = network.step(i);
        if (s.stage == 0) stage2 += double(i);
        if (s.stage >= 0) seenStage = true;
        if (s.stage < 0 && seenStage) head += double(i);
    }
    CHECK(stages[1] == Approx(stage2));
    CHECK(stages[4] == Approx(head));
    CHECK(head > 0);
}
