// How a unit's two paths meet (declared in merge_painter.h). Helpers first (the unit's steps,
// channel bars, boxes, arrows), then MergePainter::paint, whose sections are, in order:
//   Horizontal scale        one pixel width per channel for every bar
//   The boxes of the paths  the main branch's chain and the shortcut, sized from their text
//   Vertical rows           bars, boxes and labels; the spacing gives way first
//   The two paths           the shortcut (pool or identity) and the chain pw1 → pw2, animated
//   Branch outputs, merge   the two bars, labelled, then moved into the result
//   One channel's maps      what the merge does to the numbers of one channel

#include "views/operation/merge_painter.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cassert>
#include <functional>

#include "shufflescope/analysis/channel_groups.h"
#include "style/palette.h"
#include "views/operation/operation_geometry.h"

namespace shufflescope::ui {

using namespace geometry;

namespace {

constexpr double kPathsEnd = 0.30, kBarsEnd = 0.50, kMergeEnd = 0.85;

// A bar of `count` channel cells in `rect`.
void drawChannelBar(QPainter& painter, const QRectF& rect, int count,
                    const std::function<QColor(int)>& colourOf, const Theme& theme,
                    double opacity) {
    painter.save();
    painter.setOpacity(opacity);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    // Runs of one colour as one rectangle: no hairline seams between equal cells.
    const double cell = rect.width() / std::max(count, 1);
    for (int begin = 0; begin < count;) {
        const QColor colour = colourOf(begin);
        int end = begin + 1;
        while (end < count && colourOf(end) == colour) ++end;
        painter.setBrush(colour);
        painter.drawRect(
            QRectF(rect.left() + begin * cell, rect.top(), (end - begin) * cell, rect.height()));
        begin = end;
    }
    painter.setPen(QPen(theme.outline, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect);
    painter.restore();
}

// A rounded box with centred text, wrapped and shrunk to fit inside it (padding `pad`).
void drawBox(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font,
             const QColor& fill, const Theme& theme, double opacity, QPointF pad) {
    painter.save();
    painter.setOpacity(opacity);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(theme.outline, 1.2));
    painter.setBrush(fill);
    painter.drawRoundedRect(rect, 8, 8);
    const QRectF inner = rect.adjusted(pad.x(), pad.y(), -pad.x(), -pad.y());
    drawWrapped(painter, inner, text, font,
                contrastRatio(fill, theme.text) >= 4.5 ? theme.text : textOn(fill),
                Qt::AlignCenter);
    painter.restore();
}

// from -> down (or across) to `turnY` -> across -> to, with the head at `to`.
void elbowArrow(QPainter& painter, QPointF from, QPointF to, double turnY, const QColor& colour,
                double width) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, width));
    painter.setBrush(Qt::NoBrush);
    QPolygonF line({from, QPointF(from.x(), turnY), QPointF(to.x(), turnY)});
    painter.drawPolyline(line);
    painter.restore();
    drawArrow(painter, {to.x(), turnY}, to, colour, width);
}

QRectF lerpRect(const QRectF& a, const QRectF& b, double t) {
    return {lerp(a.left(), b.left(), t), lerp(a.top(), b.top(), t), lerp(a.width(), b.width(), t),
            lerp(a.height(), b.height(), t)};
}

}  // namespace

void MergePainter::paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                         HitRegions& hits) const {
    const Network& network = *ctx.snapshot.network;
    const Theme& theme = ctx.theme;
    // The unit whose shortcut or merge this is.
    const UnitSteps& u = network.unit(ctx.current().stage, ctx.current().unit);
    const bool concat = u.shortcut.has_value();
    const int shortcut = u.shortcut.value_or(-1);
    const bool focusShortcut = ctx.current().kind == StepKind::AvgPool;
    const Step& in = network.step(u.input);
    const Step& main = network.step(u.bn3);
    const Step& merge = network.step(u.merge);
    const int cin = in.out.channels, cmain = main.out.channels, cout = merge.out.channels;
    const double p = ctx.progress;
    const double t = ctx.textPx();
    const QFont font = ctx.font(1.0), bold = ctx.font(1.0, true), small = ctx.font(0.85);
    const QFont boxFont = ctx.font(0.9), sumFont = ctx.font(1.25, true);
    const double line = lineHeight(font), labelLine = lineHeight(bold) * 1.1;
    const double dimmed =
        focusShortcut ? 0.3 : 1.0;  // the shortcut step: the main branch fades back
    const double arrowWidth = 2 * ctx.fontScale;

    // [SECTION] Horizontal scale: one pixel width per channel for every bar
    const double width = area.width();
    const double x0 = area.left(), right = area.right();
    const double gap = width > t * 34 ? t * 2.5 : t * 1.5;
    const double k = concat ? (width - gap) / cout : (width - gap) / (2.0 * cin);
    const double shortcutWidth = cin * k, mainWidth = cmain * k;
    const double mainLeft = x0 + shortcutWidth + gap;

    // [SECTION] The boxes of the two paths, sized from their text
    const Step& pw1 = network.step(u.pw1);
    const Step& shuffle = network.step(u.shuffle);
    const Step& dw = network.step(u.dw);
    const Step& pw2 = network.step(u.pw2);
    const QStringList fullBoxes = {
        pw1.groups > 1 ? tr("1×1 GConv g=%1").arg(pw1.groups) : tr("1×1 conv (dense)"),
        shuffle.enabled && shuffle.groups > 1 ? tr("shuffle") : tr("shuffle off"),
        tr("3×3 DWConv stride %1").arg(dw.stride),
        pw2.groups > 1 ? tr("1×1 GConv g=%1 → %2").arg(pw2.groups).arg(pw2.out.channels)
                       : tr("1×1 conv → %1").arg(pw2.out.channels)};
    // A narrow view: the kernel sizes go (the unit's picture is the same); the words stay.
    const QStringList compactBoxes = {
        pw1.groups > 1 ? tr("GConv g=%1").arg(pw1.groups) : tr("conv (dense)"), fullBoxes[1],
        tr("DWConv stride %1").arg(dw.stride),
        pw2.groups > 1 ? tr("GConv g=%1 → %2").arg(pw2.groups).arg(pw2.out.channels)
                       : tr("conv → %1").arg(pw2.out.channels)};
    const QString poolText =
        tr("3×3 avg pool\nstride %1").arg(network.step(concat ? shortcut : u.merge).stride);
    const QString identityText = tr("identity: x as it is");
    const QPointF pad(t * 0.4, t * 0.25);
    const double arrowGap = std::clamp(width * 0.03, t * 0.9, t * 1.4);
    // Each chain box at least as wide as its text needs on three lines; it prefers one line.
    QStringList boxes = fullBoxes;
    const std::size_t boxCount = static_cast<std::size_t>(boxes.size());
    std::vector<double> need(boxCount), prefer(boxCount);
    double needs = 0, prefers = 0;
    const auto measureBoxes = [&] {
        needs = prefers = 0;
        for (std::size_t i = 0; i < boxCount; ++i) {
            need[i] = widthForLines(boxFont, boxes[int(i)], 3) + 2 * pad.x();
            prefer[i] = std::max(need[i], textWidth(boxFont, boxes[int(i)]) + 2 * pad.x());
            needs += need[i];
            prefers += prefer[i];
        }
    };
    measureBoxes();
    // The least the left column can take, to see whether the full wordings fit at all (they may
    // shrink a little first).
    const double leftLeast = concat ? longestWordWidth(boxFont, poolText) + 2 * pad.x()
                                    : longestWordWidth(font, identityText) + t * 1.2;
    if (needs * 0.85 > width - gap - leftLeast - arrowGap * double(boxCount - 1)) {
        boxes = compactBoxes;
        measureBoxes();
    }
    // Left of the chain: the pool box (concat) or the identity path and its label (add). It
    // takes its one-line width when the chain keeps its own; otherwise it wraps.
    const double arrows = arrowGap * double(boxCount - 1);
    const double leftNatural = concat ? longestLineWidth(boxFont, poolText) + 2 * pad.x()
                                      : textWidth(font, identityText) + t * 1.2;
    const double leftNarrow = std::max(leftLeast, width * (concat ? 0.18 : 0.16));
    const double leftColumn =
        std::min(leftNatural, std::max(leftNarrow, width - gap - arrows - prefers));
    const double chainLeft = x0 + leftColumn + gap;
    const double chainRight = right;
    const double chainRoom = chainRight - chainLeft - arrows;
    // The room shared out: towards one line each, then evenly; when even the longest words do
    // not fit, the text shrinks.
    std::vector<double> boxWidths(boxCount);
    for (std::size_t i = 0; i < boxCount; ++i) {
        if (prefers <= chainRoom)
            boxWidths[i] = prefer[i] + (chainRoom - prefers) / double(boxCount);
        else if (needs <= chainRoom)
            boxWidths[i] = need[i] + (chainRoom - needs) * (prefer[i] - need[i]) /
                                         std::max(prefers - needs, 1e-9);
        else
            boxWidths[i] = need[i] * chainRoom / needs;
    }
    // One height for every box: what the tallest text needs, at most three lines.
    double boxHeight = lineHeight(boxFont) * 2;
    for (std::size_t i = 0; i < boxWidths.size(); ++i)
        boxHeight = std::max(boxHeight,
                             wrapText(boxFont, boxes[int(i)], boxWidths[i] - 2 * pad.x()).height);
    if (concat)
        boxHeight =
            std::max(boxHeight, wrapText(boxFont, poolText, leftColumn - 2 * pad.x()).height);
    boxHeight = std::min(boxHeight, lineHeight(boxFont) * 3) + 2 * pad.y();

    // [SECTION] Vertical rows; the spacing gives way first when the view is short
    double barHeight = std::clamp(area.height() * 0.06, 16.0, 34.0);
    const double sumLine = lineHeight(sumFont) * 1.25;
    const double texts = 3 * labelLine + labelLine + sumLine;
    double spacing = 1.0;  // of the comfortable gaps: 0.9 + 1.0 + 1.2 lines
    const double comfortable = 3.1 * line;
    const double available = area.height() - texts - boxHeight;
    if (available < comfortable + 3 * barHeight) {
        barHeight = std::clamp((available - comfortable * 0.45) / 3, 10.0, barHeight);
        spacing = std::clamp((available - 3 * barHeight) / comfortable, 0.45, 1.0);
    }
    const QRectF inputBar(concat ? x0 : x0 + (width - cin * k) / 2, area.top() + labelLine, cin * k,
                          barHeight);
    const double pathsTop = inputBar.bottom() + line * 0.9 * spacing;
    const double branchLabel = pathsTop + boxHeight + line * 1.0 * spacing;
    const double branchTop = branchLabel + labelLine;
    const double resultLabel = branchTop + barHeight + line * 1.2 * spacing;
    const double resultTop = resultLabel + labelLine;
    const QRectF shortcutBar(x0, branchTop, shortcutWidth, barHeight);
    const QRectF mainBar(mainLeft, branchTop, mainWidth, barHeight);
    const QRectF resultBar(concat ? x0 : x0 + (width - cin * k) / 2, resultTop, cout * k,
                           barHeight);

    const auto groupOf = [&](int step) {
        return [&network, step](int c) { return groupColor(channelGroup(network, step, c)); };
    };
    drawText(painter, {inputBar.left(), area.top()}, tr("unit input  %1").arg(shapeText(in.out)),
             bold, theme.text, right - inputBar.left());
    // The unit's input coloured by the group of this unit's first 1x1 conv that reads each channel
    // (the previous unit's make-up, or grey shortcut channels, read as this unit's grouping).
    // The identity shortcut is the same x, so it keeps these colours.
    const int readingGroups = pw1.groups;
    const std::function<QColor(int)> inputColour = [cin, readingGroups](int c) {
        return readingGroups > 1 ? groupColor(c / (cin / readingGroups)) : neutralColor();
    };
    drawChannelBar(painter, inputBar, cin, inputColour, theme, 1.0);

    // [SECTION] The two paths
    const double pathsReveal = phaseProgress(p, 0.0, kPathsEnd);
    const QColor arrowColour = theme.dimText;
    painter.save();
    painter.setOpacity(std::max(0.15, pathsReveal));
    if (concat) {
        const QRectF shortcutBox(x0, pathsTop, leftColumn, boxHeight);
        const double x = std::min(inputBar.center().x(), shortcutBox.center().x());
        drawBox(painter, shortcutBox, poolText, boxFont, theme.faint, theme, 1.0, pad);
        if (focusShortcut) {
            painter.setPen(QPen(theme.accent, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(shortcutBox.adjusted(-3, -3, 3, 3), 10, 10);
        }
        drawArrow(painter, {x, inputBar.bottom()}, {x, shortcutBox.top()}, arrowColour, arrowWidth);
        drawArrow(painter, {x, shortcutBox.bottom()}, {x, branchLabel}, arrowColour, arrowWidth);
    } else {
        // The identity path: from the input bar's left end, down the left edge to the shortcut
        // bar, with its label beside it.
        const double x = x0 + t * 0.3;
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(arrowColour, arrowWidth));
        painter.drawLine(QPointF(inputBar.left(), inputBar.center().y()),
                         QPointF(x, inputBar.center().y()));
        drawArrow(painter, {x, inputBar.center().y()}, {x, branchLabel}, arrowColour, arrowWidth);
        const QRectF label(x + t * 0.6, pathsTop, chainLeft - gap * 0.5 - x - t * 0.6, boxHeight);
        drawWrapped(painter, label, identityText, font, theme.text,
                    Qt::AlignLeft | Qt::AlignVCenter);
    }
    // Main branch: pw1 -> shuffle -> dw -> pw2, the unit's own settings.
    double boxLeft = chainLeft;
    for (int i = 0; i < boxes.size(); ++i) {
        const QRectF box(boxLeft, pathsTop, boxWidths[std::size_t(i)], boxHeight);
        boxLeft += box.width() + arrowGap;
        const double reveal = phaseProgress(p, i * kPathsEnd / 5, (i + 1.5) * kPathsEnd / 5);
        const QColor fill = i == 1 ? mix(theme.background, groupColor(1), 0.25) : theme.faint;
        drawBox(painter, box, boxes[i], boxFont, fill, theme, std::max(0.15, reveal) * dimmed, pad);
        if (i > 0)
            drawArrow(painter, {box.left() - arrowGap + 3, box.center().y()},
                      {box.left() - 3, box.center().y()}, withAlpha(arrowColour, dimmed),
                      arrowWidth);
    }
    painter.setOpacity(std::max(0.15, pathsReveal) * dimmed);
    // Into the chain: straight down from the input bar, or down, across and down again when the
    // first box is not under the bar.
    const QPointF chainIn(chainLeft + boxWidths.front() / 2, pathsTop);
    const double leaveX =
        std::clamp(chainIn.x(), inputBar.left() + t * 0.6, inputBar.right() - t * 0.6);
    if (std::abs(leaveX - chainIn.x()) < 1)
        drawArrow(painter, {chainIn.x(), inputBar.bottom()}, chainIn, arrowColour, arrowWidth);
    else
        elbowArrow(painter, {leaveX, inputBar.bottom()}, chainIn,
                   (inputBar.bottom() + pathsTop) / 2, arrowColour, arrowWidth);
    const double chainOutX = chainRight - boxWidths.back() / 2;
    drawArrow(painter, {chainOutX, pathsTop + boxHeight}, {chainOutX, branchLabel}, arrowColour,
              arrowWidth);
    painter.restore();

    // [SECTION] Branch outputs, then the merge
    const double bars = phaseProgress(p, kPathsEnd, kBarsEnd);
    const double move = phaseProgress(p, kBarsEnd, kMergeEnd);
    const double result = phaseProgress(p, kMergeEnd, 1.0);
    const std::function<QColor(int)> shortcutColour = concat ? groupOf(shortcut) : inputColour;
    // The two labels share one row, at one size: the most complete pair of wordings that fits.
    const QStringList shortcutLabels =
        concat ? QStringList{tr("shortcut  %1 × %2 × %3")
                                 .arg(cin)
                                 .arg(merge.out.height)
                                 .arg(merge.out.width),
                             tr("shortcut  %1").arg(cin)}
               : QStringList{tr("shortcut x  %1").arg(cin), tr("x  %1").arg(cin)};
    const QString mainShape =
        QStringLiteral("%1 × %2 × %3").arg(cmain).arg(merge.out.height).arg(merge.out.width);
    const QStringList mainLabels =
        concat ? QStringList{tr("main branch  %1 × %2 × %3  (%1 = %4 − %5)")
                                 .arg(cmain)
                                 .arg(merge.out.height)
                                 .arg(merge.out.width)
                                 .arg(cout)
                                 .arg(cin),
                             tr("main branch  %1").arg(mainShape), tr("main  %1").arg(mainShape),
                             tr("main  %1").arg(cmain)}
               : QStringList{tr("main branch F(x)  %1").arg(cmain), tr("F(x)  %1").arg(cmain)};
    const double labelGap = t * 1.5;
    FittedText shortcutLabel, mainLabel;
    bool placed = false;
    for (double limit : {0.88, kMinTextScale}) {
        for (int m = 0; m < mainLabels.size() && !placed; ++m)
            for (int sc = 0; sc < shortcutLabels.size() && !placed; ++sc) {
                const double ws = textWidth(bold, shortcutLabels[sc]);
                const double wm = textWidth(bold, mainLabels[m]);
                const double scale =
                    std::min({1.0, (width - labelGap) / (ws + wm), (right - mainBar.left()) / wm});
                if (scale < limit) continue;
                const QFont f = scaledFont(bold, scale);
                shortcutLabel = {f, shortcutLabels[sc], textWidth(f, shortcutLabels[sc]), scale};
                mainLabel = {f, mainLabels[m], textWidth(f, mainLabels[m]), scale};
                placed = true;
            }
        if (placed) break;
    }
    if (!placed) {
        shortcutLabel = fitText(bold, shortcutLabels.back(), width * 0.4);
        mainLabel = fitText(bold, mainLabels.back(), width * 0.6 - labelGap);
    }
    drawFitted(painter, {shortcutBar.left(), branchLabel}, shortcutLabel, theme.text);
    painter.save();
    painter.setOpacity(dimmed);
    drawFitted(painter,
               {std::max(mainBar.left(), x0 + shortcutLabel.width + labelGap), branchLabel},
               mainLabel, theme.text);
    painter.restore();
    if (bars > 0) {
        drawChannelBar(
            painter,
            QRectF(shortcutBar.left(), shortcutBar.top(), shortcutBar.width() * bars, barHeight),
            cin, shortcutColour, theme, 1.0);
        drawChannelBar(painter,
                       QRectF(mainBar.left(), mainBar.top(), mainBar.width() * bars, barHeight),
                       cmain, groupOf(u.bn3), theme, dimmed);
    }
    if (move > 0) {
        // Moving copies: concat slides them end to end, add lays one on the other.
        const QRectF shortcutTarget(resultBar.left(), resultTop, shortcutWidth, barHeight);
        const QRectF mainTarget(concat ? resultBar.left() + shortcutWidth : resultBar.left(),
                                resultTop, mainWidth, barHeight);
        if (move < 1) {
            drawChannelBar(painter, lerpRect(shortcutBar, shortcutTarget, move), cin,
                           shortcutColour, theme, 0.9);
            drawChannelBar(painter, lerpRect(mainBar, mainTarget, move), cmain, groupOf(u.bn3),
                           theme, concat ? 0.9 : 0.6);
        } else {
            drawChannelBar(painter, resultBar, cout, groupOf(u.merge), theme,
                           focusShortcut ? 0.45 : 1.0);
        }
    }
    const QString resultName = concat ? tr("concat [shortcut, main]") : tr("add: x + F(x)");
    if (move >= 1)
        drawText(painter, {resultBar.left(), resultLabel}, resultName, bold, theme.text,
                 right - resultBar.left());
    if (result > 0) {
        painter.save();
        painter.setOpacity(result);
        const QStringList sums =
            concat ? QStringList{tr("%1 + %2 = %3 channels, %4 × %5")
                                     .arg(cin)
                                     .arg(cmain)
                                     .arg(cout)
                                     .arg(merge.out.height)
                                     .arg(merge.out.width),
                                 tr("%1 + %2 = %3 channels").arg(cin).arg(cmain).arg(cout)}
                   : QStringList{tr("%1 channels stay %1 (added element by element), %2 × %3")
                                     .arg(cout)
                                     .arg(merge.out.height)
                                     .arg(merge.out.width),
                                 tr("%1 channels stay %1 (added element by element)").arg(cout),
                                 tr("%1 channels stay %1").arg(cout)};
        drawTextVariants(painter, {x0, resultBar.bottom() + line * 0.25}, sums, sumFont, theme.text,
                         width);
        painter.restore();
    }
    const Step& current = ctx.current();
    const QRectF clickable = focusShortcut ? shortcutBar : resultBar;
    for (int c = 0; c < current.out.channels; ++c)
        hits.add(QRectF(clickable.left() + c * k, clickable.top(), std::max(k, 1.0), barHeight), c);
    if (ctx.selectedChannel >= 0 && ctx.selectedChannel < current.out.channels) {
        painter.setPen(QPen(theme.text, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(clickable.left() + ctx.selectedChannel * k - 2, clickable.top() - 3,
                                k + 4, barHeight + 6));
    }

    // [SECTION] One channel's maps: what the merge does to numbers
    const double thumbsTop = resultBar.bottom() + sumLine + line * 0.3 * spacing;
    const double labelLines = lineHeight(small) * 2 + 2;  // a label may wrap onto two lines
    double thumb = std::min(area.bottom() - thumbsTop - labelLines, t * 12);
    const int selected = ctx.selectedChannel >= 0 && ctx.selectedChannel < current.out.channels
                             ? ctx.selectedChannel
                             : 0;
    struct Thumb {
        int step, channel;
        QString label;
        double scale;  // relative size: the pooled map is drawn at the same pixel scale
    };
    std::vector<Thumb> thumbs;
    QStringList operators;
    if (!concat) {
        thumbs = {{u.input, selected, tr("x, channel %1").arg(selected), 1.0},
                  {u.bn3, selected, tr("F(x), channel %1").arg(selected), 1.0},
                  {u.merge, selected, tr("x + F(x)"), 1.0}};
        operators = {QStringLiteral("+"), QStringLiteral("=")};
    } else if (selected < cin) {
        const double half = double(merge.out.height) / in.out.height;
        thumbs = {{u.input, selected, tr("input, channel %1").arg(selected), 1.0},
                  {shortcut, selected, tr("avg-pooled: output channel %1").arg(selected), half}};
        operators = {QStringLiteral("→")};
    } else {
        thumbs = {
            {u.bn3, selected - cin, tr("main branch channel %1").arg(selected - cin), 1.0},
            {u.merge, selected,
             tr("output channel %1 = %2 + %3").arg(selected).arg(cin).arg(selected - cin), 1.0}};
        operators = {QStringLiteral("→")};
    }
    const QFont opFont = ctx.font(1.6, true);
    const QString explanation =
        concat
            ? tr("Output channels 0–%1 are the shortcut (the input, average-pooled to the new "
                 "size); "
                 "channels %2–%3 come from the main branch. Concatenating widens the network at no "
                 "multiply-add cost.")
                  .arg(cin - 1)
                  .arg(cin)
                  .arg(cout - 1)
            : tr("Every channel adds the unit's input to what the branch computed: the branch only "
                 "has "
                 "to learn a correction (a residual), and the signal passes the unit unchanged "
                 "too.");
    // The pictures (and their operators) must fit across; their labels wrap under them.
    double operatorsWidth = 0;
    for (const QString& op : operators) operatorsWidth += textWidth(opFont, op) + 2 * t;
    double scales = 0;
    for (const Thumb& th : thumbs) scales += th.scale;
    thumb = std::min(thumb, (width - operatorsWidth) / scales);
    if (thumb < line * 3) return;
    const double share = (width - operatorsWidth) / double(thumbs.size());
    double x = area.left();
    for (std::size_t i = 0; i < thumbs.size(); ++i) {
        const double side = thumb * thumbs[i].scale;
        const QRectF r(x, thumbsTop + (thumb - side), side, side);
        drawPixels(painter, r, channelImage(ctx.snapshot.output(thumbs[i].step), thumbs[i].channel),
                   theme);
        const double column = std::max(side, std::min(textWidth(small, thumbs[i].label), share));
        const WrappedText label = wrapText(small, thumbs[i].label, column, labelLines);
        drawWrappedText(painter, QRectF(x, thumbsTop + thumb + 2, column, labelLines), label,
                        theme.dimText);
        x += std::max(side, label.width) + t;
        if (i < static_cast<std::size_t>(operators.size())) {
            drawText(painter, {x, thumbsTop + thumb / 2 - lineHeight(opFont) / 2},
                     operators[static_cast<int>(i)], opFont, theme.text);
            x += textWidth(opFont, operators[static_cast<int>(i)]) + t;
        }
    }
    x += t;
    if (area.right() - x > t * 10)
        drawWrapped(painter, QRectF(x, thumbsTop, area.right() - x, area.bottom() - thumbsTop),
                    explanation, font, theme.dimText);
}

}  // namespace shufflescope::ui
