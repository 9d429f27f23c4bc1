#pragma once
// The feature-map canvas's header strip, laid out but not drawn. Everything is measured first and
// placed by priority, so nothing overlaps on a narrow canvas or at projector text sizes: the step
// name keeps its first characters; the shared-range toggle on the right shortens its label (down
// to the box alone); then come the zoom reset (left out when it does not fit), a comparison's
// pager (shortened, then its arrows alone), the output shape (shortened or left out) and the
// shared colour scale (left out). FeatureMapCanvas::drawHeader draws it;
// tests/ui/test_canvas_header_layout.cpp checks it without a display.

#include <QString>
#include <QStringList>
#include <optional>

#include "canvas/canvas_text.h"
#include "canvas/tile_layout.h"

namespace shufflescope::ui {

struct CanvasHeaderInput {
    float width = 0, height = 0;  // of the header strip
    float fontPixels = 15;
    float lineHeight = 15;    // a line of the current font
    float frameHeight = 21;   // a checkbox or a button
    float innerSpacing = 4;   // between a checkbox and its label
    float itemSpacing = 8;    // between the colour scale's pieces
    float framePadding = 5;   // inside a button, each side
    QString stepName;         // empty: no step
    QStringList rangeLabels;  // the toggle's labels, longest first; the last may be empty
    QStringList zoomLabels;   // the reset button's labels, longest first; empty: not zoomed
    QStringList pagerLabels;  // "channels 0–19 of 768", shorter, ""; empty: no pages
    QStringList shapes;       // the output shape, longest first; empty: none to show
    QString low, high;        // the shared colour scale's ends; empty: no shared scale
    QString dots;             // the ellipsis the font has
};

struct CanvasHeaderLayout {
    struct Text {
        QString text;
        tiles::Point at;  // top-left
    };
    float textY = 0;                // of every line of text
    Text rangeToggle;               // at: the checkbox's top-left; text: its label
    std::optional<Text> zoomReset;  // at: the button's top-left
    std::optional<Text> name;       // the step, shortened to its room
    struct Pager {
        tiles::Point previous, next;  // the arrow buttons' top-left corners
        std::optional<Text> label;    // between them
    };
    std::optional<Pager> pager;
    std::optional<Text> shape;
    struct Scale {
        Text low, high;
        tiles::Rect bar;  // the gradient between them
    };
    std::optional<Scale> scale;
    float ruleY = 0;  // the line under the header
};

CanvasHeaderLayout layoutCanvasHeader(const CanvasHeaderInput& input, const TextWidth& width);

}  // namespace shufflescope::ui
