#include "views/channel_flow_view.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <set>

#include "shufflescope/analysis/channel_groups.h"
#include "style/palette.h"
#include "views/operation/operation_painter.h"

namespace shufflescope::ui {

// [SECTION] Columns and counts

namespace {

// The unit before `unit` in network order, or nullptr for the first.
const UnitSteps* previousUnit(const Network& network, const UnitSteps& unit) {
    const std::vector<UnitSteps>& units = network.units();
    const auto index = std::size_t(&unit - units.data());
    return index > 0 ? &units[index - 1] : nullptr;
}

const UnitSteps& lastUnit(const Network& network) {
    return network.units().back();
}

void addUnitColumns(const UnitSteps& unit, std::set<int>& columns) {
    for (const int index : {unit.pw1, unit.shuffle, unit.dw, unit.pw2, unit.merge, unit.relu})
        columns.insert(index);
    if (unit.shortcut) columns.insert(*unit.shortcut);
}

bool isHead(const Network& network, int step) {
    return network.partOf(step) == NetworkPart::Head;
}

}  // namespace

std::vector<int> channelFlowColumns(const Network& network, int step) {
    const Step& s = network.step(step);
    std::set<int> columns;
    if (s.stage >= 0) {
        const UnitSteps& unit = network.unit(s.stage, s.unit);
        if (const UnitSteps* previous = previousUnit(network, unit)) {
            addUnitColumns(*previous, columns);
            columns.insert(previous->input);
        } else {
            columns.insert(unit.input);
        }
        addUnitColumns(unit, columns);
    } else if (isHead(network, step)) {
        // The head: the last unit, then the head steps.
        columns.insert(lastUnit(network).input);
        addUnitColumns(lastUnit(network), columns);
        for (int i = 0; i <= step; ++i)
            if (isHead(network, i)) columns.insert(i);
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
    if (s.stage >= 0) return network.unit(s.stage, s.unit).input;
    if (isHead(network, step)) return lastUnit(network).input;
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

void ChannelFlowView::setPending(const QString& text) {
    if (text == pending_) return;
    pending_ = text;
    update();
}

void ChannelFlowView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintContent(painter);
    paintPendingVeil(painter, rect(), pending_, Theme::from(palette()),
                     fittedFontScale(fontScale_, size()));
}

// Paints what layoutChannelFlow placed (channel_flow_layout.h), in its order.
void ChannelFlowView::paintContent(QPainter& painter) {
    const Theme theme = Theme::from(palette());
    painter.fillRect(rect(), theme.background);
    layout_ = {};
    if (!snapshot_) return;
    layout_ = layoutChannelFlow(*snapshot_->network, step_, channel_, reach_, size(), fontScale_);
    paintTitle(painter, theme);
    for (const ChannelFlowLayout::Caption& caption : layout_.captions)
        drawWrappedText(painter, caption.rect, caption.text,
                        caption.dim ? theme.dimText : theme.text);
    painter.setRenderHint(QPainter::Antialiasing, false);
    paintColumns(painter, theme);
    paintLegend(painter, theme);
}

void ChannelFlowView::paintTitle(QPainter& painter, const Theme& theme) const {
    const ChannelFlowLayout& l = layout_;
    drawWrappedText(painter, l.titleRect, l.title, theme.text);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(l.shuffle ? withAlpha(theme.accent, 0.2) : withAlpha(groupColor(5), 0.25));
    painter.drawRoundedRect(l.chip, l.chip.height() / 2, l.chip.height() / 2);
    drawFitted(painter, l.settingsAt, l.settings, theme.text);
}

void ChannelFlowView::paintColumns(QPainter& painter, const Theme& theme) const {
    for (const ChannelFlowLayout::UnitBracket& unit : layout_.units) {
        painter.setPen(QPen(theme.outline, 1.5));
        painter.drawLine(unit.line);
        drawFitted(painter, unit.label.at, unit.label.text, theme.dimText);
    }
    for (const ChannelFlowLayout::Column& column : layout_.columns)
        drawFitted(painter, column.name.at, column.name.text,
                   column.traced ? theme.accent : theme.text);
    for (const ChannelFlowLayout::Column& column : layout_.columns) {
        paintCells(painter, theme, column);
        if (column.traced && layout_.tracing) {
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(theme.text);
            painter.drawPolygon(layout_.pointer);
            painter.setRenderHint(QPainter::Antialiasing, false);
        }
    }
    for (const ChannelFlowLayout::Column& column : layout_.columns)
        drawFitted(painter, column.count.at, column.count.text,
                   layout_.tracing ? theme.text : theme.dimText);
}

// One column's channels in their groups' colours: every cell faded first, then the reaching ones
// bright, at least 2 px tall so a single channel among hundreds stays visible.
void ChannelFlowView::paintCells(QPainter& painter, const Theme& theme,
                                 const ChannelFlowLayout::Column& column) const {
    const Network& network = *snapshot_->network;
    const bool tracing = layout_.tracing;
    const int channels = network.step(column.step).out.channels;
    const QRectF& cells = column.cells;
    std::vector<int> groups(static_cast<std::size_t>(channels));
    for (int c = 0; c < channels; ++c)
        groups[static_cast<std::size_t>(c)] = channelGroup(network, column.step, c);
    const double rowHeight = cells.height() / channels;
    const double inset = rowHeight >= 6 ? 1.0 : 0.0;
    for (int c = 0; c < channels; ++c) {
        const QColor colour = groupColor(groups[static_cast<std::size_t>(c)]);
        const bool reached = !tracing || reach_.reaches(column.step, c);
        if (reached) continue;
        painter.fillRect(QRectF(cells.left(), cells.top() + c * rowHeight, cells.width(),
                                std::max(rowHeight - inset, 0.5)),
                         mix(colour, theme.background, theme.dark ? 0.85 : 0.86));
    }
    for (int c = 0; c < channels; ++c) {
        if (tracing && !reach_.reaches(column.step, c)) continue;
        const QColor colour = groupColor(groups[static_cast<std::size_t>(c)]);
        const double height = std::max(rowHeight - inset, tracing ? 2.0 : 0.5);
        const double top = cells.top() + (c + 0.5) * rowHeight - height / 2;
        painter.fillRect(QRectF(cells.left(), top, cells.width(), height), colour);
    }
    painter.setPen(QPen(theme.outline, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(cells);
}

// Bright reaches, faded does not.
void ChannelFlowView::paintLegend(QPainter& painter, const Theme& theme) const {
    for (const ChannelFlowLayout::LegendItem& item : layout_.legend) {
        if (item.swatch == ChannelFlowLayout::Swatch::Reaches)
            painter.fillRect(item.swatchRect, groupColor(0));
        else if (item.swatch == ChannelFlowLayout::Swatch::Faded)
            painter.fillRect(item.swatchRect, mix(groupColor(0), theme.background, 0.86));
        drawFitted(painter, item.label.at, item.label.text, item.dim ? theme.dimText : theme.text);
    }
}

// [SECTION] Events

void ChannelFlowView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !snapshot_) return QWidget::mousePressEvent(event);
    const QPointF at = event->position();
    for (const ChannelFlowLayout::Column& column : layout_.columns) {
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
