#pragma once
// Which channels a grouped 1x1 convolution connects: the block-diagonal structure of its weight
// matrix, as the reachability analysis walks it and the operation view draws it.
// A convolution with `groups` groups, cin inputs and cout outputs splits both into equal runs:
// group k reads inputs [k*cin/g, (k+1)*cin/g) and writes outputs [k*cout/g, (k+1)*cout/g).
// Divisibility (cin % g == 0, cout % g == 0) is asserted; the network guarantees it.

#include <vector>

namespace shufflescope {

struct ChannelRange {
    int begin = 0, end = 0;  // [begin, end)
    int size() const { return end - begin; }
    bool contains(int channel) const { return channel >= begin && channel < end; }
    bool operator==(const ChannelRange&) const = default;
};

// One rectangle of the weight matrix: every input of `inputs` connects to every output of
// `outputs`.
struct ConnectionBlock {
    int inputGroup = 0, outputGroup = 0;
    ChannelRange inputs, outputs;
};

// The g diagonal blocks: what the grouped convolution connects.
std::vector<ConnectionBlock> groupedConvBlocks(int cin, int cout, int groups);
// The g*(g-1) off-diagonal blocks: the connections grouping saves against the dense convolution.
std::vector<ConnectionBlock> savedDenseBlocks(int cin, int cout, int groups);
// The inputs output channel `output` reads: those of its group, output / (cout / groups).
ChannelRange groupedConvInputs(int cin, int cout, int groups, int output);
// Weights of a grouped 1x1 convolution: cout * cin / groups (one per connection).
long long connectionCount(int cin, int cout, int groups);

}  // namespace shufflescope
