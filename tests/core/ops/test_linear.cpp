// The fully connected layer against its definition (tests/reference/naive_ops.h).

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/ops/linear.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

TEST_CASE("fully connected matches the definition", "[ops]") {
    for (auto [in, outF] : {std::pair{1, 1}, {60, 10}, {960, 1000}}) {
        CAPTURE(in, outF);
        const auto x = randomValues(std::size_t(in), 44);
        const auto w = randomValues(std::size_t(in * outF), 45);
        const auto bias = randomValues(std::size_t(outF), 46);
        std::vector<float> y(static_cast<std::size_t>(outF));
        ops::fullyConnected(x.data(), w.data(), bias.data(), in, outF, y.data());
        REQUIRE_CLOSE(y, naive::fullyConnected(x, w, bias, outF));
    }
}
