// The network's structure: step names and order, shapes, channel widths and their rule.

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "shufflescope/analysis/cost.h"
#include "shufflescope/base/error.h"
#include "shufflescope/model/network.h"

using namespace shufflescope;
using Catch::Matchers::Contains;

TEST_CASE("steps follow the checkpoint names in capture order", "[network]") {
    const Network net = Network::build(presetConfig("imagenet"));
    std::vector<std::string> expected = {"input", "stem.conv", "stem.bn", "stem.relu", "stem.pool"};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < Network::kUnitsPerStage[i]; ++j) {
            const std::string p = "stages." + std::to_string(i) + "." + std::to_string(j) + ".";
            for (const char* s : {"pw1", "bn1", "relu1", "shuffle", "dw", "bn2", "pw2", "bn3"})
                expected.push_back(p + s);
            if (j == 0) {
                expected.push_back(p + "shortcut");
                expected.push_back(p + "concat");
            } else {
                expected.push_back(p + "add");
            }
            expected.push_back(p + "relu");
        }
    for (const char* s : {"head.pool", "head.fc", "head.softmax"}) expected.push_back(s);
    std::vector<std::string> names;
    for (const Step& s : net.steps()) names.push_back(s.name);
    REQUIRE(names == expected);
    REQUIRE(Network::kUnitsPerStage[0] + Network::kUnitsPerStage[1] + Network::kUnitsPerStage[2] ==
            16);
}

TEST_CASE("paper geometry: output sizes of Table 1", "[network]") {
    const Network net = Network::build(presetConfig("imagenet"));
    const auto shape = [&](const char* name) { return net.step(*net.findStep(name)).out; };
    CHECK(shape("stem.conv") == StepShape{24, 112, 112});
    CHECK(shape("stem.pool") == StepShape{24, 56, 56});
    CHECK(shape("stages.0.3.relu") == StepShape{240, 28, 28});
    CHECK(shape("stages.1.7.relu") == StepShape{480, 14, 14});
    CHECK(shape("stages.2.3.relu") == StepShape{960, 7, 7});
    CHECK(shape("stages.0.0.shortcut") == StepShape{24, 28, 28});
    CHECK(shape("stages.0.0.pw2") == StepShape{216, 28, 28});  // out - in
    CHECK(shape("head.fc") == StepShape{1000, 1, 1});
}

TEST_CASE("Stage 2's first 1x1 conv is dense unless the Keras variant is asked for", "[network]") {
    ModelConfig c = presetConfig("imagenet");
    c.groups = 4;
    const Network paper = Network::build(c);
    CHECK(paper.step(*paper.findStep("stages.0.0.pw1")).groups == 1);
    CHECK(paper.step(*paper.findStep("stages.0.1.pw1")).groups == 4);
    CHECK(paper.step(*paper.findStep("stages.0.0.shuffle")).groups == 4);
    c.groupFirstPointwise = true;
    const Network keras = Network::build(c);
    CHECK(keras.step(*keras.findStep("stages.0.0.pw1")).groups == 4);
}

TEST_CASE("fashion preset: 1x32x32, small-input stem, no pool, 0.5x", "[network]") {
    const Network net = Network::build(presetConfig("fashion"));
    CHECK_FALSE(net.findStep("stem.pool"));
    CHECK(net.step(*net.findStep("stem.conv")).out == StepShape{12, 32, 32});
    CHECK(net.step(*net.findStep("stages.2.3.relu")).out == StepShape{480, 4, 4});
    CHECK(net.step(*net.findStep("head.fc")).out == StepShape{10, 1, 1});
}

TEST_CASE("a selected step keeps its name across networks, else its place, else the fallback",
          "[network]") {
    const Network imagenet = Network::build(presetConfig("imagenet"));
    const Network fashion = Network::build(presetConfig("fashion"));
    const int pool = *imagenet.findStep("stem.pool");
    // By name where the other network has the step.
    CHECK(stepAtSamePlace("stages.1.1.pw1", &imagenet, fashion, 0) ==
          *fashion.findStep("stages.1.1.pw1"));
    CHECK(stepAtSamePlace("stages.1.1.pw1", nullptr, fashion, 0) ==
          *fashion.findStep("stages.1.1.pw1"));
    // The paper stem's pool: the step at its index in the small-input network, not the input.
    CHECK(stepAtSamePlace("stem.pool", &imagenet, fashion, 0) == pool);
    CHECK(fashion.step(pool).name != "stem.pool");
    // A name neither network has (or no old network): the fallback, clamped into the network.
    CHECK(stepAtSamePlace("stem.pool", nullptr, fashion, 7) == 7);
    CHECK(stepAtSamePlace("no.such.step", &imagenet, fashion, 5) == 5);
    CHECK(stepAtSamePlace("no.such.step", &imagenet, fashion, 100000) == fashion.stepCount() - 1);
    CHECK(stepAtSamePlace("no.such.step", &imagenet, fashion, -3) == 0);
}

TEST_CASE("every (g, width) satisfies the divisibility rules and the paper's budget", "[network]") {
    for (double s : supportedWidthScales())
        for (int g = 1; g <= 8; ++g) {
            CAPTURE(g, s);
            ModelConfig c = presetConfig("imagenet");
            c.groups = g;
            c.widthScale = s;
            const Network net = Network::build(c);  // throws if a group split is impossible
            const ChannelWidths& w = net.widths();
            CHECK(w.stem % g == 0);
            for (int out : w.stages) CHECK(out % (4 * g) == 0);
            const double ratio = double(computeCost(net).totals.macs) / double(paperBudgetMacs(s));
            CHECK(ratio > 0.9);
            CHECK(ratio < 1.1);
            const bool published =
                (s == 1.0 && g != 5 && g != 6 && g != 7) || ((g == 3 || g == 8) && s != 0.25);
            CHECK((w.source != WidthSource::Rule) == published);
        }
}

TEST_CASE("g = 5 and 7 change the stem and say why", "[network]") {
    for (int g : {5, 7}) {
        const ChannelWidths w = channelWidths(g, 1.0);
        CAPTURE(g, w.note);
        CHECK(w.stem != 24);
        CHECK(w.stem % g == 0);
        CHECK_THAT(w.note, Contains("does not divide 24"));
    }
    CHECK_THAT(channelWidths(6, 1.0).note, !Contains("does not divide 24"));
}

TEST_CASE("at other widths the stem note compares with the paper's stem scaled to that width",
          "[network]") {
    // 0.5x: the paper's stem would be 12; g = 5 needs a multiple of 5.
    const ChannelWidths g5 = channelWidths(5, 0.5);
    CAPTURE(g5.note);
    CHECK(paperStemChannels(0.5) == 12);
    CHECK(g5.stem == 10);
    CHECK_THAT(g5.note,
               Contains("The stem has 10 channels, not 24 × 0.5 = 12") &&
                   Contains("5 does not divide 12.") &&
                   Contains("The paper evaluates only g = 1, 2, 3, 4 and 8 without saying why"));
    // 0.25x: 8 does not divide 6, although it divides the paper's 24 (no word on Table 1 then).
    const ChannelWidths g8 = channelWidths(8, 0.25);
    CAPTURE(g8.note);
    CHECK(g8.stem == 8);
    CHECK_THAT(g8.note, Contains("not 24 × 0.25 = 6") && !Contains("The paper evaluates only"));
    // Where the stem is the scaled paper stem, nothing is said about it.
    CHECK_THAT(channelWidths(6, 0.5).note, !Contains("The stem has"));
    CHECK(paperStemChannels(0.5) == channelWidths(3, 0.5).stem);
}

TEST_CASE("the paper's 24-channel stem cannot be split into 5 groups", "[network]") {
    ModelConfig c = presetConfig("imagenet");
    c.groups = 5;
    ChannelWidths w = channelWidths(5, 1.0);
    w.stem = 24;
    REQUIRE_THROWS_WITH(Network::build(c, w), Contains("cannot be split into 5 groups"));
}

TEST_CASE("invalid configurations are refused naming the field", "[network]") {
    const auto refused = [](auto edit, const char* field) {
        ModelConfig c = presetConfig("imagenet");
        edit(c);
        REQUIRE_THROWS_WITH(Network::build(c), Contains(field));
    };
    refused([](ModelConfig& c) { c.groups = 0; }, "groups");
    refused([](ModelConfig& c) { c.groups = 9; }, "groups");
    refused([](ModelConfig& c) { c.widthScale = 0.75; }, "width scale");
    refused([](ModelConfig& c) { c.inputHeight = 4; }, "input height");
    refused([](ModelConfig& c) { c.inputWidth = 5000; }, "input width");
    refused([](ModelConfig& c) { c.classes = 0; }, "classes");
    refused([](ModelConfig& c) { c.inChannels = 0; }, "input channels");
    refused([](ModelConfig& c) { c.preset = "cifar"; }, "preset");
    REQUIRE_THROWS_WITH(presetConfig("mnist"), Contains("unknown preset 'mnist'"));
}

TEST_CASE("parameter specs have the spec's shapes", "[network]") {
    ModelConfig c = presetConfig("imagenet");
    c.groups = 3;
    const Network net = Network::build(c);
    std::map<std::string, std::vector<int64_t>> shapes;
    for (const ParameterSpec& p : net.parameterSpecs()) shapes[p.name] = p.shape;
    CHECK(shapes.at("stem.conv.weight") == std::vector<int64_t>{24, 3, 3, 3});
    CHECK(shapes.at("stages.0.0.pw1.weight") == std::vector<int64_t>{60, 24, 1, 1});
    CHECK(shapes.at("stages.0.1.pw1.weight") == std::vector<int64_t>{60, 80, 1, 1});
    CHECK(shapes.at("stages.0.0.dw.weight") == std::vector<int64_t>{60, 1, 3, 3});
    CHECK(shapes.at("stages.0.0.pw2.weight") == std::vector<int64_t>{216, 20, 1, 1});
    CHECK(shapes.at("stages.2.3.bn3.running_var") == std::vector<int64_t>{960});
    CHECK(shapes.at("fc.weight") == std::vector<int64_t>{1000, 960});
    CHECK(shapes.at("fc.bias") == std::vector<int64_t>{1000});
    CHECK(shapes.size() == net.parameterSpecs().size());
}

TEST_CASE("typed accessors name the same steps as the names do, for every g and both stems",
          "[network]") {
    for (const char* preset : {"imagenet", "fashion"})
        for (int g = 1; g <= 8; ++g) {
            ModelConfig c = presetConfig(preset);
            c.groups = g;
            CAPTURE(preset, g);
            const Network net = Network::build(c);
            const auto named = [&](const std::string& name) { return net.findStep(name); };
            CHECK(net.stemConv() == named("stem.conv"));
            CHECK(net.stem().bn == named("stem.bn"));
            CHECK(net.stem().relu == named("stem.relu"));
            CHECK(net.stem().pool == named("stem.pool"));
            CHECK(net.head().pool == named("head.pool"));
            CHECK(net.fc() == named("head.fc"));
            CHECK(net.head().softmax == named("head.softmax"));
            REQUIRE(net.units().size() == 16);
            int previousOutput = net.stem().output();
            for (const UnitSteps& u : net.units()) {
                const std::string p = u.prefix;
                CHECK(p ==
                      "stages." + std::to_string(u.stage) + "." + std::to_string(u.unit) + ".");
                CHECK(&net.unit(u.stage, u.unit) == &u);
                CHECK(u.input == previousOutput);
                for (const auto& [index, name] :
                     std::vector<std::pair<int, const char*>>{{u.pw1, "pw1"},
                                                              {u.bn1, "bn1"},
                                                              {u.relu1, "relu1"},
                                                              {u.shuffle, "shuffle"},
                                                              {u.dw, "dw"},
                                                              {u.bn2, "bn2"},
                                                              {u.pw2, "pw2"},
                                                              {u.bn3, "bn3"},
                                                              {u.relu, "relu"}})
                    CHECK(index == named(p + name));
                CHECK(u.merge == named(p + (u.unit == 0 ? "concat" : "add")));
                CHECK(u.shortcut == named(p + "shortcut"));
                previousOutput = u.relu;
            }
            for (int i = 0; i < net.stepCount(); ++i) {
                const std::string& name = net.step(i).name;
                const NetworkPart part = net.partOf(i);
                CHECK((part == NetworkPart::Input) == (name == "input"));
                CHECK((part == NetworkPart::Stem) == name.starts_with("stem."));
                CHECK((part == NetworkPart::Stages) == name.starts_with("stages."));
                CHECK((part == NetworkPart::Head) == name.starts_with("head."));
            }
        }
    const Network net = Network::build(presetConfig("fashion"));
    CHECK_THROWS_WITH(net.unit(1, 8), Catch::Contains("stages.1.8"));
    CHECK_THROWS_WITH(net.unit(3, 0), Catch::Contains("stages.3.0"));
}
