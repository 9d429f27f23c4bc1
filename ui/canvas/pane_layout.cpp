#include "canvas/pane_layout.h"

#include <algorithm>
#include <cmath>

namespace shufflescope::ui {

// [SECTION] A comparison pane's caption

PaneCaptionLayout layoutPaneCaption(const PaneCaptionInput& in, const TextWidth& width) {
    const float fp = in.fontPixels;
    const float smallSize = std::round(fp * 0.8f);
    PaneCaptionLayout l;
    // The label in the regular font when it fits, else in the small one, else shortened.
    CanvasFont font = in.compact ? CanvasFont::Small : CanvasFont::Regular;
    float size = in.compact ? smallSize : in.regularSize;
    const float captionY = in.pane.y + std::round(fp * (in.compact ? 0.25f : 0.35f));
    float x = in.pane.x + std::round(fp * 0.6f);
    const float captionRight = in.pane.x + in.pane.w - std::round(fp * 0.6f);
    const float pad = std::round(fp * 0.35f);
    if (width(in.label, font, size) > captionRight - x - pad) {
        font = CanvasFont::Small;
        size = smallSize;
    }
    const auto fits = [&](CanvasFont f, float s) {
        return [&width, f, s](const QString& text) { return width(text, f, s); };
    };
    l.label = {font,
               size,
               elideToWidth(in.label, captionRight - x - pad, in.dots, fits(font, size)),
               {x, captionY}};
    const float labelWidth = width(l.label.text, font, size);
    l.labelBoxMin = {x - pad, captionY - pad * 0.5f};
    l.labelBoxMax = {x + labelWidth + pad, captionY + size + pad * 0.5f};
    x += labelWidth + fp;
    // Beside the label, what the configuration costs; on the line under it how accurate it is,
    // what it answers here and the step's shape, shortened from the end as the pane narrows.
    if (x < captionRight)
        l.cost = PaneCaptionLayout::Text{
            font,
            size,
            elideToWidth(in.cost, captionRight - x, in.dots, fits(font, size)),
            {x, captionY}};
    const CanvasFont infoFont = in.compact ? CanvasFont::Small : CanvasFont::Regular;
    const float infoSize = in.compact ? smallSize : in.regularSize;
    const float left = in.pane.x + std::round(fp * 0.6f) - pad;
    const float infoY = captionY + size + pad + std::round(fp * 0.2f);
    l.info = {infoFont,
              infoSize,
              elideToWidth(in.info, captionRight - left, in.dots, fits(infoFont, infoSize)),
              {left, infoY}};
    return l;
}

// [SECTION] Tiles

TileDecorations tileDecorations(const tiles::GridLayout& layout, const tiles::View& view,
                                bool isVector, float fp) {
    const float zoomedGap = layout.gap * view.zoom;
    const float zoomedTile = std::min(layout.tileWidth, layout.tileHeight) * view.zoom;
    TileDecorations d;
    // Frames sit in the gaps: thick enough to read beside any tile, growing with it.
    d.frame = isVector ? 0.0f : tiles::groupFrameWidth(zoomedTile, zoomedGap);
    d.numbers = !isVector && tiles::tileFitsNumbers(zoomedTile, fp);
    // Large cells of a 1x1 step (ten fashion classes, or zoomed in) name their class and value.
    d.cellText = isVector && zoomedTile >= fp * 2.2f;
    d.numberSize = std::round(fp * 0.8f);
    return d;
}

std::optional<CellText> layoutCellText(tiles::Point p0, tiles::Point p1, const QString& name,
                                       const QString& value, float regularSize, float smallSize,
                                       const TextExtent& extent) {
    const float room = p1.x - p0.x - 6;
    CellText t{CanvasFont::Regular, regularSize, std::nullopt, {}};
    if (std::max(extent(name, t.font, t.size).x, extent(value, t.font, t.size).x) > room) {
        t.font = CanvasFont::Small;
        t.size = smallSize;
    }
    const tiles::Point nameSize = extent(name, t.font, t.size);
    const tiles::Point valueSize = extent(value, t.font, t.size);
    if (valueSize.x > room) return std::nullopt;
    const bool showName = nameSize.x <= room;
    const float lines = showName ? 2.0f : 1.0f;
    float y = std::round((p0.y + p1.y - lines * valueSize.y) * 0.5f);
    if (showName) {
        t.nameAt = tiles::Point{std::round((p0.x + p1.x - nameSize.x) * 0.5f), y};
        y += nameSize.y;
    }
    t.valueAt = {std::round((p0.x + p1.x - valueSize.x) * 0.5f), y};
    return t;
}

}  // namespace shufflescope::ui
