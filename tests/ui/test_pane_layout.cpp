// A canvas pane's caption, tile decorations and cell words, with text measured by a stand-in for
// the ImGui fonts: inside the pane or cell, apart, shortened or left out as room runs out.

#include <catch2/catch.hpp>

#include "canvas/canvas_text.h"
#include "canvas/pane_layout.h"

using namespace shufflescope::ui;
using tiles::Point;
using tiles::Rect;

namespace {

// Every character 0.55 of the font size wide; the current font is 15 px.
float fakeWidth(const QString& text, CanvasFont font, float size) {
    return float(text.size()) * (font == CanvasFont::Current ? 15.0f : size) * 0.55f;
}

Point fakeExtent(const QString& text, CanvasFont font, float size) {
    return {fakeWidth(text, font, size), size};
}

const QString dots = QStringLiteral("…");

PaneCaptionInput caption(float width, bool compact = false) {
    return {.pane = {640, 40, width, 500},
            .fontPixels = 17,
            .regularSize = 17,
            .compact = compact,
            .label = QStringLiteral("B: g=8 0.5x shuffle"),
            .cost = QStringLiteral("11.3 M MACs"),
            .info = QStringLiteral("test accuracy 92.21% · top: Sneaker 100.0% · 96 × 8 × 8"),
            .dots = dots};
}

float right(const PaneCaptionLayout::Text& t) {
    return t.at.x + fakeWidth(t.text, t.font, t.size);
}

}  // namespace

TEST_CASE("elideToWidth: whole when it fits, else a start and the dots, else nothing", "[layout]") {
    const auto width = [](const QString& text) { return float(text.size()) * 10; };
    CHECK(elideToWidth(QStringLiteral("stages.1.1.pw1"), 140, dots, width) ==
          QStringLiteral("stages.1.1.pw1"));
    const QString cut = elideToWidth(QStringLiteral("stages.1.1.pw1"), 80, dots, width);
    CHECK(cut == QStringLiteral("stages.") + dots);
    CHECK(width(cut) <= 80);
    CHECK(elideToWidth(QStringLiteral("stages.1.1.pw1"), 15, dots, width).isEmpty());
}

TEST_CASE("pane caption: label, cost and the line under them stay inside the pane, apart",
          "[layout]") {
    const bool compact = GENERATE(false, true);
    const float width = GENERATE(160.0f, 240.0f, 330.0f, 480.0f, 640.0f, 960.0f);
    CAPTURE(compact, width);
    const PaneCaptionInput in = caption(width, compact);
    const PaneCaptionLayout l = layoutPaneCaption(in, fakeWidth);
    const float paneRight = in.pane.x + in.pane.w;
    // The label on its box, which stays inside the pane.
    CHECK(l.labelBoxMin.x >= in.pane.x);
    CHECK(l.labelBoxMax.x <= paneRight);
    CHECK(l.label.at.x > l.labelBoxMin.x);
    CHECK(right(l.label) < l.labelBoxMax.x);
    CHECK(l.label.at.y > l.labelBoxMin.y);
    CHECK(l.label.at.y + l.label.size < l.labelBoxMax.y);
    if (compact) CHECK(l.label.font == CanvasFont::Small);
    // The cost right of the box, inside the pane; the line under the box, inside the pane.
    if (l.cost) {
        CHECK(l.cost->at.x > l.labelBoxMax.x);
        CHECK(right(*l.cost) <= paneRight);
        CHECK(l.cost->font == l.label.font);
    }
    CHECK(l.info.at.y >= l.labelBoxMax.y);
    CHECK(l.info.at.x >= in.pane.x);
    CHECK(right(l.info) <= paneRight);
    // Shortened only when the whole would not fit.
    const bool infoWhole = l.info.text == in.info;
    CHECK((infoWhole || l.info.text.isEmpty() || l.info.text.endsWith(dots)));
}

TEST_CASE("pane caption: a long label takes the small font, then shortens, the cost goes first",
          "[layout]") {
    const PaneCaptionLayout wide = layoutPaneCaption(caption(960), fakeWidth);
    CHECK(wide.label.font == CanvasFont::Regular);
    CHECK(wide.label.text == QStringLiteral("B: g=8 0.5x shuffle"));
    REQUIRE(wide.cost);
    CHECK(wide.cost->text == QStringLiteral("11.3 M MACs"));
    CHECK(wide.info.text == caption(960).info);
    const PaneCaptionLayout narrow = layoutPaneCaption(caption(140), fakeWidth);
    CHECK(narrow.label.font == CanvasFont::Small);
    CHECK(narrow.label.text.endsWith(dots));
    CHECK((!narrow.cost || narrow.cost->text.isEmpty()));
    CHECK(narrow.info.text.endsWith(dots));
}

TEST_CASE("tile decorations: frames and numbers on maps large enough, words on large cells",
          "[layout]") {
    const float fontPixels = 17;
    for (float tile : {4.0f, 12.0f, 30.0f, 60.0f, 120.0f}) {
        CAPTURE(tile);
        tiles::GridLayout layout;
        layout.count = 10;
        layout.columns = 5;
        layout.rows = 2;
        layout.tileWidth = layout.tileHeight = tile;
        layout.gap = std::max(tiles::kFeatureMapSpacing.minGap, tile * 0.1f);
        for (float zoom : {1.0f, 2.0f}) {
            CAPTURE(zoom);
            const tiles::View view{zoom, {}};
            const TileDecorations map = tileDecorations(layout, view, false, fontPixels);
            CHECK(map.frame >= tiles::kMinGroupFrame);
            CHECK(map.frame <= tiles::kMaxGroupFrame);
            CHECK(map.numbers == tiles::tileFitsNumbers(tile * zoom, fontPixels));
            CHECK_FALSE(map.cellText);
            const TileDecorations cells = tileDecorations(layout, view, true, fontPixels);
            CHECK(cells.frame == 0);
            CHECK_FALSE(cells.numbers);
            CHECK(cells.cellText == (tile * zoom >= fontPixels * 2.2f));
            CHECK(cells.numberSize < fontPixels);
        }
    }
}

TEST_CASE(
    "cell words: the name over the value, centred in the cell, smaller or fewer as the "
    "cell narrows",
    "[layout]") {
    const QString name = QStringLiteral("Ankle boot"), value = QStringLiteral("0.01%");
    const float regular = 17, small = 14;
    int shown = 3;  // 2: name and value in the regular font, ... 0: nothing
    for (float w = 300; w >= 10; w -= 5) {
        CAPTURE(w);
        const Point p0{100, 200}, p1{100 + w, 200 + 80};
        const auto words = layoutCellText(p0, p1, name, value, regular, small, fakeExtent);
        const int level = !words                             ? 0
                          : !words->nameAt                   ? 1
                          : words->font == CanvasFont::Small ? 2
                                                             : 3;
        CHECK(level <= shown);  // never more as the cell narrows
        shown = level;
        if (!words) continue;
        const float valueWidth = fakeWidth(value, words->font, words->size);
        CHECK(words->valueAt.x >= p0.x);
        CHECK(words->valueAt.x + valueWidth <= p1.x);
        CHECK(words->valueAt.y >= p0.y);
        CHECK(words->valueAt.y + words->size <= p1.y);
        // Centred to the pixel.
        CHECK(std::abs((words->valueAt.x - p0.x) - (p1.x - words->valueAt.x - valueWidth)) <= 1);
        if (words->nameAt) {
            CHECK(words->nameAt->y + words->size <= words->valueAt.y);
            CHECK(words->nameAt->x >= p0.x);
            CHECK(words->nameAt->x + fakeWidth(name, words->font, words->size) <= p1.x);
        }
    }
    CHECK(shown == 0);
}
