// Channel groups for colouring: grouped convs decide, the shuffle permutes, the rest carry.

#include <catch2/catch.hpp>

#include "shufflescope/analysis/channel_groups.h"
#include "shufflescope/ops/channel_shuffle.h"

using namespace shufflescope;

TEST_CASE("channel groups follow the grouped convolutions and the shuffle", "[groups]") {
    ModelConfig c = presetConfig("fashion");
    c.groups = 3;
    const Network net = Network::build(c);
    const auto at = [&](const char* name) { return *net.findStep(name); };
    const int mid = net.step(at("stages.1.1.pw1")).out.channels, n = mid / 3;
    for (int ch = 0; ch < mid; ++ch) {
        CAPTURE(ch);
        CHECK(channelGroup(net, at("stages.1.1.pw1"), ch) == ch / n);
        CHECK(channelGroup(net, at("stages.1.1.relu1"), ch) == ch / n);
        // After the shuffle channel j*g + i carries group i.
        CHECK(channelGroup(net, at("stages.1.1.shuffle"), ch) == ch % 3);
        CHECK(channelGroup(net, at("stages.1.1.dw"), ch) == ch % 3);
    }
    const int out = net.step(at("stages.1.1.add")).out.channels;
    CHECK(channelGroup(net, at("stages.1.1.add"), out - 1) == 2);
    CHECK(channelGroup(net, at("stages.1.1.relu"), 0) == 0);
    // Stride-2 unit: the shortcut's channels have no group, the main branch's do.
    const int shortcut = net.step(at("stages.1.0.shortcut")).out.channels;
    CHECK(channelGroup(net, at("stages.1.0.concat"), 0) == -1);
    CHECK(channelGroup(net, at("stages.1.0.concat"), shortcut) == 0);
    CHECK(channelGroup(net, at("stem.conv"), 0) == -1);
    CHECK(channelGroup(net, at("head.fc"), 0) == -1);
    // Stage 2's dense first 1x1 conv is shown split into g groups, as its shuffle treats it.
    CHECK(channelGroup(net, at("stages.0.0.pw1"),
                       net.step(at("stages.0.0.pw1")).out.channels - 1) == 2);

    c.shuffle = false;
    const Network plain = Network::build(c);
    for (int ch = 0; ch < mid; ++ch) CHECK(channelGroup(plain, at("stages.1.1.dw"), ch) == ch / n);
}
