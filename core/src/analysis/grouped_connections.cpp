#include "shufflescope/analysis/grouped_connections.h"

#include <algorithm>
#include <cassert>

namespace shufflescope {

namespace {

ChannelRange run(int group, int size) {
    return {group * size, (group + 1) * size};
}

}  // namespace

std::vector<ConnectionBlock> groupedConvBlocks(int cin, int cout, int groups) {
    assert(groups >= 1 && cin % groups == 0 && cout % groups == 0);
    const int inSize = cin / groups, outSize = cout / groups;
    std::vector<ConnectionBlock> blocks;
    for (int k = 0; k < groups; ++k) blocks.push_back({k, k, run(k, inSize), run(k, outSize)});
    return blocks;
}

std::vector<ConnectionBlock> savedDenseBlocks(int cin, int cout, int groups) {
    assert(groups >= 1 && cin % groups == 0 && cout % groups == 0);
    const int inSize = cin / groups, outSize = cout / groups;
    std::vector<ConnectionBlock> blocks;
    for (int out = 0; out < groups; ++out)
        for (int in = 0; in < groups; ++in)
            if (in != out) blocks.push_back({in, out, run(in, inSize), run(out, outSize)});
    return blocks;
}

ChannelRange groupedConvInputs(int cin, int cout, int groups, int output) {
    assert(groups >= 1 && cin % groups == 0 && cout % groups == 0);
    assert(output >= 0 && output < cout);
    return run(output / (cout / groups), cin / groups);
}

long long connectionCount(int cin, int cout, int groups) {
    return 1LL * cout * (cin / std::max(groups, 1));
}

}  // namespace shufflescope
