// Softmax against its definition (tests/reference/naive_ops.h).

#include <catch2/catch.hpp>

#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/ops/softmax.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

TEST_CASE("softmax matches the definition, and large logits do not overflow", "[ops]") {
    for (float scale : {1.0f, 100.0f}) {  // large logits must not overflow
        auto logits = randomValues(10, 47, -scale, scale);
        std::vector<float> p(logits.size());
        ops::softmax(logits.data(), int(logits.size()), p.data());
        REQUIRE_CLOSE(p, naive::softmax(logits));
    }
}
