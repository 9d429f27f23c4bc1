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

namespace {

// Labels centred on equally spaced columns (step names, counts). One row when they fit at
// (nearly) full size; otherwise staggered over two or three rows, so each label may use two or
// three columns' width; still too wide: the font shrinks, then the label is elided.
struct ColumnLabels {
    int rows = 1;
    QFont font;
    double rowHeight = 0;
    double height() const { return rows * rowHeight; }
};

// The room of label i: its slot (rows × pitch wide, centred on its column; slots of one row
// never overlap), cut to the view.
std::pair<double, double> labelSlot(double centre, int rows, double pitch, double left,
                                    double right) {
    return {std::max(left, centre - rows * pitch / 2 + 2),
            std::min(right, centre + rows * pitch / 2 - 2)};
}

ColumnLabels layoutColumnLabels(const QStringList& labels, const QFont& font,
                                const std::vector<double>& centres, double pitch, double left,
                                double right, int maxRows) {
    ColumnLabels layout;
    layout.font = font;
    for (int rows = 1; rows <= maxRows; ++rows) {
        double scale = 1.0;
        for (int i = 0; i < labels.size(); ++i) {
            const auto [lo, hi] = labelSlot(centres[std::size_t(i)], rows, pitch, left, right);
            const double width = textWidth(font, labels[i]);
            if (width > 0) scale = std::min(scale, (hi - lo) / width);
        }
        if (scale >= (rows == 1 ? 0.85 : 0.75) || rows == maxRows) {
            layout.rows = rows;
            layout.font = scaledFont(font, std::clamp(scale, kMinTextScale, 1.0));
            break;
        }
    }
    layout.rowHeight = lineHeight(layout.font);
    return layout;
}

// Draws label i in its slot, centred on its column where the slot allows, in row i % rows from
// `top`.
void drawColumnLabels(QPainter& painter, const ColumnLabels& layout, const QStringList& labels,
                      const std::vector<double>& centres, double pitch, double top, double left,
                      double right, const std::vector<QColor>& colours) {
    for (int i = 0; i < labels.size(); ++i) {
        const double centre = centres[std::size_t(i)];
        const auto [lo, hi] = labelSlot(centre, layout.rows, pitch, left, right);
        const FittedText fitted = fitText(layout.font, labels[i], hi - lo, 1.0);
        const double x = std::clamp(centre - fitted.width / 2, lo, std::max(lo, hi - fitted.width));
        drawFitted(painter, {x, top + (i % layout.rows) * layout.rowHeight}, fitted,
                   colours[std::size_t(i)]);
    }
}

}  // namespace

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

void ChannelFlowView::paintContent(QPainter& painter) {
    const Theme theme = Theme::from(palette());
    painter.fillRect(rect(), theme.background);
    columns_.clear();
    // Projector text on a small view: everything shrinks together (fittedFontScale).
    const double scale = fittedFontScale(fontScale_, size());
    const double margin = 14.0 * scale;
    const QRectF area = QRectF(rect()).adjusted(margin, margin * 0.8, -margin, -margin * 0.8);
    if (!snapshot_) return;
    const Snapshot& snapshot = *snapshot_;
    const Network& network = *snapshot.network;
    const PaintContext ctx{.snapshot = snapshot, .step = step_, .fontScale = scale, .theme = theme};
    const QFont title = ctx.font(1.4, true), caption = ctx.font(1.15), bold = ctx.font(1.0, true),
                small = ctx.font(0.85);
    const Step& traced = network.step(step_);
    const bool tracing = channel_ >= 0;

    // [SECTION] Title and caption
    double y = area.top();
    const QString state = network.config().shuffle ? tr("shuffle on") : tr("shuffle off");
    const QString settings = tr("g = %1, %2").arg(network.config().groups).arg(state);
    // The settings chip at the right; the title wraps (three lines at most) beside it.
    const FittedText chipText = fitText(ctx.font(1.0, true), settings, area.width() * 0.4);
    const double chipWidth = chipText.width + ctx.textPx();
    const WrappedText titleText =
        fitParagraph(title,
                     tracing ? tr("Which channels can reach channel %1 of %2?")
                                   .arg(channel_)
                                   .arg(QString::fromStdString(traced.name))
                             : tr("Pick a channel to trace"),
                     area.width() - chipWidth - ctx.textPx(), 3);
    drawWrappedText(painter, QRectF(area.left(), y, area.width(), titleText.height), titleText,
                    theme.text);
    const QRectF chip(area.right() - chipWidth, y, chipWidth, lineHeight(chipText.font) * 1.2);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(network.config().shuffle ? withAlpha(theme.accent, 0.2)
                                              : withAlpha(groupColor(5), 0.25));
    painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
    drawFitted(painter,
               {chip.left() + ctx.textPx() / 2,
                chip.top() + (chip.height() - lineHeight(chipText.font)) / 2},
               chipText, theme.text);
    y += std::max(titleText.height + titleText.lineHeight * 0.25, chip.height() * 1.15);

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
        const WrappedText reached =
            fitParagraph(caption,
                         tr("channel %1 of %2 is reached by %3")
                             .arg(channel_)
                             .arg(QString::fromStdString(traced.name), sentence(reference)),
                         area.width(), 2);
        y += drawWrappedText(painter, QRectF(area.left(), y, area.width(), reached.height), reached,
                             theme.text) +
             lineHeight(caption) * 0.2;
        if (columns.front() != reference && columns.front() != step_) {
            // The unit before: left out when the columns would get less than 40% of the view.
            const WrappedText further = fitParagraph(
                caption, tr("one unit further back: %1").arg(sentence(columns.front())),
                area.width(), 2);
            const double columnsNeed = lineHeight(bold) * 3 + lineHeight(small) * 5;
            if (area.bottom() - y - further.height - columnsNeed >= area.height() * 0.4)
                y += drawWrappedText(painter, QRectF(area.left(), y, area.width(), further.height),
                                     further, theme.dimText) +
                     lineHeight(caption) * 0.2;
        }
    } else {
        y += drawWrapped(painter, QRectF(area.left(), y, area.width(), lineHeight(caption) * 3.2),
                         tr("Click a channel in a column (or in the operation view): the earlier "
                            "steps then light up the channels that can influence it."),
                         caption, theme.dimText);
    }
    y += lineHeight(caption) * 0.4;

    // [SECTION] Columns
    const double pitch = area.width() / std::max<std::size_t>(columns.size(), 1);
    const double barWidth = std::clamp(pitch * 0.42, 8.0, 80.0 * scale);
    std::vector<double> centres;
    QStringList names, counts;
    std::vector<QColor> nameColours, countColours;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const Step& s = network.step(columns[i]);
        centres.push_back(area.left() + (i + 0.5) * pitch);
        names << shortName(s.name);
        nameColours.push_back(columns[i] == step_ ? theme.accent : theme.text);
        if (tracing) {
            const ReachSummary r = summarizeReach(network, reach_, columns[i]);
            counts << tr("%1/%2").arg(r.reached).arg(r.total);
            countColours.push_back(theme.text);
        } else {
            counts << QString::number(s.out.channels);
            countColours.push_back(theme.dimText);
        }
    }
    // The legend (tracing) flows over as many lines as it needs, under everything.
    struct LegendItem {
        QColor swatch;  // invalid: no swatch
        QString text;
        QColor colour;
    };
    std::vector<LegendItem> legend;
    if (tracing)
        legend = {{groupColor(0), tr("can influence channel %1").arg(channel_), theme.text},
                  {mix(groupColor(0), theme.background, 0.86), tr("cannot"), theme.text},
                  {QColor(), tr("colour: the channel's group"), theme.dimText}};
    const double sw = ctx.textPx() * 0.9;
    std::vector<QPointF> legendAt;
    double legendHeight = 0;
    {
        double lx = 0, lines = legend.empty() ? 0 : 1;
        for (const LegendItem& item : legend) {
            const double w = (item.swatch.isValid() ? sw + ctx.textPx() * 0.4 : 0) +
                             std::min(textWidth(small, item.text), area.width());
            if (lx > 0 && lx + w > area.width()) {
                lx = 0;
                ++lines;
            }
            legendAt.push_back({lx, (lines - 1) * lineHeight(small) * 1.15});
            lx += w + ctx.textPx() * 1.2;
        }
        legendHeight = lines * lineHeight(small) * 1.15;
    }
    const double rowsRoom = area.bottom() - y;
    const int maxLabelRows = rowsRoom > lineHeight(bold) * 14 ? 3 : 2;
    const ColumnLabels nameRows =
        layoutColumnLabels(names, bold, centres, pitch, area.left(), area.right(), maxLabelRows);
    const ColumnLabels countRows =
        layoutColumnLabels(counts, small, centres, pitch, area.left(), area.right(), maxLabelRows);
    const double unitLabel = lineHeight(small) * 1.3;
    const double header = nameRows.height() + lineHeight(bold) * 0.3;
    const double footer =
        countRows.height() + 3 +
        (legend.empty() ? lineHeight(small) * 0.5 : legendHeight + lineHeight(small) * 0.5);
    const double cellsTop = y + unitLabel + header;
    const double cellsBottom = std::max(cellsTop + 10, area.bottom() - footer);
    painter.setRenderHint(QPainter::Antialiasing, false);
    // Unit brackets over the columns that belong to each unit.
    for (std::size_t i = 0; i < columns.size();) {
        const QString unit = unitName(network.step(columns[i]));
        std::size_t j = i;
        while (j + 1 < columns.size() && unitName(network.step(columns[j + 1])) == unit) ++j;
        const double left = area.left() + i * pitch + 4, right = area.left() + (j + 1) * pitch - 4;
        painter.setPen(QPen(theme.outline, 1.5));
        painter.drawLine(QPointF(left, y + unitLabel - 3), QPointF(right, y + unitLabel - 3));
        const Step& first = network.step(columns[i]);
        drawTextVariants(
            painter, {left, y},
            {unit,
             first.stage >= 0 ? QStringLiteral("%1.%2").arg(first.stage).arg(first.unit) : unit},
            small, theme.dimText, right - left);
        i = j + 1;
    }
    drawColumnLabels(painter, nameRows, names, centres, pitch, y + unitLabel, area.left(),
                     area.right(), nameColours);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int stepIndex = columns[i];
        const Step& s = network.step(stepIndex);
        const int channels = s.out.channels;
        const double centre = centres[i];
        const QRectF cells(centre - barWidth / 2, cellsTop, barWidth, cellsBottom - cellsTop);
        columns_.push_back({stepIndex, cells});

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
        if (stepIndex == step_ && tracing) {
            // A pointer at the traced channel.
            const double cy = cells.top() + (channel_ + 0.5) * cells.height() / channels;
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(theme.text);
            const double a =
                std::max(3.0, std::min(ctx.textPx() * 0.6, (pitch - barWidth) / 2 - 4));
            painter.drawPolygon(QPolygonF({QPointF(cells.right() + 3, cy),
                                           QPointF(cells.right() + 3 + a, cy - a * 0.7),
                                           QPointF(cells.right() + 3 + a, cy + a * 0.7)}));
            painter.setRenderHint(QPainter::Antialiasing, false);
        }
    }
    drawColumnLabels(painter, countRows, counts, centres, pitch, cellsBottom + 3, area.left(),
                     area.right(), countColours);

    // Legend: bright reaches, faded does not.
    const double legendTop = area.bottom() - legendHeight;
    for (std::size_t i = 0; i < legend.size(); ++i) {
        double lx = area.left() + legendAt[i].x();
        const double ly = legendTop + legendAt[i].y();
        if (legend[i].swatch.isValid()) {
            painter.fillRect(QRectF(lx, ly + 2, sw, sw), legend[i].swatch);
            lx += sw + ctx.textPx() * 0.4;
        }
        drawText(painter, {lx, ly}, legend[i].text, small, legend[i].colour, area.right() - lx);
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
