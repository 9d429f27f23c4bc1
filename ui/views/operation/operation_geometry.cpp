#include "views/operation/operation_geometry.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "shufflescope/ops/channel_shuffle.h"

namespace shufflescope::ui::geometry {

// [SECTION] Timing

double easeInOutCubic(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

double phaseProgress(double p, double begin, double end) {
    if (end <= begin) return p >= end ? 1.0 : 0.0;
    return easeInOutCubic((p - begin) / (end - begin));
}

double lerp(double a, double b, double t) {
    return a + (b - a) * t;
}

QPointF lerp(QPointF a, QPointF b, double t) {
    return a + (b - a) * t;
}

// [SECTION] Channels along an axis, split into groups

GroupedAxis::GroupedAxis(double start, double length, int count, int groups, double gap)
    : start_(start), length_(length), count_(std::max(count, 1)), groups_(std::max(groups, 1)) {
    assert(count_ % groups_ == 0 && "channels must split evenly into groups");
    // Gaps never eat more than half the axis, so cells keep a visible width.
    gap_ = groups_ > 1 ? std::clamp(gap, 0.0, length * 0.5 / (groups_ - 1)) : 0.0;
    cell_ = (length - gap_ * (groups_ - 1)) / count_;
}

double GroupedAxis::cellStart(int channel) const {
    return start_ + channel * cell_ + (channel / groupSize()) * gap_;
}

double GroupedAxis::rangeEnd(int end) const {
    return cellStart(end - 1) + cell_;
}

int GroupedAxis::channelAt(double position) const {
    const double rel = position - start_;
    if (rel < 0 || cell_ <= 0) return -1;
    const double groupExtent = groupSize() * cell_;
    const int group = static_cast<int>(rel / (groupExtent + gap_));
    if (group >= groups_) return -1;
    const double inGroup = rel - group * (groupExtent + gap_);
    if (inGroup >= groupExtent) return -1;
    return group * groupSize() + std::min(groupSize() - 1, static_cast<int>(inGroup / cell_));
}

int labelStride(double cellExtent, double labelExtent) {
    if (cellExtent <= 0) return 1 << 30;
    for (int decade = 1;; decade *= 10)
        for (int m : {1, 2, 5})
            if (m * decade * cellExtent >= labelExtent) return m * decade;
}

// [SECTION] Channel shuffle

GridCell reshapeCell(int channel, int channels, int groups) {
    const int n = channels / groups;
    return {channel / n, channel % n};
}

GridCell transposeCell(int channel, int channels, int groups) {
    const GridCell r = reshapeCell(channel, channels, groups);
    return {r.col, r.row};
}

int flattenedPosition(int channel, int channels, int groups) {
    return ops::channelShuffleDestination(channel, channels, groups);
}

std::vector<int> shuffleDestinations(int channels, int groups, bool permutes) {
    if (permutes && groups > 1) return ops::channelShuffleDestinations(channels, groups);
    std::vector<int> identity(static_cast<std::size_t>(channels));
    for (int c = 0; c < channels; ++c) identity[static_cast<std::size_t>(c)] = c;
    return identity;
}

namespace {

constexpr double kMaxSlot = 46;  // a flat row's slot never grows wider (small C)
constexpr double kMaxGridToken = 34;
constexpr double kFoldGapFactor = 0.9;  // gap between folded blocks, in tokens

double rowLeft(const ShuffleLayout& l, const QRectF& row) {
    return row.center().x() - rowSlotWidth(l) * l.channels / 2;
}

int groupLength(const ShuffleLayout& l) {
    return l.channels / std::max(l.groups, 1);
}

int reshapeBlocks(const ShuffleLayout& l) {
    return (groupLength(l) + l.reshapeFoldCols - 1) / l.reshapeFoldCols;
}

QRectF reshapeGridRect(const ShuffleLayout& l) {
    const int blocks = reshapeBlocks(l);
    const double w = std::min(groupLength(l), l.reshapeFoldCols) * l.gridToken;
    const double h = blocks * l.groups * l.gridToken + (blocks - 1) * l.foldGap;
    const QPointF c = l.reshapeZone.center();
    return {c.x() - w / 2, c.y() - h / 2, w, h};
}

int foldBlocks(const ShuffleLayout& l) {
    return (groupLength(l) + l.foldRows - 1) / l.foldRows;
}

QRectF transposeGridRect(const ShuffleLayout& l) {
    const int blocks = foldBlocks(l);
    const double w = blocks * l.groups * l.gridToken + (blocks - 1) * l.foldGap;
    const double h = std::min(groupLength(l), l.foldRows) * l.gridToken;
    const QPointF c = l.transposeZone.center();
    return {c.x() - w / 2, c.y() - h / 2, w, h};
}

// Largest token for a (g, n) grid folded every `cols` columns into a zone, and the same for the
// (n, g) grid folded every `rows` rows.
double reshapeToken(int g, int n, int cols, QSizeF zone) {
    const int blocks = (n + cols - 1) / cols;
    return std::min(zone.width() / std::min(cols, n),
                    zone.height() / (blocks * g + kFoldGapFactor * (blocks - 1)));
}
double transposeToken(int g, int n, int rows, QSizeF zone) {
    const int blocks = (n + rows - 1) / rows;
    return std::min(zone.width() / (blocks * g + kFoldGapFactor * (blocks - 1)),
                    zone.height() / std::min(rows, n));
}

}  // namespace

ShuffleLayout shuffleLayout(const QRectF& area, int channels, int groups, bool permutes,
                            double textHeight) {
    ShuffleLayout l;
    l.channels = std::max(channels, 1);
    l.groups = std::max(groups, 1);
    l.permutes = permutes && l.groups > 1;
    const double h = area.height();
    const double rowHeight = std::clamp(h * 0.075, 12.0, 44.0);
    double y = area.top();
    const auto rowsOnly = [&] {
        // The straight identity lines (or the permutation's) get the room grids would take.
        l.inputRow = {area.left(), area.top(), area.width(), rowHeight};
        // Under the output row: index labels, the next conv's groups.
        l.outputRow = {area.left(), area.bottom() - textHeight * 3.2 - rowHeight, area.width(),
                       rowHeight};
    };
    if (!l.permutes) {
        rowsOnly();
    } else {
        l.inputRow = {area.left(), y, area.width(), rowHeight};
        y += rowHeight + textHeight * 1.2;
        const double weave = std::max(h * 0.2, 30.0);
        y += weave;
        l.outputRow = {area.left(), y, area.width(), rowHeight};
        // Index labels, the next conv's groups, then the grid captions.
        y += rowHeight + textHeight * 1.2 + textHeight * 2.0 + textHeight * 3.0;
        const double zoneHeight = area.bottom() - textHeight * 1.6 - y;
        l.grids = zoneHeight >= std::max(textHeight * 2.0, l.groups * 4.0);
    }
    if (l.permutes && !l.grids) rowsOnly();
    if (l.grids) {
        const double zoneHeight = area.bottom() - textHeight * 1.6 - y;
        const double between = std::max(area.width() * 0.07, textHeight * 3);  // the arrow
        const double zonesWidth = area.width() - between;
        const int g = l.groups, n = l.channels / l.groups;

        // Split the width between the grids and fold each so the common token is largest; then
        // fold each grid as little as that token allows (fewer blocks read more easily).
        double best = 0, bestShare = 0.5;
        for (double share = 0.3; share <= 0.701; share += 0.025) {
            const QSizeF left(zonesWidth * share, zoneHeight),
                right(zonesWidth * (1 - share), zoneHeight);
            double r = 0, t = 0;
            for (int k = 1; k <= n; ++k) {
                r = std::max(r, reshapeToken(g, n, k, left));
                t = std::max(t, transposeToken(g, n, k, right));
            }
            if (std::min(r, t) > best + 1e-9) {
                best = std::min(r, t);
                bestShare = share;
            }
        }
        l.reshapeZone = {area.left(), y, zonesWidth * bestShare, zoneHeight};
        l.transposeZone = {area.right() - zonesWidth * (1 - bestShare), y,
                           zonesWidth * (1 - bestShare), zoneHeight};
        l.gridToken = std::min(best, kMaxGridToken);
        // Fewest blocks, of equal length where n allows (48 as 24 + 24, not 25 + 23).
        for (int blocks = 1; blocks <= n; ++blocks) {
            const int cols = (n + blocks - 1) / blocks;
            if (reshapeToken(g, n, cols, l.reshapeZone.size()) >= l.gridToken - 1e-9) {
                l.reshapeFoldCols = cols;
                break;
            }
        }
        for (int blocks = 1; blocks <= n; ++blocks) {
            const int rows = (n + blocks - 1) / blocks;
            if (transposeToken(g, n, rows, l.transposeZone.size()) >= l.gridToken - 1e-9) {
                l.foldRows = rows;
                break;
            }
        }
        l.foldGap = kFoldGapFactor * l.gridToken;
    }
    const double slot = rowSlotWidth(l);
    l.rowToken = {slot > 5 ? slot * 0.82 : slot, rowHeight};
    return l;
}

// A flat row: C slots centred in the row's rectangle, at most kMaxSlot wide.
double rowSlotWidth(const ShuffleLayout& l) {
    return std::min(l.inputRow.width() / std::max(l.channels, 1), kMaxSlot);
}

QPointF rowSlotCenter(const ShuffleLayout& l, int slot, ShufflePhase phase) {
    const QRectF& row = phase == ShufflePhase::Output ? l.outputRow : l.inputRow;
    return {rowLeft(l, row) + (slot + 0.5) * rowSlotWidth(l), row.center().y()};
}

int rowSlotAt(const ShuffleLayout& l, QPointF point, ShufflePhase phase) {
    const QRectF& row = phase == ShufflePhase::Output ? l.outputRow : l.inputRow;
    if (point.y() < row.top() || point.y() > row.bottom()) return -1;
    const double rel = point.x() - rowLeft(l, row);
    const int slot = static_cast<int>(std::floor(rel / rowSlotWidth(l)));
    return rel >= 0 && slot < l.channels ? slot : -1;
}

QPointF tokenCenter(const ShuffleLayout& l, int channel, ShufflePhase phase) {
    switch (phase) {
        case ShufflePhase::Input:
            return rowSlotCenter(l, channel, ShufflePhase::Input);
        case ShufflePhase::Output: {
            const int slot =
                l.permutes ? flattenedPosition(channel, l.channels, l.groups) : channel;
            return rowSlotCenter(l, slot, ShufflePhase::Output);
        }
        case ShufflePhase::Reshaped: {
            const GridCell cell = reshapeCell(channel, l.channels, l.groups);
            const QRectF grid = reshapeGridRect(l);
            const int block = cell.col / l.reshapeFoldCols,
                      colInBlock = cell.col % l.reshapeFoldCols;
            const double blockTop = grid.top() + block * (l.groups * l.gridToken + l.foldGap);
            return {grid.left() + (colInBlock + 0.5) * l.gridToken,
                    blockTop + (cell.row + 0.5) * l.gridToken};
        }
        case ShufflePhase::Transposed: {
            const GridCell cell = transposeCell(channel, l.channels, l.groups);
            const QRectF grid = transposeGridRect(l);
            const int block = cell.row / l.foldRows, rowInBlock = cell.row % l.foldRows;
            const double blockLeft = grid.left() + block * (l.groups * l.gridToken + l.foldGap);
            return {blockLeft + (cell.col + 0.5) * l.gridToken,
                    grid.top() + (rowInBlock + 0.5) * l.gridToken};
        }
    }
    return {};
}

QSizeF tokenSize(const ShuffleLayout& l, ShufflePhase phase) {
    if (phase == ShufflePhase::Input || phase == ShufflePhase::Output) return l.rowToken;
    const double side = l.gridToken >= 6 ? l.gridToken * 0.84 : l.gridToken;
    return {side, side};
}

QPointF animatedTokenCenter(const ShuffleLayout& l, int channel, double p) {
    using T = ShuffleTimeline;
    const auto at = [&](ShufflePhase phase) { return tokenCenter(l, channel, phase); };
    if (!l.permutes || !l.grids)
        return lerp(at(ShufflePhase::Input), at(ShufflePhase::Output), phaseProgress(p, 0.1, 0.8));
    if (p >= T::flattenBegin)
        return lerp(at(ShufflePhase::Transposed), at(ShufflePhase::Output),
                    phaseProgress(p, T::flattenBegin, T::flattenEnd));
    if (p >= T::transposeBegin)
        return lerp(at(ShufflePhase::Reshaped), at(ShufflePhase::Transposed),
                    phaseProgress(p, T::transposeBegin, T::transposeEnd));
    return lerp(at(ShufflePhase::Input), at(ShufflePhase::Reshaped),
                phaseProgress(p, T::reshapeBegin, T::reshapeEnd));
}

QSizeF animatedTokenSize(const ShuffleLayout& l, double p) {
    using T = ShuffleTimeline;
    const QSizeF row = tokenSize(l, ShufflePhase::Input);
    if (!l.permutes || !l.grids) return row;
    const QSizeF grid = tokenSize(l, ShufflePhase::Reshaped);
    const auto mix = [](QSizeF a, QSizeF b, double t) {
        return QSizeF(lerp(a.width(), b.width(), t), lerp(a.height(), b.height(), t));
    };
    if (p >= T::flattenBegin)
        return mix(grid, row, phaseProgress(p, T::flattenBegin, T::flattenEnd));
    return mix(row, grid, phaseProgress(p, T::reshapeBegin, T::reshapeEnd));
}

// [SECTION] Depthwise 3x3 scan

KernelScan kernelScan(double p, int outHeight, int outWidth, int stride, int padding) {
    const int total = std::max(outHeight * outWidth, 1);
    const int index = std::clamp(static_cast<int>(p * total), 0, total - 1);
    KernelScan scan;
    scan.outRow = index / std::max(outWidth, 1);
    scan.outCol = index % std::max(outWidth, 1);
    scan.inRow = scan.outRow * stride - padding;
    scan.inCol = scan.outCol * stride - padding;
    scan.done = p >= 1.0 ? total : index + 1;
    return scan;
}

// [SECTION] Bars

double barLength(double value, double maxValue, double maxLength) {
    if (value <= 0 || maxValue <= 0) return 0;
    return std::min(value / maxValue, 1.0) * maxLength;
}

}  // namespace shufflescope::ui::geometry
