#pragma once
// The enlarged view of a channel, laid out but not drawn: which arrangement of its text to use
// (large font, one statistic a line, the group on its own line, the scale note ... down to the
// regular font, four statistics a line) and where every piece goes. tiles::layoutEnlarged places
// the blocks of one arrangement; this measures the text for each, picks the first whose map is
// at least three quarters of the largest any of them allows, and places the words inside the
// blocks. FeatureMapCanvas::drawEnlargedView draws it; tests/ui/test_enlarged_view_layout.cpp
// checks it without a display.

#include <QString>
#include <vector>

#include "canvas/canvas_text.h"
#include "canvas/tile_layout.h"

namespace shufflescope::ui {

// What the view says, in words the canvas has translated.
struct EnlargedViewText {
    QString title;               // "Channel 7 · red"
    QString group;               // "group 2"
    std::vector<QString> stats;  // "min 0.1", "max 2.3", ...
    QString scaleNote;           // "own scale"
    QString high, low;           // the colour bar's ends
    QString close;               // the close mark
};

struct EnlargedViewInput {
    tiles::Rect pane;  // the pane below the header, widget coordinates
    int mapWidth = 1, mapHeight = 1;
    bool isVector = false;      // a 1x1 map: a swatch, not a picture
    float fontPixels = 15;      // the canvas's regular text size
    float regularSize = 15;     // ImGui's current font size
    float noteLineHeight = 19;  // a line of the current font with its spacing
    float itemSpacingY = 5;     // ImGui's vertical item spacing
};

struct EnlargedViewLayout {
    tiles::EnlargedLayout blocks;    // window, title, image, colour bar, text
    tiles::EnlargedContent content;  // what blocks was laid out for
    // The arrangement chosen: 0 the most readable (large font, a statistic a line, the group on
    // a line of its own, the scale note), up to 6 (the regular font, four statistics a line).
    int arrangement = 0;
    CanvasFont font = CanvasFont::Large;
    float textSize = 0;          // of that font
    float line = 0;              // height of a line of it
    bool groupInTitle = false;   // else the group heads the statistics on a line of its own
    bool note = false;           // the scale note under the statistics
    std::vector<QString> lines;  // the statistics, joined per line
    // The words placed (top-left corners of their text).
    struct GroupMark {
        tiles::Rect swatch;
        tiles::Point textAt;
    };
    tiles::Point titleAt;
    GroupMark group;
    tiles::Point closeAt;             // the window's top-right corner
    tiles::Point frameMin, frameMax;  // the group-coloured frame around the image
    tiles::Point highAt, lowAt;
    std::vector<tiles::Point> lineAt;
    tiles::Point noteAt;  // in the current font

    bool empty() const { return blocks.empty(); }
};

// Empty when not even a small map fits in the pane.
EnlargedViewLayout layoutEnlargedView(const EnlargedViewInput& input, const EnlargedViewText& text,
                                      const TextWidth& width);

}  // namespace shufflescope::ui
