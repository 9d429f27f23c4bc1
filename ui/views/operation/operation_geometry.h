#pragma once
// Geometry and timing of the operation views, as plain functions: where each channel token sits
// in each phase of an animation, which inputs a grouped 1x1 convolution connects, where a 3x3
// window is during a scan, and the easing between phases. No widgets and no painting, so the
// tests check the pictures' truthfulness headless (a shuffle token lands where
// channelShufflePermutation says, a connection block is where the convolution reads) and the
// painters only turn these numbers into pixels.

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <vector>

#include "shufflescope/analysis/grouped_connections.h"

namespace shufflescope::ui::geometry {

// [SECTION] Timing

// Smooth start and stop; t is clamped to [0, 1].
double easeInOutCubic(double t);
// Progress of one phase [begin, end] of an animation at overall progress p, clamped to [0, 1]
// and eased; 1 once the phase is over, so a finished animation shows every phase's end state.
double phaseProgress(double p, double begin, double end);
double lerp(double a, double b, double t);
QPointF lerp(QPointF a, QPointF b, double t);

// [SECTION] Channels along an axis, split into groups

// `count` channels laid out along [start, start + length) in `groups` equal runs separated by
// `gap` pixels; the grouped-conv animation grows the gap from 0 to slide the groups apart.
// count % groups == 0 (asserted); groups < 1 is treated as 1.
class GroupedAxis {
  public:
    GroupedAxis(double start, double length, int count, int groups, double gap);

    int count() const { return count_; }
    int groups() const { return groups_; }
    int groupSize() const { return count_ / groups_; }
    double cellSize() const { return cell_; }
    double cellStart(int channel) const;
    double cellCenter(int channel) const { return cellStart(channel) + cell_ / 2; }
    double rangeStart(int begin) const { return cellStart(begin); }
    double rangeEnd(int end) const;  // end is exclusive: the far edge of channel end - 1
    // The channel under `position`, or -1 outside the axis or in a gap between groups.
    int channelAt(double position) const;

  private:
    double start_, length_, gap_, cell_;
    int count_, groups_;
};

// Every k-th index gets a label, k from 1, 2, 5, 10, 20, 50, ... so labels of `labelExtent`
// pixels on cells of `cellExtent` pixels never overlap.
int labelStride(double cellExtent, double labelExtent);

// [SECTION] Grouped 1x1 convolution

// Which inputs each output connects to is the engine's (analysis/grouped_connections.h):
// ChannelRange, ConnectionBlock, groupedConvBlocks, savedDenseBlocks, groupedConvInputs and
// connectionCount, the same functions the reachability analysis walks.
using shufflescope::ChannelRange;
using shufflescope::ConnectionBlock;

// Individual lines are drawn while there are at most this many; beyond it the painter draws one
// band per block, which shows the same structure, with an even sample of its lines at most
// kMaxDrawnConnections / g lines a block. Each antialiased line costs the raster engine about
// 40 us (Qt 6.4 splits every long run of spans across its thread pool and waits for it): the
// 4608 lines of Stage 2's g = 8 second 1x1, all drawn, took 200 to 350 ms a frame on a 2-core
// machine, and every frame of the step's animation drew them again.
inline constexpr long long kMaxDrawnConnections = 1000;

// [SECTION] Channel shuffle (paper convention, see ops/channel_shuffle.h)

struct GridCell {
    int row = 0, col = 0;
    bool operator==(const GridCell&) const = default;
};

// Input channel c = i*n + j (group i, index j, n = channels / groups):
//   reshape to (g, n)    -> row i, column j
//   transpose to (n, g)  -> row j, column i
//   flatten row-major    -> position j*g + i
GridCell reshapeCell(int channel, int channels, int groups);
GridCell transposeCell(int channel, int channels, int groups);
// The flattened position is the engine's: ops::channelShuffleDestinations (the inverse of
// channelShufflePermutation).
int flattenedPosition(int channel, int channels, int groups);
// destination[c] = output position of input channel c; the identity when the shuffle does not
// permute (switched off, or one group).
std::vector<int> shuffleDestinations(int channels, int groups, bool permutes);

enum class ShufflePhase { Input, Reshaped, Transposed, Output };

// Where the shuffle picture puts things inside `area`: the input row on top, the output row
// under it (the lines between them are the permutation), and below both the (g, n) grid and the
// (n, g) grid side by side. Long grids are folded so tokens stay large: the (g, n) grid into
// blocks of `reshapeFoldCols` columns stacked downwards, the (n, g) grid into blocks of
// `foldRows` rows placed side by side (still read row by row, block after block).
struct ShuffleLayout {
    int channels = 0, groups = 1;
    bool permutes = false;
    QRectF inputRow, outputRow;
    QRectF reshapeZone, transposeZone;  // empty when the shuffle does not permute or !grids
    // False when the area is too short for the two grids (a small view at projector text): the
    // rows and the permutation lines alone, tokens travelling straight to their output slots.
    bool grids = false;
    QSizeF rowToken;       // a strip of a flat row
    double gridToken = 0;  // a square of either grid
    int reshapeFoldCols = 1;
    int foldRows = 1;
    double foldGap = 0;
};

// textHeight: one line of the painter's small labels; index labels under each row take one, grid
// captions above the grids three, the note under them one and a half. The grids are left out
// (grids == false) when their zones would be shorter than two lines or four pixels per group.
ShuffleLayout shuffleLayout(const QRectF& area, int channels, int groups, bool permutes,
                            double textHeight);
// Centre of channel c's token at the end of a phase. Input and Output use the flat rows
// (Output: the slot of flattenedPosition); the grids use reshapeCell / transposeCell.
QPointF tokenCenter(const ShuffleLayout& layout, int channel, ShufflePhase phase);
QSizeF tokenSize(const ShuffleLayout& layout, ShufflePhase phase);
// Width of one slot of a flat row (tokens are a little narrower, to leave a gap).
double rowSlotWidth(const ShuffleLayout& layout);
// Centre of slot k of a flat row (the input row with Input, the output row with Output).
QPointF rowSlotCenter(const ShuffleLayout& layout, int slot, ShufflePhase phase);
// The slot of a flat row under `point`, or -1.
int rowSlotAt(const ShuffleLayout& layout, QPointF point, ShufflePhase phase);

// The shuffle animation's timeline: hold, reshape, transpose, flatten, then the lines appear.
struct ShuffleTimeline {
    static constexpr double reshapeBegin = 0.06, reshapeEnd = 0.30;
    static constexpr double transposeBegin = 0.36, transposeEnd = 0.60;
    static constexpr double flattenBegin = 0.66, flattenEnd = 0.86;
    static constexpr double linesBegin = 0.80, linesEnd = 1.0;
};
// A travelling token's centre and size at overall progress p (identity shuffles, and layouts
// without grids, travel straight from the input row to the output row).
QPointF animatedTokenCenter(const ShuffleLayout& layout, int channel, double p);
QSizeF animatedTokenSize(const ShuffleLayout& layout, double p);

// [SECTION] Depthwise 3x3 scan

// The 3x3 window at one moment of the scan: output cell (row, col) is being computed from the
// input window whose top-left is (inRow, inCol) (may be -padding: the zero border). `done`
// output cells (raster order) are finished, the current one included.
struct KernelScan {
    int outRow = 0, outCol = 0;
    int inRow = 0, inCol = 0;
    int done = 0;
};
KernelScan kernelScan(double p, int outHeight, int outWidth, int stride, int padding);

// Value statistics (histograms, moments, ReLU zeros, softmax top-k) are the engine's:
// shufflescope/analysis/feature_statistics.h.

// [SECTION] Bars (softmax, global pool)

// Value -> bar length in [0, maxLength], with values <= 0 at 0 and `maxValue` at full length.
double barLength(double value, double maxValue, double maxLength);

}  // namespace shufflescope::ui::geometry
