// Measured time per step in the app (session/timing_job.h): opt-in, on a worker thread, a time
// for every executed step shown in the cost panel and the network tree, and a new configuration
// stops the measurement that is running.

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QToolButton>
#include <QTreeWidgetItem>

#include "shown_main_window.h"
#include "views/cost_panel.h"
#include "views/timeline_view.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using ui_testing::ShownMainWindow;

TEST_CASE("measured time arrives for every step from a worker thread and is shown", "[timing]") {
    ShownMainWindow w;
    w.idle();
    Session& session = w.session();
    CHECK_FALSE(session.timing());  // opt-in: nothing is measured by itself
    session.setMeasuringTime(true);
    REQUIRE(session.waitForTiming(120000));
    const auto timing = session.timing();
    REQUIRE(timing);
    const SnapshotPtr s = session.snapshot();
    REQUIRE(timing->medianMs.size() == std::size_t(s->network->stepCount()));
    CHECK(timing->threads == 1);
    for (std::size_t i = 1; i < timing->medianMs.size(); ++i) CHECK(timing->medianMs[i] > 0);
    REQUIRE(session.lastTimingThread());
    CHECK(session.lastTimingThread() != QApplication::instance()->thread());

    REQUIRE_FALSE(w.window.applyScene({.step = "stages.0.0.pw1"}).has_value());
    ui_testing::settle(100);
    CHECK(w.window.costPanel()->displayedTime().contains(QStringLiteral("ms")));
    const int step = session.selectedStep();
    QTreeWidgetItem* row = w.window.timeline()->itemForStep(step);
    REQUIRE(row);
    CHECK(row->text(TimelineView::kTimeColumn).endsWith(QStringLiteral("ms")));
    CHECK(row->toolTip(0).endsWith(row->text(TimelineView::kTimeColumn)));  // also when hidden
    // Asked for, the times go after the shapes when the tree narrows, not before.
    const TimelineView& tree = *w.window.timeline();
    CHECK_FALSE((tree.isColumnHidden(TimelineView::kTimeColumn) && !tree.isColumnHidden(1)));
    // The panel's button and the menu's action say it is on.
    CHECK(w.window.action(QStringLiteral("timing.measure"))->isChecked());
    QToolButton* button = nullptr;
    for (QToolButton* b : w.window.costPanel()->findChildren<QToolButton*>())
        if (b->isCheckable()) button = b;
    REQUIRE(button);
    CHECK(button->isChecked());
    // The chart's share mode: on only with a timing.
    w.window.costPanel()->setChartShowsTimeShares(true);
    CHECK(w.window.costPanel()->chartShowsTimeShares());
}

TEST_CASE("a new configuration stops the measurement and the next snapshot is measured",
          "[timing]") {
    ShownMainWindow w;
    w.idle();
    Session& session = w.session();
    session.setMeasuringTime(true);
    REQUIRE(session.timingRunning());
    const int groups = session.config().groups == 8 ? 2 : 8;
    session.setGroups(groups);
    CHECK_FALSE(session.timingRunning());  // stopped with the request
    CHECK_FALSE(session.timing());
    REQUIRE(session.waitForTiming(120000));
    REQUIRE(session.snapshot()->config().groups == groups);
    const auto timing = session.timing();
    REQUIRE(timing);
    CHECK(timing->medianMs.size() == std::size_t(session.snapshot()->network->stepCount()));
    // Off: the times go, the tree's column with them.
    session.setMeasuringTime(false);
    CHECK_FALSE(session.timing());
    CHECK(w.window.timeline()->isColumnHidden(TimelineView::kTimeColumn));
}
