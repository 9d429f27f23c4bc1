#pragma once
// The classifier head: global average pool (each channel's map -> its mean), the fully connected
// layer (every class reads every feature) and softmax (the top probabilities, with the model's
// "untrained" state said plainly).

#include "views/operation/operation_painter.h"

namespace shufflescope::ui {

class HeadPainter : public OperationPainter {
    Q_DECLARE_TR_FUNCTIONS(HeadPainter)

  public:
    void paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
               HitRegions& hits) const override;

  private:
    void paintGlobalPool(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                         HitRegions& hits) const;
    void paintFullyConnected(QPainter& painter, const QRectF& area, const PaintContext& ctx) const;
    void paintSoftmax(QPainter& painter, const QRectF& area, const PaintContext& ctx) const;
};

}  // namespace shufflescope::ui
