#include "canvas/tile_layout.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <limits>

#include "shufflescope/analysis/colormap.h"

namespace shufflescope::ui::tiles {

// [SECTION] Grid layout

Rect GridLayout::tileRect(int index) const {
    assert(columns > 0 && index >= 0 && index < count);
    const int row = index / columns, column = index % columns;
    return {origin.x + float(column) * pitchX(), origin.y + float(row) * pitchY(), tileWidth,
            tileHeight};
}

Rect GridLayout::bounds() const {
    if (columns == 0) return {origin.x, origin.y, 0, 0};
    return {origin.x, origin.y, float(columns) * tileWidth + float(columns - 1) * gap,
            float(rows) * tileHeight + float(rows - 1) * gap};
}

namespace {

int rowsFor(int count, int columns) {
    return (count + columns - 1) / columns;
}

// The widest tile that fits `columns` x `rows` tiles in the viewport. With the gap
// max(minGap, f * shorterSide) both the proportional and the minimum gap must fit, so the tile
// is the smallest of four bounds (two per axis).
float widestTile(int columns, int rows, float aspect, Rect viewport, const GridSpacing& s) {
    const float shorter = std::min(1.0f, 1.0f / aspect);  // shorter side / tile width
    const float c = float(columns), r = float(rows);
    const float f = s.gapFraction * shorter;
    const float byWidth =
        std::min(viewport.w / (c + (c - 1) * f), (viewport.w - (c - 1) * s.minGap) / c);
    const float byHeight = std::min(viewport.h / (r / aspect + (r - 1) * f),
                                    aspect * (viewport.h - (r - 1) * s.minGap) / r);
    return std::min(byWidth, byHeight);
}

}  // namespace

GridLayout layoutGrid(int count, float tileAspect, Rect viewport, GridSpacing spacing) {
    GridLayout layout;
    layout.count = std::max(count, 0);
    layout.origin = {viewport.x, viewport.y};
    if (count <= 0 || !(tileAspect > 0) || viewport.w <= 0 || viewport.h <= 0) return layout;

    int bestColumns = 1;
    float bestWidth = -1.0f;
    for (int columns = 1; columns <= count; ++columns) {
        const float width =
            widestTile(columns, rowsFor(count, columns), tileAspect, viewport, spacing);
        // Strictly larger wins, so among equal sizes the first (fewest columns) stays.
        if (width > bestWidth * (1.0f + 1e-5f)) {
            bestWidth = width;
            bestColumns = columns;
        }
    }
    if (bestWidth <= 0) return layout;

    const int columns = bestColumns, rows = rowsFor(count, columns);
    const float shorter = std::min(1.0f, 1.0f / tileAspect);
    float gap = std::max(spacing.minGap, spacing.gapFraction * shorter * bestWidth);
    float width = bestWidth;
    float height = width / tileAspect;
    if (spacing.snapToPixels) {
        const float snappedGap = std::max(std::floor(gap), std::ceil(spacing.minGap));
        // Re-fit with the rounded gap, then round the tile down: the grid still fits.
        const float fitted =
            std::min({width, (viewport.w - float(columns - 1) * snappedGap) / float(columns),
                      tileAspect * (viewport.h - float(rows - 1) * snappedGap) / float(rows)});
        const float snappedWidth = std::floor(fitted);
        const float snappedHeight = std::floor(snappedWidth / tileAspect + 1e-3f);
        // Tiles under a pixel cannot be snapped; they keep their exact (tiny) size.
        if (snappedWidth >= 1.0f && snappedHeight >= 1.0f) {
            gap = snappedGap;
            width = snappedWidth;
            height = snappedHeight;
        }
    }

    layout.columns = columns;
    layout.rows = rows;
    layout.tileWidth = width;
    layout.tileHeight = height;
    layout.gap = gap;
    const Rect b = layout.bounds();
    float x = viewport.x + (viewport.w - b.w) * 0.5f;
    float y = viewport.y + (viewport.h - b.h) * 0.5f;
    if (spacing.snapToPixels) {
        x = std::floor(x);
        y = std::floor(y);
    }
    layout.origin = {x, y};
    return layout;
}

float groupFrameWidth(float tileShorterSide, float gap) {
    const float wanted = std::round(0.05f * tileShorterSide);
    const float room = std::floor((gap - kFrameSeparation) * 0.5f);
    return std::max(kMinGroupFrame, std::min({wanted, room, kMaxGroupFrame}));
}

bool tileFitsNumbers(float tileShorterSide, float fontPixels) {
    // Two numbers in opposite corners at 0.8 of the font size, with the map visible between.
    return tileShorterSide >= fontPixels * 3.2f;
}

// [SECTION] Pages

int channelsPerPage(int count, float tileAspect, Rect viewport, float minTile,
                    GridSpacing spacing) {
    if (count <= 0) return 0;
    const auto fits = [&](int n) {
        const GridLayout layout = layoutGrid(n, tileAspect, viewport, spacing);
        return !layout.empty() && std::min(layout.tileWidth, layout.tileHeight) >= minTile;
    };
    if (fits(count)) return count;
    // Fewer tiles are never smaller, so the largest count that fits is found by bisection.
    int lo = 1, hi = count - 1;
    if (!fits(lo)) return 1;
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (fits(mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

Page pageOf(int channels, int perPage, int page) {
    Page p;
    if (channels <= 0 || perPage <= 0) return p;
    p.pages = (channels + perPage - 1) / perPage;
    p.index = std::clamp(page, 0, p.pages - 1);
    p.first = p.index * perPage;
    p.count = std::min(perPage, channels - p.first);
    return p;
}

// [SECTION] View transform

View zoomAround(const View& view, Point anchor, float newZoom) {
    const Point content = view.toContent(anchor);
    return {newZoom, {anchor.x - content.x * newZoom, anchor.y - content.y * newZoom}};
}

float maxZoomFor(const GridLayout& layout, Rect viewport) {
    if (layout.empty()) return 1.0f;
    const float fill =
        0.9f * std::min(viewport.w / layout.tileWidth, viewport.h / layout.tileHeight);
    return std::max(1.0f, fill);
}

namespace {

// Pan along one axis: centre content smaller than the viewport, otherwise keep the viewport
// covered (no empty band on one side while content hangs over the other).
float clampAxis(float pan, float contentStart, float contentLength, float viewStart,
                float viewLength) {
    const float start = contentStart + pan, end = start + contentLength;
    if (contentLength <= viewLength) {
        // Whole pixels, so a grid laid out on pixel boundaries stays on them.
        return pan + std::round((viewStart + viewLength * 0.5f) - (start + contentLength * 0.5f));
    }
    if (start > viewStart) return pan - (start - viewStart);
    if (end < viewStart + viewLength) return pan + (viewStart + viewLength - end);
    return pan;
}

}  // namespace

View clampView(const View& view, const Rect& contentBounds, const Rect& viewport, float minZoom,
               float maxZoom) {
    View v = view;
    const float zoom = std::clamp(view.zoom, minZoom, std::max(minZoom, maxZoom));
    if (zoom != view.zoom) v = zoomAround(view, viewport.center(), zoom);
    const float x0 = contentBounds.x * v.zoom, y0 = contentBounds.y * v.zoom;
    v.pan.x = clampAxis(v.pan.x, x0, contentBounds.w * v.zoom, viewport.x, viewport.w);
    v.pan.y = clampAxis(v.pan.y, y0, contentBounds.h * v.zoom, viewport.y, viewport.h);
    return v;
}

// [SECTION] Hit testing and culling

int hitTest(const GridLayout& layout, const View& view, Point screen) {
    if (layout.empty() || layout.columns == 0) return -1;
    const Point p = view.toContent(screen);
    const float lx = p.x - layout.origin.x, ly = p.y - layout.origin.y;
    if (lx < 0 || ly < 0) return -1;
    const int column = int(lx / layout.pitchX()), row = int(ly / layout.pitchY());
    if (column >= layout.columns || row >= layout.rows) return -1;
    if (lx - float(column) * layout.pitchX() >= layout.tileWidth) return -1;  // in a gap
    if (ly - float(row) * layout.pitchY() >= layout.tileHeight) return -1;
    const int index = row * layout.columns + column;
    return index < layout.count ? index : -1;
}

TileRange visibleTiles(const GridLayout& layout, const View& view, const Rect& viewport) {
    TileRange range;
    if (layout.empty() || layout.columns == 0) return range;
    const Point a = view.toContent({viewport.x, viewport.y});
    const Point b = view.toContent({viewport.right(), viewport.bottom()});
    const Rect bounds = layout.bounds();
    if (b.x < bounds.x || b.y < bounds.y || a.x > bounds.right() || a.y > bounds.bottom())
        return range;
    auto index = [](float offset, float pitch, int n) {
        return std::clamp(int(std::floor(offset / pitch)), 0, n - 1);
    };
    range.firstColumn = index(a.x - layout.origin.x, layout.pitchX(), layout.columns);
    range.lastColumn = index(b.x - layout.origin.x, layout.pitchX(), layout.columns);
    range.firstRow = index(a.y - layout.origin.y, layout.pitchY(), layout.rows);
    range.lastRow = index(b.y - layout.origin.y, layout.pitchY(), layout.rows);
    return range;
}

// [SECTION] Enlarged view

EnlargedLayout layoutEnlarged(const Rect& area, const EnlargedContent& c, float heightShare) {
    EnlargedLayout layout;
    const float innerWidth = std::floor(area.w * 0.94f) - 2 * c.padding;
    const float innerHeight = std::floor(area.h * heightShare) - 2 * c.padding;
    const float bar = c.spacing + c.barWidth + c.spacing + c.barLabelWidth;  // right of the map
    const float mapW = float(std::max(c.mapWidth, 1)), mapH = float(std::max(c.mapHeight, 1));
    const float title = c.titleHeight + c.spacing;  // a title row and the space under it
    const float columnWidth = std::max(c.titleWidth, c.textWidth);

    // Texels per screen pixel for a map in width x height (0: does not fit).
    const auto scaleFor = [&](float width, float height) {
        if (width <= 0 || height <= 0) return 0.0f;
        float scale = std::min(width / mapW, height / mapH);
        scale = std::min(scale, c.maxImageSide / std::max(mapW, mapH));
        if (std::max(mapW, mapH) <= 32.0f && scale >= 1.0f) scale = std::floor(scale);
        return std::round(std::min(mapW, mapH) * scale) < c.minImageSide ? 0.0f : scale;
    };
    // Three arrangements; the one that shows the map largest wins (ties: the earlier).
    //   TitleAbove:  the title spans the top; the statistics right of the colour bar.
    //   Column:      the map uses the full height; title and statistics in a column beside it
    //                (a short strip).
    //   TextBelow:   the title on top, the statistics under the map (a tall, narrow pane).
    const float scales[3] = {
        c.textHeight <= innerHeight - title && c.titleWidth <= innerWidth
            ? scaleFor(innerWidth - bar - 2 * c.spacing - c.textWidth, innerHeight - title)
            : 0.0f,
        title + c.textHeight <= innerHeight
            ? scaleFor(innerWidth - bar - 2 * c.spacing - columnWidth, innerHeight)
            : 0.0f,
        std::max(c.textWidth, c.titleWidth) <= innerWidth
            ? scaleFor(innerWidth - bar, innerHeight - title - c.spacing - c.textHeight)
            : 0.0f};
    int arrangement = 0;
    for (int i = 1; i < 3; ++i)
        if (scales[i] > scales[arrangement]) arrangement = i;
    const float scale = scales[arrangement];
    const float imageW = std::round(mapW * scale), imageH = std::round(mapH * scale);
    if (imageW < 1.0f || imageH < 1.0f) return layout;
    layout.textBeside = arrangement != 2;
    layout.titleBeside = arrangement == 1;

    // The window wraps its content.
    float contentW = 0, contentH = 0;
    switch (arrangement) {
        case 0:
            contentW = std::max(imageW + bar + 2 * c.spacing + c.textWidth, c.titleWidth);
            contentH = title + std::max(imageH, c.textHeight);
            break;
        case 1:
            contentW = imageW + bar + 2 * c.spacing + columnWidth;
            contentH = std::max(imageH, title + c.textHeight);
            break;
        default:
            contentW = std::max({imageW + bar, c.textWidth, c.titleWidth});
            contentH = title + imageH + c.spacing + c.textHeight;
            break;
    }
    const float windowW = std::round(contentW + 2 * c.padding);
    const float windowH = std::round(contentH + 2 * c.padding);
    layout.window = {std::floor(area.x + (area.w - windowW) * 0.5f),
                     std::floor(area.y + (area.h - windowH) * 0.5f), windowW, windowH};

    const float left = layout.window.x + c.padding, top = layout.window.y + c.padding;
    const float right = left + contentW;
    if (arrangement == 1) {
        // The map centred in the full height; the column beside it, centred too.
        const float imageTop = top + std::floor((contentH - imageH) * 0.5f);
        layout.image = {left, imageTop, imageW, imageH};
        const float columnX = left + imageW + bar + 2 * c.spacing;
        const float columnTop = top + std::floor((contentH - title - c.textHeight) * 0.5f);
        layout.title = {columnX, columnTop, right - columnX, c.titleHeight};
        layout.text = {columnX, columnTop + title, c.textWidth, c.textHeight};
    } else {
        layout.title = {left, top, contentW, c.titleHeight};
        const float body = top + title;
        if (arrangement == 0) {
            const float bodyH = contentH - title;
            layout.image = {left, body + std::floor((bodyH - imageH) * 0.5f), imageW, imageH};
            layout.text = {left + imageW + bar + 2 * c.spacing,
                           body + std::floor((bodyH - c.textHeight) * 0.5f), c.textWidth,
                           c.textHeight};
        } else {
            layout.image = {left, body, imageW, imageH};
            layout.text = {left, body + imageH + c.spacing, c.textWidth, c.textHeight};
        }
    }
    layout.colourBar = {layout.image.right() + c.spacing, layout.image.y, c.barWidth, imageH};
    return layout;
}

// [SECTION] Texture atlas

Rect AtlasGeometry::uvRect(int index) const {
    assert(index >= 0 && index < count && width > 0 && height > 0);
    return {float(texelX(index)) / float(width), float(texelY(index)) / float(height),
            float(tileWidth) / float(width), float(tileHeight) / float(height)};
}

AtlasGeometry atlasGeometry(int count, int tileWidth, int tileHeight, int padding) {
    assert(count >= 0 && tileWidth > 0 && tileHeight > 0 && padding >= 0);
    AtlasGeometry g;
    g.count = count;
    g.tileWidth = tileWidth;
    g.tileHeight = tileHeight;
    g.padding = padding;
    if (count == 0) return g;
    const double ratio = double(g.cellHeight()) / double(g.cellWidth());
    g.columns = std::clamp(int(std::ceil(std::sqrt(double(count) * ratio))), 1, count);
    g.rows = rowsFor(count, g.columns);
    g.width = g.columns * g.cellWidth();
    g.height = g.rows * g.cellHeight();
    return g;
}

std::vector<uint8_t> rasteriseAtlas(ConstFeatureMap map, const AtlasGeometry& geometry,
                                    const std::vector<ChannelStatistics>& stats, RangeMode mode) {
    assert(geometry.count == map.channels && geometry.tileWidth == map.width &&
           geometry.tileHeight == map.height && stats.size() == std::size_t(map.channels));
    std::vector<uint8_t> texels(std::size_t(geometry.width) * std::size_t(geometry.height) * 4, 0);
    const int p = geometry.padding;
    const ValueRange shared = channelRange(stats, 0, RangeMode::Shared);
    for (int c = 0; c < map.channels; ++c) {
        const ValueRange range =
            mode == RangeMode::Shared ? shared : channelRange(stats, c, RangeMode::PerChannel);
        const float* plane = map.channel(c);
        const int x0 = geometry.texelX(c) - p, y0 = geometry.texelY(c) - p;
        for (int ty = 0; ty < geometry.cellHeight(); ++ty) {
            // Padding rows and columns repeat the nearest edge texel (clamp-to-edge per tile).
            const int sy = std::clamp(ty - p, 0, map.height - 1);
            uint8_t* out =
                texels.data() +
                (std::size_t(y0 + ty) * std::size_t(geometry.width) + std::size_t(x0)) * 4;
            for (int tx = 0; tx < geometry.cellWidth(); ++tx, out += 4) {
                const int sx = std::clamp(tx - p, 0, map.width - 1);
                const Rgb rgb = colourOf(plane[sy * map.width + sx], range);
                out[0] = rgb[0];
                out[1] = rgb[1];
                out[2] = rgb[2];
                out[3] = 255;
            }
        }
    }
    return texels;
}

}  // namespace shufflescope::ui::tiles
