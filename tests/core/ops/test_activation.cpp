// ReLU against its definition (tests/reference/naive_ops.h).

#include <catch2/catch.hpp>

#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/ops/activation.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

TEST_CASE("ReLU matches the definition", "[ops]") {
    const auto a = randomValues(60, 41, -2, 2);
    std::vector<float> out(a.size());
    ops::relu(a.data(), out.data(), int64_t(a.size()));
    REQUIRE_CLOSE(out, naive::relu(a));
}
