#include "views/operation/merge_painter.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cassert>
#include <functional>

#include "shufflescope/channel_groups.h"
#include "views/operation/operation_geometry.h"
#include "widgets/palette.h"

namespace shufflescope::ui {

using namespace geometry;

namespace {

constexpr double kPathsEnd = 0.30, kBarsEnd = 0.50, kMergeEnd = 0.85;

// The steps of the unit around the merge.
struct UnitSteps {
    int input = -1;     // the unit's input
    int shortcut = -1;  // the AvgPool step; -1 for the identity shortcut
    int main = -1;      // the main branch's last step (bn3)
    int merge = -1;     // add or concat
    int pw1 = -1, shuffle = -1, dw = -1, pw2 = -1;
    bool concat = false;
};

UnitSteps unitSteps(const Network& network, int step) {
    UnitSteps u;
    const Step& s = network.step(step);
    if (s.kind == StepKind::AvgPool) {
        for (int i = step + 1; i < network.stepCount() && u.merge < 0; ++i)
            if (network.step(i).kind == StepKind::Concat && network.step(i).inputs[0] == step)
                u.merge = i;
    } else {
        u.merge = step;
    }
    assert(u.merge >= 0 && "a shortcut pool is always followed by its concat");
    const Step& merge = network.step(u.merge);
    u.concat = merge.kind == StepKind::Concat;
    u.main = merge.inputs[1];
    u.shortcut = u.concat ? merge.inputs[0] : -1;
    u.input = u.concat ? network.step(u.shortcut).inputs[0] : merge.inputs[0];
    const std::string prefix =
        "stages." + std::to_string(s.stage) + "." + std::to_string(s.unit) + ".";
    const auto find = [&](const char* name) {
        return network.findStep(prefix + name).value_or(-1);
    };
    u.pw1 = find("pw1");
    u.shuffle = find("shuffle");
    u.dw = find("dw");
    u.pw2 = find("pw2");
    return u;
}

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

// A rounded box with centred (wrapped) text.
void drawBox(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font,
             const QColor& fill, const Theme& theme, double opacity) {
    painter.save();
    painter.setOpacity(opacity);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(theme.outline, 1.2));
    painter.setBrush(fill);
    painter.drawRoundedRect(rect, 8, 8);
    painter.setFont(font);
    painter.setPen(theme.text);
    painter.drawText(rect.adjusted(4, 2, -4, -2), Qt::AlignCenter | Qt::TextWordWrap, text);
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
    const UnitSteps u = unitSteps(network, ctx.step);
    const bool focusShortcut = ctx.current().kind == StepKind::AvgPool;
    const Step& in = network.step(u.input);
    const Step& main = network.step(u.main);
    const Step& merge = network.step(u.merge);
    const int cin = in.out.channels, cmain = main.out.channels, cout = merge.out.channels;
    const double p = ctx.progress;
    const QFont font = ctx.font(1.0), bold = ctx.font(1.0, true), small = ctx.font(0.85);
    const double line = lineHeight(font);
    const double dimmed =
        focusShortcut ? 0.3 : 1.0;  // the shortcut step: the main branch fades back

    // [SECTION] Horizontal scale: one pixel width per channel for every bar
    const double gap = ctx.textPx() * 2.5;
    const double width = area.width();
    const double x0 = area.left();
    const double k = u.concat ? (width - gap) / cout : (width - gap) / (2.0 * cin);
    const double barHeight = std::clamp(area.height() * 0.06, 16.0, 34.0);

    const double shortcutWidth = cin * k, mainWidth = cmain * k;
    const double mainLeft = x0 + shortcutWidth + gap;
    const QRectF inputBar(u.concat ? x0 : x0 + (width - cin * k) / 2, area.top() + line * 1.1,
                          cin * k, barHeight);

    // [SECTION] Vertical rows
    const double pathsTop = inputBar.bottom() + line * 0.9;
    const double boxHeight = line * 2.6;
    const double branchLabel = pathsTop + boxHeight + line * 1.0;
    const double branchTop = branchLabel + line * 1.1;
    const double resultLabel = branchTop + barHeight + line * 1.2;
    const double resultTop = resultLabel + line * 1.1;
    const QRectF shortcutBar(x0, branchTop, shortcutWidth, barHeight);
    const QRectF mainBar(mainLeft, branchTop, mainWidth, barHeight);
    const QRectF resultBar(u.concat ? x0 : x0 + (width - cin * k) / 2, resultTop, cout * k,
                           barHeight);

    const auto groupOf = [&](int step) {
        return [&network, step](int c) { return groupColor(channelGroup(network, step, c)); };
    };
    drawText(painter, {inputBar.left(), area.top()}, tr("unit input  %1").arg(shapeText(in.out)),
             bold, theme.text);
    drawChannelBar(painter, inputBar, cin, groupOf(u.input), theme, 1.0);

    // [SECTION] The two paths
    const double pathsReveal = phaseProgress(p, 0.0, kPathsEnd);
    const QFont boxFont = ctx.font(0.9);
    const QString poolText =
        tr("3×3 avg pool\nstride %1").arg(network.step(u.concat ? u.shortcut : u.merge).stride);
    const double shortcutBoxWidth = std::max(
        shortcutWidth,
        QFontMetricsF(boxFont).boundingRect(QRectF(0, 0, 1000, 1000), 0, poolText).width() +
            ctx.textPx() * 1.5);
    const QRectF shortcutBox(x0, pathsTop, shortcutBoxWidth, boxHeight);
    const double chainLeft = std::max(mainLeft, shortcutBox.right() + gap);
    const double chainRight = x0 + width;
    const QColor arrowColour = theme.dimText;
    painter.save();
    painter.setOpacity(std::max(0.15, pathsReveal));
    if (u.concat) {
        const double x = inputBar.center().x();
        drawBox(painter, shortcutBox, poolText, boxFont, theme.faint, theme, 1.0);
        if (focusShortcut) {
            painter.setPen(QPen(theme.accent, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(shortcutBox.adjusted(-3, -3, 3, 3), 10, 10);
        }
        drawArrow(painter, {x, inputBar.bottom()}, {x, shortcutBox.top()}, arrowColour,
                  2 * ctx.fontScale);
        drawArrow(painter, {x, shortcutBox.bottom()}, {x, branchLabel}, arrowColour,
                  2 * ctx.fontScale);
    } else {
        const double midY = pathsTop + boxHeight / 2;
        const QPointF from(inputBar.left() + ctx.textPx(), inputBar.bottom());
        const QPointF to(x0 + shortcutWidth / 2, branchLabel);
        elbowArrow(painter, from, to, midY, arrowColour, 2 * ctx.fontScale);
        drawText(painter, {to.x() + ctx.textPx() * 0.5, midY - line * 1.15},
                 tr("identity: x as it is"), font, theme.text);
    }
    // Main branch: pw1 -> shuffle -> dw -> pw2, the unit's own settings.
    const Step& pw1 = network.step(u.pw1);
    const Step& shuffle = network.step(u.shuffle);
    const Step& dw = network.step(u.dw);
    const Step& pw2 = network.step(u.pw2);
    const QStringList boxes = {
        pw1.groups > 1 ? tr("1×1 GConv g=%1").arg(pw1.groups) : tr("1×1 conv (dense)"),
        shuffle.enabled && shuffle.groups > 1 ? tr("shuffle") : tr("shuffle off"),
        tr("3×3 DWConv stride %1").arg(dw.stride),
        pw2.groups > 1 ? tr("1×1 GConv g=%1 → %2").arg(pw2.groups).arg(pw2.out.channels)
                       : tr("1×1 conv → %1").arg(pw2.out.channels)};
    const double arrowGap = ctx.textPx() * 1.4;
    const double boxWidth = (chainRight - chainLeft - arrowGap * (boxes.size() - 1)) / boxes.size();
    for (int i = 0; i < boxes.size(); ++i) {
        const QRectF box(chainLeft + i * (boxWidth + arrowGap), pathsTop, boxWidth, boxHeight);
        const double reveal = phaseProgress(p, i * kPathsEnd / 5, (i + 1.5) * kPathsEnd / 5);
        const QColor fill = i == 1 ? mix(theme.background, groupColor(1), 0.25) : theme.faint;
        drawBox(painter, box, boxes[i], boxFont, fill, theme, std::max(0.15, reveal) * dimmed);
        if (i > 0)
            drawArrow(painter, {box.left() - arrowGap + 3, box.center().y()},
                      {box.left() - 3, box.center().y()}, withAlpha(arrowColour, dimmed),
                      2 * ctx.fontScale);
    }
    painter.setOpacity(std::max(0.15, pathsReveal) * dimmed);
    const QPointF chainIn(chainLeft + boxWidth / 2, pathsTop);
    if (chainIn.x() <= inputBar.right() - ctx.textPx())
        drawArrow(painter, {chainIn.x(), inputBar.bottom()}, chainIn, arrowColour,
                  2 * ctx.fontScale);
    else
        elbowArrow(painter, {inputBar.right(), inputBar.center().y()}, chainIn,
                   inputBar.center().y(), arrowColour, 2 * ctx.fontScale);
    const double chainOutX = chainRight - boxWidth / 2;
    drawArrow(painter, {chainOutX, pathsTop + boxHeight}, {chainOutX, branchLabel}, arrowColour,
              2 * ctx.fontScale);
    painter.restore();

    // [SECTION] Branch outputs, then the merge
    const double bars = phaseProgress(p, kPathsEnd, kBarsEnd);
    const double move = phaseProgress(p, kBarsEnd, kMergeEnd);
    const double result = phaseProgress(p, kMergeEnd, 1.0);
    const int shortcutSource = u.concat ? u.shortcut : u.input;
    const QString shortcutLabel =
        u.concat ? tr("shortcut  %1 × %2 × %3").arg(cin).arg(merge.out.height).arg(merge.out.width)
                 : tr("shortcut x  %1").arg(cin);
    drawText(painter, {shortcutBar.left(), branchLabel}, shortcutLabel, bold, theme.text);
    painter.save();
    painter.setOpacity(dimmed);
    const double mainLabelX =
        std::max(mainBar.left(), x0 + textWidth(bold, shortcutLabel) + ctx.textPx() * 1.5);
    drawText(painter, {mainLabelX, branchLabel},
             u.concat ? tr("main branch  %1 × %2 × %3  (%1 = %4 − %5)")
                            .arg(cmain)
                            .arg(merge.out.height)
                            .arg(merge.out.width)
                            .arg(cout)
                            .arg(cin)
                      : tr("main branch F(x)  %1").arg(cmain),
             bold, theme.text);
    painter.restore();
    if (bars > 0) {
        drawChannelBar(
            painter,
            QRectF(shortcutBar.left(), shortcutBar.top(), shortcutBar.width() * bars, barHeight),
            cin, groupOf(shortcutSource), theme, 1.0);
        drawChannelBar(painter,
                       QRectF(mainBar.left(), mainBar.top(), mainBar.width() * bars, barHeight),
                       cmain, groupOf(u.main), theme, dimmed);
    }
    if (move > 0) {
        // Moving copies: concat slides them end to end, add lays one on the other.
        const QRectF shortcutTarget(resultBar.left(), resultTop, shortcutWidth, barHeight);
        const QRectF mainTarget(u.concat ? resultBar.left() + shortcutWidth : resultBar.left(),
                                resultTop, mainWidth, barHeight);
        if (move < 1) {
            drawChannelBar(painter, lerpRect(shortcutBar, shortcutTarget, move), cin,
                           groupOf(shortcutSource), theme, 0.9);
            drawChannelBar(painter, lerpRect(mainBar, mainTarget, move), cmain, groupOf(u.main),
                           theme, u.concat ? 0.9 : 0.6);
        } else {
            drawChannelBar(painter, resultBar, cout, groupOf(u.merge), theme,
                           focusShortcut ? 0.45 : 1.0);
        }
    }
    const QString resultName = u.concat ? tr("concat [shortcut, main]") : tr("add: x + F(x)");
    if (move >= 1) drawText(painter, {resultBar.left(), resultLabel}, resultName, bold, theme.text);
    if (result > 0) {
        painter.save();
        painter.setOpacity(result);
        const QString sum = u.concat ? tr("%1 + %2 = %3 channels, %4 × %5")
                                           .arg(cin)
                                           .arg(cmain)
                                           .arg(cout)
                                           .arg(merge.out.height)
                                           .arg(merge.out.width)
                                     : tr("%1 channels stay %1 (added element by element), %2 × %3")
                                           .arg(cout)
                                           .arg(merge.out.height)
                                           .arg(merge.out.width);
        drawText(painter, {resultBar.left(), resultBar.bottom() + line * 0.25}, sum,
                 ctx.font(1.25, true), theme.text);
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
    const double thumbsTop = resultBar.bottom() + lineHeight(ctx.font(1.25)) * 1.5;
    const double thumb = std::min(area.bottom() - thumbsTop - line * 1.2, ctx.textPx() * 12);
    if (thumb < line * 3) return;
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
    if (!u.concat) {
        thumbs = {{u.input, selected, tr("x, channel %1").arg(selected), 1.0},
                  {u.main, selected, tr("F(x), channel %1").arg(selected), 1.0},
                  {u.merge, selected, tr("x + F(x)"), 1.0}};
        operators = {QStringLiteral("+"), QStringLiteral("=")};
    } else if (selected < cin) {
        const double half = double(merge.out.height) / in.out.height;
        thumbs = {{u.input, selected, tr("input, channel %1").arg(selected), 1.0},
                  {u.shortcut, selected, tr("avg-pooled: output channel %1").arg(selected), half}};
        operators = {QStringLiteral("→")};
    } else {
        thumbs = {
            {u.main, selected - cin, tr("main branch channel %1").arg(selected - cin), 1.0},
            {u.merge, selected,
             tr("output channel %1 = %2 + %3").arg(selected).arg(cin).arg(selected - cin), 1.0}};
        operators = {QStringLiteral("→")};
    }
    double x = area.left();
    const QFont opFont = ctx.font(1.6, true);
    const QString explanation =
        u.concat
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
    for (std::size_t i = 0; i < thumbs.size(); ++i) {
        const double side = thumb * thumbs[i].scale;
        const QRectF r(x, thumbsTop + (thumb - side), side, side);
        drawPixels(painter, r, channelImage(ctx.snapshot.output(thumbs[i].step), thumbs[i].channel),
                   theme);
        drawText(painter, {x, thumbsTop + thumb + 2}, thumbs[i].label, small, theme.dimText);
        x += std::max(side, textWidth(small, thumbs[i].label)) + ctx.textPx();
        if (i < static_cast<std::size_t>(operators.size())) {
            drawText(painter, {x, thumbsTop + thumb / 2 - lineHeight(opFont) / 2},
                     operators[static_cast<int>(i)], opFont, theme.text);
            x += textWidth(opFont, operators[static_cast<int>(i)]) + ctx.textPx();
        }
    }
    x += ctx.textPx();
    if (area.right() - x > ctx.textPx() * 10)
        drawWrapped(painter, QRectF(x, thumbsTop, area.right() - x, thumb + line), explanation,
                    font, theme.dimText);
}

}  // namespace shufflescope::ui
