// The enlarged view's layout with text measured by a stand-in for the ImGui fonts: inside its
// pane, no piece on another, the words inside their window, and the arrangements giving way in
// order as the pane gets shorter.

#include <catch2/catch.hpp>

#include <cmath>

#include "canvas/enlarged_view_layout.h"

using namespace shufflescope::ui;
using tiles::Point;
using tiles::Rect;

namespace {

// Every character 0.55 of the font size wide; the current font is 15 px, in whole pixels.
float fakeWidth(const QString& text, CanvasFont font, float size) {
    if (font == CanvasFont::Current) return std::ceil(float(text.size()) * 15.0f * 0.55f);
    return float(text.size()) * size * 0.55f;
}

EnlargedViewText words(bool vector) {
    EnlargedViewText t;
    t.title = vector ? QStringLiteral("Channel 3 · Dress") : QStringLiteral("Channel 37");
    t.group = vector ? QStringLiteral("no group") : QStringLiteral("group 2");
    t.stats =
        vector ? std::vector<QString>{QStringLiteral("value 12.5%"), QStringLiteral("Rank 2 of 10")}
               : std::vector<QString>{QStringLiteral("min 0"), QStringLiteral("max 3.914"),
                                      QStringLiteral("mean 1.495"), QStringLiteral("zeros 18.8%")};
    t.scaleNote = QStringLiteral("own scale");
    t.high = QStringLiteral("3.914");
    t.low = QStringLiteral("0");
    t.close = QStringLiteral("×");
    return t;
}

EnlargedViewInput input(Rect pane, int side, float fontPixels) {
    return {.pane = pane,
            .mapWidth = side,
            .mapHeight = side,
            .isVector = side == 1,
            .fontPixels = fontPixels,
            .regularSize = fontPixels,
            .noteLineHeight = std::round(fontPixels * 1.2f) + 4,
            .itemSpacingY = 4};
}

bool inside(const Rect& inner, const Rect& outer) {
    return inner.x >= outer.x - 0.5f && inner.y >= outer.y - 0.5f &&
           inner.right() <= outer.right() + 0.5f && inner.bottom() <= outer.bottom() + 0.5f;
}

// The box of `text` in the chosen font at `at`.
Rect box(const EnlargedViewLayout& l, Point at, const QString& text, CanvasFont font) {
    return {at.x, at.y, fakeWidth(text, font, l.textSize), l.line};
}

}  // namespace

TEST_CASE("enlarged view layout: inside the pane, pieces apart, words inside the window",
          "[layout]") {
    const int side = GENERATE(1, 4, 8, 28, 56);
    const float fontPixels = GENERATE(15.0f, 27.0f, 37.0f);
    const Rect pane =
        GENERATE(Rect{0, 40, 1100, 600}, Rect{640, 40, 630, 700}, Rect{0, 30, 1400, 200},
                 Rect{0, 30, 520, 900}, Rect{300, 500, 900, 260});
    CAPTURE(side, fontPixels, pane.x, pane.y, pane.w, pane.h);
    const EnlargedViewText text = words(side == 1);
    const EnlargedViewLayout l = layoutEnlargedView(input(pane, side, fontPixels), text, fakeWidth);
    if (l.empty()) {
        // With ordinary text every one of these panes holds an enlarged view.
        CHECK(fontPixels > 15);
        return;
    }
    const Rect& window = l.blocks.window;
    CHECK(inside(window, pane));
    for (const Rect& piece : {l.blocks.title, l.blocks.image, l.blocks.colourBar, l.blocks.text})
        CHECK(inside(piece, window));
    CHECK_FALSE(l.blocks.image.intersects(l.blocks.colourBar));
    CHECK_FALSE(l.blocks.image.intersects(l.blocks.text));

    // The frame hugs the image; the bar's labels sit right of it, the maximum over the minimum.
    CHECK(l.frameMin.x < l.blocks.image.x);
    CHECK(l.frameMax.y > l.blocks.image.bottom());
    const Rect high = box(l, l.highAt, text.high, l.font), low = box(l, l.lowAt, text.low, l.font);
    CHECK(high.x > l.blocks.colourBar.right());
    CHECK(high.bottom() <= low.y + 0.5f);
    CHECK(inside(high, window));
    CHECK(inside(low, window));
    CHECK_FALSE(high.intersects(l.blocks.image));

    // The title and the close mark on the top row, apart; the group beside the title or heading
    // the statistics; every statistic line and the note inside the window, under each other.
    const Rect title = box(l, l.titleAt, text.title, l.font);
    const Rect close = box(l, l.closeAt, text.close, l.font);
    CHECK(inside(title, window));
    CHECK(inside(close, window));
    CHECK(title.right() <= close.x);
    CHECK(inside(l.group.swatch, window));
    const Rect group = box(l, l.group.textAt, text.group, l.font);
    CHECK(inside(group, window));
    if (l.groupInTitle) {
        CHECK(l.group.swatch.x >= title.right());
        CHECK(group.right() <= close.x);
    } else {
        CHECK(l.group.swatch.y >= l.blocks.text.y);
    }
    // The statistics from the top of the text block, under the group's line when it has one.
    float y = l.groupInTitle ? l.blocks.text.y : l.blocks.text.y + l.line;
    REQUIRE(l.lineAt.size() == l.lines.size());
    for (std::size_t i = 0; i < l.lines.size(); ++i) {
        const Rect line = box(l, l.lineAt[i], l.lines[i], l.font);
        CAPTURE(i, l.lines[i].toStdString());
        CHECK(inside(line, window));
        CHECK(line.y >= y - 0.5f);
        CHECK_FALSE(line.intersects(l.blocks.image));
        CHECK_FALSE(line.intersects(high));
        y = line.bottom();
    }
    if (l.note) {
        CHECK(l.noteAt.y >= y);
        CHECK(
            inside({l.noteAt.x, l.noteAt.y, fakeWidth(text.scaleNote, CanvasFont::Current, 0), 15},
                   window));
    }
    // Every statistic is said, whole, on some line.
    for (const QString& stat : text.stats)
        CHECK(std::any_of(l.lines.begin(), l.lines.end(),
                          [&](const QString& line) { return line.contains(stat); }));
}

TEST_CASE(
    "enlarged view layout: a tall pane shows the most readable arrangement, a short one "
    "a more compact one, then none",
    "[layout]") {
    const int side = GENERATE(1, 8, 28);
    const float fontPixels = GENERATE(15.0f, 27.0f);
    CAPTURE(side, fontPixels);
    const EnlargedViewText text = words(side == 1);
    const auto at = [&](float height) {
        return layoutEnlargedView(input({0, 40, 1280, height}, side, fontPixels), text, fakeWidth);
    };
    // Tall: large text, a statistic a line, the group on its own line, the scale note.
    const EnlargedViewLayout tall = at(900);
    REQUIRE_FALSE(tall.empty());
    CHECK(tall.arrangement == 0);
    CHECK(tall.font == CanvasFont::Large);
    CHECK_FALSE(tall.groupInTitle);
    CHECK(tall.note);
    CHECK(tall.lines.size() == text.stats.size());
    // Shorter: more compact arrangements (the map keeps at least three quarters of the largest
    // any allows); shorter still: none. Once none fits, nothing shorter fits either.
    bool compacted = false, emptied = false;
    for (float height = 900; height >= 20; height -= 10) {
        CAPTURE(height);
        const EnlargedViewLayout l = at(height);
        if (l.empty()) {
            emptied = true;
            continue;
        }
        CHECK_FALSE(emptied);
        CHECK(l.blocks.image.h >= l.content.minImageSide - 0.5f);
        CHECK(l.lines.size() <= text.stats.size());
        compacted = compacted || l.arrangement > 0;
        // The compact arrangements put the group in the title, never on a line of its own.
        if (l.arrangement > 0 && l.arrangement != 2) CHECK(l.groupInTitle);
        if (l.font == CanvasFont::Regular) CHECK_FALSE(l.note);
    }
    CHECK(compacted);
    CHECK(emptied);
}
