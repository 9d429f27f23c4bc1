#pragma once
// The steps that need one clear picture rather than a diagram: the input tensor, the stem's dense
// 3x3 convolution, batch normalisation, ReLU and the max-pool — each with the numbers of this
// forward pass (value histograms, the fraction ReLU zeroed, maps before and after). The head
// (global pool, FC, softmax) is handed to HeadPainter.

#include <memory>

#include "views/operation/operation_painter.h"

namespace shufflescope::ui {

class HeadPainter;

class SimpleStepPainter : public OperationPainter {
    Q_DECLARE_TR_FUNCTIONS(SimpleStepPainter)

  public:
    SimpleStepPainter();
    ~SimpleStepPainter() override;
    void paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
               HitRegions& hits) const override;
    int durationMs() const override { return 2200; }

  private:
    void paintInput(QPainter& painter, const QRectF& area, const PaintContext& ctx) const;
    void paintStem(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                   HitRegions& hits) const;
    void paintBatchNorm(QPainter& painter, const QRectF& area, const PaintContext& ctx) const;
    void paintRelu(QPainter& painter, const QRectF& area, const PaintContext& ctx) const;
    void paintMaxPool(QPainter& painter, const QRectF& area, const PaintContext& ctx) const;
    // Before / after maps of one channel (the selected one, or 0) at the same pixel scale.
    void paintBeforeAfter(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                          const QString& operation) const;

    std::unique_ptr<HeadPainter> head_;
};

}  // namespace shufflescope::ui
