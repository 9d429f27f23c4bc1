// Per-step timing (exec/step_timing.h): a time for every executed step, none for the input, the
// total their sum, and refusals for what it cannot time.

#include <catch2/catch.hpp>

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
