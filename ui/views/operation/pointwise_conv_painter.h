#pragma once
// Grouped 1x1 convolution: input channels as strips coloured by the filter group that reads them,
// output channels below, and connections only inside each group — the block-diagonal structure,
// shown twice: as connections between the strips and as the weight matrix (Cout × Cin) beside
// them. The dense connections grouping saves can be ghosted in. The cost formula carries the
// step's own numbers. Animation: the channels slide apart into g groups, then each group's
// connections appear in turn.

#include "views/operation/operation_painter.h"

namespace shufflescope::ui {

class PointwiseConvPainter : public OperationPainter {
    Q_DECLARE_TR_FUNCTIONS(PointwiseConvPainter)

  public:
    void paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
               HitRegions& hits) const override;
    int durationMs() const override { return 3800; }

    // Timeline: the split, then one slot per group for its connections, then the ghost.
    static constexpr double kSplitBegin = 0.04, kSplitEnd = 0.30;
    static constexpr double kConnectBegin = 0.32, kConnectEnd = 0.88;
    // How far group k's connections have grown at progress p (0..1).
    static double groupReveal(double p, int group, int groups);

  private:
    void paintConnections(QPainter& painter, const QRectF& band, const PaintContext& ctx,
                          HitRegions& hits) const;
    void paintMatrix(QPainter& painter, const QRectF& area, const PaintContext& ctx) const;
    // The cost lines (and, ungrouped, a note) at the bottom of `area`, in at most `maxHeight`:
    // the font shrinks first, then the last line (the saving, also in the header) goes.
    double paintFormula(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                        double maxHeight) const;
};

}  // namespace shufflescope::ui
