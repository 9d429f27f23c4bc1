#include "canvas/canvas_header_layout.h"

#include <algorithm>
#include <cmath>

namespace shufflescope::ui {

namespace {

// What the pieces of one header share while they are placed.
struct Placing {
    const CanvasHeaderInput& in;
    std::function<float(const QString&)> textWidth;  // in the current font
    float margin;
    float nameKeep;  // the name's first characters, which the right side leaves room for
};

// Right: the range toggle, its label as long as the name leaves room for, then the zoom reset
// left of it when it fits beside the name. Returns where the right side begins.
float placeRight(CanvasHeaderLayout& l, const Placing& p) {
    const CanvasHeaderInput& in = p.in;
    const float fp = in.fontPixels;
    const float widgetY = std::round((in.height - in.frameHeight) * 0.5f);
    float checkboxWidth = in.frameHeight;
    for (const QString& label : in.rangeLabels) {
        const float width =
            in.frameHeight + (label.isEmpty() ? 0.0f : in.innerSpacing + p.textWidth(label));
        l.rangeToggle.text = label;
        checkboxWidth = width;
        if (p.margin + p.nameKeep + fp + width + p.margin <= in.width) break;
    }
    float right = in.width - p.margin - checkboxWidth;
    l.rangeToggle.at = {right, widgetY};
    // The reset button (0 and a double-click reset too).
    for (const QString& label : in.zoomLabels) {
        const float buttonWidth = p.textWidth(label) + 2 * in.framePadding;
        if (right - fp - buttonWidth < p.margin + p.nameKeep + fp) continue;
        right -= buttonWidth + fp;
        l.zoomReset = CanvasHeaderLayout::Text{label, {right, widgetY}};
        break;
    }
    return right;
}

// The pager's arrows and words from `x` (they fit: the caller checked); returns the x after it.
float placePager(CanvasHeaderLayout& l, const Placing& p, const QString& text, float x) {
    const float fp = p.in.fontPixels, arrow = p.in.frameHeight;
    CanvasHeaderLayout::Pager pager;
    const float y = std::round((p.in.height - arrow) * 0.5f);
    pager.previous = {x, y};
    x += arrow + std::round(fp * 0.4f);
    if (!text.isEmpty()) {
        pager.label = CanvasHeaderLayout::Text{text, {x, l.textY}};
        x += p.textWidth(text) + std::round(fp * 0.4f);
    }
    pager.next = {x, y};
    l.pager = pager;
    return x + (arrow + fp);  // as x += arrow + fp
}

// Left, up to `limit`: the step, a comparison's pages ("< channels 0-11 of 384 >", shortened to
// fit), the output shape (in a comparison each pane captions its own). Returns the x after them.
float placeLeft(CanvasHeaderLayout& l, const Placing& p, float limit) {
    const CanvasHeaderInput& in = p.in;
    const float fp = in.fontPixels;
    float x = p.margin;
    QString pagerText;
    float pagerWidth = 0;
    for (const QString& label : in.pagerLabels) {
        pagerText = label;
        pagerWidth =
            2 * in.frameHeight + (label.isEmpty() ? 0.0f : p.textWidth(label) + 2 * fp * 0.4f);
        if (x + p.nameKeep + fp + pagerWidth <= limit) break;
    }
    if (in.stepName.isEmpty()) return x;
    const float nameLimit = limit - (pagerWidth > 0 ? pagerWidth + fp : 0.0f);
    l.name = CanvasHeaderLayout::Text{
        elideToWidth(in.stepName, nameLimit - x, in.dots, p.textWidth), {x, l.textY}};
    x += p.textWidth(l.name->text) + fp;
    if (pagerWidth > 0 && x + pagerWidth <= limit) x = placePager(l, p, pagerText, x);
    for (const QString& shape : in.shapes) {
        if (x + p.textWidth(shape) > limit) continue;
        l.shape = CanvasHeaderLayout::Text{shape, {x, l.textY}};
        x += p.textWidth(shape) + fp;
        break;
    }
    return x;
}

// Between the two sides, if there is room: the shared colour scale.
void placeScale(CanvasHeaderLayout& l, const Placing& p, float x, float limit) {
    const CanvasHeaderInput& in = p.in;
    if (in.low.isEmpty() && in.high.isEmpty()) return;
    const float fp = in.fontPixels;
    const float barWidth = std::round(fp * 7.0f);
    const float needed = p.textWidth(in.low) + barWidth + p.textWidth(in.high) + 2 * in.itemSpacing;
    if (x + needed >= limit) return;
    CanvasHeaderLayout::Scale scale;
    scale.low = {in.low, {x, l.textY}};
    x += p.textWidth(in.low) + in.itemSpacing;
    scale.bar = {x, std::round(in.height * 0.5f - fp * 0.35f), barWidth, fp * 0.7f};
    x += barWidth + in.itemSpacing;
    scale.high = {in.high, {x, l.textY}};
    l.scale = scale;
}

}  // namespace

CanvasHeaderLayout layoutCanvasHeader(const CanvasHeaderInput& in, const TextWidth& measure) {
    const auto textWidth = [&measure](const QString& text) {
        return measure(text, CanvasFont::Current, 0);
    };
    const float fp = in.fontPixels;
    const Placing p{in, textWidth, std::round(fp * 0.6f),
                    std::min(textWidth(in.stepName), fp * 6.0f)};
    CanvasHeaderLayout l;
    l.textY = std::round((in.height - in.lineHeight) * 0.5f);
    const float limit = placeRight(l, p) - fp;  // everything on the left ends here
    const float x = placeLeft(l, p, limit);
    placeScale(l, p, x, limit);
    l.ruleY = in.height - 1;
    return l;
}

}  // namespace shufflescope::ui
