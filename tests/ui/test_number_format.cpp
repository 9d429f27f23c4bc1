// One convention for costs everywhere (MACs with an SI prefix), probabilities as percentages, and
// round chart ticks — the formatting functions themselves, and the cost panel that uses them.

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QTest>
#include <cmath>

#include "layout/chart_axis.h"
#include "shufflescope/analysis/cost.h"
#include "text/number_format.h"
#include "ui_test_support.h"
#include "views/cost_panel.h"

using namespace shufflescope;
using namespace shufflescope::ui;

TEST_CASE("MACs read as a number with an SI prefix, with the unit where the text stands alone",
          "[units]") {
    const struct {
        long long macs;
        const char* number;
    } cases[] = {{0, "0"},
                 {999, "999"},
                 {4'800, "4.8 k"},
                 {147'456, "147.5 k"},
                 {10'912'000, "10.9 M"},
                 {11'349'248, "11.3 M"},
                 {137'460'672, "137.5 M"},
                 {2'300'000'000, "2.3 G"}};
    for (const auto& c : cases) {
        CAPTURE(c.macs);
        CHECK(formatMacs(c.macs) == QString::fromLatin1(c.number));
        CHECK(formatMacsWithUnit(c.macs) == QString::fromLatin1(c.number) + " MACs");
        // Never the old "11.3M MFLOPs" (millions of millions) nor "4.8K".
        CHECK_FALSE(formatMacsWithUnit(c.macs).contains(QStringLiteral("FLOP")));
        CHECK_FALSE(formatMacs(c.macs).contains(QLatin1Char('K')));
    }
}

TEST_CASE("probabilities print as percentages, tiny ones as <0.01%", "[units]") {
    const struct {
        double p;
        const char* text;
    } cases[] = {{1.0, "100.0%"},   {0.9921, "99.2%"}, {0.1, "10.0%"},        {0.0415, "4.15%"},
                 {0.0003, "0.03%"}, {0.0001, "0.01%"}, {4.148e-07, "<0.01%"}, {0.0, "0%"}};
    for (const auto& c : cases) {
        CAPTURE(c.p);
        CHECK(formatProbability(c.p) == QString::fromLatin1(c.text));
    }
}

TEST_CASE("measured times read in milliseconds to three figures, shares as percentages",
          "[units]") {
    const struct {
        double ms;
        const char* text;
    } cases[] = {{123.4, "123 ms"}, {12.34, "12.3 ms"}, {1.254, "1.25 ms"}, {0.0481, "0.048 ms"}};
    for (const auto& c : cases) {
        CAPTURE(c.ms);
        CHECK(formatMilliseconds(c.ms) == QString::fromLatin1(c.text));
    }
    CHECK(formatShare(0.125) == QStringLiteral("12.5%"));
    CHECK(formatShare(0.0) == QStringLiteral("0.0%"));
}

TEST_CASE("chart axes end on a round number with ticks of 1, 2 or 5 x 10^k", "[units]") {
    const struct {
        double max;
        int intervals;
        double end, tick;
        int decimals;
    } cases[] = {{13.7, 5, 15, 5, 0},  {15.0, 5, 15, 5, 0},   {43.0, 5, 50, 10, 0},
                 {38.3, 3, 40, 20, 0}, {230, 5, 250, 50, 0},  {230, 3, 300, 100, 0},
                 {207, 5, 250, 50, 0}, {0.3, 5, 0.3, 0.1, 1}, {4.3, 5, 5, 1, 0},
                 {1.0, 5, 1, 0.2, 1},  {0.0, 5, 1, 1, 0}};
    for (const auto& c : cases) {
        CAPTURE(c.max, c.intervals);
        const NiceAxis axis = niceAxis(c.max, c.intervals);
        CHECK(axis.max == Approx(c.end));
        CHECK(axis.tick == Approx(c.tick));
        CHECK(axis.decimals == c.decimals);
    }
    // Every maximum: the axis holds it, in at most the intervals asked for, of a round tick.
    for (double max = 0.013; max < 2e9; max *= 1.37) {
        for (int intervals : {3, 5}) {
            CAPTURE(max, intervals);
            const NiceAxis axis = niceAxis(max, intervals);
            CHECK(axis.max >= max);
            CHECK(axis.intervals() <= intervals);
            CHECK(axis.max == Approx(axis.intervals() * axis.tick));
            const double mantissa = axis.tick / std::pow(10.0, std::floor(std::log10(axis.tick)));
            CHECK((mantissa == Approx(1) || mantissa == Approx(2) || mantissa == Approx(5)));
        }
    }
}

namespace {

SnapshotPtr costSnapshot(const char* preset, int groups) {
    ModelConfig config = presetConfig(preset);
    config.groups = groups;
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->network = std::make_shared<const Network>(Network::build(config));
    snapshot->cost = computeCost(*snapshot->network);
    return snapshot;
}

QStringList labelTexts(const QWidget& widget) {
    QStringList texts;
    for (const QLabel* label : widget.findChildren<QLabel*>()) texts << label->text();
    return texts;
}

}  // namespace

TEST_CASE("the cost panel says MACs once and for all, and its chart ticks are round", "[units]") {
    CostPanel panel;
    panel.resize(360, 700);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel, ui_testing::kExposeTimeoutMs));
    for (const char* preset : {"fashion", "imagenet"}) {
        for (int g : {1, 3, 8}) {
            CAPTURE(preset, g);
            const SnapshotPtr s = costSnapshot(preset, g);
            panel.setSnapshot(s, s->network->stepCount() - 1);
            const QStringList texts = labelTexts(panel);
            CHECK(texts.filter(QStringLiteral("FLOPs are multiply-adds (MACs)")).size() == 1);
            CHECK(texts.filter(QStringLiteral("MFLOPs")).isEmpty());
            CHECK(texts.contains(QStringLiteral("<b>MACs</b>")));
            // The values are numbers with a prefix, headed by the unit.
            CHECK(panel.displayed(QStringLiteral("total")).first ==
                  formatMacs(s->cost.totals.macs));
            CHECK(panel.displayed(QStringLiteral("total")).first.endsWith(QStringLiteral(" M")));

            const CostPanel::AxisState axis = panel.axisState();
            CHECK(axis.tallestBar == stageBars(*s->network, s->cost).tallest());
            CHECK(axis.max >= double(axis.tallestBar));
            const double intervals = axis.max / axis.tick;
            CHECK(intervals == Approx(std::round(intervals)));
            CHECK(intervals <= 5.0 + 1e-9);
            // At most one tick of empty space above the tallest bar.
            CHECK(axis.max - axis.tick < double(axis.tallestBar));
            const double mantissa = axis.tick / std::pow(10.0, std::floor(std::log10(axis.tick)));
            CHECK((mantissa == Approx(1) || mantissa == Approx(2) || mantissa == Approx(5)));
        }
    }
}

TEST_CASE("'Same scale for every g' keeps the chart's scale while g changes", "[units]") {
    CostPanel panel;
    panel.resize(360, 700);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel, ui_testing::kExposeTimeoutMs));
    panel.activateWindow();
    const SnapshotPtr g1 = costSnapshot("fashion", 1), g8 = costSnapshot("fashion", 8);
    const int last = g1->network->stepCount() - 1;

    // Off: each g gets its own scale, which differs between g = 1 and g = 8.
    panel.setSnapshot(g1, last);
    const double ownG1 = panel.axisState().max;
    panel.setSnapshot(g8, last);
    const double ownG8 = panel.axisState().max;
    REQUIRE(ownG1 != ownG8);

    // Switched on as a user does: focus the box and press Space.
    auto* box = panel.findChild<QCheckBox*>();
    REQUIRE(box);
    REQUIRE(box->text() == QStringLiteral("Same scale for every g"));
    box->setFocus(Qt::TabFocusReason);
    REQUIRE(ui_testing::waitFor([&] { return QApplication::focusWidget() == box; }, 5000));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    REQUIRE(panel.sameScaleForEveryG());

    std::vector<double> ends;
    for (int g = 1; g <= 8; ++g) {
        CAPTURE(g);
        const SnapshotPtr s = costSnapshot("fashion", g);
        panel.setSnapshot(s, last);
        ends.push_back(panel.axisState().max);
        // Every g's bars fit under the one scale.
        CHECK(panel.axisState().max >= double(stageBars(*s->network, s->cost).tallest()));
    }
    for (double end : ends) CHECK(end == ends.front());
    // The scale is the engine's tallest bar over g = 1..8, rounded up to a tick.
    const long long tallest = tallestStageBarOverGroups(g1->config());
    CHECK(ends.front() >= double(tallest));
    CHECK(ends.front() - panel.axisState().tick < double(tallest));
}
