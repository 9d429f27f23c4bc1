// The block-diagonal structure of grouped 1x1 convolutions (analysis/grouped_connections.h), as
// the reachability analysis walks it and the operation view draws it.

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

#include "shufflescope/analysis/grouped_connections.h"

using namespace shufflescope;

TEST_CASE("grouped conv blocks: output o connects exactly to the inputs of group o / (Cout / g)",
          "[groups]") {
    const std::vector<std::tuple<int, int, int>> shapes = {{24, 60, 1},  {240, 60, 3}, {60, 216, 3},
                                                           {384, 96, 8}, {96, 384, 8}, {8, 8, 8},
                                                           {3, 6, 3},    {200, 50, 2}};
    for (const auto& [cin, cout, groups] : shapes) {
        CAPTURE(cin, cout, groups);
        const std::vector<ConnectionBlock> blocks = groupedConvBlocks(cin, cout, groups);
        REQUIRE(static_cast<int>(blocks.size()) == groups);
        for (int o = 0; o < cout; ++o) {
            CAPTURE(o);
            const int group = o / (cout / groups);
            std::set<int> connected;
            for (const ConnectionBlock& b : blocks)
                if (b.outputs.contains(o))
                    for (int i = b.inputs.begin; i < b.inputs.end; ++i) connected.insert(i);
            std::set<int> expected;
            for (int i = group * (cin / groups); i < (group + 1) * (cin / groups); ++i)
                expected.insert(i);
            REQUIRE(connected == expected);
            REQUIRE(groupedConvInputs(cin, cout, groups, o) ==
                    ChannelRange{group * (cin / groups), (group + 1) * (cin / groups)});
        }
    }
}

TEST_CASE("grouped blocks and the dense ghost tile the full weight matrix once", "[groups]") {
    for (int groups : {1, 2, 3, 4, 8}) {
        CAPTURE(groups);
        const int cin = 48 * groups, cout = 24 * groups;
        std::vector<int> cover(static_cast<std::size_t>(cin * cout), 0);
        const auto paint = [&](const std::vector<ConnectionBlock>& blocks) {
            for (const ConnectionBlock& b : blocks)
                for (int o = b.outputs.begin; o < b.outputs.end; ++o)
                    for (int i = b.inputs.begin; i < b.inputs.end; ++i)
                        ++cover[static_cast<std::size_t>(o * cin + i)];
        };
        paint(groupedConvBlocks(cin, cout, groups));
        paint(savedDenseBlocks(cin, cout, groups));
        REQUIRE(std::all_of(cover.begin(), cover.end(), [](int n) { return n == 1; }));
        REQUIRE(connectionCount(cin, cout, groups) * groups == 1LL * cin * cout);
    }
}
