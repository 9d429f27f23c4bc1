#include "views/channel_flow_layout.h"

#include <QStringList>
#include <algorithm>

#include "views/channel_flow_view.h"  // the plain column functions; the words' tr() context

namespace shufflescope::ui {

namespace {

QString shortName(const std::string& name) {
    const auto dot = name.rfind('.');
    return QString::fromStdString(dot == std::string::npos ? name : name.substr(dot + 1));
}

QString unitName(const Network& network, int step) {
    const Step& s = network.step(step);
    if (s.stage < 0)
        return network.partOf(step) == NetworkPart::Head ? ChannelFlowView::tr("head")
                                                         : ChannelFlowView::tr("stem");
    return ChannelFlowView::tr("unit %1.%2").arg(s.stage).arg(s.unit);
}

// [SECTION] Column labels
//
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

// Label i in its slot, centred on its column where the slot allows, in row i % rows from `top`.
ChannelFlowLayout::Label placeColumnLabel(const ColumnLabels& layout, const QString& label, int i,
                                          double centre, double pitch, double top, double left,
                                          double right) {
    const auto [lo, hi] = labelSlot(centre, layout.rows, pitch, left, right);
    const FittedText fitted = fitText(layout.font, label, hi - lo, 1.0);
    const double x = std::clamp(centre - fitted.width / 2, lo, std::max(lo, hi - fitted.width));
    return {fitted, {x, top + (i % layout.rows) * layout.rowHeight}};
}

// [SECTION] Sentences

// "240 of 480 channels of stages.1.2.relu (1 group of 3)".
QString reachSentence(const Network& network, const ChannelReach& reach, int at) {
    const ReachSummary r = summarizeReach(network, reach, at);
    QString groups;
    if (r.groups > 1 && r.groupsReached > 0)
        groups = r.groupsReached == r.groups ? ChannelFlowView::tr(" (all %1 groups)").arg(r.groups)
                 : r.groupsReached == 1
                     ? ChannelFlowView::tr(" (1 group of %1)").arg(r.groups)
                     : ChannelFlowView::tr(" (%1 groups of %2)").arg(r.groupsReached).arg(r.groups);
    return ChannelFlowView::tr("%1 of %2 channels of %3%4")
        .arg(r.reached)
        .arg(r.total)
        .arg(QString::fromStdString(network.step(at).name), groups);
}

// [SECTION] Pieces of the layout

struct Fonts {
    QFont title, caption, bold, small;
};

// The title (wrapping beside the chip), the chip; returns the y under them.
double layoutTitleRow(ChannelFlowLayout& l, const Fonts& fonts, const Network& network, int step,
                      int channel) {
    const QRectF& area = l.area;
    const double y = area.top();
    const QString state =
        l.shuffle ? ChannelFlowView::tr("shuffle on") : ChannelFlowView::tr("shuffle off");
    const QString settings =
        ChannelFlowView::tr("g = %1, %2").arg(network.config().groups).arg(state);
    // The settings chip at the right; the title wraps (three lines at most) beside it.
    l.settings = fitText(fonts.bold, settings, area.width() * 0.4);
    const double chipWidth = l.settings.width + l.textPx;
    l.title =
        fitParagraph(fonts.title,
                     l.tracing ? ChannelFlowView::tr("Which channels can reach channel %1 of %2?")
                                     .arg(channel)
                                     .arg(QString::fromStdString(network.step(step).name))
                               : ChannelFlowView::tr("Pick a channel to trace"),
                     area.width() - chipWidth - l.textPx, 3);
    l.titleRect = QRectF(area.left(), y, area.width(), l.title.height);
    l.chip = QRectF(area.right() - chipWidth, y, chipWidth, lineHeight(l.settings.font) * 1.2);
    l.settingsAt = {l.chip.left() + l.textPx / 2,
                    l.chip.top() + (l.chip.height() - lineHeight(l.settings.font)) / 2};
    return y + std::max(l.title.height + l.title.lineHeight * 0.25, l.chip.height() * 1.15);
}

// The captions from `y`; returns the y under them.
double layoutCaptions(ChannelFlowLayout& l, const Fonts& fonts, const Network& network,
                      const ChannelReach& reach, int step, int channel,
                      const std::vector<int>& columns, double y) {
    const QRectF& area = l.area;
    const double gap = lineHeight(fonts.caption) * 0.2;
    if (l.tracing) {
        const int reference = channelFlowReferenceStep(network, step);
        const WrappedText reached =
            fitParagraph(fonts.caption,
                         ChannelFlowView::tr("channel %1 of %2 is reached by %3")
                             .arg(channel)
                             .arg(QString::fromStdString(network.step(step).name),
                                  reachSentence(network, reach, reference)),
                         area.width(), 2);
        l.captions.push_back({reached, QRectF(area.left(), y, area.width(), reached.height)});
        y += reached.height + gap;
        if (columns.front() != reference && columns.front() != step) {
            // The unit before: left out when the columns would get less than 40% of the view.
            const WrappedText further =
                fitParagraph(fonts.caption,
                             ChannelFlowView::tr("one unit further back: %1")
                                 .arg(reachSentence(network, reach, columns.front())),
                             area.width(), 2);
            const double columnsNeed = lineHeight(fonts.bold) * 3 + lineHeight(fonts.small) * 5;
            if (area.bottom() - y - further.height - columnsNeed >= area.height() * 0.4) {
                l.captions.push_back(
                    {further, QRectF(area.left(), y, area.width(), further.height), true});
                y += further.height + gap;
            }
        }
    } else {
        const QRectF rect(area.left(), y, area.width(), lineHeight(fonts.caption) * 3.2);
        const WrappedText hint =
            wrapText(fonts.caption,
                     ChannelFlowView::tr(
                         "Click a channel in a column (or in the operation view): the earlier "
                         "steps then light up the channels that can influence it."),
                     rect.width(), rect.height());
        // Not even one line of the smallest size fits: nothing rather than text outside.
        if (hint.lineHeight <= rect.height() + 0.5) {
            l.captions.push_back({hint, rect, true});
            y += hint.height;
        }
    }
    return y + lineHeight(fonts.caption) * 0.4;
}

// The legend at the bottom of the area, flowing over as many lines as it needs, each text fitted
// to the room left on its line; returns its height.
double layoutLegend(ChannelFlowLayout& l, const QFont& small, int channel) {
    if (!l.tracing) return 0;
    const QRectF& area = l.area;
    const double swatch = l.textPx * 0.9;
    using Swatch = ChannelFlowLayout::Swatch;
    const std::pair<Swatch, QString> items[] = {
        {Swatch::Reaches, ChannelFlowView::tr("can influence channel %1").arg(channel)},
        {Swatch::Faded, ChannelFlowView::tr("cannot")},
        {Swatch::None, ChannelFlowView::tr("colour: the channel's group")}};
    std::vector<QPointF> offsets;  // from the legend's top-left
    double x = 0, lines = 1;
    for (const auto& [kind, text] : items) {
        const double w = (kind != Swatch::None ? swatch + l.textPx * 0.4 : 0) +
                         std::min(textWidth(small, text), area.width());
        if (x > 0 && x + w > area.width()) {
            x = 0;
            ++lines;
        }
        offsets.push_back({x, (lines - 1) * lineHeight(small) * 1.15});
        x += w + l.textPx * 1.2;
    }
    const double height = lines * lineHeight(small) * 1.15;
    const double top = area.bottom() - height;
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        const auto& [kind, text] = items[i];
        ChannelFlowLayout::LegendItem item;
        item.swatch = kind;
        item.dim = kind == Swatch::None;
        double lx = area.left() + offsets[i].x();
        const double ly = top + offsets[i].y();
        if (kind != Swatch::None) {
            item.swatchRect = QRectF(lx, ly + 2, swatch, swatch);
            lx += swatch + l.textPx * 0.4;
        }
        item.label = {fitText(small, text, area.right() - lx), {lx, ly}};
        l.legend.push_back(item);
    }
    return height;
}

// Brackets over the columns of each unit, their names shortened to fit.
void layoutUnitBrackets(ChannelFlowLayout& l, const QFont& small, const Network& network,
                        const std::vector<int>& columns, double pitch, double y, double unitLabel) {
    for (std::size_t i = 0; i < columns.size();) {
        const QString unit = unitName(network, columns[i]);
        std::size_t j = i;
        while (j + 1 < columns.size() && unitName(network, columns[j + 1]) == unit) ++j;
        const double left = l.area.left() + i * pitch + 4,
                     right = l.area.left() + (j + 1) * pitch - 4;
        const Step& first = network.step(columns[i]);
        const QStringList variants = {
            unit,
            first.stage >= 0 ? QStringLiteral("%1.%2").arg(first.stage).arg(first.unit) : unit};
        l.units.push_back(
            {QLineF(QPointF(left, y + unitLabel - 3), QPointF(right, y + unitLabel - 3)),
             {fitVariants(small, variants, right - left), {left, y}}});
        i = j + 1;
    }
}

// The arrow right of the traced column, pointing at `channel` of its `channels`.
QPolygonF pointerAt(const QRectF& cells, int channel, int channels, double textPx, double pitch) {
    const double cy = cells.top() + (channel + 0.5) * cells.height() / channels;
    const double a = std::max(3.0, std::min(textPx * 0.6, (pitch - cells.width()) / 2 - 4));
    return QPolygonF({QPointF(cells.right() + 3, cy), QPointF(cells.right() + 3 + a, cy - a * 0.7),
                      QPointF(cells.right() + 3 + a, cy + a * 0.7)});
}

// The columns from `y` down to the legend: unit brackets, names, cells, counts, pointer.
void layoutColumns(ChannelFlowLayout& l, const Fonts& fonts, const Network& network,
                   const ChannelReach& reach, int step, int channel,
                   const std::vector<int>& columns, double y) {
    const QRectF& area = l.area;
    const double pitch = area.width() / std::max<std::size_t>(columns.size(), 1);
    const double barWidth = std::clamp(pitch * 0.42, 8.0, 80.0 * l.fontScale);
    std::vector<double> centres;
    QStringList names, counts;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const Step& s = network.step(columns[i]);
        centres.push_back(area.left() + (i + 0.5) * pitch);
        names << shortName(s.name);
        if (l.tracing) {
            const ReachSummary r = summarizeReach(network, reach, columns[i]);
            counts << ChannelFlowView::tr("%1/%2").arg(r.reached).arg(r.total);
        } else {
            counts << QString::number(s.out.channels);
        }
    }
    const double legendHeight = layoutLegend(l, fonts.small, channel);
    const double rowsRoom = area.bottom() - y;
    const int maxLabelRows = rowsRoom > lineHeight(fonts.bold) * 14 ? 3 : 2;
    const ColumnLabels nameRows = layoutColumnLabels(names, fonts.bold, centres, pitch, area.left(),
                                                     area.right(), maxLabelRows);
    const ColumnLabels countRows = layoutColumnLabels(counts, fonts.small, centres, pitch,
                                                      area.left(), area.right(), maxLabelRows);
    const double unitLabel = lineHeight(fonts.small) * 1.3;
    const double header = nameRows.height() + lineHeight(fonts.bold) * 0.3;
    const double footer = countRows.height() + 3 +
                          (l.legend.empty() ? lineHeight(fonts.small) * 0.5
                                            : legendHeight + lineHeight(fonts.small) * 0.5);
    const double cellsTop = y + unitLabel + header;
    const double cellsBottom = std::max(cellsTop + 10, area.bottom() - footer);
    layoutUnitBrackets(l, fonts.small, network, columns, pitch, y, unitLabel);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        ChannelFlowLayout::Column column;
        column.step = columns[i];
        column.traced = columns[i] == step;
        const double centre = centres[i];
        column.cells = QRectF(centre - barWidth / 2, cellsTop, barWidth, cellsBottom - cellsTop);
        column.name = placeColumnLabel(nameRows, names[int(i)], int(i), centre, pitch,
                                       y + unitLabel, area.left(), area.right());
        column.count = placeColumnLabel(countRows, counts[int(i)], int(i), centre, pitch,
                                        cellsBottom + 3, area.left(), area.right());
        if (column.traced && l.tracing)
            l.pointer =
                pointerAt(column.cells, channel, network.step(step).out.channels, l.textPx, pitch);
        l.columns.push_back(column);
    }
}

}  // namespace

// [SECTION] The layout

ChannelFlowLayout layoutChannelFlow(const Network& network, int step, int channel,
                                    const ChannelReach& reach, QSizeF size, double fontScale) {
    ChannelFlowLayout l;
    // Projector text on a small view: everything shrinks together (fittedFontScale).
    l.fontScale = fittedFontScale(fontScale, size);
    l.textPx = bodyTextPx(l.fontScale);
    const double margin = 14.0 * l.fontScale;
    l.area = QRectF(QPointF(0, 0), size).adjusted(margin, margin * 0.8, -margin, -margin * 0.8);
    l.tracing = channel >= 0;
    l.shuffle = network.config().shuffle;
    const Fonts fonts{viewFont(l.fontScale, 1.4, true), viewFont(l.fontScale, 1.15),
                      viewFont(l.fontScale, 1.0, true), viewFont(l.fontScale, 0.85)};
    double y = layoutTitleRow(l, fonts, network, step, channel);
    const std::vector<int> columns = channelFlowColumns(network, step);
    y = layoutCaptions(l, fonts, network, reach, step, channel, columns, y);
    layoutColumns(l, fonts, network, reach, step, channel, columns, y);
    return l;
}

}  // namespace shufflescope::ui
