#include "views/operation/pointwise_conv_painter.h"

#include <QFontMetricsF>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <functional>

#include "shufflescope/analysis/channel_groups.h"
#include "style/palette.h"
#include "views/operation/operation_geometry.h"

namespace shufflescope::ui {

using namespace geometry;

namespace {

// The convolution's shape as the pictures need it.
struct ConvShape {
    int cin = 1, cout = 1, groups = 1;
    int configGroups = 1;  // the configuration's g (differs for Stage 2's ungrouped first pw1)
    bool ungroupedByPaper = false;
};

ConvShape shapeOf(const PaintContext& ctx) {
    const Step& s = ctx.current();
    ConvShape shape;
    shape.cin = ctx.input().out.channels;
    shape.cout = s.out.channels;
    shape.groups = std::max(1, s.groups);
    shape.configGroups = ctx.snapshot.config().groups;
    shape.ungroupedByPaper = shape.groups == 1 && shape.configGroups > 1;
    return shape;
}

// Strips of one row of channels, each in the colour colourOf gives it, with each group of the
// conv outlined.
void paintStrips(QPainter& painter, const GroupedAxis& axis, double top, double height,
                 const std::function<QColor(int)>& colourOf, const Theme& theme) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    const double cell = axis.cellSize();
    const double inset = cell >= 5 ? 1.0 : 0.0;  // a hairline gap keeps wide strips distinct
    for (int c = 0; c < axis.count(); ++c) {
        painter.setBrush(colourOf(c));
        painter.drawRect(QRectF(axis.cellStart(c), top, std::max(cell - inset, 0.6), height));
    }
    painter.setPen(QPen(theme.outline, 1));
    painter.setBrush(Qt::NoBrush);
    for (int k = 0; k < axis.groups(); ++k) {
        const int begin = k * axis.groupSize(), end = begin + axis.groupSize();
        painter.drawRect(QRectF(axis.rangeStart(begin), top,
                                axis.rangeEnd(end) - axis.rangeStart(begin), height));
    }
    painter.restore();
}

QPolygonF bandPolygon(const GroupedAxis& in, const GroupedAxis& out, const ConnectionBlock& b,
                      double inY, double outY, double reveal) {
    const double y = lerp(inY, outY, reveal);
    const double l = lerp(in.rangeStart(b.inputs.begin), out.rangeStart(b.outputs.begin), reveal);
    const double r = lerp(in.rangeEnd(b.inputs.end), out.rangeEnd(b.outputs.end), reveal);
    return QPolygonF({QPointF(in.rangeStart(b.inputs.begin), inY),
                      QPointF(in.rangeEnd(b.inputs.end), inY), QPointF(r, y), QPointF(l, y)});
}

}  // namespace

double PointwiseConvPainter::groupReveal(double p, int group, int groups) {
    const double slot = (kConnectEnd - kConnectBegin) / std::max(groups, 1);
    return phaseProgress(p, kConnectBegin + group * slot, kConnectBegin + (group + 1) * slot);
}

void PointwiseConvPainter::paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                                 HitRegions& hits) const {
    // The connections are the picture: they keep 40% of the height, and at least two strips,
    // their labels and some band between them.
    const double diagramMin = std::max(area.height() * 0.4, lineHeight(ctx.font(1.0)) * 5 + 60);
    const double formulaHeight =
        paintFormula(painter, area, ctx, std::max(area.height() - diagramMin, 0.0));
    const QRectF top(area.left(), area.top(), area.width(), area.height() - formulaHeight);
    const double gutter = ctx.textPx() * 1.5;
    // The matrix column: square-ish, but wide enough for its caption on two lines.
    const double captionWidth = widthForLines(ctx.font(1.0, true), tr("weights (Cout × Cin)"), 2);
    const double matrixWidth =
        std::min(std::max(top.height() * 1.1, captionWidth), top.width() * 0.32);
    const QRectF diagram(top.left(), top.top(), top.width() - matrixWidth - gutter, top.height());
    paintConnections(painter, diagram, ctx, hits);
    paintMatrix(painter, QRectF(diagram.right() + gutter, top.top(), matrixWidth, top.height()),
                ctx);
}

// [SECTION] Strips and connections

void PointwiseConvPainter::paintConnections(QPainter& painter, const QRectF& area,
                                            const PaintContext& ctx, HitRegions& hits) const {
    const ConvShape shape = shapeOf(ctx);
    const Theme& theme = ctx.theme;
    const QFont labelFont = ctx.font(1.0, true);
    const double line = lineHeight(labelFont);
    const double stripHeight = std::clamp(area.height() * 0.11, 18.0, 56.0);
    const double split = phaseProgress(ctx.progress, kSplitBegin, kSplitEnd);
    const double gap = ctx.textPx() * 1.6 * split;

    const double inTop = area.top() + line * 1.3;
    const double outTop = area.bottom() - line * 1.4 - stripHeight;
    // The narrower side is drawn narrower (at least half the width), so each group's band is a
    // funnel from its inputs to its outputs rather than a box.
    const double ratio = double(shape.cout) / shape.cin;
    const double inWidth = area.width() * std::clamp(1.0 / ratio, 0.5, 1.0);
    const double outWidth = area.width() * std::clamp(ratio, 0.5, 1.0);
    const GroupedAxis in(area.center().x() - inWidth / 2, inWidth, shape.cin, shape.groups, gap);
    const GroupedAxis out(area.center().x() - outWidth / 2, outWidth, shape.cout, shape.groups,
                          gap);
    const double inY = inTop + stripHeight, outY = outTop;

    const FittedText inLabel = fitText(labelFont, tr("input: %1 channels").arg(shape.cin),
                                       area.right() - in.rangeStart(0));
    const FittedText outLabel = fitText(labelFont, tr("output: %1 channels").arg(shape.cout),
                                        area.right() - out.rangeStart(0));
    drawFitted(painter, {in.rangeStart(0), area.top()}, inLabel, theme.text);
    drawFitted(painter, {out.rangeStart(0), outTop + stripHeight + line * 0.25}, outLabel,
               theme.text);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);

    // Ghost first, so the real connections sit on top of what they replace.
    if (ctx.showDenseGhost && shape.groups > 1) {
        const QColor ghost = withAlpha(theme.text, theme.dark ? 0.45 : 0.4);
        painter.setBrush(withAlpha(theme.text, theme.dark ? 0.06 : 0.05));
        for (const ConnectionBlock& b : savedDenseBlocks(shape.cin, shape.cout, shape.groups)) {
            const QPolygonF band = bandPolygon(in, out, b, inY, outY, 1.0);
            painter.setPen(Qt::NoPen);
            painter.drawPolygon(band);
            painter.setPen(QPen(ghost, 1.2, Qt::DashLine));
            painter.drawLine(band[0], band[3]);
            painter.drawLine(band[1], band[2]);
        }
    }

    const std::vector<ConnectionBlock> blocks =
        groupedConvBlocks(shape.cin, shape.cout, shape.groups);
    const bool everyLine =
        connectionCount(shape.cin, shape.cout, shape.groups) <= kMaxDrawnConnections;
    const auto outputColour = [&](int o) {
        return groupColor(shape.ungroupedByPaper ? channelGroup(*ctx.snapshot.network, ctx.step, o)
                                                 : o / (shape.cout / shape.groups));
    };
    for (const ConnectionBlock& b : blocks) {
        const double reveal = groupReveal(ctx.progress, b.inputGroup, shape.groups);
        if (reveal <= 0) continue;
        const QColor colour =
            shape.ungroupedByPaper ? theme.outline : lineColor(b.inputGroup, theme);
        painter.setPen(Qt::NoPen);
        painter.setBrush(withAlpha(colour, theme.dark ? 0.22 : 0.18));
        painter.drawPolygon(bandPolygon(in, out, b, inY, outY, reveal));
        // Every line when there are few; otherwise an even sample of real pairs of the block
        // (never a pair across groups), so the band keeps the texture of connections: at most
        // `side` inputs and outputs, a block's share of kMaxDrawnConnections.
        const int side = std::clamp(
            int(std::sqrt(double(kMaxDrawnConnections) / std::max(shape.groups, 1))), 2, 14);
        const int inStep = everyLine ? 1 : (b.inputs.size() + side - 1) / side;
        const int outStep = everyLine ? 1 : (b.outputs.size() + side - 1) / side;
        const double lines = double((b.inputs.size() + inStep - 1) / inStep) *
                             ((b.outputs.size() + outStep - 1) / outStep);
        const double alpha = std::clamp(60.0 / lines + 0.04, 0.06, 0.6);
        painter.setPen(QPen(withAlpha(shape.ungroupedByPaper ? theme.text : colour, alpha), 1));
        for (int o = b.outputs.begin; o < b.outputs.end; o += outStep)
            for (int i = b.inputs.begin; i < b.inputs.end; i += inStep) {
                const QPointF from(in.cellCenter(i), inY);
                painter.drawLine(from, lerp(from, QPointF(out.cellCenter(o), outY), reveal));
            }
        // Edges of the band: the block's boundary, crisp at any channel count.
        painter.setPen(QPen(colour, 1.5));
        const QPolygonF band = bandPolygon(in, out, b, inY, outY, reveal);
        painter.drawLine(band[0], band[3]);
        painter.drawLine(band[1], band[2]);
    }

    if (ctx.showDenseGhost && shape.groups > 1) {
        const QString legend =
            tr("dashed: the connections a dense 1×1 conv would add — %1/%2 of them, saved")
                .arg(shape.groups - 1)
                .arg(shape.groups);
        // Under the wider of the two rows, right-aligned, clear of that row's own label.
        const QFont f = ctx.font(0.85);
        const bool belowOutput = out.rangeEnd(shape.cout) - out.rangeStart(0) >=
                                 in.rangeEnd(shape.cin) - in.rangeStart(0);
        const double labelRight =
            belowOutput ? out.rangeStart(0) + outLabel.width : in.rangeStart(0) + inLabel.width;
        const double room = area.right() - labelRight - ctx.textPx();
        const double y = belowOutput ? outTop + stripHeight + line * 0.3 : area.top() + line * 0.1;
        drawText(painter, {area.right() - std::min(textWidth(f, legend), room), y}, legend, f,
                 theme.dimText, room);
    }

    // The selected output channel: exactly the inputs of its group.
    const int selected = ctx.selectedChannel;
    if (selected >= 0 && selected < shape.cout && ctx.progress >= kConnectEnd) {
        const ChannelRange reads = groupedConvInputs(shape.cin, shape.cout, shape.groups, selected);
        painter.setPen(QPen(withAlpha(theme.text, 0.55), std::max(1.0, 1.2 * ctx.fontScale)));
        const int stride = std::max(1, reads.size() / 40);  // a fan, not a smear
        for (int i = reads.begin; i < reads.end; i += stride)
            painter.drawLine(QPointF(in.cellCenter(i), inY),
                             QPointF(out.cellCenter(selected), outY));
        painter.drawLine(QPointF(in.cellCenter(reads.end - 1), inY),
                         QPointF(out.cellCenter(selected), outY));
    }

    // Group chips in the middle of each band once it has grown past it, over the lines; above
    // the selected channel's caption, and left out when the band is too short for both.
    const bool captioned = selected >= 0 && selected < shape.cout && ctx.progress >= kConnectEnd;
    const double captionTop =
        captioned ? outTop - lineHeight(ctx.font(0.95, true)) * 1.15 - 4 : outY;
    const QFont chipFont = ctx.font(0.85, true);
    if (shape.groups > 1 && captionTop - inY >= lineHeight(chipFont) + 6) {
        for (const ConnectionBlock& b : blocks) {
            const double reveal = groupReveal(ctx.progress, b.inputGroup, shape.groups);
            if (reveal <= 0.55) continue;
            const QPolygonF band = bandPolygon(in, out, b, inY, outY, reveal);
            const QString text =
                out.groupSize() * out.cellSize() > textWidth(chipFont, tr("group 8")) * 1.3
                    ? tr("group %1").arg(b.inputGroup)
                    : QString::number(b.inputGroup);
            const double w = textWidth(chipFont, text) + ctx.textPx() * 0.6,
                         h = lineHeight(chipFont);
            const double chipY = (inY + captionTop) / 2;
            const double along = (chipY - inY) / std::max(outY - inY, 1.0);
            const QPointF centre(
                lerp((band[0].x() + band[1].x()) / 2, (band[2].x() + band[3].x()) / 2,
                     std::min(1.0, along / std::max(reveal, 1e-6))),
                chipY);
            const QRectF chip(centre.x() - w / 2, centre.y() - h / 2, w, h);
            painter.setPen(Qt::NoPen);
            painter.setBrush(groupColor(b.inputGroup));
            painter.drawRoundedRect(chip, h / 3, h / 3);
            painter.setFont(chipFont);
            painter.setPen(textOn(groupColor(b.inputGroup)));
            painter.drawText(chip, Qt::AlignCenter, text);
        }
    }

    // The selected channel's caption, on top of everything in the band.
    if (captioned) {
        const ChannelRange reads = groupedConvInputs(shape.cin, shape.cout, shape.groups, selected);
        const QString text = tr("output %1 reads inputs %2–%3 only")
                                 .arg(selected)
                                 .arg(reads.begin)
                                 .arg(reads.end - 1);
        const FittedText fitted =
            fitText(ctx.font(0.95, true), text, area.width() - ctx.textPx() * 0.6);
        const double w = fitted.width + ctx.textPx() * 0.6, h = lineHeight(fitted.font) * 1.15;
        const double x =
            std::clamp(out.cellCenter(selected) - w / 2, area.left(), area.right() - w);
        const QRectF box(x, outTop - h - 4, w, h);
        painter.setPen(QPen(theme.text, 1));
        painter.setBrush(theme.background);
        painter.drawRoundedRect(box, 4, 4);
        drawFitted(painter, {x + ctx.textPx() * 0.3, box.top() + (h - lineHeight(fitted.font)) / 2},
                   fitted, theme.text);
    }
    painter.restore();

    // Inputs made inside this unit (pw2's, after the shuffle) show the group of pw1 they came
    // from, as the feature-strip borders do: with the shuffle each of pw2's groups reads channels
    // from every group of pw1, without it only from its own — the picture the shuffle is for.
    // A unit's first 1x1 conv (its input from the previous unit) colours them by the group that
    // reads them.
    const Network& network = *ctx.snapshot.network;
    const Step& here = network.step(ctx.step);
    const int source = here.inputs[0];
    const bool madeInThisUnit = here.stage >= 0 && network.step(source).stage == here.stage &&
                                network.step(source).unit == here.unit;
    paintStrips(
        painter, in, inTop, stripHeight,
        [&](int c) {
            if (shape.ungroupedByPaper) return neutralColor();
            return groupColor(madeInThisUnit ? channelGroup(network, source, c)
                                             : c / in.groupSize());
        },
        theme);
    paintStrips(painter, out, outTop, stripHeight, outputColour, theme);
    if (selected >= 0 && selected < shape.cout) {
        painter.setPen(QPen(theme.text, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(out.cellStart(selected) - 2, outTop - 2,
                                std::max(out.cellSize(), 2.0) + 4, stripHeight + 4));
    }
    for (int o = 0; o < shape.cout; ++o)
        hits.add(QRectF(out.cellStart(o), outTop, std::max(out.cellSize(), 1.0), stripHeight), o);
}

// [SECTION] Weight matrix

void PointwiseConvPainter::paintMatrix(QPainter& painter, const QRectF& area,
                                       const PaintContext& ctx) const {
    const ConvShape shape = shapeOf(ctx);
    const Theme& theme = ctx.theme;
    const QFont captionFont = ctx.font(1.0, true);
    const QFont smallFont = ctx.font(0.9);
    // Caption above, the count and the explanation below, each wrapped to the column; the
    // matrix takes the height left (the explanation gives way first on a short view).
    const WrappedText caption =
        fitParagraph(captionFont, tr("weights (Cout × Cin)"), area.width(), 2);
    drawWrappedText(painter, QRectF(area.left(), area.top(), area.width(), caption.height), caption,
                    theme.text);

    const StepCost& cost = ctx.snapshot.cost.steps.at(static_cast<std::size_t>(ctx.step));
    const QString kept = shape.groups > 1
                             ? tr("%1 of %2 weights: 1/%3")
                                   .arg(formatCount(cost.params), formatCount(cost.denseParams))
                                   .arg(shape.groups)
                             : tr("%1 weights, all used").arg(formatCount(cost.params));
    const QString explain =
        shape.groups > 1 ? tr("Only the %1 diagonal blocks exist: filters of group k read only the "
                              "channels of group k.")
                               .arg(shape.groups)
                         : tr("A full matrix: every output channel mixes all input channels.");
    const QFont keptFont = ctx.font(0.9, true);
    const WrappedText keptText = fitParagraph(keptFont, kept, area.width(), 2);
    const double spacing = lineHeight(smallFont) * 0.3;
    const double top = area.top() + caption.height + spacing * 2;
    const double minMatrix = lineHeight(captionFont) * 3;
    WrappedText explainText =
        wrapText(smallFont, explain, area.width(),
                 std::max(lineHeight(smallFont),
                          area.bottom() - top - minMatrix - keptText.height - 3 * spacing),
                 0.85);
    if (!explainText.fits ||
        area.bottom() - top - keptText.height - explainText.height - 3 * spacing < minMatrix)
        explainText = WrappedText{};
    const double footer = keptText.height + spacing +
                          (explainText.lines.isEmpty() ? 0 : explainText.height + spacing);
    const QRectF room(area.left(), top, area.width(),
                      std::max(0.0, area.bottom() - top - footer - spacing));
    // Keep the matrix's aspect, within limits so an extreme shape still shows its blocks.
    const double aspect = std::clamp(double(shape.cout) / shape.cin, 0.5, 2.0);
    double w = room.width(), h = w * aspect;
    if (h > room.height()) {
        h = room.height();
        w = h / aspect;
    }
    const QRectF m(room.left() + (room.width() - w) / 2, room.top(), w, h);
    const double colW = w / shape.cin, rowH = h / shape.cout;
    const auto blockRect = [&](const ConnectionBlock& b) {
        return QRectF(m.left() + b.inputs.begin * colW, m.top() + b.outputs.begin * rowH,
                      b.inputs.size() * colW, b.outputs.size() * rowH);
    };

    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme.faint);
    painter.drawRect(m);
    if (ctx.showDenseGhost && shape.groups > 1) {
        painter.setBrush(QBrush(withAlpha(theme.text, theme.dark ? 0.35 : 0.3), Qt::BDiagPattern));
        for (const ConnectionBlock& b : savedDenseBlocks(shape.cin, shape.cout, shape.groups))
            painter.drawRect(blockRect(b));
    }
    for (const ConnectionBlock& b : groupedConvBlocks(shape.cin, shape.cout, shape.groups)) {
        const double reveal = groupReveal(ctx.progress, b.inputGroup, shape.groups);
        if (reveal <= 0) continue;
        const QRectF r = blockRect(b);
        painter.setBrush(shape.ungroupedByPaper ? theme.outline : groupColor(b.inputGroup));
        painter.drawRect(QRectF(r.left(), r.top(), r.width(), r.height() * reveal));
    }
    if (ctx.selectedChannel >= 0 && ctx.selectedChannel < shape.cout) {
        painter.setPen(QPen(theme.text, 2));
        painter.setBrush(Qt::NoBrush);
        const double y = m.top() + (ctx.selectedChannel + 0.5) * rowH;
        painter.drawLine(QPointF(m.left() - 6, y), QPointF(m.right() + 6, y));
    }
    painter.setPen(QPen(theme.outline, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(m);
    painter.restore();

    double y = m.bottom() + spacing;
    y += drawWrappedText(painter, QRectF(area.left(), y, area.width(), keptText.height), keptText,
                         theme.text) +
         spacing;
    if (!explainText.lines.isEmpty())
        drawWrappedText(painter, QRectF(area.left(), y, area.width(), explainText.height),
                        explainText, theme.dimText);
}

// [SECTION] Cost formula

double PointwiseConvPainter::paintFormula(QPainter& painter, const QRectF& area,
                                          const PaintContext& ctx, double maxHeight) const {
    const ConvShape shape = shapeOf(ctx);
    const Step& s = ctx.current();
    const StepCost& cost = ctx.snapshot.cost.steps.at(static_cast<std::size_t>(ctx.step));
    const QFont font = ctx.font(1.15);
    const QFont bold = ctx.font(1.15, true);
    const QString hw = QStringLiteral("%1·%2").arg(s.out.height).arg(s.out.width);

    QStringList lines;
    QString note;
    if (shape.groups > 1) {
        lines << tr("grouped:  H·W·(Cin/g)·Cout = %1·(%2/%3)·%4 = %5 MACs")
                     .arg(hw)
                     .arg(shape.cin)
                     .arg(shape.groups)
                     .arg(shape.cout)
                     .arg(formatCount(cost.macs));
        lines << tr("dense:  H·W·Cin·Cout = %1·%2·%3 = %4 MACs")
                     .arg(hw)
                     .arg(shape.cin)
                     .arg(shape.cout)
                     .arg(formatCount(cost.denseMacs));
        lines << tr("saving: %1 fewer multiply-adds — each filter reads %2 of %3 input channels")
                     .arg(formatRatio(double(cost.denseMacs) / std::max(cost.macs, 1LL)))
                     .arg(shape.cin / shape.groups)
                     .arg(shape.cin);
    } else {
        lines << tr("H·W·Cin·Cout = %1·%2·%3 = %4 MACs")
                     .arg(hw)
                     .arg(shape.cin)
                     .arg(shape.cout)
                     .arg(formatCount(cost.macs));
        if (shape.ungroupedByPaper)
            note =
                tr("Not grouped: too few input channels (paper). Its %1 inputs come from the stem; "
                   "every output reads all of them. The shuffle after it still splits the %2 "
                   "outputs into g = %3 groups.")
                    .arg(shape.cin)
                    .arg(shape.cout)
                    .arg(shape.configGroups);
        else
            note = tr("g = 1: a dense 1×1 convolution — every output reads every input.");
    }

    // Each line whole when it fits, else wrapped onto two; the note at most half the room.
    const double linesHeight = fitBlock(lines, bold, font, area.width(), 1e9).height;
    const double noteHeight =
        note.isEmpty() ? 0
                       : std::min(measureNote(area.width(), note, ctx),
                                  std::max(maxHeight * 0.5,
                                           maxHeight - linesHeight - lineHeight(font) * 0.9)) +
                             lineHeight(font) * 0.5;
    const TextBlock block =
        fitBlock(lines, bold, font, area.width(),
                 std::max(maxHeight - noteHeight - lineHeight(font) * 0.4, 0.0));
    const double height = block.height + noteHeight + lineHeight(font) * 0.4;
    double y = area.bottom() - height + lineHeight(font) * 0.4;
    if (!note.isEmpty()) {
        drawNote(painter, QRectF(area.left(), y, area.width(), noteHeight - lineHeight(font) * 0.5),
                 note, ctx, ctx.theme.accent);
        y += noteHeight;
    }
    drawBlock(painter, {area.left(), y}, area.width(), block, ctx.theme.text, ctx.theme.dimText);
    return height;
}

}  // namespace shufflescope::ui
