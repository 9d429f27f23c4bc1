// The canvas header's layout with text measured by a stand-in for the ImGui font: inside the
// strip, nothing on anything else, the step name kept, and the optional pieces given up in order
// as the canvas narrows.

#include <catch2/catch.hpp>

#include <cmath>

#include "canvas/canvas_header_layout.h"

using namespace shufflescope::ui;
using tiles::Rect;

namespace {

constexpr float kFont = 15;

// 0.55 of the font size a character, in whole pixels (as ImGui::CalcTextSize rounds).
float fakeWidth(const QString& text, CanvasFont, float) {
    return std::ceil(float(text.size()) * kFont * 0.55f);
}

CanvasHeaderInput header(float width, bool zoomed, bool paged, bool shapes, bool scale) {
    CanvasHeaderInput in{
        .width = width,
        .height = 30,
        .fontPixels = kFont,
        .lineHeight = kFont,
        .frameHeight = 21,
        .innerSpacing = 4,
        .itemSpacing = 8,
        .framePadding = 5,
        .stepName = QStringLiteral("stages.2.3.relu"),
        .rangeLabels = {QStringLiteral("Shared range (G)"), QStringLiteral("Shared range"),
                        QStringLiteral("Shared (G)"), QString()},
        .dots = QStringLiteral("…")};
    if (zoomed)
        in.zoomLabels = {QStringLiteral("Zoom 2.4× — reset"), QStringLiteral("2.4× — reset")};
    if (paged)
        in.pagerLabels = {QStringLiteral("channels 0–19 of 768"), QStringLiteral("0–19"),
                          QString()};
    if (shapes) in.shapes = {QStringLiteral("480 channels × 4 × 4"), QStringLiteral("480 × 4 × 4")};
    if (scale) {
        in.low = QStringLiteral("0");
        in.high = QStringLiteral("6.127");
    }
    return in;
}

Rect textBox(const CanvasHeaderLayout::Text& t) {
    return {t.at.x, t.at.y, fakeWidth(t.text, CanvasFont::Current, 0), kFont};
}

// Every piece the layout placed, as rectangles (widgets as the input sizes them).
std::vector<Rect> pieces(const CanvasHeaderLayout& l, const CanvasHeaderInput& in) {
    std::vector<Rect> all;
    const float box = in.frameHeight;
    const Rect toggle{
        l.rangeToggle.at.x, l.rangeToggle.at.y,
        box + (l.rangeToggle.text.isEmpty() ? 0 : in.innerSpacing + textBox(l.rangeToggle).w), box};
    all.push_back(toggle);
    if (l.zoomReset)
        all.push_back({l.zoomReset->at.x, l.zoomReset->at.y,
                       textBox(*l.zoomReset).w + 2 * in.framePadding, box});
    if (l.name && !l.name->text.isEmpty()) all.push_back(textBox(*l.name));
    if (l.pager) {
        all.push_back({l.pager->previous.x, l.pager->previous.y, box, box});
        if (l.pager->label) all.push_back(textBox(*l.pager->label));
        all.push_back({l.pager->next.x, l.pager->next.y, box, box});
    }
    if (l.shape) all.push_back(textBox(*l.shape));
    if (l.scale) {
        all.push_back(textBox(l.scale->low));
        all.push_back(l.scale->bar);
        all.push_back(textBox(l.scale->high));
    }
    return all;
}

}  // namespace

TEST_CASE("canvas header layout: every piece inside the strip, none on another", "[layout]") {
    const bool zoomed = GENERATE(false, true);
    const bool paged = GENERATE(false, true);
    const bool withScale = GENERATE(false, true);
    for (float width = 1920; width >= 200; width -= 7) {
        CAPTURE(zoomed, paged, withScale, width);
        const CanvasHeaderInput in = header(width, zoomed, paged, !paged, withScale && !paged);
        const CanvasHeaderLayout l = layoutCanvasHeader(in, fakeWidth);
        const std::vector<Rect> all = pieces(l, in);
        for (std::size_t i = 0; i < all.size(); ++i) {
            CAPTURE(i);
            CHECK(all[i].x >= 0);
            CHECK(all[i].right() <= width + 0.5f);
            CHECK(all[i].y >= 0);
            CHECK(all[i].bottom() <= in.height);
            for (std::size_t j = i + 1; j < all.size(); ++j) {
                CAPTURE(j);
                CHECK_FALSE(all[i].intersects(all[j]));
            }
        }
        CHECK(l.ruleY == in.height - 1);
        // The name is never cut below its first characters (six ems, give or take the dots and
        // a character) while the toggle still has a label or the reset button shows.
        REQUIRE(l.name);
        const float kept = std::min(fakeWidth(in.stepName, CanvasFont::Current, 0), kFont * 6);
        const float slack = fakeWidth(QStringLiteral("x…"), CanvasFont::Current, 0);
        if ((!l.rangeToggle.text.isEmpty() || l.zoomReset) && !paged)
            CHECK(textBox(*l.name).w >= kept - slack);
        // The shared scale only beside the shape.
        if (l.scale) CHECK(l.shape);
    }
}

TEST_CASE("canvas header layout: wide, everything shows, narrowing gives the pieces up in order",
          "[layout]") {
    const auto at = [](float width, bool paged) {
        return layoutCanvasHeader(header(width, true, paged, !paged, !paged), fakeWidth);
    };
    const CanvasHeaderLayout wide = at(1920, false);
    CHECK(wide.rangeToggle.text == QStringLiteral("Shared range (G)"));
    REQUIRE(wide.zoomReset);
    CHECK(wide.zoomReset->text == QStringLiteral("Zoom 2.4× — reset"));
    CHECK(wide.name->text == QStringLiteral("stages.2.3.relu"));
    REQUIRE(wide.shape);
    CHECK(wide.shape->text == QStringLiteral("480 channels × 4 × 4"));
    CHECK(wide.scale);
    const CanvasHeaderLayout widePaged = at(1920, true);
    REQUIRE(widePaged.pager);
    REQUIRE(widePaged.pager->label);
    CHECK(widePaged.pager->label->text == QStringLiteral("channels 0–19 of 768"));

    // Narrowing, the colour scale goes first, then the long shape, the shape, the reset; the
    // toggle shortens last, down to the box alone, and the name is shortened only then.
    const auto rank = [](const CanvasHeaderLayout& l) {
        int given = 0;
        given += !l.scale;
        given += !l.shape || l.shape->text != QStringLiteral("480 channels × 4 × 4");
        given += !l.shape;
        given += !l.zoomReset || l.zoomReset->text != QStringLiteral("Zoom 2.4× — reset");
        given += !l.zoomReset;
        return given;
    };
    int last = 0;
    for (float width = 1920; width >= 200; width -= 3) {
        CAPTURE(width);
        const CanvasHeaderLayout l = at(width, false);
        CHECK(rank(l) >= last);
        last = rank(l);
        if (l.scale) CHECK(l.shape);
        if (!l.shape) CHECK_FALSE(l.scale);
    }
    const CanvasHeaderLayout narrow = at(200, false);
    CHECK_FALSE(narrow.scale);
    CHECK_FALSE(narrow.shape);
    CHECK_FALSE(narrow.zoomReset);
    CHECK(narrow.rangeToggle.text.isEmpty());
    CHECK(narrow.name->text == QStringLiteral("stages.2.3.relu"));  // the toggle gave way first
    // Paged and narrow: the pager keeps its arrows after its words go.
    bool arrowsAlone = false;
    for (float width = 1920; width >= 300; width -= 3) {
        const CanvasHeaderLayout l = at(width, true);
        if (l.pager && !l.pager->label) arrowsAlone = true;
    }
    CHECK(arrowsAlone);
}
