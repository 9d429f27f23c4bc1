#include "canvas/enlarged_view_layout.h"

#include <algorithm>
#include <cmath>

namespace shufflescope::ui {

namespace {

// An arrangement of the text, from the most readable down.
struct Variant {
    CanvasFont font;
    float size;
    int perLine;        // statistics to a line
    bool groupInTitle;  // else the group heads the statistics on a line of its own
    bool note;          // the scale note (the header's toggle also says it)
    float share;        // of the pane's height
};

std::vector<QString> joinStats(const std::vector<QString>& stats, int perLine) {
    std::vector<QString> lines;
    for (std::size_t i = 0; i < stats.size(); i += std::size_t(perLine)) {
        QString joined = stats[i];
        for (std::size_t k = i + 1; k < std::min(stats.size(), i + std::size_t(perLine)); ++k)
            joined += QStringLiteral("    ") + stats[k];
        lines.push_back(joined);
    }
    return lines;
}

// The blocks of one arrangement: what its text measures, laid out by tiles::layoutEnlarged.
tiles::EnlargedContent measureVariant(const Variant& v, const std::vector<QString>& lines,
                                      const EnlargedViewInput& in, const EnlargedViewText& text,
                                      const TextWidth& measure) {
    const float fp = in.fontPixels;
    const float gap = std::round(fp * 0.6f);
    const float line = std::round(v.size * 1.2f);
    const auto width = [&](const QString& s) { return measure(s, v.font, v.size); };
    tiles::EnlargedContent tc;
    tc.mapWidth = in.mapWidth;
    tc.mapHeight = in.mapHeight;
    if (in.isVector) tc.maxImageSide = std::round(fp * 6.0f);
    // At least the two colour-bar labels tall and a few lines of text: a smaller "enlarged"
    // view would be smaller than the tile (then the ring on the tile is all there is).
    tc.minImageSide = std::max(2.5f * line, 3.0f * fp);
    tc.titleHeight = line;
    const float groupWidth = std::round(line * 0.7f) + gap * 0.5f + width(text.group);
    tc.titleWidth = width(text.title) + 2 * gap + (v.groupInTitle ? groupWidth + 2 * gap : 0.0f) +
                    width(text.close);
    tc.textWidth = v.groupInTitle ? 0.0f : groupWidth;
    for (const QString& joined : lines) tc.textWidth = std::max(tc.textWidth, width(joined));
    if (v.note)
        tc.textWidth = std::max(tc.textWidth, measure(text.scaleNote, CanvasFont::Current, 0));
    tc.textHeight =
        float(lines.size() + (v.groupInTitle ? 0 : 1)) * line + (v.note ? in.noteLineHeight : 0.0f);
    tc.barWidth = std::round(fp * 1.2f);
    tc.barLabelWidth = std::max(width(text.high), width(text.low));
    tc.spacing = gap;
    tc.padding = std::round(fp * 0.8f);
    return tc;
}

// The words of the chosen arrangement inside its blocks.
void placeWords(EnlargedViewLayout& l, const EnlargedViewInput& in, const EnlargedViewText& text,
                const TextWidth& measure) {
    const float gap = std::round(in.fontPixels * 0.6f);
    const float bigLine = l.content.titleHeight;
    const float textSize = l.textSize;
    const auto bigWidth = [&](const QString& s) { return measure(s, l.font, textSize); };
    const tiles::EnlargedLayout& b = l.blocks;
    const float swatch = std::round(bigLine * 0.7f);
    const auto group = [&](float x, float y) {
        const float sy = y + std::round((bigLine - swatch) * 0.5f);
        return EnlargedViewLayout::GroupMark{
            {x, sy, swatch, swatch},
            {x + swatch + gap * 0.5f, y + std::round((bigLine - textSize) * 0.5f)}};
    };
    // Title row: the channel (and its group, when it is not a line of its own); the close mark in
    // the window's top-right corner, whichever arrangement.
    l.titleAt = {b.title.x, b.title.y + std::round((bigLine - textSize) * 0.5f)};
    l.closeAt = {b.window.right() - l.content.padding - bigWidth(text.close),
                 b.window.y + l.content.padding * 0.5f};
    // The map (or a swatch for a 1x1 output), framed in its group's colour.
    const float frame = tiles::kMinGroupFrame;
    l.frameMin = {b.image.x - frame, b.image.y - frame};
    l.frameMax = {b.image.right() + frame, b.image.bottom() + frame};
    // Colour scale: max at the top, min at the bottom, labelled on its right.
    const float labelX = b.colourBar.right() + gap;
    l.highAt = {labelX, b.colourBar.y - 2};
    l.lowAt = {labelX, b.colourBar.bottom() - textSize + 2};
    // The group as a swatch and a word (unless in the title), then the statistics, the note.
    float y = b.text.y;
    if (l.groupInTitle) {
        l.group = group(b.title.x + bigWidth(text.title) + 2 * gap, b.title.y);
    } else {
        l.group = group(b.text.x, y);
        y += bigLine;
    }
    for (std::size_t i = 0; i < l.lines.size(); ++i) {
        l.lineAt.push_back({b.text.x, y});
        y += bigLine;
    }
    l.noteAt = {b.text.x, y + std::round(in.itemSpacingY * 0.5f)};
}

}  // namespace

EnlargedViewLayout layoutEnlargedView(const EnlargedViewInput& in, const EnlargedViewText& text,
                                      const TextWidth& measure) {
    // Everything in the large font (the message size), so a projector's back row can read it;
    // the scale note, which the header's toggle also shows, in the regular one. A short strip
    // (the canvas under the other views) gets the statistics two to a line, then more of its
    // height, then the regular font.
    const float bigSize = std::round(in.fontPixels * 1.5f);
    const CanvasFont large = CanvasFont::Large, regular = CanvasFont::Regular;
    const Variant variants[] = {{large, bigSize, 1, false, true, 0.8f},
                                {large, bigSize, 2, true, true, 0.8f},
                                {large, bigSize, 1, false, true, 0.96f},
                                {large, bigSize, 2, true, true, 0.96f},
                                {large, bigSize, 2, true, false, 0.96f},
                                {regular, in.regularSize, 2, true, false, 0.96f},
                                {regular, in.regularSize, 4, true, false, 0.96f}};
    // Every arrangement that fits; the first whose map is at least three quarters of the largest
    // any of them allows wins.
    std::vector<EnlargedViewLayout> candidates;
    float largest = 0;
    for (const Variant& v : variants) {
        EnlargedViewLayout l;
        l.arrangement = int(&v - variants);
        l.lines = joinStats(text.stats, v.perLine);
        l.content = measureVariant(v, l.lines, in, text, measure);
        l.blocks = tiles::layoutEnlarged(in.pane, l.content, v.share);
        if (l.blocks.empty()) continue;
        l.font = v.font;
        l.textSize = v.size;
        l.line = l.content.titleHeight;
        l.groupInTitle = v.groupInTitle;
        l.note = v.note;
        largest = std::max(largest, l.blocks.image.h);
        candidates.push_back(std::move(l));
    }
    const auto chosen = std::find_if(
        candidates.begin(), candidates.end(),
        [&](const EnlargedViewLayout& k) { return k.blocks.image.h >= 0.75f * largest; });
    if (chosen == candidates.end()) return {};
    EnlargedViewLayout l = std::move(*chosen);
    placeWords(l, in, text, measure);
    return l;
}

}  // namespace shufflescope::ui
