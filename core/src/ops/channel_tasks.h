#pragma once
// Splitting a per-channel operator (depthwise convolution, pooling, a fully connected layer's
// output rows) over the work pool: blocks of whole channels, about four per thread so late or slow
// threads even out, and no block smaller than kMinFloats of output — below that a hand-off costs
// more than the work.

#include <algorithm>
#include <cstdint>

#include "shufflescope/base/threading.h"
#include "shufflescope/base/work_pool.h"

namespace shufflescope::ops {

// Calls body(first, end) for consecutive channel ranges covering [0, channels).
template <class Body>
void forChannelBlocks(int channels, int64_t outputPerChannel, Body&& body) {
    constexpr int64_t kMinFloats = 8192;
    const int threads = threadCount();
    const int64_t bySize = std::max<int64_t>(1, channels * outputPerChannel / kMinFloats);
    const int64_t blocks =
        threads > 1 ? std::min<int64_t>({int64_t(channels), 4 * int64_t(threads), bySize}) : 1;
    const int64_t per = (channels + blocks - 1) / blocks;
    parallelFor(blocks, [&](int64_t b) {
        const int first = int(b * per), end = int(std::min<int64_t>(channels, (b + 1) * per));
        if (first < end) body(first, end);
    });
}

}  // namespace shufflescope::ops
