// The fully connected layer's backward, per image and per batch, against finite differences
// (support/gradient_check.h: the method, its tolerance, and the conventions every backward test
// pins).

#include <catch2/catch.hpp>

#include <vector>

#include "reference/naive_backward.h"
#include "shufflescope/ops/linear_backward.h"
#include "support/gradient_check.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;
using naive64::dot;
using naive64::DVec;
using naive64::toDouble;

TEST_CASE("fully connected backward matches finite differences", "[backward]") {
    struct Case {
        int in, out;
        std::size_t probes;
    };
    const std::vector<Case> cases = {{1, 1, kAllProbes},
                                     {60, 10, kAllProbes},
                                     {17, 33, kAllProbes},
                                     {960, 1000, kFewProbes}};  // parallel: 960*1000 > 262144
    for (const Case& c : cases) {
        CAPTURE(c.in, c.out);
        const std::vector<float> x = randomValues(std::size_t(c.in), 221);
        const std::vector<float> weight = randomValues(std::size_t(c.in) * std::size_t(c.out), 222);
        const std::vector<float> bias = randomValues(std::size_t(c.out), 223);
        const std::vector<float> r = randomValues(std::size_t(c.out), 224);
        const std::vector<float> weightStart = randomValues(weight.size(), 225);
        const std::vector<float> biasStart = randomValues(bias.size(), 226);
        std::vector<float> gradIn(x.size(), kNaN), gradWeight = weightStart, gradBias = biasStart;
        ops::fullyConnectedBackward(x.data(), weight.data(), r.data(), c.in, c.out, gradIn.data(),
                                    gradWeight.data(), gradBias.data());

        const DVec rd = toDouble(r), xd = toDouble(x), wd = toDouble(weight), bd = toDouble(bias);
        auto lossOfInput = [&](const DVec& v) {
            return dot(rd, naive64::fullyConnected(v, wd, bd, c.out));
        };
        auto lossOfWeight = [&](const DVec& v) {
            return dot(rd, naive64::fullyConnected(xd, v, bd, c.out));
        };
        auto lossOfBias = [&](const DVec& v) {
            return dot(rd, naive64::fullyConnected(xd, wd, v, c.out));
        };
        REQUIRE_GRADIENT("dL/din", x, gradIn, lossOfInput, c.probes);
        REQUIRE_GRADIENT("dL/dweight (accumulated)", weight, minus(gradWeight, weightStart),
                         lossOfWeight, c.probes);
        REQUIRE_GRADIENT("dL/dbias (accumulated)", bias, minus(gradBias, biasStart), lossOfBias,
                         c.probes);

        std::vector<float> weightOnly = weightStart;
        ops::fullyConnectedBackward(x.data(), weight.data(), r.data(), c.in, c.out, nullptr,
                                    weightOnly.data(), nullptr);
        REQUIRE(weightOnly == gradWeight);
    }
}

TEST_CASE("fully connected batch backward equals the sum of the per-image backwards",
          "[backward]") {
    struct Case {
        int batch, in, out;
    };
    for (const Case& c : {Case{1, 1, 1}, Case{3, 7, 4}, Case{5, 240, 300}}) {  // last: parallel
        CAPTURE(c.batch, c.in, c.out);
        const std::vector<float> x = randomValues(std::size_t(c.batch * c.in), 231);
        const std::vector<float> weight = randomValues(std::size_t(c.in * c.out), 232);
        const std::vector<float> r = randomValues(std::size_t(c.batch * c.out), 233);
        const std::vector<float> weightStart = randomValues(weight.size(), 234);
        const std::vector<float> biasStart = randomValues(std::size_t(c.out), 235);

        std::vector<float> gradIn(x.size(), kNaN), gradWeight = weightStart, gradBias = biasStart;
        ops::fullyConnectedBackwardBatch(x.data(), weight.data(), r.data(), c.batch, c.in, c.out,
                                         gradIn.data(), gradWeight.data(), gradBias.data());

        std::vector<float> perImageIn(x.size()), perImageWeight = weightStart,
                                                 perImageBias = biasStart;
        for (int n = 0; n < c.batch; ++n)
            ops::fullyConnectedBackward(x.data() + n * c.in, weight.data(), r.data() + n * c.out,
                                        c.in, c.out, perImageIn.data() + n * c.in,
                                        perImageWeight.data(), perImageBias.data());
        REQUIRE_CLOSE(gradIn, perImageIn);
        REQUIRE_CLOSE(minus(gradWeight, weightStart), minus(perImageWeight, weightStart));
        REQUIRE_CLOSE(minus(gradBias, biasStart), minus(perImageBias, biasStart));

        // And against finite differences of the batch loss, for the weight.
        const DVec rd = toDouble(r), xd = toDouble(x);
        auto lossOfWeight = [&](const DVec& v) {
            double loss = 0;
            for (int n = 0; n < c.batch; ++n) {
                const DVec image(xd.begin() + n * c.in, xd.begin() + (n + 1) * c.in);
                const DVec rImage(rd.begin() + n * c.out, rd.begin() + (n + 1) * c.out);
                loss += dot(rImage, naive64::fullyConnected(image, v, {}, c.out));
            }
            return loss;
        };
        REQUIRE_GRADIENT("dL/dweight (batch)", weight, minus(gradWeight, weightStart), lossOfWeight,
                         kFewProbes);
    }
}
