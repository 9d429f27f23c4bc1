// The steps that need no painter of their own (declared in simple_step_painter.h).
//
// Sections (// [SECTION] below, in this order; shared helpers and the dispatch come first):
//   Input                    the image as the network reads it, its channels and values
//   Stem convolution         a dense 3x3 convolution and its cost
//   Batch normalisation      before and after histograms, the per-channel formula
//   ReLU                     what the clipping keeps and zeroes
//   Max-pool                 one 3x3 window and what it picks
//   Before / after maps      a channel before and after the step

#include "views/operation/simple_step_painter.h"

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "shufflescope/analysis/channel_groups.h"
#include "shufflescope/analysis/feature_statistics.h"
#include "style/palette.h"
#include "views/operation/head_painter.h"
#include "views/operation/operation_geometry.h"

namespace shufflescope::ui {

using namespace geometry;

namespace {

const float* valuesOf(const Tensor& t) {
    return t.data();
}

// Bars of a histogram in `rect`, each bin coloured by its centre value; a zero line if 0 is in
// range.
void drawHistogram(QPainter& painter, const QRectF& rect, const Histogram& h, double reveal,
                   const std::function<QColor(double)>& colourOf, const Theme& theme) {
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme.faint);
    painter.drawRect(rect);
    const double maxCount = double(std::max(h.maxCount(), 1LL));
    const double barWidth = rect.width() / std::max<std::size_t>(h.counts.size(), 1);
    for (std::size_t b = 0; b < h.counts.size(); ++b) {
        // Square root of the count: a spike (ReLU's zeros) must not flatten everything else.
        const double height = std::sqrt(double(h.counts[b]) / maxCount) * rect.height() * reveal;
        painter.setBrush(colourOf(h.lo + (b + 0.5) * h.binWidth()));
        painter.drawRect(
            QRectF(rect.left() + b * barWidth, rect.bottom() - height, barWidth * 0.9, height));
    }
    if (h.lo < 0 && h.hi > 0) {
        const double x = rect.left() + (0 - h.lo) / (h.hi - h.lo) * rect.width();
        painter.setPen(QPen(theme.text, 2, Qt::DashLine));
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()));
    }
    painter.restore();
}

QString number(double v) {
    return QString::number(v, 'f', std::abs(v) >= 100 ? 0 : 2);
}

// A grid of actual values of one channel: rows [row0, row0 + rows), cols [col0, col0 + cols);
// cells outside the map show `outside` (the padding). Cells take the colour of the channel's
// picture; `highlight` (row, col) in grid coordinates gets a frame. Returns the grid's rectangle.
QRectF drawValueGrid(QPainter& painter, QPointF topLeft, double cell, const Tensor& tensor,
                     int channel, int row0, int col0, int rows, int cols, const QString& outside,
                     QPoint highlight, const PaintContext& ctx, bool grey) {
    const QImage picture = channelImage(tensor, channel, grey);
    const int h = static_cast<int>(tensor.dim(2)), w = static_cast<int>(tensor.dim(3));
    const float* plane = tensor.data() + std::int64_t(channel) * h * w;
    QFont font = ctx.font(0.8, true);
    font.setPixelSize(std::max(8, static_cast<int>(std::min(cell * 0.3, ctx.textPx() * 0.8))));
    painter.save();
    painter.setFont(font);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const int y = row0 + r, x = col0 + c;
            const QRectF box(topLeft.x() + c * cell, topLeft.y() + r * cell, cell, cell);
            const bool inside = y >= 0 && x >= 0 && y < h && x < w;
            const QColor fill = inside ? QColor(picture.pixel(x, y)) : ctx.theme.faint;
            painter.setPen(QPen(ctx.theme.background, 1));
            painter.setBrush(fill);
            painter.drawRect(box);
            painter.setPen(inside ? textOn(fill) : ctx.theme.dimText);
            // Rounded to one decimal; a tiny negative shows as 0.0, not -0.0.
            const double v = std::round(plane[y * w + x] * 10.0) / 10.0;
            painter.drawText(box, Qt::AlignCenter,
                             inside ? QString::number(v == 0 ? 0.0 : v, 'f', 1) : outside);
        }
    const QRectF grid(topLeft.x(), topLeft.y(), cols * cell, rows * cell);
    if (highlight.x() >= 0) {
        painter.setPen(QPen(ctx.theme.text, 3));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(topLeft.x() + highlight.y() * cell,
                                topLeft.y() + highlight.x() * cell, cell, cell));
    }
    painter.restore();
    return grid;
}

}  // namespace

SimpleStepPainter::SimpleStepPainter() : head_(std::make_unique<HeadPainter>()) {}
SimpleStepPainter::~SimpleStepPainter() = default;

void SimpleStepPainter::paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                              HitRegions& hits) const {
    switch (ctx.current().kind) {
        case StepKind::Input:
            paintInput(painter, area, ctx);
            break;
        case StepKind::Conv:
            paintStem(painter, area, ctx, hits);
            break;
        case StepKind::BatchNorm:
            paintBatchNorm(painter, area, ctx);
            break;
        case StepKind::ReLU:
            paintRelu(painter, area, ctx);
            break;
        case StepKind::MaxPool:
            paintMaxPool(painter, area, ctx);
            break;
        case StepKind::GlobalAvgPool:
        case StepKind::FullyConnected:
        case StepKind::Softmax:
            head_->paint(painter, area, ctx, hits);
            break;
        default:
            break;  // the view gives every other kind its own painter
    }
}

// [SECTION] Input

void SimpleStepPainter::paintInput(QPainter& painter, const QRectF& area,
                                   const PaintContext& ctx) const {
    const Step& s = ctx.current();
    const Theme& theme = ctx.theme;
    const Tensor& tensor = ctx.snapshot.output(ctx.step);
    const QFont caption = ctx.font(1.1, true), font = ctx.font(1.0), small = ctx.font(0.85);
    const double line = lineHeight(font);
    const double captionHeight = drawParagraph(
        painter, area.topLeft(), area.width(),
        tr("The image as numbers: %1 (channels × height × width)").arg(shapeText(s.out)), caption,
        theme.text);
    const double top = area.top() + captionHeight + lineHeight(caption) * 0.6;
    const double side = std::min(area.bottom() - top - line * 1.5, area.width() * 0.42);
    const QRectF picture(area.left(), top, side, side);
    drawPixels(painter, picture, tensorPicture(tensor), theme);
    drawText(painter, {picture.left(), picture.bottom() + 3},
             QFileInfo(ctx.snapshot.inputPath).fileName(), small, theme.dimText, side);

    // The channels come out of the picture one by one.
    const int channels = s.out.channels;
    const double x = picture.right() + ctx.textPx() * 2;
    const double thumb = std::min((area.right() - x) / 3.4, (area.bottom() - top) * 0.42);
    static const char* const rgbNames[] = {QT_TR_NOOP("red"), QT_TR_NOOP("green"),
                                           QT_TR_NOOP("blue")};
    for (int c = 0; c < std::min(channels, 3); ++c) {
        const double t = phaseProgress(ctx.progress, 0.1 + 0.2 * c, 0.45 + 0.2 * c);
        const QRectF target(x + c * thumb * 1.12, top, thumb, thumb);
        const QRectF from(picture.center().x() - thumb / 2, picture.center().y() - thumb / 2, thumb,
                          thumb);
        const QRectF r(lerp(from.topLeft(), target.topLeft(), t), target.size());
        painter.save();
        painter.setOpacity(0.3 + 0.7 * t);
        drawPixels(painter, r, channelImage(tensor, c, true), theme);
        painter.restore();
        const QString name = channels == 3 ? tr(rgbNames[c]) : tr("grey");
        drawTextVariants(painter, {target.left(), target.bottom() + 3},
                         {tr("channel %1: %2").arg(c).arg(name), name}, small, theme.dimText,
                         channels == 1 ? area.right() - target.left() : thumb * 1.1);
    }
    const Moments m = moments(valuesOf(tensor), tensor.size());
    const Histogram h = histogram(valuesOf(tensor), tensor.size(), 1);
    const QString facts = tr("%1 numbers, from %2 to %3 (mean %4, std %5): pixels normalised with "
                             "the dataset's mean and "
                             "standard deviation, as in training.")
                              .arg(formatCount(tensor.size()), number(h.lo), number(h.hi),
                                   number(m.mean), number(m.stddev));
    double y = top + thumb + line * 2;
    if (ctx.snapshot.inputInverted) {
        const QString inverted =
            tr("Light background: inverted, because Fashion-MNIST images are light on black.");
        y += drawNote(painter,
                      QRectF(x, y, area.right() - x,
                             std::min(measureNote(area.right() - x, inverted, ctx),
                                      (area.bottom() - y) * 0.4)),
                      inverted, ctx, theme.accent) +
             line * 0.5;
    }
    y += drawWrapped(painter, QRectF(x, y, area.right() - x, std::max(0.0, area.bottom() - y)),
                     facts, font, theme.text) +
         line;
    // What the network really receives: numbers. A 5x5 patch from the centre of channel 0.
    const double cell = std::min((area.right() - x) / 5, (area.bottom() - y - line * 1.4) / 5);
    if (cell >= ctx.textPx() * 1.6) {
        drawText(painter, {x, y}, tr("channel 0, the centre 5 × 5 values:"), ctx.font(0.9, true),
                 theme.text, area.right() - x);
        drawValueGrid(painter, {x, y + line * 1.3}, std::min(cell, ctx.textPx() * 3.2), tensor, 0,
                      s.out.height / 2 - 2, s.out.width / 2 - 2, 5, 5, QString(), QPoint(-1, -1),
                      ctx, true);
        // Where the patch is in the picture.
        const double px = picture.width() / s.out.width;
        painter.setPen(QPen(groupColor(5), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(picture.left() + (s.out.width / 2 - 2) * px - 2,
                                picture.top() + (s.out.height / 2 - 2) * px - 2, 5 * px + 4,
                                5 * px + 4));
    }
}

// [SECTION] Stem convolution

void SimpleStepPainter::paintStem(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                                  HitRegions& hits) const {
    const Step& s = ctx.current();
    const Step& in = ctx.input();
    const Theme& theme = ctx.theme;
    const StepCost& cost = ctx.snapshot.cost.steps.at(static_cast<std::size_t>(ctx.step));
    const QFont caption = ctx.font(1.1, true), font = ctx.font(1.15), small = ctx.font(0.85);
    const double captionHeight =
        drawParagraph(painter, area.topLeft(), area.width(),
                      in.out.channels == 1
                          // A grayscale input (Fashion-MNIST): "all 1 input channels" misreads.
                          ? tr("%1 filters, each %2×%2 over the single input channel, stride %3")
                                .arg(s.out.channels)
                                .arg(s.kernel)
                                .arg(s.stride)
                          : tr("%1 filters, each %2×%2 over all %3 input channels (dense), stride "
                               "%4")
                                .arg(s.out.channels)
                                .arg(s.kernel)
                                .arg(in.out.channels)
                                .arg(s.stride),
                      caption, theme.text);
    // K·K written out on both sides: "…·3·9" read as if Cin were multiplied by 3 and 9.
    const QStringList formulaLines = {tr("H·W·Cout·Cin·%1·%1 = %2·%3·%4·%5·%1·%1 = %6 MACs")
                                          .arg(s.kernel)
                                          .arg(s.out.height)
                                          .arg(s.out.width)
                                          .arg(s.out.channels)
                                          .arg(in.out.channels)
                                          .arg(formatCount(cost.macs)),
                                      tr("stride %1: %2 × %3 → %4 × %5")
                                          .arg(s.stride)
                                          .arg(in.out.height)
                                          .arg(in.out.width)
                                          .arg(s.out.height)
                                          .arg(s.out.width)};
    const TextBlock formula =
        fitBlock(formulaLines, ctx.font(1.15, true), font, area.width(), area.height() * 0.3);
    const double formulaTop = area.bottom() - formula.height;
    drawBlock(painter, {area.left(), formulaTop}, area.width(), formula, theme.text, theme.dimText);

    const double top = area.top() + captionHeight + lineHeight(caption) * 0.6;
    const double bottom = formulaTop - lineHeight(font) * 0.5;
    const double side = std::min(bottom - top - lineHeight(small) * 1.3, area.width() * 0.28);
    const QRectF picture(area.left(), top, side, side);
    drawPixels(painter, picture,
               in.out.channels == 3 || in.out.channels == 1
                   ? tensorPicture(ctx.snapshot.output(s.inputs[0]))
                   : channelImage(ctx.snapshot.output(s.inputs[0]), 0),
               theme);
    drawText(painter, {picture.left(), picture.bottom() + 3}, shapeText(in.out), small,
             theme.dimText, side + ctx.textPx() * 3.5);
    const QPointF arrowFrom(picture.right() + ctx.textPx() * 0.8, picture.center().y());
    drawArrow(painter, arrowFrom, arrowFrom + QPointF(ctx.textPx() * 3, 0), theme.dimText,
              2.5 * ctx.fontScale);

    // Output channels as a grid of tiles appearing in order.
    const QRectF grid(arrowFrom.x() + ctx.textPx() * 4, top,
                      area.right() - arrowFrom.x() - ctx.textPx() * 4,
                      bottom - top - lineHeight(small) * 1.3);
    const int channels = s.out.channels;
    int columns = 1;
    double tile = 0;
    for (int cols = 1; cols <= channels; ++cols) {
        const int rows = (channels + cols - 1) / cols;
        const double t = std::min(grid.width() / cols, grid.height() / rows);
        if (t > tile) {
            tile = t;
            columns = cols;
        }
    }
    const Tensor& out = ctx.snapshot.output(ctx.step);
    for (int c = 0; c < channels; ++c) {
        const double t = std::clamp((ctx.progress - 0.1) * 1.3 * channels - c, 0.0, 1.0);
        const QRectF r(grid.left() + (c % columns) * tile, grid.top() + (c / columns) * tile,
                       tile * 0.94, tile * 0.94);
        painter.save();
        painter.setOpacity(t);
        drawPixels(painter, r, channelImage(out, c), theme);
        painter.restore();
        hits.add(r, c);
        if (c == ctx.selectedChannel) {
            painter.setPen(QPen(theme.text, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(r.adjusted(-2, -2, 2, 2));
        }
    }
    drawText(
        painter, {grid.left(), grid.top() + ((channels + columns - 1) / columns) * tile + 3},
        tr("%1 output channels, %2 × %3 each").arg(channels).arg(s.out.height).arg(s.out.width),
        small, theme.dimText, area.right() - grid.left());
}

// [SECTION] Batch normalisation

void SimpleStepPainter::paintBatchNorm(QPainter& painter, const QRectF& area,
                                       const PaintContext& ctx) const {
    const Step& s = ctx.current();
    const Theme& theme = ctx.theme;
    const Network& network = *ctx.snapshot.network;
    const Tensor& before = ctx.snapshot.output(s.inputs[0]);
    const Tensor& after = ctx.snapshot.output(ctx.step);
    const QFont caption = ctx.font(1.1, true), font = ctx.font(1.0), bold = ctx.font(1.0, true);
    const double line = lineHeight(font);
    double top = area.top();
    top += drawParagraph(painter, {area.left(), top}, area.width(),
                         tr("Per channel:  y = γ · (x − μ) / √(σ² + ε) + β"), ctx.font(1.3, true),
                         theme.text);
    top += lineHeight(ctx.font(1.3)) * 0.2;
    const double panelWidth = area.width() * 0.44;
    // Each panel: its title (wrapped onto two lines on a narrow view), the histogram, its range.
    std::vector<WrappedText> titles;
    for (int i = 0; i < 2; ++i) {
        const Tensor& t = i == 0 ? before : after;
        const Moments m = moments(valuesOf(t), t.size());
        titles.push_back(
            fitParagraph(bold,
                         (i == 0 ? tr("before: mean %1, std %2") : tr("after: mean %1, std %2"))
                             .arg(number(m.mean), number(m.stddev)),
                         panelWidth, 2));
    }
    const auto histogramHeight = [&](double from) {
        return (area.bottom() - from - titles[0].height - titles[1].height) / 2 - line * 1.4;
    };
    // What μ, σ², γ and β are: left out when the histograms would be too flat to read.
    // The feature maps below normalise each tile to its own range, which undoes exactly what BN
    // does per channel: say so, or a class sees "nothing changed".
    const WrappedText symbols =
        fitParagraph(font,
                     tr("μ, σ²: the channel's running mean and variance from training;  γ, β: "
                        "its learned scale and shift. The feature maps below each use their own "
                        "colour range, so they look as before BN: press G for one shared range."),
                     area.width(), 3);
    if (histogramHeight(top + symbols.height + line) >= line * 2.5)
        top += drawWrappedText(painter, QRectF(area.left(), top, area.width(), symbols.height),
                               symbols, theme.dimText);
    top += line;
    const double histHeight = std::max(0.0, histogramHeight(top));
    const double reveal = phaseProgress(ctx.progress, 0.0, 0.7);
    const auto neutral = [&](double) { return theme.outline; };
    const auto accent = [&](double) { return theme.accent; };
    double panelTop = top;
    for (int i = 0; i < 2; ++i) {
        const Tensor& t = i == 0 ? before : after;
        panelTop +=
            drawWrappedText(painter, QRectF(area.left(), panelTop, panelWidth, titles[i].height),
                            titles[i], theme.text) +
            line * 0.2;
        const Histogram h = histogram(valuesOf(t), t.size(), 60);
        const QRectF r(area.left(), panelTop, panelWidth, histHeight);
        panelTop = r.bottom() + line * 1.2;
        drawHistogram(
            painter, r, h, i == 0 ? 1.0 : reveal,
            i == 0 ? std::function<QColor(double)>(neutral) : std::function<QColor(double)>(accent),
            theme);
        drawText(painter, {r.left(), r.bottom() + 2}, number(h.lo), ctx.font(0.8), theme.dimText);
        const QString hi = number(h.hi);
        drawText(painter, {r.right() - textWidth(ctx.font(0.8), hi), r.bottom() + 2}, hi,
                 ctx.font(0.8), theme.dimText);
    }

    // Per-channel means before (grey) and after (group colour): each channel is moved on its own.
    const double chartLeft = area.left() + panelWidth + ctx.textPx() * 2;
    const double chartTitle =
        drawParagraph(painter, {chartLeft, top}, area.right() - chartLeft,
                      tr("each channel's mean: grey before → coloured after"), bold, theme.text);
    const QRectF chart(chartLeft, top + chartTitle + line * 0.2, area.right() - chartLeft,
                       std::max(0.0, area.bottom() - top - chartTitle - line * 1.6));
    const int channels = s.out.channels;
    const std::int64_t plane = std::int64_t(s.out.height) * s.out.width;
    std::vector<double> meanBefore(static_cast<std::size_t>(channels)),
        meanAfter(meanBefore.size());
    double extent = 1e-6;
    for (int c = 0; c < channels; ++c) {
        meanBefore[static_cast<std::size_t>(c)] = moments(before.data() + c * plane, plane).mean;
        meanAfter[static_cast<std::size_t>(c)] = moments(after.data() + c * plane, plane).mean;
        extent = std::max({extent, std::abs(meanBefore[static_cast<std::size_t>(c)]),
                           std::abs(meanAfter[static_cast<std::size_t>(c)])});
    }
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme.faint);
    painter.drawRect(chart);
    painter.setPen(QPen(theme.outline, 1));
    const double zeroY = chart.center().y();
    painter.drawLine(QPointF(chart.left(), zeroY), QPointF(chart.right(), zeroY));
    painter.setRenderHint(QPainter::Antialiasing);
    const double dx = chart.width() / channels, dot = std::clamp(dx * 0.8, 2.5, 9.0);
    for (int c = 0; c < channels; ++c) {
        const double x = chart.left() + (c + 0.5) * dx;
        const double y0 =
            zeroY - meanBefore[static_cast<std::size_t>(c)] / extent * chart.height() * 0.46;
        const double y1 =
            zeroY - meanAfter[static_cast<std::size_t>(c)] / extent * chart.height() * 0.46;
        const double y = lerp(y0, y1, reveal);
        painter.setPen(QPen(withAlpha(theme.outline, 0.5), 1));
        painter.drawLine(QPointF(x, y0), QPointF(x, y));
        painter.setPen(Qt::NoPen);
        painter.setBrush(theme.outline);
        painter.drawEllipse(QPointF(x, y0), dot / 2, dot / 2);
        painter.setBrush(groupColor(channelGroup(network, ctx.step, c)));
        painter.drawEllipse(QPointF(x, y), dot / 2, dot / 2);
    }
    painter.restore();
    drawText(painter, {chart.left(), chart.bottom() + 2}, tr("channel 0 … %1").arg(channels - 1),
             ctx.font(0.8), theme.dimText, chart.width());
}

// [SECTION] ReLU

void SimpleStepPainter::paintRelu(QPainter& painter, const QRectF& area,
                                  const PaintContext& ctx) const {
    const Step& s = ctx.current();
    const Theme& theme = ctx.theme;
    const Tensor& before = ctx.snapshot.output(s.inputs[0]);
    const Tensor& after = ctx.snapshot.output(ctx.step);
    const QFont bold = ctx.font(1.0, true), font = ctx.font(1.0);
    const double line = lineHeight(font);
    double top = area.top();
    top += drawParagraph(painter, {area.left(), top}, area.width(),
                         tr("y = max(0, x): negative values are clipped to 0"), ctx.font(1.3, true),
                         theme.text);
    top += lineHeight(ctx.font(1.3)) * 0.4;
    const double zeros = zeroFraction(valuesOf(after), after.size());
    const QString headline =
        tr("%1% of the %2 values are now 0")
            .arg(QString::number(100.0 * zeros, 'f', 1), formatCount(after.size()));
    const double histTop = top +
                           drawParagraph(painter, {area.left(), top}, area.width(), headline,
                                         ctx.font(1.5, true), theme.text) +
                           lineHeight(ctx.font(1.5)) * 0.4;
    const double panelWidth = area.width() * 0.5;
    const QString legend = tr("left of the dashed line: below 0, set to 0");
    const WrappedText legendText = fitParagraph(ctx.font(0.9), legend, panelWidth, 2);
    // Title above the histogram; its range and the legend below.
    const double histHeight =
        std::max(0.0, area.bottom() - histTop - line * 2.4 - legendText.height);
    const QColor negative = groupColor(5), positive = groupColor(4);
    const Histogram h = histogram(valuesOf(before), before.size(), 64);
    drawText(painter, {area.left(), histTop}, tr("values before (x)"), bold, theme.text,
             panelWidth);
    const QRectF r(area.left(), histTop + line * 1.2, panelWidth, histHeight);
    const double clip = phaseProgress(ctx.progress, 0.15, 0.8);
    drawHistogram(
        painter, r, h, 1.0,
        [&](double v) { return v < 0 ? mix(negative, theme.faint, clip * 0.55) : positive; },
        theme);
    drawText(painter, {r.left(), r.bottom() + 2}, number(h.lo), ctx.font(0.8), theme.dimText);
    drawText(painter, {r.right() - textWidth(ctx.font(0.8), number(h.hi)), r.bottom() + 2},
             number(h.hi), ctx.font(0.8), theme.dimText);
    drawWrappedText(painter,
                    QRectF(r.left(), r.bottom() + line * 1.2, panelWidth, legendText.height),
                    legendText, groupTextColor(5, theme));
    paintBeforeAfter(painter,
                     QRectF(r.right() + ctx.textPx() * 2, histTop,
                            area.right() - r.right() - ctx.textPx() * 2, area.bottom() - histTop),
                     ctx, tr("ReLU"));
}

// [SECTION] Max-pool

void SimpleStepPainter::paintMaxPool(QPainter& painter, const QRectF& area,
                                     const PaintContext& ctx) const {
    const Step& s = ctx.current();
    const Step& in = ctx.input();
    const QFont caption = ctx.font(1.3, true);
    double top = area.top();
    top += drawParagraph(
        painter, {area.left(), top}, area.width(),
        tr("3×3 windows, stride %1: each output keeps the largest of 9 values").arg(s.stride),
        caption, ctx.theme.text);
    top += lineHeight(caption) * 0.2;
    top += drawParagraph(
        painter, {area.left(), top}, area.width(),
        tr("%1 × %2 → %3 × %4 per channel; the %5 channels stay separate; no multiply-adds")
            .arg(in.out.height)
            .arg(in.out.width)
            .arg(s.out.height)
            .arg(s.out.width)
            .arg(s.out.channels),
        ctx.font(1.0), ctx.theme.dimText);
    top += lineHeight(ctx.font(1.0));
    const double insetWidth = std::min(area.width() * 0.34, ctx.textPx() * 18);
    paintBeforeAfter(
        painter,
        QRectF(area.left(), top, area.width() - insetWidth - ctx.textPx() * 2, area.bottom() - top),
        ctx, tr("max-pool"));

    // One window in numbers: the output's largest value and the nine inputs it was taken from.
    const int channel =
        ctx.selectedChannel >= 0 && ctx.selectedChannel < s.out.channels ? ctx.selectedChannel : 0;
    const Tensor& out = ctx.snapshot.output(ctx.step);
    const std::int64_t plane = std::int64_t(s.out.height) * s.out.width;
    const float* values = out.data() + channel * plane;
    const int best = static_cast<int>(std::max_element(values, values + plane) - values);
    const int oy = best / s.out.width, ox = best % s.out.width;
    const int iy = oy * s.stride - s.padding, ix = ox * s.stride - s.padding;
    const Tensor& in0 = ctx.snapshot.output(s.inputs[0]);
    const float* inPlane = in0.data() + std::int64_t(channel) * in.out.height * in.out.width;
    QPoint argmax(-1, -1);
    float largest = -std::numeric_limits<float>::infinity();
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            const int y = iy + r, x = ix + c;
            if (y < 0 || x < 0 || y >= in.out.height || x >= in.out.width) continue;
            if (inPlane[y * in.out.width + x] > largest) {
                largest = inPlane[y * in.out.width + x];
                argmax = QPoint(r, c);
            }
        }
    const double left = area.right() - insetWidth;
    const double cell = std::min(insetWidth / 5.2, ctx.textPx() * 3.4);
    const double titleHeight =
        drawParagraph(painter, {left, top}, insetWidth, tr("one window, in numbers"),
                      ctx.font(1.0, true), ctx.theme.text);
    const QRectF grid =
        drawValueGrid(painter, {left, top + titleHeight + lineHeight(ctx.font(1.0)) * 0.3}, cell,
                      in0, channel, iy, ix, 3, 3, QStringLiteral("–"), argmax, ctx, false);
    const QPointF from(grid.right() + ctx.textPx() * 0.4, grid.center().y());
    drawArrow(painter, from, from + QPointF(cell * 0.9, 0), ctx.theme.dimText, 2.5 * ctx.fontScale);
    drawValueGrid(painter, {from.x() + cell * 1.1, grid.center().y() - cell / 2}, cell, out,
                  channel, oy, ox, 1, 1, QString(), QPoint(0, 0), ctx, false);
    const double noteTop = grid.bottom() + lineHeight(ctx.font(0.85)) * 0.5;
    drawWrapped(
        painter, QRectF(left, noteTop, insetWidth, std::max(0.0, area.bottom() - noteTop)),
        tr("channel %1, output (%2, %3): the largest of its window; – is padding, never the max")
            .arg(channel)
            .arg(oy)
            .arg(ox),
        ctx.font(0.85), ctx.theme.dimText);
}

// [SECTION] Before / after maps

void SimpleStepPainter::paintBeforeAfter(QPainter& painter, const QRectF& area,
                                         const PaintContext& ctx, const QString& operation) const {
    const Step& s = ctx.current();
    const Step& in = ctx.input();
    const int channel =
        ctx.selectedChannel >= 0 && ctx.selectedChannel < s.out.channels ? ctx.selectedChannel : 0;
    const QFont small = ctx.font(0.85), bold = ctx.font(1.0, true);
    const double line = lineHeight(bold);
    drawText(painter, area.topLeft(), tr("channel %1").arg(channel), bold, ctx.theme.text,
             area.width());
    const double gap = std::max(ctx.textPx() * 3.5, textWidth(small, operation) + ctx.textPx());
    const double ratio = double(s.out.height) / in.out.height;  // same pixel scale for both maps
    const double side = std::min((area.width() - gap) / (1 + ratio), area.height() - line * 2.8);
    if (side < 16) return;
    const QRectF first(area.left(), area.top() + line * 1.3, side, side);
    const QRectF second(first.right() + gap, first.top(), side * ratio, side * ratio);
    drawPixels(painter, first, channelImage(ctx.snapshot.output(s.inputs[0]), channel), ctx.theme);
    painter.save();
    painter.setOpacity(phaseProgress(ctx.progress, 0.3, 0.9));
    drawPixels(painter, second, channelImage(ctx.snapshot.output(ctx.step), channel), ctx.theme);
    painter.restore();
    drawArrow(painter, {first.right() + gap * 0.15, first.top() + std::min(side, side * ratio) / 2},
              {second.left() - gap * 0.15, first.top() + std::min(side, side * ratio) / 2},
              ctx.theme.dimText, 2.5 * ctx.fontScale);
    drawText(
        painter,
        {first.right() + gap * 0.15, first.top() + std::min(side, side * ratio) / 2 - line * 1.3},
        operation, small, ctx.theme.dimText, gap * 0.85);
    drawText(painter, {first.left(), first.bottom() + 3},
             tr("%1 × %2").arg(in.out.height).arg(in.out.width), small, ctx.theme.dimText,
             first.width() + gap * 0.7);
    drawText(painter, {second.left(), second.bottom() + 3},
             tr("%1 × %2").arg(s.out.height).arg(s.out.width), small, ctx.theme.dimText,
             area.right() - second.left());
}

}  // namespace shufflescope::ui
