#include "views/operation/channel_shuffle_painter.h"

#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <optional>

#include "shufflescope/analysis/channel_groups.h"
#include "style/palette.h"
#include "views/operation/operation_geometry.h"

namespace shufflescope::ui {

using namespace geometry;

namespace {

QRectF tokenRect(QPointF centre, QSizeF size) {
    return {centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(),
            size.height()};
}

// The font for channel numbers inside tokens of `side` pixels, so the largest number fits;
// none when it would be too small to read.
std::optional<QFont> numberFontFor(double side, int largest, const PaintContext& ctx) {
    const double digits = QString::number(largest).size();
    const int px =
        static_cast<int>(std::min({ctx.textPx() * 0.75, (side - 3) / (digits * 0.62), side * 0.7}));
    if (px < 9) return std::nullopt;
    QFont font = ctx.font(0.75, true);
    font.setPixelSize(px);
    return font;
}

// One token, with its channel number inside when a readable font fits (small C, large tokens).
void drawToken(QPainter& painter, const QRectF& rect, const QColor& colour, int number,
               const std::optional<QFont>& numberFont, const Theme& theme) {
    painter.setPen(rect.width() >= 6 ? QPen(withAlpha(theme.outline, 0.8), 1) : Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRect(rect);
    if (number >= 0 && numberFont) {
        painter.setFont(*numberFont);
        painter.setPen(textOn(colour));
        painter.drawText(rect, Qt::AlignCenter, QString::number(number));
    }
}

// Index labels under a flat row, every `stride`-th slot.
void drawRowIndices(QPainter& painter, const ShuffleLayout& layout, ShufflePhase phase,
                    const QFont& font, const Theme& theme) {
    const int stride =
        labelStride(rowSlotWidth(layout), textWidth(font, QString::number(layout.channels)) * 1.5);
    const QRectF& row = phase == ShufflePhase::Output ? layout.outputRow : layout.inputRow;
    painter.setFont(font);
    painter.setPen(theme.dimText);
    for (int k = 0; k < layout.channels; k += stride) {
        const QPointF c = rowSlotCenter(layout, k, phase);
        const QString text = QString::number(k);
        const double w = textWidth(font, text);
        painter.drawText(QRectF(c.x() - w / 2 - 2, row.bottom() + 1, w + 4, lineHeight(font)),
                         Qt::AlignCenter, text);
    }
}

// Brackets under the output row: the slices the next grouped 1x1 convolution reads as its
// groups. With the shuffle each slice holds every colour; without it, one.
void drawNextGroups(QPainter& painter, const ShuffleLayout& layout, int groups, const QFont& font,
                    const Theme& theme) {
    const int n = layout.channels / groups;
    const double half = rowSlotWidth(layout) / 2;
    const double y = layout.outputRow.bottom() + lineHeight(font) * 1.35;
    painter.setPen(QPen(theme.dimText, 1.5));
    painter.setFont(font);
    for (int k = 0; k < groups; ++k) {
        const double left = rowSlotCenter(layout, k * n, ShufflePhase::Output).x() - half + 2;
        const double right =
            rowSlotCenter(layout, (k + 1) * n - 1, ShufflePhase::Output).x() + half - 2;
        painter.drawLine(QPointF(left, y), QPointF(right, y));
        painter.drawLine(QPointF(left, y - 4), QPointF(left, y));
        painter.drawLine(QPointF(right, y - 4), QPointF(right, y));
        const QString longText = ChannelShufflePainter::tr("next conv's group %1").arg(k);
        const QString text =
            textWidth(font, longText) + 8 < right - left ? longText : QString::number(k);
        painter.drawText(QRectF(left, y + 1, right - left, lineHeight(font)),
                         Qt::AlignHCenter | Qt::AlignTop, text);
    }
}

}  // namespace

void ChannelShufflePainter::paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                                  HitRegions& hits) const {
    const Step& s = ctx.current();
    const Theme& theme = ctx.theme;
    const Network& network = *ctx.snapshot.network;
    const int channels = s.out.channels;
    const int g = std::max(1, s.groups);
    const bool permutes = s.enabled && g > 1;
    const int n = channels / g;
    const double p = ctx.progress;

    const QFont captionFont = ctx.font(1.1, true);
    const QFont labelFont = ctx.font(1.0, true);
    QFont smallFont = ctx.font(0.8);
    double top = area.top();

    // [SECTION] Caption and note
    const QString caption =
        permutes ? tr("%1 channels in g = %2 groups of n = %3:  reshape (%2, %3) → transpose (%3, "
                      "%2) → flatten")
                       .arg(channels)
                       .arg(g)
                       .arg(n)
                 : tr("%1 channels, identity: every channel stays where it is").arg(channels);
    const WrappedText captionText = fitParagraph(captionFont, caption, area.width(), 2);
    drawWrappedText(painter, QRectF(area.left(), top, area.width(), captionText.height),
                    captionText, theme.text);
    top += captionText.height + captionText.lineHeight * 0.5;

    double bottom = area.bottom();
    if (!permutes) {
        const QString note =
            !s.enabled
                ? tr("Shuffle off. Without the shuffle each group only ever sees its own channels: "
                     "group k of the next grouped convolution reads only what group k produced, "
                     "unit after unit (the boundary effect — see the channel flow).")
                : tr("g = 1: a single group, so there is nothing to mix — the shuffle is the "
                     "identity.");
        // At most a third of the height (the text shrinks to fit): the rows are the picture.
        const double h = std::min(measureNote(area.width(), note, ctx), area.height() * 0.33);
        drawNote(painter, QRectF(area.left(), bottom - h, area.width(), h), note, ctx,
                 s.enabled ? theme.accent : groupColor(5));
        bottom -= h + ctx.textPx();
    }
    const int selected =
        ctx.selectedChannel >= 0 && ctx.selectedChannel < channels ? ctx.selectedChannel : -1;
    const std::vector<int> destination = shuffleDestinations(channels, g, permutes);
    const int sourceOfSelected =
        selected < 0
            ? -1
            : static_cast<int>(std::find(destination.begin(), destination.end(), selected) -
                               destination.begin());
    // The selected channel's journey in numbers, under everything (one or two lines).
    WrappedText journey;
    if (permutes && selected >= 0) {
        const int source = sourceOfSelected;
        const int i = source / n, j = source % n;
        journey = fitParagraph(
            labelFont,
            tr("output %1 ← input %2 (group %3, index %4): row %3 col %4 → row %4 col %3 → "
               "%4·%5 + %3 = %1")
                .arg(selected)
                .arg(source)
                .arg(i)
                .arg(j)
                .arg(g),
            area.width(), 2);
        bottom -= journey.height + journey.lineHeight * 0.4;
    }

    const double labelWidth =
        std::max(textWidth(labelFont, tr("before")), textWidth(labelFont, tr("after"))) +
        ctx.textPx();
    // When the grids do not fit, the small labels give way (to 70%), then the journey line (the
    // rows still show the selected token's path).
    double text = lineHeight(smallFont);
    double labelScale = 1.0;
    QRectF board(area.left() + labelWidth, top, area.width() - labelWidth, bottom - top);
    ShuffleLayout layout = shuffleLayout(board, channels, g, permutes, text);
    for (int attempt = 0; attempt < 2 && permutes && !layout.grids; ++attempt) {
        if (attempt == 1) {
            if (journey.lines.isEmpty()) break;
            board.setBottom(area.bottom());
        }
        for (double scale : {1.0, 0.85, 0.7}) {
            const QFont smaller = ctx.font(0.8 * scale);
            const ShuffleLayout tried =
                shuffleLayout(board, channels, g, permutes, lineHeight(smaller));
            if (!tried.grids) continue;
            smallFont = smaller;
            text = lineHeight(smaller);
            labelScale = scale;
            layout = tried;
            if (attempt == 1) {
                journey = WrappedText{};
                bottom = area.bottom();
            }
            break;
        }
    }
    std::vector<int> groupOf(static_cast<std::size_t>(channels));
    for (int c = 0; c < channels; ++c)
        groupOf[static_cast<std::size_t>(c)] = channelGroup(network, s.inputs[0], c);
    const auto colourOf = [&](int c) { return groupColor(groupOf[static_cast<std::size_t>(c)]); };

    drawText(painter, {area.left(), layout.inputRow.center().y() - lineHeight(labelFont) / 2},
             tr("before"), labelFont, theme.text, labelWidth);
    drawText(painter, {area.left(), layout.outputRow.center().y() - lineHeight(labelFont) / 2},
             tr("after"), labelFont, theme.text, labelWidth);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const std::optional<QFont> rowNumbers =
        numberFontFor(layout.rowToken.width(), channels - 1, ctx);
    const std::optional<QFont> gridNumbers =
        numberFontFor(tokenSize(layout, ShufflePhase::Reshaped).width(), channels - 1, ctx);

    // [SECTION] Empty slots, then the input row (it stays: the "before" picture)
    const QSizeF rowToken = tokenSize(layout, ShufflePhase::Input);
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme.faint);
    for (int k = 0; k < channels; ++k)
        painter.drawRect(tokenRect(rowSlotCenter(layout, k, ShufflePhase::Output), rowToken));
    for (int c = 0; c < channels; ++c)
        drawToken(painter, tokenRect(tokenCenter(layout, c, ShufflePhase::Input), rowToken),
                  colourOf(c), c, rowNumbers, theme);
    drawRowIndices(painter, layout, ShufflePhase::Input, smallFont, theme);
    drawRowIndices(painter, layout, ShufflePhase::Output, smallFont, theme);
    drawNextGroups(painter, layout, g, smallFont, theme);

    // [SECTION] Old -> new position lines (the permutation at a glance)
    const double lines =
        layout.grids ? phaseProgress(p, ShuffleTimeline::linesBegin, ShuffleTimeline::linesEnd)
                     : phaseProgress(p, 0.75, 1.0);
    if (lines > 0) {
        // Fewer, stronger lines for small C; many faint ones still show the weave for large C.
        const double alpha = std::clamp(7.0 / std::sqrt(double(channels)), 0.22, 0.75) * lines;
        const double width = std::clamp(layout.rowToken.width() * 0.25, 1.0, 2.5);
        const double y0 = layout.inputRow.bottom() + text, y1 = layout.outputRow.top();
        for (int c = 0; c < channels; ++c) {
            const double x0 = tokenCenter(layout, c, ShufflePhase::Input).x();
            const double x1 = tokenCenter(layout, c, ShufflePhase::Output).x();
            QPainterPath path({x0, y0});
            const double ym = (y0 + y1) / 2;
            path.cubicTo({x0, ym}, {x1, ym}, {x1, y1});
            painter.setPen(QPen(
                withAlpha(lineColor(groupOf[static_cast<std::size_t>(c)], theme), alpha), width));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(path);
        }
    }

    // [SECTION] The two grids: frames, captions, the tokens left behind once they have passed
    if (layout.grids) {
        const QFont gridCaption = ctx.font(0.95 * labelScale, true);
        const QSizeF gridToken = tokenSize(layout, ShufflePhase::Reshaped);
        // Two single lines per grid, each fitted to its zone: what the step is, then how it is
        // drawn (the folding is a drawing choice, not part of the operation).
        const QFont gridNote = ctx.font(0.8 * labelScale);
        const double captionTop = layout.reshapeZone.top() - text * 2.9;
        QString reshapeNote = tr("one row per group");
        if (layout.reshapeFoldCols < n)
            reshapeNote += tr(" · wrapped every %1 columns").arg(layout.reshapeFoldCols);
        QString transposeNote = tr("one column per group, read row by row");
        if (layout.foldRows < n) transposeNote += tr(" · blocks of %1 rows").arg(layout.foldRows);
        // Each caption takes the longest wording that fits its zone (the full one names g and
        // n; the short ones repeat the sizes of the caption above).
        const auto zoneCaption = [&](const QRectF& zone, const QStringList& titles,
                                     const QStringList& notes) {
            drawTextVariants(painter, {zone.left(), captionTop}, titles, gridCaption, theme.text,
                             zone.width());
            drawTextVariants(painter, {zone.left(), captionTop + lineHeight(gridCaption)}, notes,
                             gridNote, theme.dimText, zone.width());
        };
        zoneCaption(
            layout.reshapeZone,
            {tr("① reshape to (g, n) = (%1, %2)").arg(g).arg(n),
             tr("① reshape (%1, %2)").arg(g).arg(n), QStringLiteral("① (%1, %2)").arg(g).arg(n)},
            {reshapeNote, tr("one row per group")});
        zoneCaption(
            layout.transposeZone,
            {tr("② transpose to (n, g) = (%1, %2)").arg(n).arg(g),
             tr("② transpose (%1, %2)").arg(n).arg(g), QStringLiteral("② (%1, %2)").arg(n).arg(g)},
            {transposeNote, tr("one column per group, read row by row"),
             tr("one column per group")});
        drawTextVariants(painter,
                         {layout.transposeZone.left(), layout.transposeZone.bottom() + text * 0.3},
                         {tr("③ flatten, reading row by row → after"), tr("③ flatten → after")},
                         ctx.font(0.9 * labelScale, true), theme.dimText,
                         area.right() - layout.transposeZone.left());
        drawArrow(
            painter,
            {layout.reshapeZone.right() + ctx.textPx() * 0.4, layout.reshapeZone.center().y()},
            {layout.transposeZone.left() - ctx.textPx() * 0.4, layout.transposeZone.center().y()},
            theme.dimText, std::max(2.0, ctx.fontScale * 2));

        painter.setPen(Qt::NoPen);
        painter.setBrush(theme.faint);
        for (int c = 0; c < channels; ++c) {
            painter.drawRect(tokenRect(tokenCenter(layout, c, ShufflePhase::Reshaped), gridToken));
            painter.drawRect(
                tokenRect(tokenCenter(layout, c, ShufflePhase::Transposed), gridToken));
        }
        // Row labels of the reshape grid: the groups.
        if (layout.gridToken >= lineHeight(smallFont) * 0.8)
            for (int i = 0; i < g; ++i) {
                const QPointF first = tokenCenter(layout, i * n, ShufflePhase::Reshaped);
                const QString label = QString::number(i);
                drawText(painter,
                         {first.x() - gridToken.width() - textWidth(smallFont, label),
                          first.y() - lineHeight(smallFont) / 2},
                         label, smallFont, groupTextColor(i, theme));
            }
        if (p >= ShuffleTimeline::reshapeEnd)
            for (int c = 0; c < channels; ++c)
                drawToken(painter,
                          tokenRect(tokenCenter(layout, c, ShufflePhase::Reshaped), gridToken),
                          colourOf(c), c, gridNumbers, theme);
        if (p >= ShuffleTimeline::transposeEnd)
            for (int c = 0; c < channels; ++c)
                drawToken(painter,
                          tokenRect(tokenCenter(layout, c, ShufflePhase::Transposed), gridToken),
                          colourOf(c), c, gridNumbers, theme);
    }

    // [SECTION] The travelling tokens (at the end they are the "after" row)
    const QSizeF moving = animatedTokenSize(layout, p);
    const std::optional<QFont> movingNumbers =
        numberFontFor(std::min(moving.width(), moving.height()), channels - 1, ctx);
    for (int c = 0; c < channels; ++c)
        drawToken(painter, tokenRect(animatedTokenCenter(layout, c, p), moving), colourOf(c), c,
                  movingNumbers, theme);

    // [SECTION] The selected channel's journey
    if (sourceOfSelected >= 0) {
        const QPen ring(theme.text, std::max(2.0, 2.0 * ctx.fontScale));
        painter.setPen(ring);
        painter.setBrush(Qt::NoBrush);
        const auto circle = [&](ShufflePhase phase) {
            const QRectF r =
                tokenRect(tokenCenter(layout, sourceOfSelected, phase), tokenSize(layout, phase));
            painter.drawRect(r.adjusted(-3, -3, 3, 3));
        };
        circle(ShufflePhase::Input);
        circle(ShufflePhase::Output);
        if (permutes) {
            if (layout.grids) {
                circle(ShufflePhase::Reshaped);
                circle(ShufflePhase::Transposed);
            }
            painter.drawLine(tokenCenter(layout, sourceOfSelected, ShufflePhase::Input) +
                                 QPointF(0, layout.rowToken.height() / 2 + text),
                             tokenCenter(layout, sourceOfSelected, ShufflePhase::Output) -
                                 QPointF(0, layout.rowToken.height() / 2));
            drawWrappedText(painter,
                            QRectF(area.left(), bottom + journey.lineHeight * 0.3, area.width(),
                                   journey.height),
                            journey, theme.text);
        }
    }
    painter.restore();

    // Clicking either row selects the output channel a token ends up in.
    for (int k = 0; k < channels; ++k) {
        hits.add(tokenRect(rowSlotCenter(layout, k, ShufflePhase::Output), rowToken), k);
        hits.add(tokenRect(rowSlotCenter(layout, k, ShufflePhase::Input), rowToken),
                 destination[static_cast<std::size_t>(k)]);
    }
}

}  // namespace shufflescope::ui
