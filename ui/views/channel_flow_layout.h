#pragma once
// Where everything of the channel-flow view goes, for a view of a given size and text scale: the
// title and its settings chip, the captions, the columns of channel cells with their unit
// brackets, names and counts, the pointer at the traced channel, and the legend. Measures text but
// never paints: ChannelFlowView paints what this returns and hit-tests its columns; the tests
// check it without a display (tests/ui/test_channel_flow_layout.cpp).

#include <QLineF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <vector>

#include "shufflescope/analysis/reachability.h"
#include "shufflescope/model/network.h"
#include "views/operation/operation_painter.h"

namespace shufflescope::ui {

struct ChannelFlowLayout {
    QRectF area;             // the view inside its margins
    double fontScale = 1.0;  // the projector scale, fitted to the view (fittedFontScale)
    double textPx = 17.0;    // body text at fontScale
    bool tracing = false;    // a channel is traced (else the view asks for one)
    bool shuffle = false;    // the settings chip says "shuffle on"

    // [title row] The question on the left (up to three lines), the settings chip on the right.
    WrappedText title;
    QRectF titleRect;
    FittedText settings;
    QRectF chip;
    QPointF settingsAt;

    // [captions] Under the title, top to bottom: the count at the reference step and, when it
    // leaves the columns room, one unit further back; or the hint to pick a channel.
    struct Caption {
        WrappedText text;
        QRectF rect;
        bool dim = false;
    };
    std::vector<Caption> captions;

    // [columns] One per step, centred on equal slots; a bracket names each unit over its columns.
    struct Label {
        FittedText text;
        QPointF at;  // top-left of the text
    };
    struct Column {
        int step = 0;
        QRectF cells;  // channel 0 at the top
        Label name, count;
        bool traced = false;  // the selected step: its name in the accent colour
    };
    struct UnitBracket {
        QLineF line;
        Label label;
    };
    std::vector<UnitBracket> units;
    std::vector<Column> columns;
    QPolygonF pointer;  // the arrow at the traced channel; empty when not tracing

    // [legend] Under the counts, flowing over as many lines as it needs (tracing only).
    enum class Swatch { None, Reaches, Faded };
    struct LegendItem {
        Swatch swatch = Swatch::None;
        QRectF swatchRect;
        Label label;
        bool dim = false;
    };
    std::vector<LegendItem> legend;
};

// The layout of the flow from `network`'s step `step` back, tracing `channel` (-1: none) whose
// reach is `reach`, in a view of `size` at the requested text scale `fontScale`.
ChannelFlowLayout layoutChannelFlow(const Network& network, int step, int channel,
                                    const ChannelReach& reach, QSizeF size, double fontScale);

}  // namespace shufflescope::ui
