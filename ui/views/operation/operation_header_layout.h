#pragma once
// The operation view's title block, laid out but not painted: the step's name and kind (on one
// line when both fit at nearly full size, else the kind wraps on a line of its own), then its
// output shape, MACs (grouped vs dense) and parameters, packed into as few lines as fit, then a
// rule. OperationPainter::paintHeader paints it; tests/ui/test_operation_header_layout.cpp checks
// it without a display.

#include <QLineF>
#include <QRectF>
#include <vector>

#include "shufflescope/analysis/cost.h"
#include "views/operation/operation_painter.h"

namespace shufflescope::ui {

struct OperationHeaderLayout {
    struct Line {
        FittedText text;
        QPointF at;  // top-left of the text
    };
    Line name;
    // The kind beside the name ("  ·  grouped 1×1 convolution, g = 3"), on the name's baseline...
    bool kindBeside = true;
    Line kindBesideName;
    // ...or wrapped on its own line(s) under it.
    WrappedText kindOwnLine;
    QRectF kindRect;
    // Output shape, MACs and parameters: each piece whole, "  ·  " between pieces on a line.
    QStringList pieces;
    std::vector<Line> facts;
    QLineF rule;  // under the block
    QRectF body;  // what is left of the area below it, for the step's painter
};

OperationHeaderLayout layoutOperationHeader(const Step& step, const StepCost& cost,
                                            const QRectF& area, double fontScale);

}  // namespace shufflescope::ui
