#include "views/operation/head_painter.h"

#include <algorithm>
#include <cmath>

#include "shufflescope/analysis/colormap.h"
#include "shufflescope/analysis/feature_statistics.h"
#include "text/engine_text.h"
#include "views/operation/operation_geometry.h"

namespace shufflescope::ui {

using namespace geometry;

namespace {

QColor qColourOf(float value, const ValueRange& range) {
    const Rgb c = shufflescope::colourOf(value, range);
    return QColor(c[0], c[1], c[2]);
}

// A vector of values as a strip of cells (horizontal or vertical), coloured by value.
void drawVectorStrip(QPainter& painter, const QRectF& rect, const std::vector<float>& values,
                     bool vertical, const Theme& theme) {
    if (values.empty()) return;
    const ValueRange range = valueRange(values.data(), static_cast<long long>(values.size()));
    painter.save();
    painter.setPen(Qt::NoPen);
    const double n = double(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        painter.setBrush(qColourOf(values[i], range));
        if (vertical)
            painter.drawRect(QRectF(rect.left(), rect.top() + i * rect.height() / n, rect.width(),
                                    std::max(rect.height() / n, 0.7)));
        else
            painter.drawRect(QRectF(rect.left() + i * rect.width() / n, rect.top(),
                                    std::max(rect.width() / n, 0.7), rect.height()));
    }
    painter.setPen(QPen(theme.outline, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect);
    painter.restore();
}

std::vector<float> vectorOf(const Tensor& t) {
    return std::vector<float>(t.data(), t.data() + t.size());
}

}  // namespace

void HeadPainter::paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                        HitRegions& hits) const {
    switch (ctx.current().kind) {
        case StepKind::GlobalAvgPool:
            paintGlobalPool(painter, area, ctx, hits);
            break;
        case StepKind::FullyConnected:
            paintFullyConnected(painter, area, ctx);
            break;
        case StepKind::Softmax:
            paintSoftmax(painter, area, ctx);
            break;
        default:
            break;
    }
}

// [SECTION] Global average pool

void HeadPainter::paintGlobalPool(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                                  HitRegions& hits) const {
    const Step& s = ctx.current();
    const Step& in = ctx.input();
    const Theme& theme = ctx.theme;
    const QFont caption = ctx.font(1.3, true), font = ctx.font(1.0), small = ctx.font(0.85);
    const double line = lineHeight(font);
    const double captionHeight =
        drawParagraph(painter, area.topLeft(), area.width(),
                      tr("Each channel's %1 × %2 map becomes one number: its mean")
                          .arg(in.out.height)
                          .arg(in.out.width),
                      caption, theme.text);
    const std::vector<float> pooled = vectorOf(ctx.snapshot.output(ctx.step));
    const std::vector<int> strongest = topIndices(pooled, 6);
    const double top = area.top() + captionHeight + lineHeight(caption) * 0.6;
    const double stripHeight = std::clamp(area.height() * 0.09, 22.0, 48.0);
    const double rowsBottom = area.bottom() - stripHeight - line * 3.5;
    drawText(painter, {area.left(), top}, tr("the six channels with the largest means:"),
             ctx.font(1.0, true), theme.text, area.width());
    // Three columns of two, or two of three on a narrow view: whichever gives larger maps. In
    // each: map → its mean as a colour and a number, all inside the column.
    const double valueWidth = textWidth(font, QStringLiteral("-00.00"));
    const double arrowRoom = ctx.textPx() * 2.6;
    int columns = 3;
    double thumb = 0, columnWidth = 0, rowHeight = 0;
    for (int cols : {3, 2}) {
        const double w = area.width() / cols;
        const double h = (rowsBottom - top - line * 1.4) / (6 / cols);
        const double side = std::min({h - line * 1.4, w * 0.45,
                                      (w - arrowRoom - 6 - valueWidth - ctx.textPx() * 0.5) / 1.4});
        if (side > thumb * 1.15) {
            thumb = side;
            columns = cols;
            columnWidth = w;
            rowHeight = h;
        }
    }
    const ValueRange pooledRange = valueRange(pooled.data(), static_cast<long long>(pooled.size()));
    for (std::size_t i = 0; i < strongest.size() && thumb > 4; ++i) {
        const int c = strongest[i];
        const double x = area.left() + double(int(i) % columns) * columnWidth;
        const double y = top + line * 1.4 + double(int(i) / columns) * rowHeight;
        const QRectF map(x, y, thumb, thumb);
        drawPixels(painter, map, channelImage(ctx.snapshot.output(s.inputs[0]), c), theme);
        const double t = phaseProgress(ctx.progress, 0.1 + 0.08 * i, 0.5 + 0.08 * i);
        drawArrow(painter, {map.right() + 6, map.center().y()},
                  {map.right() + 6 + (arrowRoom - ctx.textPx() * 0.6) * t + 1, map.center().y()},
                  theme.dimText, 2 * ctx.fontScale);
        const double cell = thumb * 0.4;
        const QRectF value(map.right() + arrowRoom, map.center().y() - cell / 2, cell, cell);
        painter.save();
        painter.setOpacity(t);
        painter.fillRect(value, qColourOf(pooled[static_cast<std::size_t>(c)], pooledRange));
        painter.restore();
        drawText(painter, {value.right() + 6, value.center().y() - line / 2},
                 QString::number(pooled[static_cast<std::size_t>(c)], 'f', 2), font, theme.text,
                 x + columnWidth - value.right() - 6 - ctx.textPx() * 0.3);
        drawText(painter, {x, map.bottom() + 2}, tr("channel %1").arg(c), small, theme.dimText,
                 columnWidth - ctx.textPx() * 0.3);
    }
    const QRectF strip(area.left(), area.bottom() - stripHeight - line * 1.3, area.width(),
                       stripHeight);
    drawText(painter, {area.left(), strip.top() - line * 1.3},
             tr("all %1 means: the image's feature vector, %1 × 1 × 1").arg(s.out.channels),
             ctx.font(1.0, true), theme.text, area.width());
    drawVectorStrip(painter, strip, pooled, false, theme);
    for (int c = 0; c < s.out.channels; ++c)
        hits.add(QRectF(strip.left() + c * strip.width() / s.out.channels, strip.top(),
                        std::max(strip.width() / s.out.channels, 1.0), strip.height()),
                 c);
    if (ctx.selectedChannel >= 0 && ctx.selectedChannel < s.out.channels) {
        const double x =
            strip.left() + (ctx.selectedChannel + 0.5) * strip.width() / s.out.channels;
        painter.setPen(QPen(theme.text, 2));
        painter.drawLine(QPointF(x, strip.top() - 4), QPointF(x, strip.bottom() + 4));
    }
}

// [SECTION] Fully connected

void HeadPainter::paintFullyConnected(QPainter& painter, const QRectF& area,
                                      const PaintContext& ctx) const {
    const Step& s = ctx.current();
    const Step& in = ctx.input();
    const Theme& theme = ctx.theme;
    const StepCost& cost = ctx.snapshot.cost.steps.at(static_cast<std::size_t>(ctx.step));
    const QFont caption = ctx.font(1.3, true), font = ctx.font(1.0), bold = ctx.font(1.0, true);
    const QFont formula = ctx.font(1.15, true);
    const double line = lineHeight(font);
    const double t = ctx.textPx();
    const double captionHeight = drawParagraph(
        painter, area.topLeft(), area.width(),
        tr("logits = W · x + b: every class reads all %1 features (dense)").arg(in.out.channels),
        caption, theme.text);
    const TextBlock formulaBlock =
        fitBlock({tr("Cin · classes = %1 · %2 = %3 MACs")
                      .arg(in.out.channels)
                      .arg(s.out.channels)
                      .arg(formatCount(cost.macs)),
                  tr("%1 parameters: the %2 × %3 weight matrix and %2 biases")
                      .arg(formatCount(cost.params))
                      .arg(s.out.channels)
                      .arg(in.out.channels)},
                 formula, ctx.font(1.15), area.width(), area.height() * 0.3);
    const double formulaTop = area.bottom() - formulaBlock.height;
    drawBlock(painter, {area.left(), formulaTop}, area.width(), formulaBlock, theme.text,
              theme.dimText);

    const double top = area.top() + captionHeight + lineHeight(caption) * 0.5 + line * 1.2;
    const double height = std::max(0.0, formulaTop - top - line * 1.5);
    const double column = std::clamp(area.width() * 0.04, 20.0, 44.0);
    // Across: x, W, logits and the list of the largest logits; the gaps and then the list give
    // way on a narrow view, the matrix keeps at least a few text heights.
    const std::vector<int> top5 = topIndices(ctx.snapshot.logits, 5);
    const QFont listFont = ctx.font(1.1);
    const auto listEntry = [&](int c) {
        return tr("%1   %2").arg(
            displayClassLabel(ctx.snapshot.config(), c),
            QString::number(ctx.snapshot.logits[static_cast<std::size_t>(c)], 'f', 2));
    };
    double listWidth = textWidth(bold, tr("largest logits"));
    for (int c : top5) listWidth = std::max(listWidth, textWidth(listFont, listEntry(c)));
    const QString logitsLabel = tr("logits (%1)").arg(s.out.channels);
    double gap = t * 4;
    const double logitsColumn = std::max(column, textWidth(bold, logitsLabel) - t);
    const auto matrixRoom = [&] {
        return area.width() - (t * 2 + column + 2 * gap + logitsColumn +
                               (listWidth > 0 ? t * 2.5 + listWidth : 0));
    };
    if (matrixRoom() < t * 6) gap = t * 2;
    if (matrixRoom() < t * 6) listWidth = 0;  // no room for the list: the logits strip stays
    const double matrixWidth = std::max(t * 2, std::min(height * 0.9, matrixRoom()));
    const QRectF features(area.left() + t * 2, top, column, height);
    const QRectF matrix(features.right() + gap, top, matrixWidth, height);
    const QRectF logits(matrix.right() + gap, top, column, height);
    drawText(painter, {features.left() - t, top - line * 1.2}, tr("x (%1)").arg(in.out.channels),
             bold, theme.text, matrix.left() - features.left() + t * 0.5);
    drawTextVariants(
        painter, {matrix.left(), top - line * 1.2},
        {tr("W: %1 × %2").arg(s.out.channels).arg(in.out.channels), QStringLiteral("W")}, bold,
        theme.text, logits.left() - t * 1.5 - matrix.left());
    drawText(painter, {logits.left() - t, top - line * 1.2}, logitsLabel, bold, theme.text,
             area.right() - logits.left() + t);
    drawVectorStrip(painter, features, vectorOf(ctx.snapshot.output(s.inputs[0])), true, theme);
    const double fill = phaseProgress(ctx.progress, 0.05, 0.7);
    painter.save();
    painter.setPen(QPen(theme.outline, 1));
    painter.setBrush(QBrush(withAlpha(theme.accent, 0.35)));
    painter.drawRect(QRectF(matrix.left(), matrix.top(), matrix.width(), matrix.height() * fill));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(matrix);
    painter.restore();
    if (fill >= 1) {
        // Inside the matrix, only when it fits there whole.
        const QRectF inside = matrix.adjusted(ctx.textPx(), 0, -ctx.textPx(), 0);
        const WrappedText note =
            wrapText(ctx.font(1.0, true),
                     tr("%1 weights, every one used: the classifier is not grouped")
                         .arg(formatCount(1LL * s.out.channels * in.out.channels)),
                     inside.width(), inside.height(), 0.8);
        if (note.fits) drawWrappedText(painter, inside, note, theme.text, Qt::AlignCenter);
    }
    drawArrow(painter, {features.right() + 6, features.center().y()},
              {matrix.left() - 6, features.center().y()}, theme.dimText, 2.5 * ctx.fontScale);
    drawArrow(painter, {matrix.right() + 6, features.center().y()},
              {logits.left() - 6, features.center().y()}, theme.dimText, 2.5 * ctx.fontScale);
    if (ctx.progress >= 0.7) drawVectorStrip(painter, logits, ctx.snapshot.logits, true, theme);

    // The largest logits, by class.
    if (listWidth <= 0) return;
    const double listLeft = logits.left() + logitsColumn + t * 2.5;
    const double listRoom = area.right() - listLeft;
    drawText(painter, {listLeft, top - line * 1.2}, tr("largest logits"), bold, theme.text,
             listRoom);
    for (std::size_t i = 0; i < top5.size(); ++i) {
        const double y = top + i * line * 1.4;
        if (y + lineHeight(listFont) > formulaTop) break;
        drawText(painter, {listLeft, y}, listEntry(top5[i]), listFont, theme.text, listRoom);
    }
}

// [SECTION] Softmax

void HeadPainter::paintSoftmax(QPainter& painter, const QRectF& area,
                               const PaintContext& ctx) const {
    const Theme& theme = ctx.theme;
    const QFont caption = ctx.font(1.3, true);
    QFont font = ctx.font(1.2), bold = ctx.font(1.2, true);
    double top = area.top();
    top += drawParagraph(painter, area.topLeft(), area.width(),
                         tr("p = e^z / Σ e^z: every probability positive, together 1"), caption,
                         theme.text) +
           lineHeight(caption) * 0.6;
    if (!ctx.snapshot.trained) {
        const QString note =
            tr("Untrained model — weights: %1. These probabilities mean nothing yet: the "
               "network was never taught anything.")
                .arg(ctx.snapshot.weightsDescription);
        top +=
            drawNote(
                painter,
                QRectF(area.left(), top, area.width(),
                       std::min(measureNote(area.width(), note, ctx), (area.bottom() - top) * 0.4)),
                note, ctx, QColor(0xD5, 0x5E, 0x00)) +
            lineHeight(font) * 0.6;
    }
    // Every listed class gets a row a line tall: fewer classes (the rest summed up) rather than
    // rows that overlap, and only then smaller text.
    const int classes = static_cast<int>(ctx.snapshot.probabilities.size());
    const auto rowsFor = [&](int n) { return std::max(n + (classes > n ? 1 : 0), 1); };
    int shown = std::min(classes, ctx.snapshot.config().classes <= 10 ? 10 : 5);
    while (shown > 3 && (area.bottom() - top) / rowsFor(shown) < lineHeight(font) * 1.15) --shown;
    const std::vector<int> best = topIndices(ctx.snapshot.probabilities, shown);
    const bool rest = classes > shown;  // a last line for the classes not listed
    const double rowHeight =
        std::max(0.0, std::min((area.bottom() - top) / rowsFor(shown), lineHeight(font) * 2.2));
    if (rowHeight < lineHeight(font) * 1.05) {
        const double scale = std::max(0.6, rowHeight / (lineHeight(font) * 1.05));
        font = scaledFont(font, scale);
        bold = scaledFont(bold, scale);
    }
    const double line = lineHeight(font);
    double labelWidth = 0;
    for (int c : best)
        labelWidth =
            std::max(labelWidth, textWidth(bold, displayClassLabel(ctx.snapshot.config(), c)));
    labelWidth = std::min(labelWidth + ctx.textPx(), area.width() * 0.45);
    const double barMax = std::max(
        0.0, area.width() - labelWidth - textWidth(bold, QStringLiteral("100.0%")) - ctx.textPx());
    const double maxP =
        best.empty() ? 1.0 : ctx.snapshot.probabilities[static_cast<std::size_t>(best[0])];
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < best.size(); ++i) {
        const int c = best[i];
        const double p = ctx.snapshot.probabilities[static_cast<std::size_t>(c)];
        const double y = top + i * rowHeight;
        const double grow = phaseProgress(ctx.progress, 0.05 + 0.06 * i, 0.6 + 0.06 * i);
        drawText(painter, {area.left(), y + (rowHeight - line) / 2},
                 displayClassLabel(ctx.snapshot.config(), c), i == 0 ? bold : font, theme.text,
                 labelWidth - ctx.textPx() * 0.5);
        // Bars against the largest probability, so small ones stay visible; the number is exact.
        const double length = barLength(p, maxP, barMax) * grow;
        painter.setPen(Qt::NoPen);
        painter.setBrush(i == 0 ? theme.accent : withAlpha(theme.accent, 0.55));
        painter.drawRoundedRect(QRectF(area.left() + labelWidth, y + rowHeight * 0.18,
                                       std::max(length, 2.0), rowHeight * 0.64),
                                4, 4);
        drawText(
            painter,
            {area.left() + labelWidth + length + ctx.textPx() * 0.5, y + (rowHeight - line) / 2},
            QStringLiteral("%1%").arg(QString::number(100.0 * p, 'f', 1)), i == 0 ? bold : font,
            theme.text);
    }
    painter.restore();
    if (rest) {
        double listed = 0;
        for (int c : best) listed += ctx.snapshot.probabilities[static_cast<std::size_t>(c)];
        drawText(painter, {area.left(), top + shown * rowHeight + (rowHeight - line) / 2},
                 tr("the other %1 classes together: %2%")
                     .arg(classes - shown)
                     .arg(QString::number(100.0 * std::max(0.0, 1.0 - listed), 'f', 1)),
                 font, theme.dimText, area.width());
    }
}

}  // namespace shufflescope::ui
