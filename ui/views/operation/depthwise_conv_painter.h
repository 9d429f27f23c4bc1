#pragma once
// Depthwise 3x3 convolution: a few channels, each with its own 3x3 kernel sliding over its own
// map (from this forward pass), and the output map filling in as the window moves. Stride 2 is
// visible as an output half the size at the same pixel scale, and as a window that jumps two
// pixels. The cost line compares H·W·C·9 with a dense 3x3 convolution of the same width.

#include "views/operation/operation_painter.h"

namespace shufflescope::ui {

class DepthwiseConvPainter : public OperationPainter {
    Q_DECLARE_TR_FUNCTIONS(DepthwiseConvPainter)

  public:
    void paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
               HitRegions& hits) const override;
    int durationMs() const override { return 5000; }

    // The channels shown: the selected one first, then one from each other group, up to `count`.
    static std::vector<int> shownChannels(const PaintContext& ctx, int count);

  private:
    void paintStrideInset(QPainter& painter, const QRectF& rect, const PaintContext& ctx,
                          int channel) const;
};

}  // namespace shufflescope::ui
