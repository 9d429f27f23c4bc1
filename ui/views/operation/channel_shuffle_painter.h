#pragma once
// Channel shuffle: one token per channel, coloured by the group it comes from. The tokens travel
// from the input row through the (g, n) grid and the transposed (n, g) grid into the output row,
// and lines from old to new positions show the whole permutation at once (every position comes
// from operation_geometry, which the tests hold to channelShufflePermutation). Switched off or
// at g = 1 the picture is the identity, with a note on what that costs: each group only ever
// sees its own channels.

#include "views/operation/operation_painter.h"

namespace shufflescope::ui {

class ChannelShufflePainter : public OperationPainter {
    Q_DECLARE_TR_FUNCTIONS(ChannelShufflePainter)

  public:
    void paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
               HitRegions& hits) const override;
    int durationMs() const override { return 5200; }
};

}  // namespace shufflescope::ui
