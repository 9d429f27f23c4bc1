#include "views/channel_flow_view.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <set>

#include "shufflescope/channel_groups.h"
#include "views/operation/operation_painter.h"
#include "widgets/palette.h"

namespace shufflescope::ui {

// [SECTION] Columns and counts

namespace {

std::string unitPrefix(int stage, int unit) {
    return "stages." + std::to_string(stage) + "." + std::to_string(unit) + ".";
}

// (stage, unit) of the unit before (stage, unit) in network order, or {-1, -1} for the first.
std::pair<int, int> previousUnit(int stage, int unit) {
    if (unit > 0) return {stage, unit - 1};
    if (stage > 0) return {stage - 1, Network::kUnitsPerStage[stage - 1] - 1};
    return {-1, -1};
}

void addUnitColumns(const Network& network, int stage, int unit, std::set<int>& columns) {
    const std::string prefix = unitPrefix(stage, unit);
    for (const char* name : {"pw1", "shuffle", "dw", "pw2", "shortcut", "add", "concat", "relu"})
        if (const auto index = network.findStep(prefix + name)) columns.insert(*index);
}

int unitInput(const Network& network, int stage, int unit) {
    return network.step(*network.findStep(unitPrefix(stage, unit) + "pw1")).inputs[0];
}

}  // namespace

std::vector<int> channelFlowColumns(const Network& network, int step) {
    const Step& s = network.step(step);
    std::set<int> columns;
    if (s.stage >= 0) {
        const auto [prevStage, prevUnit] = previousUnit(s.stage, s.unit);
        if (prevStage >= 0) {
            addUnitColumns(network, prevStage, prevUnit, columns);
            columns.insert(unitInput(network, prevStage, prevUnit));
        } else {
            columns.insert(unitInput(network, s.stage, s.unit));
        }
        addUnitColumns(network, s.stage, s.unit, columns);
    } else if (s.name.rfind("head.", 0) == 0) {
        // The head: the last unit, then the head steps.
        const int lastStage = 2, lastUnit = Network::kUnitsPerStage[2] - 1;
        columns.insert(unitInput(network, lastStage, lastUnit));
        addUnitColumns(network, lastStage, lastUnit, columns);
        for (int i = 0; i <= step; ++i)
            if (network.step(i).name.rfind("head.", 0) == 0) columns.insert(i);
    } else {
        for (int i = 0; i <= step; ++i) columns.insert(i);
    }
    columns.insert(step);
    std::vector<int> result;
    for (int c : columns)
        if (c <= step) result.push_back(c);
    return result;
}

int channelFlowReferenceStep(const Network& network, int step) {
    const Step& s = network.step(step);
    if (s.stage >= 0) return unitInput(network, s.stage, s.unit);
    if (s.name.rfind("head.", 0) == 0) return unitInput(network, 2, Network::kUnitsPerStage[2] - 1);
    return 0;
}

ReachSummary summarizeReach(const Network& network, const ChannelReach& reach, int step) {
    ReachSummary summary;
    summary.total = network.step(step).out.channels;
    std::set<int> all, reached;
    for (int c = 0; c < summary.total; ++c) {
        const int group = channelGroup(network, step, c);
        if (group >= 0) all.insert(group);
        if (reach.reaches(step, c)) {
            ++summary.reached;
            if (group >= 0) reached.insert(group);
        }
    }
    summary.groups = static_cast<int>(all.size());
    summary.groupsReached = static_cast<int>(reached.size());
    return summary;
}

// [SECTION] Widget state

ChannelFlowView::ChannelFlowView(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void ChannelFlowView::setSnapshot(SnapshotPtr snapshot, int step, int channel) {
    snapshot_ = std::move(snapshot);
    step_ = snapshot_ ? std::clamp(step, 0, snapshot_->network->stepCount() - 1) : 0;
    channel_ =
        snapshot_ && channel >= 0 && channel < snapshot_->step(step_).out.channels ? channel : -1;
    reach_ =
        channel_ >= 0 ? traceChannelReach(*snapshot_->network, step_, channel_) : ChannelReach{};
    update();
}

void ChannelFlowView::setFontScale(double scale) {
    fontScale_ = std::clamp(scale, 0.5, 3.0);
    update();
}

// [SECTION] Painting

namespace {

QString shortName(const std::string& name) {
    const auto dot = name.rfind('.');
    return QString::fromStdString(dot == std::string::npos ? name : name.substr(dot + 1));
}

QString unitName(const Step& s) {
    if (s.stage < 0)
        return s.name.rfind("head.", 0) == 0 ? ChannelFlowView::tr("head")
                                             : ChannelFlowView::tr("stem");
    return ChannelFlowView::tr("unit %1.%2").arg(s.stage).arg(s.unit);
}

}  // namespace

void ChannelFlowView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const Theme theme = Theme::from(palette());
    painter.fillRect(rect(), theme.background);
    columns_.clear();
    const double margin = 14.0 * fontScale_;
    const QRectF area = QRectF(rect()).adjusted(margin, margin * 0.8, -margin, -margin * 0.8);
    if (!snapshot_) return;
    const Snapshot& snapshot = *snapshot_;
    const Network& network = *snapshot.network;
    const PaintContext ctx{
        .snapshot = snapshot, .step = step_, .fontScale = fontScale_, .theme = theme};
    const QFont title = ctx.font(1.4, true), caption = ctx.font(1.15), bold = ctx.font(1.0, true),
                small = ctx.font(0.85);
    const Step& traced = network.step(step_);
    const bool tracing = channel_ >= 0;

    // [SECTION] Title and caption
    double y = area.top();
    const QString state = network.config().shuffle ? tr("shuffle on") : tr("shuffle off");
    const QString settings = tr("g = %1, %2").arg(network.config().groups).arg(state);
    const QFont chipFont = ctx.font(1.0, true);
    const double chipWidth = textWidth(chipFont, settings) + ctx.textPx();
    drawText(painter, {area.left(), y},
             tracing ? tr("Which channels can reach channel %1 of %2?")
                           .arg(channel_)
                           .arg(QString::fromStdString(traced.name))
                     : tr("Pick a channel to trace"),
             title, theme.text, area.width() - chipWidth - ctx.textPx());
    const QRectF chip(area.right() - chipWidth, y, chipWidth, lineHeight(chipFont) * 1.2);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(network.config().shuffle ? withAlpha(theme.accent, 0.2)
                                              : withAlpha(groupColor(5), 0.25));
    painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
    painter.setFont(chipFont);
    painter.setPen(theme.text);
    painter.drawText(chip, Qt::AlignCenter, settings);
    y += lineHeight(title) * 1.25;

    const std::vector<int> columns = channelFlowColumns(network, step_);
    if (tracing) {
        const int reference = channelFlowReferenceStep(network, step_);
        const auto sentence = [&](int at) {
            const ReachSummary r = summarizeReach(network, reach_, at);
            QString groups;
            if (r.groups > 1 && r.groupsReached > 0)
                groups = r.groupsReached == r.groups ? tr(" (all %1 groups)").arg(r.groups)
                         : r.groupsReached == 1
                             ? tr(" (1 group of %1)").arg(r.groups)
                             : tr(" (%1 groups of %2)").arg(r.groupsReached).arg(r.groups);
            return tr("%1 of %2 channels of %3%4")
                .arg(r.reached)
                .arg(r.total)
                .arg(QString::fromStdString(network.step(at).name), groups);
        };
        drawText(painter, {area.left(), y},
                 tr("channel %1 of %2 is reached by %3")
                     .arg(channel_)
                     .arg(QString::fromStdString(traced.name), sentence(reference)),
                 caption, theme.text, area.width());
        y += lineHeight(caption) * 1.2;
        if (columns.front() != reference && columns.front() != step_) {
            drawText(painter, {area.left(), y},
                     tr("one unit further back: %1").arg(sentence(columns.front())), caption,
                     theme.dimText, area.width());
            y += lineHeight(caption) * 1.2;
        }
    } else {
        drawWrapped(painter, QRectF(area.left(), y, area.width(), lineHeight(caption) * 2.6),
                    tr("Click a channel in a column (or in the operation view): the earlier steps "
                       "then light up "
                       "the channels that can influence it."),
                    caption, theme.dimText);
        y += lineHeight(caption) * 2.6;
    }
    y += lineHeight(caption) * 0.4;

    // [SECTION] Columns
    const double unitLabel = lineHeight(small) * 1.3, header = lineHeight(bold) * 1.3;
    const double footer = lineHeight(small) * (tracing ? 3.0 : 1.5);
    const double cellsTop = y + unitLabel + header, cellsBottom = area.bottom() - footer;
    const double pitch = area.width() / std::max<std::size_t>(columns.size(), 1);
    const double barWidth = std::clamp(pitch * 0.42, 8.0, 80.0 * fontScale_);
    painter.setRenderHint(QPainter::Antialiasing, false);
    // Unit brackets over the columns that belong to each unit.
    for (std::size_t i = 0; i < columns.size();) {
        const QString unit = unitName(network.step(columns[i]));
        std::size_t j = i;
        while (j + 1 < columns.size() && unitName(network.step(columns[j + 1])) == unit) ++j;
        const double left = area.left() + i * pitch + 4, right = area.left() + (j + 1) * pitch - 4;
        painter.setPen(QPen(theme.outline, 1.5));
        painter.drawLine(QPointF(left, y + unitLabel - 3), QPointF(right, y + unitLabel - 3));
        drawText(painter, {left, y}, unit, small, theme.dimText);
        i = j + 1;
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int stepIndex = columns[i];
        const Step& s = network.step(stepIndex);
        const int channels = s.out.channels;
        const double centre = area.left() + (i + 0.5) * pitch;
        const QRectF cells(centre - barWidth / 2, cellsTop, barWidth, cellsBottom - cellsTop);
        columns_.push_back({stepIndex, cells});
        const QString name = shortName(s.name);
        drawText(painter, {centre - textWidth(bold, name) / 2, y + unitLabel}, name, bold,
                 stepIndex == step_ ? theme.accent : theme.text);

        std::vector<int> groups(static_cast<std::size_t>(channels));
        for (int c = 0; c < channels; ++c)
            groups[static_cast<std::size_t>(c)] = channelGroup(network, stepIndex, c);

        // Every cell faded first, then the reaching ones bright, at least 2 px tall so a single
        // channel among hundreds stays visible.
        const double rowHeight = cells.height() / channels;
        const double inset = rowHeight >= 6 ? 1.0 : 0.0;
        for (int c = 0; c < channels; ++c) {
            const QColor colour = groupColor(groups[static_cast<std::size_t>(c)]);
            const bool reached = !tracing || reach_.reaches(stepIndex, c);
            if (reached) continue;
            painter.fillRect(QRectF(cells.left(), cells.top() + c * rowHeight, cells.width(),
                                    std::max(rowHeight - inset, 0.5)),
                             mix(colour, theme.background, theme.dark ? 0.85 : 0.86));
        }
        for (int c = 0; c < channels; ++c) {
            if (tracing && !reach_.reaches(stepIndex, c)) continue;
            const QColor colour = groupColor(groups[static_cast<std::size_t>(c)]);
            const double height = std::max(rowHeight - inset, tracing ? 2.0 : 0.5);
            const double top = cells.top() + (c + 0.5) * rowHeight - height / 2;
            painter.fillRect(QRectF(cells.left(), top, cells.width(), height), colour);
        }
        painter.setPen(QPen(theme.outline, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cells);
        if (tracing) {
            const ReachSummary r = summarizeReach(network, reach_, stepIndex);
            const QString count = tr("%1/%2").arg(r.reached).arg(r.total);
            drawText(painter, {centre - textWidth(small, count) / 2, cells.bottom() + 3}, count,
                     small, theme.text);
        } else {
            const QString count = QString::number(channels);
            drawText(painter, {centre - textWidth(small, count) / 2, cells.bottom() + 3}, count,
                     small, theme.dimText);
        }
        if (stepIndex == step_ && tracing) {
            // A pointer at the traced channel.
            const double cy = cells.top() + (channel_ + 0.5) * cells.height() / channels;
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(theme.text);
            const double a = ctx.textPx() * 0.6;
            painter.drawPolygon(QPolygonF({QPointF(cells.right() + 3, cy),
                                           QPointF(cells.right() + 3 + a, cy - a * 0.7),
                                           QPointF(cells.right() + 3 + a, cy + a * 0.7)}));
            painter.setRenderHint(QPainter::Antialiasing, false);
        }
    }

    if (tracing) {
        // Legend: bright reaches, faded does not.
        const double sw = ctx.textPx() * 0.9, ly = area.bottom() - lineHeight(small);
        double lx = area.left();
        painter.fillRect(QRectF(lx, ly + 2, sw, sw), groupColor(0));
        lx += sw + ctx.textPx() * 0.4;
        lx += drawText(painter, {lx, ly}, tr("can influence channel %1").arg(channel_), small,
                       theme.text) +
              ctx.textPx() * 1.2;
        painter.fillRect(QRectF(lx, ly + 2, sw, sw), mix(groupColor(0), theme.background, 0.86));
        lx += sw + ctx.textPx() * 0.4;
        lx += drawText(painter, {lx, ly}, tr("cannot"), small, theme.text) + ctx.textPx() * 1.2;
        drawText(painter, {lx, ly}, tr("colour: the channel's group"), small, theme.dimText);
    }
}

// [SECTION] Events

void ChannelFlowView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !snapshot_) return QWidget::mousePressEvent(event);
    const QPointF at = event->position();
    for (const Column& column : columns_) {
        // The cell column is narrow; accept clicks a little to either side.
        const QRectF target = column.cells.adjusted(-6, 0, 6, 0);
        if (!target.contains(at)) continue;
        const int channels = snapshot_->step(column.step).out.channels;
        const int channel = std::clamp(
            static_cast<int>((at.y() - column.cells.top()) / column.cells.height() * channels), 0,
            channels - 1);
        emit channelClicked(column.step, channel);
        return;
    }
}

void ChannelFlowView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) update();
    QWidget::changeEvent(event);
}

}  // namespace shufflescope::ui
