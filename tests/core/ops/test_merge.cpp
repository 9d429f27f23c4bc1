// The unit merges, add and concat, against their definitions (tests/reference/naive_ops.h).

#include <catch2/catch.hpp>

#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/ops/merge.h"
#include "support/feature_maps.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

TEST_CASE("add and concat match the definitions", "[ops]") {
    const auto a = randomValues(60, 41, -2, 2), b = randomValues(36, 42, -2, 2);
    std::vector<float> out(a.size());
    const auto a2 = randomValues(60, 43);
    ops::addFeatureMaps(mapOf(a, 5, 3, 4), mapOf(a2, 5, 3, 4), mapOf(out, 5, 3, 4));
    REQUIRE_CLOSE(out, naive::add(a, a2));

    std::vector<float> joined(a.size() + b.size());
    ops::concatChannels(mapOf(a, 5, 3, 4), mapOf(b, 3, 3, 4), mapOf(joined, 8, 3, 4));
    REQUIRE_CLOSE(joined, naive::concat(a, b));
}
