#pragma once
// Tile geometry for the feature-map canvas: where each channel's tile goes on screen, how zoom and
// pan move it, which channel a point hits, and how the tiles are packed into one texture atlas.
// Plain functions over plain structs — no Qt, no OpenGL — so the maths is tested headless
// (tests/ui/test_tile_layout.cpp) and the canvas only draws what these return.
//
// Coordinates: "content" space is a pane's own pixel space at zoom 1 (the fitted grid); "screen"
// space is the same pane after the view transform, screen = content * zoom + pan. Both are in
// logical (device-independent) pixels with the pane's top-left corner at (0, 0).

#include <cstdint>
#include <vector>

#include "shufflescope/analysis/feature_statistics.h"
#include "shufflescope/base/tensor.h"

namespace shufflescope::ui::tiles {

// [SECTION] Basic types

struct Point {
    float x = 0, y = 0;
    bool operator==(const Point&) const = default;
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    Point center() const { return {x + w * 0.5f, y + h * 0.5f}; }
    // Half-open: a point on the right or bottom edge belongs to the next rectangle.
    bool contains(Point p) const { return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h; }
    bool intersects(const Rect& o) const {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
    bool operator==(const Rect&) const = default;
};

// [SECTION] Grid layout

// Gaps grow with the tiles (a fraction of the tile's shorter side) but never shrink below
// minGap, so the group-coloured borders drawn in the gaps stay visible with 1,536 small tiles.
struct GridSpacing {
    float gapFraction = 0.08f;
    float minGap = 5.0f;
    bool snapToPixels = true;  // integer tile sizes and gaps: crisp borders at zoom 1
};

// Feature maps: gaps wide enough for two group frames of at least kMinGroupFrame pixels and a
// kFrameSeparation-pixel strip of background between neighbours.
inline constexpr float kMinGroupFrame = 3.0f;
inline constexpr float kMaxGroupFrame = 8.0f;
inline constexpr float kFrameSeparation = 2.0f;
inline constexpr GridSpacing kFeatureMapSpacing{0.1f, 2 * kMinGroupFrame + kFrameSeparation, true};

// The width of the group-coloured frame drawn in the gap around a feature-map tile (all sizes on
// screen, zoom included): at least kMinGroupFrame pixels so the group reads beside any viridis
// tile, growing with the tile (about 5% of its shorter side) up to what the gap holds while
// neighbouring frames stay kFrameSeparation apart, and never more than kMaxGroupFrame.
float groupFrameWidth(float tileShorterSide, float gap);

// Whether a tile this large (shorter side, on screen) has room for its channel number and its
// group number at font size `fontPixels`.
bool tileFitsNumbers(float tileShorterSide, float fontPixels);

struct GridLayout {
    int count = 0;
    int columns = 0, rows = 0;
    float tileWidth = 0, tileHeight = 0;  // the image area of one tile
    float gap = 0;                        // between neighbouring tiles
    Point origin;                         // top-left of tile 0, in content space

    bool empty() const { return count == 0 || tileWidth <= 0 || tileHeight <= 0; }
    float pitchX() const { return tileWidth + gap; }
    float pitchY() const { return tileHeight + gap; }
    // The rectangle of tile `index` (row-major: index = row * columns + column).
    Rect tileRect(int index) const;
    // The bounding box of all tiles (without the outer gap).
    Rect bounds() const;
};

// Lays out `count` tiles of aspect ratio tileAspect (= width / height of one feature map) in a
// grid that fits inside `viewport`, choosing the column count that makes the tiles largest and
// centring the grid. count == 0 or a degenerate viewport gives an empty layout.
GridLayout layoutGrid(int count, float tileAspect, Rect viewport, GridSpacing spacing = {});

// [SECTION] Pages
// An A/B comparison shows the same channels side by side in tiles large enough to read (on a
// 1280x720 projector, g = 8 has 1,536 channels a side): a page of channels at a time, the same
// page in both panes, so channel k sits in the same place in A and in B.

// The most channels (1..count) whose grid in `viewport` has tiles whose shorter side is at least
// minTile; 1 if even one tile is smaller (it is then as large as the viewport allows).
int channelsPerPage(int count, float tileAspect, Rect viewport, float minTile,
                    GridSpacing spacing = {});

struct Page {
    int first = 0, count = 0;  // channels [first, first + count) of the step
    int index = 0, pages = 1;  // this page, of how many
};
// Page `page` (clamped to the pages there are) of `channels` at `perPage` a page.
Page pageOf(int channels, int perPage, int page);

// [SECTION] View transform (zoom and pan)

struct View {
    float zoom = 1.0f;
    Point pan;  // screen = content * zoom + pan

    Point toScreen(Point content) const {
        return {content.x * zoom + pan.x, content.y * zoom + pan.y};
    }
    Point toContent(Point screen) const {
        return {(screen.x - pan.x) / zoom, (screen.y - pan.y) / zoom};
    }
    Rect toScreen(const Rect& content) const {
        const Point p = toScreen(Point{content.x, content.y});
        return {p.x, p.y, content.w * zoom, content.h * zoom};
    }
    bool operator==(const View&) const = default;
};

// The view with zoom `newZoom` that keeps the content point under `anchor` (screen space) fixed:
// the mouse-wheel zoom.
View zoomAround(const View& view, Point anchor, float newZoom);

// Zoom limits for a layout: 1 (everything fits) up to the zoom at which one tile fills most of
// the viewport's shorter side — beyond that nothing more can be seen.
float maxZoomFor(const GridLayout& layout, Rect viewport);

// Clamps zoom to [minZoom, maxZoom] (around the viewport's centre) and the pan so that the
// content never leaves a gap it need not: along an axis where the zoomed content is smaller than
// the viewport it is centred as at zoom 1, otherwise it covers the viewport edge to edge.
View clampView(const View& view, const Rect& contentBounds, const Rect& viewport, float minZoom,
               float maxZoom);

// [SECTION] Hit testing and culling

// The channel whose tile contains `screen` (pane space), or -1 in a gap, outside the grid or past
// the last tile of the last row.
int hitTest(const GridLayout& layout, const View& view, Point screen);

// Tiles whose on-screen rectangle can intersect `viewport`, as a range of rows and columns.
struct TileRange {
    int firstRow = 0, lastRow = -1;  // inclusive
    int firstColumn = 0, lastColumn = -1;
    bool empty() const { return lastRow < firstRow || lastColumn < firstColumn; }
};
TileRange visibleTiles(const GridLayout& layout, const View& view, const Rect& viewport);

// [SECTION] Enlarged view
// A clicked tile opens a large view of its channel over the canvas, readable from the back of a
// room: the map, a colour bar with its min and max beside it, and the title and statistics in
// large text beside the bar (a wide canvas; in a short strip as one column, so the map gets the
// full height) or under the map (a tall one), whichever leaves the map largest. The canvas
// measures the text; this places the pieces.

struct EnlargedContent {
    int mapWidth = 1, mapHeight = 1;  // texels of the feature map
    float maxImageSide = 1e9f;        // a cap (a 1x1 map is a swatch, not a wall of colour)
    float minImageSide = 0;           // smaller is no enlargement (and the bar's labels collide)
    float titleHeight = 0;            // the title row, close button included
    float titleWidth = 0;
    float textWidth = 0, textHeight = 0;  // the statistics block
    float barWidth = 0;                   // the colour bar
    float barLabelWidth = 0;              // its widest label (max or min), drawn right of it
    float spacing = 0;                    // between pieces
    float padding = 0;                    // inside the window's edge
};

struct EnlargedLayout {
    Rect window;  // everything below, in the coordinates of the area given
    Rect title, image, colourBar, text;
    bool textBeside = true;    // statistics right of the colour bar; false: under the map
    bool titleBeside = false;  // the title heads the statistics' column (a short strip)
    bool empty() const { return image.w <= 0 || image.h <= 0; }
};

// The enlarged view inside `area` (a pane below the header): at most heightShare of its height
// and 94% of its width, centred. Maps of up to 32 x 32 texels get a whole number of screen pixels
// per texel, so every texel is the same size. Empty if not even a small map fits.
EnlargedLayout layoutEnlarged(const Rect& area, const EnlargedContent& content,
                              float heightShare = 0.8f);

// [SECTION] Texture atlas
// All tiles of one step go into ONE RGBA8 texture, uploaded once when the step changes. Each
// tile sits in a cell with a `padding`-texel border that repeats the tile's edge texels, so
// bilinear minification never samples a neighbouring channel.

struct AtlasGeometry {
    int count = 0;
    int tileWidth = 0, tileHeight = 0;
    int padding = 1;
    int columns = 0, rows = 0;
    int width = 0, height = 0;  // texels

    int cellWidth() const { return tileWidth + 2 * padding; }
    int cellHeight() const { return tileHeight + 2 * padding; }
    // Texel rectangle of tile `index` (without padding).
    int texelX(int index) const { return (index % columns) * cellWidth() + padding; }
    int texelY(int index) const { return (index / columns) * cellHeight() + padding; }
    // Normalised texture coordinates of tile `index`: (u0, v0) top-left, (u1, v1) bottom-right,
    // with v = 0 at the first uploaded row.
    Rect uvRect(int index) const;
};

// Near-square packing: ceil(sqrt(count * cellHeight / cellWidth)) columns.
AtlasGeometry atlasGeometry(int count, int tileWidth, int tileHeight, int padding = 1);

// The statistics and colouring are the engine's (shufflescope/analysis): the CLI's --dump PNGs
// colour the same tensor the same way.
using shufflescope::ChannelStatistics;
using shufflescope::RangeMode;
using shufflescope::ValueRange;

// Colours every channel of `map` with colourOf (colormap.h) into RGBA8 texels laid out as
// `geometry` says (row-major, 4 bytes per texel, alpha 255), padding included. geometry must
// come from atlasGeometry(map.channels, map.width, map.height, ...); stats from
// channelStatistics(map).
std::vector<uint8_t> rasteriseAtlas(ConstFeatureMap map, const AtlasGeometry& geometry,
                                    const std::vector<ChannelStatistics>& stats, RangeMode mode);

}  // namespace shufflescope::ui::tiles
