// The fully connected layer against its definition (tests/reference/naive_ops.h), on one thread
// and split over two (rows in blocks, the head's 1000 x 960 and a count that does not divide).

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "reference/naive_ops.h"
#include "shufflescope/base/threading.h"
#include "shufflescope/ops/linear.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

TEST_CASE("fully connected matches the definition", "[ops]") {
    for (int threads : {1, 2})
        for (auto [in, outF] : {std::pair{1, 1}, {60, 10}, {960, 1000}, {700, 1001}}) {
            CAPTURE(in, outF, threads);
            const ScopedThreadCount using_(threads);
            const auto x = randomValues(std::size_t(in), 44);
            const auto w = randomValues(std::size_t(in * outF), 45);
            const auto bias = randomValues(std::size_t(outF), 46);
            std::vector<float> y(static_cast<std::size_t>(outF));
            ops::fullyConnected(x.data(), w.data(), bias.data(), in, outF, y.data());
            REQUIRE_CLOSE(y, naive::fullyConnected(x, w, bias, outF));
        }
}
