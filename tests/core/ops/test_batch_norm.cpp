// Batch norm in inference mode against its definition (tests/reference/naive_ops.h), and its folded
// form scale * x + shift.

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/ops/batch_norm.h"
#include "support/feature_maps.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

TEST_CASE("batch norm (inference) matches the definition", "[ops]") {
    for (auto [c, hw] : {std::pair{1, 1}, {5, 7}, {24, 49}}) {
        CAPTURE(c, hw);
        const auto in = randomValues(std::size_t(c * hw), 31, -3, 3);
        const auto gamma = randomValues(std::size_t(c), 32, 0.5f, 1.5f);
        const auto beta = randomValues(std::size_t(c), 33);
        const auto mean = randomValues(std::size_t(c), 34);
        const auto var = randomValues(std::size_t(c), 35, 0.01f, 2.0f);
        const auto expected = naive::batchNorm(in, c, hw, gamma, beta, mean, var);
        std::vector<float> out(in.size());
        ops::batchNorm(mapOf(in, c, hw, 1), gamma.data(), beta.data(), mean.data(), var.data(),
                       mapOf(out, c, hw, 1));
        REQUIRE_CLOSE(out, expected);

        // The folded form scale*x + shift is the same function.
        std::vector<float> scale(static_cast<std::size_t>(c)), shift(scale.size()),
            folded(in.size());
        ops::batchNormAffine(c, gamma.data(), beta.data(), mean.data(), var.data(), scale.data(),
                             shift.data());
        for (int ch = 0; ch < c; ++ch)
            for (int p = 0; p < hw; ++p) {
                const std::size_t i = std::size_t(ch * hw + p);
                folded[i] = in[i] * scale[std::size_t(ch)] + shift[std::size_t(ch)];
            }
        REQUIRE_CLOSE(folded, expected);
    }
}
