#pragma once
// How a unit's two paths meet. Stride 1: main branch + identity shortcut -> add, same channels.
// Stride 2: the shortcut is a 3x3 average pool (stride 2) drawn next to the main branch, and the
// two are concatenated [shortcut, main] — the channel counts add up (24 + 216 = 240). Bars are
// drawn to one scale so the counts are visible as lengths. The shortcut step itself (AvgPool)
// uses the same picture with the shortcut path highlighted.

#include "views/operation/operation_painter.h"

namespace shufflescope::ui {

class MergePainter : public OperationPainter {
    Q_DECLARE_TR_FUNCTIONS(MergePainter)

  public:
    void paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
               HitRegions& hits) const override;
    int durationMs() const override { return 3200; }
};

}  // namespace shufflescope::ui
