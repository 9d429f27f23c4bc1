// The per-step table (io/step_table.h): one row per step with the network's own shapes and the
// cost's numbers, CSV and Markdown written cell for cell, times only when there is a timing.

#include <catch2/catch.hpp>

#include <sstream>

#include "shufflescope/io/step_table.h"
#include "support/model_configs.h"

using namespace shufflescope;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("step table: a row per step with the shape and the cost of that step", "[table]") {
    const Network network = Network::build(testing_support::fashionConfig(3, true));
    const CostReport cost = computeCost(network);
    const std::vector<StepTableRow> rows = stepTableRows(network, cost, std::nullopt);
    REQUIRE(rows.size() == std::size_t(network.stepCount()));
    for (int i = 0; i < network.stepCount(); ++i) {
        const Step& s = network.step(i);
        const StepTableRow& r = rows[std::size_t(i)];
        CAPTURE(s.name);
        CHECK(r.name == s.name);
        CHECK(r.kind == stepKindName(s.kind));
        CHECK(r.outShape == std::to_string(s.out.channels) + "x" + std::to_string(s.out.height) +
                                "x" + std::to_string(s.out.width));
        CHECK(r.macs == std::to_string(cost.steps[std::size_t(i)].macs));
        CHECK(r.denseMacs == std::to_string(cost.steps[std::size_t(i)].denseMacs));
        CHECK(r.params == std::to_string(cost.steps[std::size_t(i)].params));
        CHECK(r.timeMs.empty());
    }
}

TEST_CASE("step table: CSV and Markdown hold the header and every row, times with a timing",
          "[table]") {
    const Network network = Network::build(testing_support::fashionConfig(2, false));
    const CostReport cost = computeCost(network);
    StepTiming timing;
    timing.repeats = 1;
    timing.threads = 1;
    timing.medianMs.assign(std::size_t(network.stepCount()), 0.25);
    const std::vector<StepTableRow> rows = stepTableRows(network, cost, timing);

    const std::vector<std::string> csv = lines(formatStepTable(rows, StepTableFormat::Csv));
    REQUIRE(csv.size() == rows.size() + 1);
    CHECK(csv[0] == "name,kind,out_shape,macs,dense_macs,params,time_ms");
    const StepTableRow& last = rows.back();
    CHECK(csv.back() == last.name + "," + last.kind + "," + last.outShape + "," + last.macs + "," +
                            last.denseMacs + "," + last.params + ",0.2500");

    const std::vector<std::string> md = lines(formatStepTable(rows, StepTableFormat::Markdown));
    REQUIRE(md.size() == rows.size() + 2);
    CHECK(md[0] == "| name | kind | out_shape | macs | dense_macs | params | time_ms |");
    CHECK(md[1] == "| --- | --- | --- | ---: | ---: | ---: | ---: |");
    CHECK(md.back() == "| " + last.name + " | " + last.kind + " | " + last.outShape + " | " +
                           last.macs + " | " + last.denseMacs + " | " + last.params +
                           " | 0.2500 |");
}
