#pragma once
// ChannelFlowView: the boundary effect. For the selected step and channel, every earlier step of
// the current unit and the unit before it is a column of channel cells; the cells that can reach
// the selected channel (core's traceChannelReach) are bright in their group's colour, the rest
// dimmed. With the shuffle off the reach stays inside one group; with it on it spreads to all.
// A caption states the count. Clicking a cell selects that step and channel.

#include <QPainter>
#include <QWidget>
#include <vector>

#include "session/snapshot.h"
#include "shufflescope/analysis/reachability.h"
#include "views/channel_flow_layout.h"

namespace shufflescope::ui {

// [SECTION] Plain functions (tested without a display)

// The steps drawn as columns when tracing `step`, in network order, `step` last: for a step inside
// a unit, the input of the previous unit, then pw1, shuffle, dw, pw2, [shortcut], add | concat and
// relu of that unit and of the current one (up to `step`), plus `step` itself; for the stem, every
// step up to it; for the head, the last unit's columns and the head steps up to it.
std::vector<int> channelFlowColumns(const Network& network, int step);
// The step the caption counts at: the input of the traced step's unit (the last unit's output for
// the head, the input image for the stem).
int channelFlowReferenceStep(const Network& network, int step);

struct ReachSummary {
    int reached = 0, total = 0;         // channels of the step that reach the traced channel
    int groupsReached = 0, groups = 0;  // distinct channelGroup values (0 when the step has none)
};
ReachSummary summarizeReach(const Network& network, const ChannelReach& reach, int step);

// [SECTION] The widget

class ChannelFlowView : public QWidget {
    Q_OBJECT
  public:
    explicit ChannelFlowView(QWidget* parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot, int step,
                     int channel);  // channel -1: prompt to pick one
    // Non-empty while a new result is computed: the view veils its old picture and says so.
    void setPending(const QString& text);
    const QString& pending() const { return pending_; }
    void setFontScale(double scale);

    QSize sizeHint() const override { return {1100, 650}; }
    QSize minimumSizeHint() const override { return {320, 200}; }

  signals:
    void channelClicked(int step, int channel);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    void paintContent(QPainter& painter);
    void paintTitle(QPainter& painter, const Theme& theme) const;
    void paintColumns(QPainter& painter, const Theme& theme) const;
    void paintCells(QPainter& painter, const Theme& theme,
                    const ChannelFlowLayout::Column& column) const;
    void paintLegend(QPainter& painter, const Theme& theme) const;

    SnapshotPtr snapshot_;
    int step_ = 0;
    int channel_ = -1;
    double fontScale_ = 1.0;
    ChannelReach reach_;        // recomputed by setSnapshot, read by paintEvent
    ChannelFlowLayout layout_;  // laid out by paintEvent, its columns read by clicks
    QString pending_;
};

}  // namespace shufflescope::ui
