#include "canvas/canvas_header_layout.h"

#include <algorithm>
#include <cmath>

namespace shufflescope::ui {

CanvasHeaderLayout layoutCanvasHeader(const CanvasHeaderInput& in, const TextWidth& measure) {
    const auto textWidth = [&](const QString& text) {
        return measure(text, CanvasFont::Current, 0);
    };
    CanvasHeaderLayout l;
    const float fp = in.fontPixels;
    const float w = in.width;
    l.textY = std::round((in.height - in.lineHeight) * 0.5f);
    const float margin = std::round(fp * 0.6f);
    const float widgetY = std::round((in.height - in.frameHeight) * 0.5f);
    // The name keeps at least its first characters before the toggle shortens any further.
    const float nameKeep = std::min(textWidth(in.stepName), fp * 6.0f);

    // Right: the range toggle, its label as long as the name leaves room for.
    float checkboxWidth = in.frameHeight;
    for (const QString& label : in.rangeLabels) {
        const float width =
            in.frameHeight + (label.isEmpty() ? 0.0f : in.innerSpacing + textWidth(label));
        l.rangeToggle.text = label;
        checkboxWidth = width;
        if (margin + nameKeep + fp + width + margin <= w) break;
    }
    float right = w - margin - checkboxWidth;
    l.rangeToggle.at = {right, widgetY};
    // The reset button, when it fits beside the name (0 and a double-click reset too).
    for (const QString& label : in.zoomLabels) {
        const float buttonWidth = textWidth(label) + 2 * in.framePadding;
        if (right - fp - buttonWidth < margin + nameKeep + fp) continue;
        right -= buttonWidth + fp;
        l.zoomReset = CanvasHeaderLayout::Text{label, {right, widgetY}};
        break;
    }

    // Left: the step and its shape (in a comparison each pane adds its own caption), and a
    // comparison's pages: "< channels 0-11 of 384 >", shortened to fit.
    float x = margin;
    const float limit = right - fp;  // everything on the left ends here
    const float arrow = in.frameHeight;
    QString pagerText;
    float pagerWidth = 0;
    for (const QString& label : in.pagerLabels) {
        pagerText = label;
        pagerWidth = 2 * arrow + (label.isEmpty() ? 0.0f : textWidth(label) + 2 * fp * 0.4f);
        if (x + nameKeep + fp + pagerWidth <= limit) break;
    }
    if (!in.stepName.isEmpty()) {
        const float nameLimit = limit - (pagerWidth > 0 ? pagerWidth + fp : 0.0f);
        l.name = CanvasHeaderLayout::Text{
            elideToWidth(in.stepName, nameLimit - x, in.dots, textWidth), {x, l.textY}};
        x += textWidth(l.name->text) + fp;
        if (pagerWidth > 0 && x + pagerWidth <= limit) {
            CanvasHeaderLayout::Pager pager;
            const float y = std::round((in.height - arrow) * 0.5f);
            pager.previous = {x, y};
            x += arrow + std::round(fp * 0.4f);
            if (!pagerText.isEmpty()) {
                pager.label = CanvasHeaderLayout::Text{pagerText, {x, l.textY}};
                x += textWidth(pagerText) + std::round(fp * 0.4f);
            }
            pager.next = {x, y};
            x += arrow + fp;
            l.pager = pager;
        }
        for (const QString& shape : in.shapes) {
            if (x + textWidth(shape) > limit) continue;
            l.shape = CanvasHeaderLayout::Text{shape, {x, l.textY}};
            x += textWidth(shape) + fp;
            break;
        }
    }
    // Between them, if there is room: the shared colour scale.
    if (!in.low.isEmpty() || !in.high.isEmpty()) {
        const float barWidth = std::round(fp * 7.0f);
        const float needed = textWidth(in.low) + barWidth + textWidth(in.high) + 2 * in.itemSpacing;
        if (x + needed < limit) {
            CanvasHeaderLayout::Scale scale;
            scale.low = {in.low, {x, l.textY}};
            x += textWidth(in.low) + in.itemSpacing;
            scale.bar = {x, std::round(in.height * 0.5f - fp * 0.35f), barWidth, fp * 0.7f};
            x += barWidth + in.itemSpacing;
            scale.high = {in.high, {x, l.textY}};
            l.scale = scale;
        }
    }
    l.ruleY = in.height - 1;
    return l;
}

}  // namespace shufflescope::ui
