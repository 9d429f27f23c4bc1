// Feature-map canvas geometry (ui/canvas/tile_layout.h): the grid fits and wastes little space,
// zoom and pan keep what the user points at under the pointer, hit testing finds the tile that
// is drawn there, and the texture atlas holds every channel exactly once with the right colours.
// Headless: no Qt, no OpenGL.
// Sections: Grid layout · Hit testing · Zoom and pan · Atlas

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "canvas/tile_layout.h"
#include "shufflescope/analysis/colormap.h"

using namespace shufflescope;
using namespace shufflescope::ui::tiles;

namespace {

struct LayoutCase {
    int count;
    float aspect;
    Rect viewport;
};

// The shapes the network produces (input 3, stem 24, stage widths for g = 1..8, the head's
// 1000) in a full window, half a window (A/B comparison) and a small one.
std::vector<LayoutCase> layoutCases() {
    std::vector<LayoutCase> cases;
    for (int count : {1, 2, 3, 24, 60, 240, 576, 960, 1000, 1536})
        for (float aspect : {1.0f, 2.0f, 0.5f})
            for (Rect viewport : {Rect{17, 40, 1246, 735}, Rect{17, 70, 600, 700},
                                  Rect{0, 0, 320, 200}, Rect{5, 5, 1900, 1000}})
                cases.push_back({count, aspect, viewport});
    return cases;
}

bool inside(const Rect& inner, const Rect& outer, float tolerance = 1e-3f) {
    return inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance &&
           inner.right() <= outer.right() + tolerance &&
           inner.bottom() <= outer.bottom() + tolerance;
}

// A [C, H, W] map over a vector the test owns.
struct Map {
    int channels, height, width;
    std::vector<float> values;
    ConstFeatureMap view() const { return {values.data(), channels, height, width}; }
};

std::array<uint8_t, 4> texel(const std::vector<uint8_t>& texels, const AtlasGeometry& g, int x,
                             int y) {
    const std::size_t i = (std::size_t(y) * std::size_t(g.width) + std::size_t(x)) * 4;
    return {texels[i], texels[i + 1], texels[i + 2], texels[i + 3]};
}

// The atlas quantises t to 256 levels (a lookup table), as the 8-bit texture would anyway.
std::array<uint8_t, 4> rgba(float t) {
    const Rgb c = viridis(std::round(t * 255.0f) / 255.0f);
    return {c[0], c[1], c[2], 255};
}

}  // namespace

// [SECTION] Grid layout

TEST_CASE("grid layout: every tile lies inside the viewport, in row-major order, gaps apart",
          "[canvas]") {
    for (const LayoutCase& c : layoutCases()) {
        CAPTURE(c.count, c.aspect, c.viewport.x, c.viewport.y, c.viewport.w, c.viewport.h);
        const GridLayout layout = layoutGrid(c.count, c.aspect, c.viewport);
        REQUIRE_FALSE(layout.empty());
        REQUIRE(layout.columns * layout.rows >= c.count);
        REQUIRE((layout.rows - 1) * layout.columns < c.count);  // no empty last row
        REQUIRE(layout.gap >= GridSpacing{}.minGap);
        REQUIRE(std::abs(layout.tileWidth / layout.tileHeight - c.aspect) <=
                c.aspect * 2.0f / std::min(layout.tileWidth, layout.tileHeight));
        REQUIRE(inside(layout.bounds(), c.viewport));
        for (int i = 0; i < c.count; ++i) {
            CAPTURE(i);
            const Rect r = layout.tileRect(i);
            REQUIRE(inside(r, c.viewport));
            if (i % layout.columns != 0)
                REQUIRE(r.x - layout.tileRect(i - 1).right() == Approx(layout.gap));
            if (i >= layout.columns)
                REQUIRE(r.y - layout.tileRect(i - layout.columns).bottom() == Approx(layout.gap));
        }
    }
}

TEST_CASE("grid layout: centred, on whole pixels", "[canvas]") {
    for (const LayoutCase& c : layoutCases()) {
        CAPTURE(c.count, c.aspect, c.viewport.w, c.viewport.h);
        const GridLayout layout = layoutGrid(c.count, c.aspect, c.viewport);
        const Rect b = layout.bounds();
        REQUIRE(std::abs((b.x - c.viewport.x) - (c.viewport.right() - b.right())) <= 1.0f);
        REQUIRE(std::abs((b.y - c.viewport.y) - (c.viewport.bottom() - b.bottom())) <= 1.0f);
        REQUIRE(layout.origin.x == std::floor(layout.origin.x));
        REQUIRE(layout.origin.y == std::floor(layout.origin.y));
        REQUIRE(layout.tileWidth == std::floor(layout.tileWidth));
        REQUIRE(layout.gap == std::floor(layout.gap));
    }
}

TEST_CASE("grid layout: the column count gives the largest tiles", "[canvas]") {
    // Brute force over every column count with the same spacing rule, without pixel snapping
    // (snapping may cost a pixel, never a better arrangement).
    const GridSpacing exact{0.08f, 5.0f, false};
    for (const LayoutCase& c : layoutCases()) {
        CAPTURE(c.count, c.aspect, c.viewport.w, c.viewport.h);
        const GridLayout chosen = layoutGrid(c.count, c.aspect, c.viewport, exact);
        for (int columns = 1; columns <= c.count; ++columns) {
            const int rows = (c.count + columns - 1) / columns;
            // The largest tile width w with columns * w + (columns - 1) * gap(w) fitting both ways.
            float lo = 0, hi = c.viewport.w;
            for (int it = 0; it < 60; ++it) {
                const float w = 0.5f * (lo + hi), h = w / c.aspect;
                const float gap = std::max(exact.minGap, exact.gapFraction * std::min(w, h));
                const bool fits = columns * w + (columns - 1) * gap <= c.viewport.w &&
                                  rows * h + (rows - 1) * gap <= c.viewport.h;
                (fits ? lo : hi) = w;
            }
            CAPTURE(columns, lo, chosen.tileWidth);
            REQUIRE(chosen.tileWidth >= lo * 0.999f);
        }
    }
}

TEST_CASE("grid layout: known arrangements", "[canvas]") {
    struct Expected {
        int count;
        Rect viewport;
        int columns, rows;
    };
    const Expected table[] = {
        {24, {0, 0, 1246, 735}, 6, 4},  // the stem in a 1280 x 800 window: 6 x 4, not 5 x 5
        {3, {0, 0, 1246, 735}, 3, 1},   // the RGB input: one row
        {1, {0, 0, 800, 400}, 1, 1},   {4, {0, 0, 400, 400}, 2, 2},
        {4, {0, 0, 1600, 200}, 4, 1},  {4, {0, 0, 200, 1600}, 1, 4},
    };
    for (const Expected& e : table) {
        CAPTURE(e.count, e.viewport.w, e.viewport.h);
        const GridLayout layout = layoutGrid(e.count, 1.0f, e.viewport);
        REQUIRE(layout.columns == e.columns);
        REQUIRE(layout.rows == e.rows);
    }
}

TEST_CASE("grid layout: nothing to lay out gives an empty layout that hits nothing", "[canvas]") {
    const GridLayout cases[] = {
        layoutGrid(0, 1.0f, {0, 0, 800, 600}),  layoutGrid(10, 1.0f, {0, 0, 0, 600}),
        layoutGrid(10, 1.0f, {0, 0, 800, -5}),  layoutGrid(10, 0.0f, {0, 0, 800, 600}),
        layoutGrid(1000, 1.0f, {0, 0, 20, 20}),  // gaps alone do not fit
    };
    for (const GridLayout& layout : cases) {
        REQUIRE(layout.empty());
        REQUIRE(hitTest(layout, View{}, {10, 10}) == -1);
        REQUIRE(visibleTiles(layout, View{}, {0, 0, 800, 600}).empty());
    }
}

// [SECTION] Hit testing

TEST_CASE(
    "hit test: a tile's centre is that tile at any zoom and pan, gaps and the empty end "
    "of the last row are nothing",
    "[canvas]") {
    const Rect viewport{17, 40, 1246, 735};
    const View views[] = {View{}, View{2.5f, {-300, -120}}, View{17.0f, {-9000, -4000}},
                          View{1.0f, {0.5f, 0.25f}}};
    for (int count : {3, 24, 61, 960}) {
        const GridLayout layout = layoutGrid(count, 1.0f, viewport);
        for (const View& view : views) {
            CAPTURE(count, view.zoom, view.pan.x, view.pan.y);
            for (int i = 0; i < count; ++i) {
                CAPTURE(i);
                const Rect r = view.toScreen(layout.tileRect(i));
                REQUIRE(hitTest(layout, view, r.center()) == i);
                REQUIRE(hitTest(layout, view, {r.x + 0.01f, r.y + 0.01f}) == i);
                // Just right of / below the tile is the gap.
                const float gap = layout.gap * view.zoom;
                REQUIRE(hitTest(layout, view, {r.right() + gap * 0.5f, r.center().y}) == -1);
                REQUIRE(hitTest(layout, view, {r.center().x, r.bottom() + gap * 0.5f}) == -1);
            }
            // Left of / above the grid, and where the last row has no tiles.
            const Rect first = view.toScreen(layout.tileRect(0));
            REQUIRE(hitTest(layout, view, {first.x - 1, first.center().y}) == -1);
            REQUIRE(hitTest(layout, view, {first.center().x, first.y - 1}) == -1);
            if (count % layout.columns != 0) {
                const Rect last = view.toScreen(layout.tileRect(count - 1));
                const float pitch = layout.pitchX() * view.zoom;
                REQUIRE(hitTest(layout, view, {last.center().x + pitch, last.center().y}) == -1);
            }
        }
    }
}

// [SECTION] Zoom and pan

TEST_CASE("zoom around a point keeps the content under that point", "[canvas]") {
    const View starts[] = {View{}, View{3.0f, {-500, -200}}, View{1.5f, {10, 20}}};
    const Point anchors[] = {{0, 0}, {640, 400}, {1279, 799}, {33.3f, 701.7f}};
    for (const View& start : starts)
        for (Point anchor : anchors)
            for (float zoom : {1.0f, 1.25f, 4.0f, 40.0f}) {
                CAPTURE(start.zoom, anchor.x, anchor.y, zoom);
                const View v = zoomAround(start, anchor, zoom);
                REQUIRE(v.zoom == zoom);
                const Point before = start.toContent(anchor), after = v.toContent(anchor);
                REQUIRE(after.x == Approx(before.x).margin(1e-3));
                REQUIRE(after.y == Approx(before.y).margin(1e-3));
            }
}

TEST_CASE(
    "clamped view: zoom within limits, small content centred, large content covers the "
    "viewport",
    "[canvas]") {
    const Rect viewport{17, 40, 1246, 735};
    const GridLayout layout = layoutGrid(960, 1.0f, viewport);
    const float maxZoom = maxZoomFor(layout, viewport);
    REQUIRE(maxZoom > 1.0f);
    // At the largest zoom one tile nearly fills the viewport's shorter side, and no more.
    REQUIRE(layout.tileHeight * maxZoom <= viewport.h);
    REQUIRE(layout.tileHeight * maxZoom >= viewport.h * 0.8f);

    SECTION("zoom 1 is the fitted grid, whatever the pan") {
        for (Point pan : {Point{0, 0}, Point{500, -300}, Point{-1e4f, 1e4f}}) {
            const View v = clampView({1.0f, pan}, layout.bounds(), viewport, 1.0f, maxZoom);
            REQUIRE(std::abs(v.pan.x) <= 1.0f);
            REQUIRE(std::abs(v.pan.y) <= 1.0f);
        }
    }
    SECTION("zoom outside the limits is brought back") {
        REQUIRE(clampView({0.25f, {}}, layout.bounds(), viewport, 1.0f, maxZoom).zoom == 1.0f);
        REQUIRE(clampView({1e6f, {}}, layout.bounds(), viewport, 1.0f, maxZoom).zoom == maxZoom);
    }
    SECTION("zoomed in, the content always covers the viewport") {
        for (Point pan :
             {Point{0, 0}, Point{5000, 5000}, Point{-50000, -50000}, Point{-800, 300}}) {
            CAPTURE(pan.x, pan.y);
            const View v = clampView({6.0f, pan}, layout.bounds(), viewport, 1.0f, maxZoom);
            const Rect s = v.toScreen(layout.bounds());
            REQUIRE(s.x <= viewport.x + 1e-3f);
            REQUIRE(s.y <= viewport.y + 1e-3f);
            REQUIRE(s.right() >= viewport.right() - 1e-3f);
            REQUIRE(s.bottom() >= viewport.bottom() - 1e-3f);
        }
    }
    SECTION("a pan that is already valid is kept") {
        const View inside{4.0f, {-1000, -500}};
        const View clamped = clampView(inside, layout.bounds(), viewport, 1.0f, maxZoom);
        REQUIRE(clamped == inside);
    }
}

TEST_CASE("visible tiles: exactly the rows and columns that reach into the viewport", "[canvas]") {
    const Rect viewport{17, 40, 1246, 735};
    const GridLayout layout = layoutGrid(1536, 1.0f, viewport);
    const View views[] = {View{}, View{4.0f, {-1500, -900}}, View{20.0f, {-12000, -7000}},
                          View{1.0f, {5000, 0}}};
    for (const View& view : views) {
        CAPTURE(view.zoom, view.pan.x, view.pan.y);
        const TileRange range = visibleTiles(layout, view, viewport);
        for (int i = 0; i < layout.count; ++i) {
            const int row = i / layout.columns, column = i % layout.columns;
            const bool listed = !range.empty() && row >= range.firstRow && row <= range.lastRow &&
                                column >= range.firstColumn && column <= range.lastColumn;
            const bool visible = view.toScreen(layout.tileRect(i)).intersects(viewport);
            CAPTURE(i, listed, visible);
            if (visible) REQUIRE(listed);  // never cull a tile that shows
        }
        // And the range is tight: at most one partly hidden row or column beyond each edge.
        if (!range.empty()) {
            const int rows = range.lastRow - range.firstRow + 1;
            REQUIRE(float(rows - 2) * layout.pitchY() * view.zoom <= viewport.h + 1.0f);
        }
    }
}

// [SECTION] Atlas

TEST_CASE("atlas: every channel has its own cell, inside the texture, near-square", "[canvas]") {
    struct Shape {
        int count, width, height;
    };
    for (Shape s : {Shape{1, 1, 1}, Shape{3, 224, 224}, Shape{24, 112, 112}, Shape{60, 28, 28},
                    Shape{1536, 7, 7}, Shape{1000, 1, 1}, Shape{5, 3, 2}}) {
        for (int padding : {0, 1, 2}) {
            CAPTURE(s.count, s.width, s.height, padding);
            const AtlasGeometry g = atlasGeometry(s.count, s.width, s.height, padding);
            REQUIRE(g.columns * g.rows >= s.count);
            REQUIRE((g.rows - 1) * g.columns < s.count);
            REQUIRE(g.width == g.columns * (s.width + 2 * padding));
            REQUIRE(g.height == g.rows * (s.height + 2 * padding));
            const double ratio = double(g.width) / double(g.height);
            if (s.count >= 4) REQUIRE((ratio >= 0.5 && ratio <= 2.0));
            for (int i = 0; i < s.count; ++i) {
                CAPTURE(i);
                REQUIRE(g.texelX(i) - padding >= 0);
                REQUIRE(g.texelY(i) - padding >= 0);
                REQUIRE(g.texelX(i) + s.width + padding <= g.width);
                REQUIRE(g.texelY(i) + s.height + padding <= g.height);
                const Rect uv = g.uvRect(i);
                REQUIRE(uv.x * float(g.width) == Approx(float(g.texelX(i))));
                REQUIRE(uv.y * float(g.height) == Approx(float(g.texelY(i))));
                REQUIRE(uv.right() * float(g.width) == Approx(float(g.texelX(i) + s.width)));
                REQUIRE(uv.bottom() * float(g.height) == Approx(float(g.texelY(i) + s.height)));
            }
        }
    }
}

TEST_CASE("atlas texels: viridis over each channel's range, padding repeats the edge", "[canvas]") {
    // Channel 0 ramps 0..3, channel 1 is constant, channel 2 spans -10..10, channel 3 has a NaN.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const Map map{4, 2, 2, {0, 1, 2, 3, /* */ 7, 7, 7, 7, /* */ -10, 0, 0, 10, /* */ nan, 1, 2, 3}};
    const std::vector<ChannelStatistics> stats = channelStatistics(map.view());
    const AtlasGeometry g = atlasGeometry(4, 2, 2, 1);

    SECTION("per channel: each tile spans the whole colour map") {
        const std::vector<uint8_t> t = rasteriseAtlas(map.view(), g, stats, RangeMode::PerChannel);
        REQUIRE(t.size() == std::size_t(g.width * g.height * 4));
        const int x = g.texelX(0), y = g.texelY(0);
        REQUIRE(texel(t, g, x, y) == rgba(0.0f));
        REQUIRE(texel(t, g, x + 1, y + 1) == rgba(1.0f));
        REQUIRE(texel(t, g, x + 1, y) == rgba(1.0f / 3.0f));
        // Padding: the texel left of the tile repeats its first column, the corner its corner.
        REQUIRE(texel(t, g, x - 1, y) == texel(t, g, x, y));
        REQUIRE(texel(t, g, x + 2, y + 2) == texel(t, g, x + 1, y + 1));
        REQUIRE(texel(t, g, x - 1, y - 1) == texel(t, g, x, y));
        // The constant channel sits at the low end; -10..10 puts 0 in the middle.
        REQUIRE(texel(t, g, g.texelX(1) + 1, g.texelY(1) + 1) == rgba(0.0f));
        REQUIRE(texel(t, g, g.texelX(2) + 1, g.texelY(2)) == rgba(0.5f));
    }
    SECTION("shared: one range for all channels") {
        const std::vector<uint8_t> t = rasteriseAtlas(map.view(), g, stats, RangeMode::Shared);
        // Overall range -10..10 (NaN ignored): 0 is the middle, 10 the top, 7 at 0.85.
        REQUIRE(texel(t, g, g.texelX(0), g.texelY(0)) == rgba(0.5f));
        REQUIRE(texel(t, g, g.texelX(2) + 1, g.texelY(2) + 1) == rgba(1.0f));
        REQUIRE(texel(t, g, g.texelX(1), g.texelY(1)) == rgba(0.85f));
    }
    SECTION("a NaN shows as the low end, never as garbage") {
        const std::vector<uint8_t> t = rasteriseAtlas(map.view(), g, stats, RangeMode::PerChannel);
        REQUIRE(texel(t, g, g.texelX(3), g.texelY(3)) == rgba(0.0f));
    }
}

TEST_CASE("group frames: at least 3 px, growing with the tile, neighbours kept apart", "[canvas]") {
    for (float tile = 1.0f; tile <= 2000.0f; tile *= 1.3f) {
        for (float gap : {kFeatureMapSpacing.minGap, 10.0f, 14.0f, 30.0f}) {
            CAPTURE(tile, gap);
            const float frame = groupFrameWidth(tile, gap);
            CHECK(frame >= 3.0f);
            CHECK(frame <= kMaxGroupFrame);
            CHECK(frame == std::round(frame));  // whole pixels: crisp
            // Two frames in a gap leave background between them.
            CHECK(2 * frame + kFrameSeparation <= std::max(gap, 8.0f));
        }
    }
    CHECK(groupFrameWidth(40, 8) == 3.0f);
    CHECK(groupFrameWidth(120, 12) == 5.0f);
    CHECK(groupFrameWidth(400, 40) == kMaxGroupFrame);
    CHECK(groupFrameWidth(120, 30) > groupFrameWidth(60, 30));

    // The canvas's spacing always leaves room for two minimum frames and the strip between.
    for (int count : {24, 240, 1536}) {
        const GridLayout layout = layoutGrid(count, 1.0f, {0, 0, 900, 300}, kFeatureMapSpacing);
        CAPTURE(count, layout.gap);
        CHECK(layout.gap >= 2 * kMinGroupFrame + kFrameSeparation);
    }
}

namespace {
EnlargedContent typicalContent(int mapWidth, int mapHeight) {
    EnlargedContent c;
    c.mapWidth = mapWidth;
    c.mapHeight = mapHeight;
    c.titleHeight = 27;
    c.titleWidth = 260;
    c.textWidth = 170;
    c.textHeight = 4 * 27 + 22;
    c.barWidth = 18;
    c.barLabelWidth = 90;
    c.spacing = 9;
    c.padding = 12;
    return c;
}

}  // namespace

TEST_CASE("enlarged view: most of the canvas's height, inside it, nothing overlapping",
          "[canvas]") {
    const struct {
        Rect area;
        int mapWidth, mapHeight;
        bool textBeside;
        float heightShare;  // of the area's height the map itself takes, at least
    } cases[] = {
        {{0, 30, 1280, 690}, 8, 8, true, 0.6f},       // a 1280x720 projector, the canvas alone
        {{0, 30, 1920, 1050}, 112, 112, true, 0.6f},  // the stem at 1080p
        {{650, 30, 630, 500}, 14, 14, true, 0.5f},    // one half of an A/B comparison
        {{0, 30, 420, 900}, 28, 28, false, 0.24f},    // tall and narrow: text under the map
        {{0, 30, 700, 500}, 32, 16, false, 0.38f},    // a wide map: also under it
    };
    for (const auto& c : cases) {
        CAPTURE(c.area.w, c.area.h, c.mapWidth, c.mapHeight);
        const EnlargedContent content = typicalContent(c.mapWidth, c.mapHeight);
        const EnlargedLayout layout = layoutEnlarged(c.area, content);
        REQUIRE_FALSE(layout.empty());
        CHECK(layout.textBeside == c.textBeside);
        CHECK(inside(layout.window, c.area, 0.01f));
        CHECK(layout.window.h <= 0.8f * c.area.h + 1);
        // A big share of the canvas: the map alone fills most of what the window may take.
        const float body = 0.8f * c.area.h - 2 * content.padding - content.titleHeight -
                           content.spacing -
                           (c.textBeside ? 0.0f : content.spacing + content.textHeight);
        const float across = 0.94f * c.area.w - 2 * content.padding - 2 * content.spacing -
                             content.barWidth - content.barLabelWidth -
                             (c.textBeside ? 2 * content.spacing + content.textWidth : 0.0f);
        const float fit = std::min(body / float(c.mapHeight), across / float(c.mapWidth));
        CHECK(layout.image.h >= 0.75f * fit * float(c.mapHeight));
        CHECK(layout.image.h >= c.heightShare * c.area.h);
        // Whole screen pixels per texel for small maps.
        if (std::max(c.mapWidth, c.mapHeight) <= 32) {
            const float texel = layout.image.w / float(c.mapWidth);
            CHECK(texel == std::floor(texel));
            CHECK(layout.image.h == texel * float(c.mapHeight));
        }
        for (const Rect* r : {&layout.title, &layout.image, &layout.colourBar, &layout.text})
            CHECK(inside(*r, layout.window, 0.01f));
        CHECK_FALSE(layout.image.intersects(layout.colourBar));
        CHECK_FALSE(layout.image.intersects(layout.text));
        CHECK_FALSE(layout.title.intersects(layout.image));
        CHECK(layout.colourBar.h == layout.image.h);
        // The bar's labels (right of it) stay clear of the text beside.
        if (layout.textBeside)
            CHECK(layout.colourBar.right() + content.spacing + content.barLabelWidth <=
                  layout.text.x);
        CHECK(std::abs(layout.window.center().x - c.area.center().x) <= 1.0f);
    }
    // A short strip under the operation view: four lines of statistics do not fit under 80% of
    // its height; two to a line in almost all of it do.
    EnlargedContent strip = typicalContent(8, 8);
    const Rect short_{0, 30, 900, 160};
    CHECK(layoutEnlarged(short_, strip).empty());
    strip.textHeight = 2 * 27 + 22;
    const EnlargedLayout stripLayout = layoutEnlarged(short_, strip, 0.96f);
    REQUIRE_FALSE(stripLayout.empty());
    CHECK(stripLayout.textBeside);
    CHECK(stripLayout.titleBeside);  // the map takes the strip's full height
    CHECK(stripLayout.image.h >= 0.5f * short_.h);
    CHECK(inside(stripLayout.window, short_, 0.01f));

    // A 1x1 map is a swatch of at most maxImageSide; no room at all gives nothing.
    EnlargedContent vector = typicalContent(1, 1);
    vector.maxImageSide = 90;
    CHECK(layoutEnlarged({0, 0, 1280, 700}, vector).image.w == 90);
    CHECK(layoutEnlarged({0, 0, 100, 60}, typicalContent(8, 8)).empty());
    // Nor when the map would come out smaller than asked (the bar's two labels would collide).
    EnlargedContent tiny = typicalContent(8, 8);
    tiny.minImageSide = 70;
    const EnlargedLayout squeezed = layoutEnlarged({0, 0, 900, 160}, tiny, 0.96f);
    CHECK((squeezed.empty() || squeezed.image.h >= 70));
    tiny.textHeight = 2 * 27 + 22;
    CHECK(layoutEnlarged({0, 0, 900, 160}, tiny, 0.96f).image.h >= 70);
    tiny.minImageSide = 200;
    CHECK(layoutEnlarged({0, 0, 900, 160}, tiny, 0.96f).empty());
}

TEST_CASE("pages: as many channels as fit in tiles of at least the minimum size", "[canvas]") {
    const struct {
        int count;
        Rect viewport;
        float minTile;
    } cases[] = {{1536, {0, 0, 600, 300}, 48}, {384, {0, 0, 290, 70}, 48},
                 {960, {0, 0, 1200, 700}, 48}, {24, {0, 0, 1200, 700}, 48},
                 {1000, {0, 0, 600, 200}, 40}, {384, {0, 0, 30, 30}, 48}};
    for (const auto& c : cases) {
        CAPTURE(c.count, c.viewport.w, c.viewport.h, c.minTile);
        const int n = channelsPerPage(c.count, 1.0f, c.viewport, c.minTile, kFeatureMapSpacing);
        REQUIRE(n >= 1);
        REQUIRE(n <= c.count);
        const auto shorter = [&](int k) {
            const GridLayout g = layoutGrid(k, 1.0f, c.viewport, kFeatureMapSpacing);
            return std::min(g.tileWidth, g.tileHeight);
        };
        if (n > 1 || shorter(1) >= c.minTile) CHECK(shorter(n) >= c.minTile);  // readable
        if (n < c.count) CHECK(shorter(n + 1) < c.minTile);                    // and no fewer
    }
    CHECK(channelsPerPage(24, 1.0f, {0, 0, 1200, 700}, 48, kFeatureMapSpacing) == 24);
    CHECK(channelsPerPage(384, 1.0f, {0, 0, 30, 30}, 48, kFeatureMapSpacing) == 1);
    CHECK(channelsPerPage(0, 1.0f, {0, 0, 300, 300}, 48, kFeatureMapSpacing) == 0);
}

TEST_CASE("pages: consecutive, covering every channel once, clamped", "[canvas]") {
    const Page first = pageOf(384, 40, 0);
    CHECK((first.first == 0 && first.count == 40 && first.index == 0 && first.pages == 10));
    const Page last = pageOf(384, 40, 9);
    CHECK((last.first == 360 && last.count == 24));
    CHECK(pageOf(384, 40, 99).index == 9);
    CHECK(pageOf(384, 40, -3).index == 0);
    CHECK(pageOf(384, 384, 0).pages == 1);
    CHECK(pageOf(0, 40, 0).count == 0);
    for (int perPage : {1, 7, 40, 383, 384}) {
        int covered = 0;
        const int pages = pageOf(384, perPage, 0).pages;
        for (int p = 0; p < pages; ++p) {
            const Page page = pageOf(384, perPage, p);
            CHECK(page.first == covered);
            covered += page.count;
        }
        CHECK(covered == 384);
    }
}
