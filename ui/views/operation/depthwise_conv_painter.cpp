#include "views/operation/depthwise_conv_painter.h"

#include <QFontMetricsF>
#include <QPainterPath>
#include <algorithm>

#include "shufflescope/analysis/channel_groups.h"
#include "style/palette.h"
#include "views/operation/operation_geometry.h"

namespace shufflescope::ui {

using namespace geometry;

namespace {

constexpr double kScanBegin = 0.05, kScanEnd = 0.95;

// The 3x3 window drawn over an input map whose pixels are `scale` wide; clipped to the map so the
// zero-padding border shows as the part that falls outside.
void drawWindow(QPainter& painter, const QRectF& map, double scale, int row, int col,
                const QColor& colour, double width, Qt::PenStyle style) {
    const QRectF window(map.left() + col * scale, map.top() + row * scale, 3 * scale, 3 * scale);
    painter.setPen(QPen(colour, width, style));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(window);
}

// A 3x3 kernel glyph: the filter of one channel, in its group's colour.
void drawKernel(QPainter& painter, const QRectF& rect, const QColor& colour, const Theme& theme) {
    const double cell = rect.width() / 3;
    painter.setPen(QPen(theme.background, std::max(1.0, cell * 0.08)));
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            // A little variation so the nine weights read as nine numbers, not one block.
            const double shade = 0.55 + 0.45 * (((r * 3 + c) * 37) % 9) / 8.0;
            painter.setBrush(mix(theme.background, colour, shade));
            painter.drawRect(QRectF(rect.left() + c * cell, rect.top() + r * cell, cell, cell));
        }
}

}  // namespace

std::vector<int> DepthwiseConvPainter::shownChannels(const PaintContext& ctx, int count) {
    const Network& network = *ctx.snapshot.network;
    const int channels = ctx.current().out.channels;
    std::vector<int> shown;
    std::vector<int> groupsSeen;
    const auto take = [&](int c) {
        shown.push_back(c);
        groupsSeen.push_back(channelGroup(network, ctx.step, c));
    };
    if (ctx.selectedChannel >= 0 && ctx.selectedChannel < channels) take(ctx.selectedChannel);
    for (int c = 0; c < channels && static_cast<int>(shown.size()) < count; ++c) {
        const int group = channelGroup(network, ctx.step, c);
        if (std::find(groupsSeen.begin(), groupsSeen.end(), group) == groupsSeen.end()) take(c);
    }
    // Fewer groups than rows (g = 1, 2): fill with the next channels.
    for (int c = 0; c < channels && static_cast<int>(shown.size()) < count; ++c)
        if (std::find(shown.begin(), shown.end(), c) == shown.end()) take(c);
    return shown;
}

void DepthwiseConvPainter::paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                                 HitRegions& hits) const {
    const Step& s = ctx.current();
    const Step& in = ctx.input();
    const Theme& theme = ctx.theme;
    const Network& network = *ctx.snapshot.network;
    const StepCost& cost = ctx.snapshot.cost.steps.at(static_cast<std::size_t>(ctx.step));
    const Tensor& inputMaps = ctx.snapshot.output(s.inputs[0]);
    const Tensor& outputMaps = ctx.snapshot.output(ctx.step);
    const QFont captionFont = ctx.font(1.1, true);
    const QFont labelFont = ctx.font(1.0, true);
    const QFont font = ctx.font(1.0);
    const QFont formulaFont = ctx.font(1.15);
    const double line = lineHeight(font);

    const double t = ctx.textPx();

    // [SECTION] Caption and formula
    const WrappedText caption = fitParagraph(
        captionFont, tr("One 3×3 filter per channel: channel c is computed from channel c alone"),
        area.width(), 2);
    drawWrappedText(painter, QRectF(area.left(), area.top(), area.width(), caption.height), caption,
                    theme.text);
    const long long dense = 1LL * s.out.height * s.out.width * s.out.channels * in.out.channels * 9;
    const QString grouped = tr("depthwise:  H·W·C·9 = %1·%2·%3·9 = %4 MACs")
                                .arg(s.out.height)
                                .arg(s.out.width)
                                .arg(s.out.channels)
                                .arg(formatCount(cost.macs));
    const QString denseText = tr("a dense 3×3 conv:  H·W·C·C·9 = %1·%2·%3·%4·9 = %5 MACs (%6 more)")
                                  .arg(s.out.height)
                                  .arg(s.out.width)
                                  .arg(s.out.channels)
                                  .arg(in.out.channels)
                                  .arg(formatCount(dense))
                                  .arg(formatRatio(double(dense) / std::max(cost.macs, 1LL)));
    // The formula: at most a quarter of the height (it shrinks, then loses its second line).
    const TextBlock formula = fitBlock({grouped, denseText}, ctx.font(1.15, true), formulaFont,
                                       area.width(), area.height() * 0.25);
    const double formulaTop = area.bottom() - formula.height;
    drawBlock(painter, {area.left(), formulaTop}, area.width(), formula, theme.text, theme.dimText);

    // [SECTION] Rows: input map * own kernel -> output map
    const double rowsTop = area.top() + caption.height + caption.lineHeight * 0.5;
    const QRectF rows(area.left(), rowsTop, area.width(),
                      std::max(0.0, formulaTop - rowsTop - line * 0.4));
    const QString strideText =
        s.stride == 2 ? tr("Stride 2: the window jumps 2 pixels, so %1×%2 becomes %3×%4.")
                            .arg(in.out.height)
                            .arg(in.out.width)
                            .arg(s.out.height)
                            .arg(s.out.width)
                      : tr("Stride 1, padding 1: the window visits every pixel; %1×%2 stays %3×%4.")
                            .arg(in.out.height)
                            .arg(in.out.width)
                            .arg(s.out.height)
                            .arg(s.out.width);
    // A side column (the stride note, a magnified corner, why) on a wide view; on a narrow one
    // the stride note goes under the rows, full width.
    const bool sideColumn = rows.width() >= t * 30;
    const double sideWidth = sideColumn ? std::min(rows.width() * 0.3, t * 19) : 0;
    const QRectF side(rows.right() - sideWidth, rows.top(), sideWidth, rows.height());
    QRectF lanes(rows.left(), rows.top(), rows.width() - (sideColumn ? sideWidth + t * 1.5 : 0),
                 rows.height());
    if (!sideColumn) {
        // Only when the maps keep a useful height: the labels under them show the stride too.
        const double noteHeight = measureNote(rows.width(), strideText, ctx);
        if (rows.height() - noteHeight - line * 0.5 >= t * 9) {
            drawNote(painter,
                     QRectF(rows.left(), rows.bottom() - noteHeight, rows.width(), noteHeight),
                     strideText, ctx, theme.accent);
            lanes.setHeight(rows.height() - noteHeight - line * 0.5);
        }
    }
    // Two large rows read from the back of a room; a third only when there is height to spare.
    const int rowCount = lanes.height() > t * 36 ? 3 : lanes.height() > t * 20 ? 2 : 1;
    const std::vector<int> shown = shownChannels(ctx, rowCount);
    const double rowHeight = lanes.height() / rowCount;
    const double longest = std::max(in.out.height, in.out.width);
    // Map pixels as large as the row's height allows, and small enough that input ∗ kernel →
    // output fits across the lane.
    const QFont opFont = ctx.font(1.8, true);
    const QString own = tr("its own 3×3");
    const double acrossFixed = t * 0.8 + textWidth(opFont, QStringLiteral("∗")) + t * 0.5 +
                               std::max(t * 4.2, textWidth(ctx.font(0.85), own)) + t * 3.9;
    const double scale =
        std::max(0.5, std::min(std::max(rowHeight - line * 2.7, 24.0) / (longest + s.padding),
                               (lanes.width() - acrossFixed) / (in.out.width + s.out.width)));
    const double mapSide = scale * longest;
    const QSizeF inSize(in.out.width * scale, in.out.height * scale);
    const QSizeF outSize(s.out.width * scale, s.out.height * scale);
    const double kernelSide = std::min(mapSide * 0.45, t * 4.2);
    // Linear in time: the window moves at a steady pace, like a real scan.
    const double scanProgress =
        std::clamp((ctx.progress - kScanBegin) / (kScanEnd - kScanBegin), 0.0, 1.0);
    const KernelScan scan =
        kernelScan(scanProgress, s.out.height, s.out.width, s.stride, s.padding);
    const bool finished = ctx.progress >= 1.0;
    const QColor windowColour = theme.dark ? QColor(Qt::white) : QColor(Qt::black);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (std::size_t r = 0; r < shown.size(); ++r) {
        const int c = shown[r];
        const int group = channelGroup(network, ctx.step, c);
        const QColor colour = groupColor(group);
        const double top = lanes.top() + r * rowHeight;
        // Room above the map for the window's padding row, which sticks out by one pixel.
        const double mapTop = top + line * 1.3 + scale * s.padding;
        double x = lanes.left();
        const QString label =
            group >= 0 ? tr("channel %1 (group %2)").arg(c).arg(group) : tr("channel %1").arg(c);
        drawText(painter, {x, top}, label, labelFont, groupTextColor(group, theme), lanes.width());
        if (c == ctx.selectedChannel) {
            painter.setPen(QPen(theme.text, 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(QRectF(x - 6, top - 3, lanes.width() + 12, rowHeight - 6), 6,
                                    6);
        }

        const QRectF inRect(x, mapTop, inSize.width(), inSize.height());
        drawPixels(painter, inRect, channelImage(inputMaps, c), theme);
        const double penWidth = std::max(2.0, scale * 0.5);
        if (finished) {
            // The still picture: the first window and, dashed, where the stride moves it next.
            drawWindow(painter, inRect, scale, -s.padding, -s.padding, windowColour, penWidth,
                       Qt::SolidLine);
            drawWindow(painter, inRect, scale, -s.padding, s.stride - s.padding, colour, penWidth,
                       Qt::DashLine);
        } else {
            drawWindow(painter, inRect, scale, scan.inRow, scan.inCol, windowColour, penWidth,
                       Qt::SolidLine);
        }
        drawText(painter, {inRect.left(), inRect.bottom() + 2},
                 tr("%1 × %2").arg(in.out.height).arg(in.out.width), ctx.font(0.85), theme.dimText);
        x = inRect.right() + ctx.textPx() * 0.8;

        // ∗ its own kernel
        drawText(painter, {x, mapTop + inSize.height() / 2 - lineHeight(opFont) / 2},
                 QStringLiteral("∗"), opFont, theme.text);
        x += textWidth(opFont, QStringLiteral("∗")) + ctx.textPx() * 0.5;
        // The kernel centred over its label: the label decides the column's width.
        const double ownWidth = textWidth(ctx.font(0.85), own);
        const double kernelColumn = std::max(kernelSide, ownWidth);
        const QRectF kernelRect(x + (kernelColumn - kernelSide) / 2,
                                mapTop + inSize.height() / 2 - kernelSide / 2, kernelSide,
                                kernelSide);
        drawKernel(painter, kernelRect, colour, theme);
        drawText(painter, {x + (kernelColumn - ownWidth) / 2, kernelRect.bottom() + 3}, own,
                 ctx.font(0.85), theme.dimText);
        x += kernelColumn + ctx.textPx() * 0.8;

        const QPointF arrowFrom(x, mapTop + inSize.height() / 2);
        x += ctx.textPx() * 2.5;
        drawArrow(painter, arrowFrom, {x, arrowFrom.y()}, theme.dimText, 2.5 * ctx.fontScale);
        x += ctx.textPx() * 0.6;

        // The output map, revealed in raster order as far as the scan has come.
        const QRectF outRect(x, mapTop + (inSize.height() - outSize.height()) / 2, outSize.width(),
                             outSize.height());
        painter.setPen(Qt::NoPen);
        painter.setBrush(theme.faint);
        painter.drawRect(outRect);
        painter.save();
        QPainterPath reveal;
        const int width = std::max(s.out.width, 1);
        const int fullRows = scan.done / width, partial = scan.done % width;
        reveal.addRect(QRectF(outRect.left(), outRect.top(), outRect.width(), fullRows * scale));
        reveal.addRect(
            QRectF(outRect.left(), outRect.top() + fullRows * scale, partial * scale, scale));
        painter.setClipPath(reveal);
        drawPixels(painter, outRect, channelImage(outputMaps, c), theme);
        painter.restore();
        painter.setPen(QPen(theme.outline, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(outRect);
        if (!finished && scan.done < s.out.height * s.out.width) {
            const QRectF cell(outRect.left() + scan.outCol * scale,
                              outRect.top() + scan.outRow * scale, scale, scale);
            painter.setPen(QPen(windowColour, penWidth));
            painter.drawRect(cell.adjusted(-1, -1, 1, 1));
        }
        drawText(painter, {outRect.left(), outRect.bottom() + 2},
                 tr("%1 × %2").arg(s.out.height).arg(s.out.width), ctx.font(0.85), theme.dimText);
        hits.add(QRectF(lanes.left(), top, lanes.width(), rowHeight), c);
    }
    painter.restore();

    // [SECTION] Side: the stride, magnified
    if (!sideColumn) return;
    double y = side.top();
    y += drawNote(painter,
                  QRectF(side.left(), y, side.width(),
                         std::min(measureNote(side.width(), strideText, ctx), side.height())),
                  strideText, ctx, theme.accent) +
         line * 0.6;
    const double insetSide = std::min(side.width(), side.bottom() - y - line * 4.5);
    if (insetSide > line * 4 && !shown.empty()) {
        paintStrideInset(painter, QRectF(side.left(), y, insetSide, insetSide), ctx, shown.front());
        y += insetSide + line * 1.8;
    }
    const QString why =
        tr("No mixing across channels here: mixing is left to the 1×1 convolutions.");
    const QRectF whyRect(side.left(), y, side.width(), side.bottom() - y);
    const WrappedText whyText = wrapText(font, why, whyRect.width(), whyRect.height(), 0.85);
    if (whyText.fits) drawWrappedText(painter, whyRect, whyText, theme.dimText);
}

void DepthwiseConvPainter::paintStrideInset(QPainter& painter, const QRectF& rect,
                                            const PaintContext& ctx, int channel) const {
    // The top-left corner of one input map, magnified: padding cells (zeros), the first window
    // and, dashed, the next one `stride` pixels to the right.
    const Step& s = ctx.current();
    const Theme& theme = ctx.theme;
    const Tensor& maps = ctx.snapshot.output(s.inputs[0]);
    const QImage image = channelImage(maps, channel);
    constexpr int kCells = 7;  // padding row/column plus 6 pixels
    const double cell = rect.width() / kCells;
    painter.save();
    for (int r = 0; r < kCells; ++r)
        for (int c = 0; c < kCells; ++c) {
            const int y = r - s.padding, x = c - s.padding;
            const QRectF box(rect.left() + c * cell, rect.top() + r * cell, cell, cell);
            const bool inside = y >= 0 && x >= 0 && y < image.height() && x < image.width();
            painter.setPen(QPen(theme.background, 1));
            painter.setBrush(inside ? QColor(image.pixel(x, y)) : theme.faint);
            painter.drawRect(box);
            if (!inside) {
                QFont zero = ctx.font(0.7);
                zero.setPixelSize(std::max(8, std::min(zero.pixelSize(), int(cell * 0.7))));
                painter.setFont(zero);
                painter.setPen(theme.dimText);
                painter.drawText(box, Qt::AlignCenter, QStringLiteral("0"));
            }
        }
    const QColor colour = groupColor(channelGroup(*ctx.snapshot.network, ctx.step, channel));
    const double pen = std::max(3.0, cell * 0.12);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(theme.dark ? QColor(Qt::white) : QColor(Qt::black), pen));
    painter.drawRect(QRectF(rect.left(), rect.top(), 3 * cell, 3 * cell)
                         .adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2));
    painter.setPen(QPen(colour, pen, Qt::DashLine));
    painter.drawRect(QRectF(rect.left() + s.stride * cell, rect.top(), 3 * cell, 3 * cell)
                         .adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2));
    painter.restore();
    // The step, over the map's pixels: a halo under the arrow and a plate under the number keep
    // them readable on any colour.
    const QPointF from(rect.left() + 1.5 * cell, rect.top() + 3.5 * cell);
    const QPointF to(rect.left() + (1.5 + s.stride) * cell, rect.top() + 3.5 * cell);
    drawArrow(painter, from - QPointF(1.5, 0), to + QPointF(2.5, 0), theme.background,
              3 * ctx.fontScale + 3);
    drawArrow(painter, from, to, theme.text, 3 * ctx.fontScale);
    const QFont stepFont = ctx.font(0.9, true);
    const QString step = tr("+%1").arg(s.stride);
    const QRectF plate(to.x() + cell * 0.4, to.y() - lineHeight(stepFont) / 2,
                       textWidth(stepFont, step) + ctx.textPx() * 0.4, lineHeight(stepFont));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(withAlpha(theme.background, 0.85));
    painter.drawRoundedRect(plate, plate.height() / 4, plate.height() / 4);
    painter.restore();
    drawText(painter, {plate.left() + ctx.textPx() * 0.2, plate.top()}, step, stepFont, theme.text);
    // One line when it fits; else the short wording, on two lines if need be.
    const FittedText caption =
        fitText(ctx.font(0.8), tr("magnified corner: grey = zero padding"), rect.width(), 0.85);
    if (!caption.elided)
        drawFitted(painter, {rect.left(), rect.bottom() + 2}, caption, theme.dimText);
    else
        drawParagraph(painter, {rect.left(), rect.bottom() + 2}, rect.width(),
                      tr("grey = zero padding"), ctx.font(0.8), theme.dimText);
}

}  // namespace shufflescope::ui
