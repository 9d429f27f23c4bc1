#pragma once
// A canvas pane's words and decorations, laid out but not drawn: a comparison pane's caption
// (the configuration on a coloured label, its cost beside it, its accuracy, prediction and shape
// under it, each shortened to fit), how the tiles are decorated at their size on screen (group
// frames, channel and group numbers, a large cell's class and value), and where a large cell's
// words go. Text is measured through TextWidth (canvas_text.h); FeatureMapCanvas::drawPane draws
// what these return; tests/ui/test_pane_layout.cpp checks them without a display.

#include <QString>
#include <functional>
#include <optional>

#include "canvas/canvas_text.h"
#include "canvas/tile_layout.h"

namespace shufflescope::ui {

// [SECTION] A comparison pane's caption

struct PaneCaptionInput {
    tiles::Rect pane;  // widget coordinates
    float fontPixels = 15;
    float regularSize = 15;  // ImGui's current font size
    bool compact = false;    // a short comparison: everything in the small font
    QString label;           // "A: g=3 0.5x shuffle"
    QString cost;            // "10.9 M MACs"
    QString info;            // accuracy, prediction, shape
    QString dots;            // the ellipsis the font has
};

struct PaneCaptionLayout {
    struct Text {
        CanvasFont font = CanvasFont::Regular;
        float size = 0;
        QString text;  // shortened to fit; empty when nothing fits
        tiles::Point at;
    };
    Text label;                             // in the regular font when it fits, else the small one
    tiles::Point labelBoxMin, labelBoxMax;  // the coloured box behind it
    std::optional<Text> cost;               // beside the label, when there is room
    Text info;                              // the line under them
};

PaneCaptionLayout layoutPaneCaption(const PaneCaptionInput& input, const TextWidth& width);

// [SECTION] Tiles

struct TileDecorations {
    float frame = 0;        // width of the group-coloured frame around a map (0: none)
    bool numbers = false;   // the channel and group numbers in a map's corners
    bool cellText = false;  // a 1x1 step's cells name their class and value
    float numberSize = 0;   // the small font's size for numbers
};

// How the tiles of `layout` are decorated at the zoom of `view`, for maps or (`isVector`) the
// cells of a 1x1 step.
TileDecorations tileDecorations(const tiles::GridLayout& layout, const tiles::View& view,
                                bool isVector, float fontPixels);

// The words in a large cell from (x0, y0) to (x1, y1): the name over the value, centred, in the
// regular font where the cell is wide enough, else the small one; a name that fits in neither
// leaves the value alone; a value that does not fit: nothing.
struct CellText {
    CanvasFont font = CanvasFont::Regular;
    float size = 0;
    std::optional<tiles::Point> nameAt;
    tiles::Point valueAt;
};
// The width (x) and height (y) of `text` in `font` at `size` pixels.
using TextExtent = std::function<tiles::Point(const QString& text, CanvasFont font, float size)>;
std::optional<CellText> layoutCellText(tiles::Point p0, tiles::Point p1, const QString& name,
                                       const QString& value, float regularSize, float smallSize,
                                       const TextExtent& extent);

}  // namespace shufflescope::ui
