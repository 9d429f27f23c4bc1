// What every step painter shares (declared in operation_painter.h).
//
// Sections (// [SECTION] below, in this order):
//   Theme and hit regions   colours from the palette, clickable channels, the views' fonts
//   Header                  kind descriptions; the title block operation_header_layout.h places
//   Text and numbers        shapes as text, the veil over a pending result, fitted text scale
//   Fitting text            shrink, elide, wrap, blocks and notes that never leave their box
//   Colours and shapes      mixing, contrast, group colours for lines and text, arrows
//   Feature-map pictures    a channel or the input as an image, drawn with visible pixels

#include "views/operation/operation_painter.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QPainterPath>
#include <QRegularExpression>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

#include "shufflescope/analysis/colormap.h"
#include "shufflescope/analysis/feature_statistics.h"
#include "style/palette.h"
#include "views/operation/operation_header_layout.h"

namespace shufflescope::ui {

// [SECTION] Theme and hit regions

Theme Theme::from(const QPalette& palette) {
    Theme t;
    t.dark = isDarkTheme(palette);
    t.background = palette.color(QPalette::Base);
    t.text = palette.color(QPalette::Text);
    t.dimText = mix(t.text, t.background, 0.38);
    t.faint = mix(t.text, t.background, t.dark ? 0.82 : 0.88);
    t.outline = mix(t.text, t.background, 0.65);
    // Okabe-Ito blue (light) / sky blue (dark): distinct from most group colours' use as fills.
    t.accent = t.dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x5A, 0x9C);
    return t;
}

int HitRegions::channelAt(const QPointF& point) const {
    // Later regions are drawn on top, so they win.
    for (auto it = regions_.rbegin(); it != regions_.rend(); ++it)
        if (it->rect.contains(point)) return it->channel;
    return -1;
}

QFont viewFont(double fontScale, double relative, bool bold) {
    QFont f;
    f.setPixelSize(std::max(8, static_cast<int>(std::lround(bodyTextPx(fontScale) * relative))));
    f.setBold(bold);
    return f;
}

// [SECTION] Header

QString OperationPainter::kindDescription(const Step& s) {
    switch (s.kind) {
        case StepKind::Input:
            return tr("input image tensor");
        case StepKind::Conv:
            return tr("dense %1×%1 convolution, stride %2").arg(s.kernel).arg(s.stride);
        case StepKind::PointwiseConv:
            return s.groups > 1 ? tr("grouped 1×1 convolution, g = %1").arg(s.groups)
                                : tr("1×1 convolution (not grouped)");
        case StepKind::DepthwiseConv:
            return tr("depthwise 3×3 convolution, stride %1").arg(s.stride);
        case StepKind::BatchNorm:
            return tr("batch normalisation");
        case StepKind::ReLU:
            return tr("ReLU");
        case StepKind::MaxPool:
            return tr("3×3 max-pool, stride %1").arg(s.stride);
        case StepKind::AvgPool:
            return tr("shortcut: 3×3 average pool, stride %1").arg(s.stride);
        case StepKind::ChannelShuffle:
            if (!s.enabled) return tr("channel shuffle — switched off");
            return tr("channel shuffle, g = %1").arg(s.groups);
        case StepKind::Add:
            return tr("add: identity shortcut + main branch");
        case StepKind::Concat:
            return tr("concat [shortcut, main branch]");
        case StepKind::GlobalAvgPool:
            return tr("global average pool");
        case StepKind::FullyConnected:
            return tr("fully connected classifier");
        case StepKind::Softmax:
            return tr("softmax");
    }
    return {};
}

QRectF OperationPainter::paintHeader(QPainter& painter, const QRectF& area,
                                     const PaintContext& ctx) {
    const OperationHeaderLayout h = layoutOperationHeader(
        ctx.current(), ctx.snapshot.cost.steps.at(static_cast<std::size_t>(ctx.step)), area,
        ctx.fontScale);
    drawFitted(painter, h.name.at, h.name.text, ctx.theme.text);
    if (h.kindBeside)
        drawFitted(painter, h.kindBesideName.at, h.kindBesideName.text, ctx.theme.dimText);
    else
        drawWrappedText(painter, h.kindRect, h.kindOwnLine, ctx.theme.dimText);
    for (const OperationHeaderLayout::Line& line : h.facts)
        drawFitted(painter, line.at, line.text, ctx.theme.dimText);
    painter.setPen(QPen(ctx.theme.faint, 1));
    painter.drawLine(h.rule);
    return h.body;
}

// [SECTION] Text and numbers

QString shapeText(const StepShape& shape) {
    return QStringLiteral("%1 × %2 × %3").arg(shape.channels).arg(shape.height).arg(shape.width);
}

void paintPendingVeil(QPainter& painter, const QRectF& rect, const QString& text,
                      const Theme& theme, double fontScale) {
    if (text.isEmpty()) return;
    painter.save();
    painter.fillRect(rect, withAlpha(theme.background, 0.6));
    QFont font = painter.font();
    font.setPixelSize(int(22 * fontScale));
    font.setBold(true);
    painter.setFont(font);
    const QRectF box =
        QFontMetricsF(font)
            .boundingRect(rect, Qt::AlignCenter | Qt::TextWordWrap, text)
            .adjusted(-16 * fontScale, -10 * fontScale, 16 * fontScale, 10 * fontScale);
    painter.setPen(QPen(theme.outline, 1));
    painter.setBrush(theme.background);
    painter.drawRoundedRect(box, 8, 8);
    painter.setPen(theme.text);
    painter.drawText(rect, Qt::AlignCenter | Qt::TextWordWrap, text);
    painter.restore();
}

double fittedFontScale(double requested, const QSizeF& size) {
    const double byWidth = size.width() / (17.0 * kMinEmsWide);
    const double byHeight = size.height() / (17.0 * kMinEmsTall);
    return std::max(std::min({requested, byWidth, byHeight}), std::min(requested, 0.75));
}

double textWidth(const QFont& font, const QString& text) {
    return QFontMetricsF(font).horizontalAdvance(text);
}

double lineHeight(const QFont& font) {
    return QFontMetricsF(font).height();
}

double longestWordWidth(const QFont& font, const QString& text) {
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    double widest = 0;
    for (const QString& word : text.split(spaces, Qt::SkipEmptyParts))
        widest = std::max(widest, textWidth(font, word));
    return widest;
}

double longestLineWidth(const QFont& font, const QString& text) {
    double widest = 0;
    for (const QString& line : text.split(QLatin1Char('\n')))
        widest = std::max(widest, textWidth(font, line));
    return widest;
}

// [SECTION] Fitting text

namespace {

int pixelSizeOf(const QFont& font) {
    if (font.pixelSize() > 0) return font.pixelSize();
    return std::max(8, static_cast<int>(std::lround(QFontInfo(font).pixelSize())));
}

QString ellipsis() {
    return QString(QChar(0x2026));
}

}  // namespace

QFont scaledFont(const QFont& font, double scale) {
    QFont f = font;
    f.setPixelSize(std::max(8, static_cast<int>(std::floor(pixelSizeOf(font) * scale))));
    return f;
}

FittedText fitText(const QFont& font, const QString& text, double maxWidth, double minScale) {
    FittedText fitted{font, text, textWidth(font, text), 1.0, false};
    if (maxWidth <= 0 || fitted.width <= maxWidth) return fitted;
    // Width grows about linearly with the pixel size; step down from the estimate until it fits.
    const int px = pixelSizeOf(font);
    const int smallest = std::max(8, static_cast<int>(std::floor(px * minScale)));
    int size = std::clamp(static_cast<int>(std::floor(px * maxWidth / fitted.width)), smallest, px);
    for (;; --size) {
        QFont f = font;
        f.setPixelSize(size);
        const double w = textWidth(f, text);
        if (w <= maxWidth || size <= smallest) {
            fitted.font = f;
            fitted.width = w;
            fitted.scale = double(size) / px;
            break;
        }
    }
    if (fitted.width > maxWidth) {
        fitted.text = QFontMetricsF(fitted.font).elidedText(text, Qt::ElideRight, maxWidth);
        fitted.width = textWidth(fitted.font, fitted.text);
        fitted.elided = true;
    }
    return fitted;
}

FittedText fitVariants(const QFont& font, const QStringList& variants, double maxWidth,
                       double minScale) {
    if (variants.isEmpty()) return fitText(font, QString(), maxWidth, minScale);
    // Nearly full size first: a shorter wording reads better than a much smaller one.
    for (double limit : {std::max(minScale, 0.88), minScale}) {
        for (const QString& v : variants) {
            const FittedText f = fitText(font, v, maxWidth, limit);
            if (!f.elided) return f;
        }
    }
    return fitText(font, variants.back(), maxWidth, minScale);
}

double drawFitted(QPainter& painter, QPointF topLeft, const FittedText& fitted,
                  const QColor& color) {
    if (fitted.text.isEmpty()) return 0;
    painter.setFont(fitted.font);
    painter.setPen(color);
    const QFontMetricsF metrics(fitted.font);
    painter.drawText(QPointF(topLeft.x(), topLeft.y() + metrics.ascent()), fitted.text);
    return fitted.width;
}

double drawText(QPainter& painter, QPointF topLeft, const QString& text, const QFont& font,
                const QColor& color, double maxWidth) {
    return drawFitted(painter, topLeft, fitText(font, text, maxWidth), color);
}

double drawTextVariants(QPainter& painter, QPointF topLeft, const QStringList& variants,
                        const QFont& font, const QColor& color, double maxWidth) {
    return drawFitted(painter, topLeft, fitVariants(font, variants, maxWidth), color);
}

namespace {

// Lines of `text` at `font` within `width`; `anywhere` lets a word too long for a line break.
QStringList layoutLines(const QFont& font, const QString& text, double width, bool anywhere,
                        double* widest) {
    QStringList lines;
    *widest = 0;
    QTextOption option;
    option.setWrapMode(anywhere ? QTextOption::WrapAtWordBoundaryOrAnywhere
                                : QTextOption::WordWrap);
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        QTextLayout layout(paragraph, font);
        layout.setTextOption(option);
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(std::max(width, 1.0));
            const QString piece = paragraph.mid(line.textStart(), line.textLength());
            const QString trimmed = piece.trimmed();
            lines.push_back(trimmed);
            *widest = std::max(*widest, textWidth(font, trimmed));
        }
        layout.endLayout();
        if (paragraph.isEmpty()) lines.push_back(QString());
    }
    return lines;
}

}  // namespace

double widthForLines(const QFont& font, const QString& text, int maxLines) {
    double lo = longestWordWidth(font, text), hi = std::max(lo, longestLineWidth(font, text));
    const double height = lineHeight(font) * maxLines + 0.5;
    if (wrapText(font, text, lo, height, 1.0).fits) return lo;
    // Bisection to a pixel: a handful of layouts of a short label.
    while (hi - lo > 1) {
        const double mid = (lo + hi) / 2;
        (wrapText(font, text, mid, height, 1.0).fits ? hi : lo) = mid;
    }
    return hi;
}

WrappedText wrapText(const QFont& font, const QString& text, double width, double maxHeight,
                     double minScale) {
    WrappedText wrapped;
    const int px = pixelSizeOf(font);
    const int smallest = std::max(8, static_cast<int>(std::floor(px * minScale)));
    // Steps of about 6%: a handful of layouts at most.
    const int step = std::max(1, static_cast<int>(std::lround(px * 0.06)));
    for (int size = px;; size = std::max(smallest, size - step)) {
        QFont f = font;
        f.setPixelSize(size);
        double widest = 0;
        const QStringList lines = layoutLines(f, text, width, false, &widest);
        const double lh = QFontMetricsF(f).height();
        if ((widest <= width + 0.5 && lines.size() * lh <= maxHeight + 0.5) || size == smallest) {
            wrapped.font = f;
            wrapped.lines = lines;
            wrapped.lineHeight = lh;
            wrapped.width = widest;
            wrapped.fits = widest <= width + 0.5 && lines.size() * lh <= maxHeight + 0.5;
            break;
        }
    }
    if (!wrapped.fits) {
        // The smallest size is still too large: break long words, keep the lines that fit and
        // elide the last one.
        double widest = 0;
        QStringList lines = layoutLines(wrapped.font, text, width, true, &widest);
        const int room =
            std::max(1, static_cast<int>(std::floor((maxHeight + 0.5) / wrapped.lineHeight)));
        if (lines.size() > room) {
            const QString rest = lines.mid(room - 1).join(QLatin1Char(' '));
            lines = lines.mid(0, room - 1);
            lines.push_back(
                QFontMetricsF(wrapped.font).elidedText(rest + ellipsis(), Qt::ElideRight, width));
        }
        widest = 0;
        for (QString& line : lines) {
            if (textWidth(wrapped.font, line) > width)
                line = QFontMetricsF(wrapped.font).elidedText(line, Qt::ElideRight, width);
            widest = std::max(widest, textWidth(wrapped.font, line));
        }
        wrapped.lines = lines;
        wrapped.width = widest;
    }
    wrapped.height = wrapped.lines.size() * wrapped.lineHeight;
    return wrapped;
}

WrappedText fitParagraph(const QFont& font, const QString& text, double width, int maxLines,
                         double minScale) {
    const FittedText one =
        fitText(font, text, width, maxLines <= 1 ? minScale : std::max(minScale, 0.85));
    if (one.elided && maxLines > 1)
        return wrapText(font, text, width, lineHeight(font) * maxLines + 0.5, minScale);
    WrappedText wrapped;
    wrapped.font = one.font;
    wrapped.lines = QStringList{one.text};
    wrapped.lineHeight = lineHeight(one.font);
    wrapped.width = one.width;
    wrapped.height = wrapped.lineHeight;
    wrapped.fits = !one.elided;
    return wrapped;
}

double drawParagraph(QPainter& painter, QPointF topLeft, double width, const QString& text,
                     const QFont& font, const QColor& color, int maxLines) {
    const WrappedText wrapped = fitParagraph(font, text, width, maxLines);
    return drawWrappedText(painter, QRectF(topLeft.x(), topLeft.y(), width, wrapped.height),
                           wrapped, color);
}

TextBlock fitBlock(const QStringList& lines, const QFont& first, const QFont& rest, double width,
                   double maxHeight, int keep) {
    TextBlock block;
    const int least = std::clamp(keep, 0, static_cast<int>(lines.size()));
    for (int count = static_cast<int>(lines.size()); count >= least; --count) {
        for (double scale : {1.0, 0.9, 0.8}) {
            block = TextBlock{};
            block.gap = lineHeight(scaledFont(rest, scale)) * 0.2;
            for (int i = 0; i < count; ++i) {
                block.lines.push_back(
                    fitParagraph(scaledFont(i == 0 ? first : rest, scale), lines[i], width, 2));
                block.height += block.lines.back().height + (i > 0 ? block.gap : 0);
            }
            if (block.height <= maxHeight) return block;
        }
    }
    return block;
}

double drawBlock(QPainter& painter, QPointF topLeft, double width, const TextBlock& block,
                 const QColor& first, const QColor& rest) {
    double y = topLeft.y();
    for (std::size_t i = 0; i < block.lines.size(); ++i) {
        if (i > 0) y += block.gap;
        y += drawWrappedText(painter, QRectF(topLeft.x(), y, width, block.lines[i].height),
                             block.lines[i], i == 0 ? first : rest);
    }
    return y - topLeft.y();
}

double drawWrappedText(QPainter& painter, const QRectF& rect, const WrappedText& wrapped,
                       const QColor& color, int flags) {
    painter.setFont(wrapped.font);
    painter.setPen(color);
    const QFontMetricsF metrics(wrapped.font);
    double y = rect.top();
    if (flags & Qt::AlignVCenter) y += std::max(0.0, (rect.height() - wrapped.height) / 2);
    if (flags & Qt::AlignBottom) y += std::max(0.0, rect.height() - wrapped.height);
    for (const QString& line : wrapped.lines) {
        const double w = textWidth(wrapped.font, line);
        double x = rect.left();
        if (flags & Qt::AlignHCenter) x += (rect.width() - w) / 2;
        if (flags & Qt::AlignRight) x += rect.width() - w;
        painter.drawText(QPointF(x, y + metrics.ascent()), line);
        y += wrapped.lineHeight;
    }
    return wrapped.height;
}

double drawWrapped(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font,
                   const QColor& color, int flags, double minScale) {
    const WrappedText wrapped = wrapText(font, text, rect.width(), rect.height(), minScale);
    // Not even one line of the smallest size fits: nothing rather than text outside the rect.
    if (wrapped.lineHeight > rect.height() + 0.5) return 0;
    return drawWrappedText(painter, rect, wrapped, color, flags);
}

namespace {

double notePad(const PaintContext& ctx) {
    return ctx.textPx() * 0.6;
}
double noteBar(const PaintContext& ctx) {
    return std::max(4.0, ctx.textPx() * 0.3);
}

}  // namespace

double measureNote(double width, const QString& text, const PaintContext& ctx) {
    const double pad = notePad(ctx), bar = noteBar(ctx);
    return wrapText(ctx.font(1.0), text, width - 2 * pad - bar).height + 2 * pad;
}

double drawNote(QPainter& painter, const QRectF& rect, const QString& text, const PaintContext& ctx,
                const QColor& accent) {
    const double pad = notePad(ctx), bar = noteBar(ctx);
    const QRectF inner = rect.adjusted(pad + bar, pad, -pad, -pad);
    // Notes carry explanations: they may shrink further than labels before they are cut.
    const WrappedText wrapped = wrapText(ctx.font(1.0), text, inner.width(), inner.height(), 0.55);
    const QRectF box(rect.left(), rect.top(), rect.width(), wrapped.height + 2 * pad);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(withAlpha(accent, ctx.theme.dark ? 0.18 : 0.12));
    painter.drawRoundedRect(box, pad * 0.6, pad * 0.6);
    painter.setBrush(accent);
    painter.drawRoundedRect(QRectF(box.left(), box.top(), bar, box.height()), bar / 2, bar / 2);
    painter.restore();
    drawWrappedText(painter, inner, wrapped, ctx.theme.text);
    return box.height();
}

// [SECTION] Colours and shapes

QColor mix(const QColor& a, const QColor& b, double t) {
    const auto channel = [t](double x, double y) {
        return static_cast<int>(std::lround(x + (y - x) * t));
    };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()),
                  channel(a.blue(), b.blue()), channel(a.alpha(), b.alpha()));
}

QColor withAlpha(QColor color, double alpha) {
    color.setAlphaF(static_cast<float>(std::clamp(alpha, 0.0, 1.0)));
    return color;
}

namespace {

double relativeLuminance(const QColor& c) {
    const auto linear = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
}

// `colour` moved towards black (light background) or white (dark) until it reaches `ratio`
// against `background`.
QColor withContrast(const QColor& colour, const QColor& background, double ratio) {
    const QColor target =
        relativeLuminance(background) > 0.4 ? QColor(Qt::black) : QColor(Qt::white);
    QColor c = colour;
    for (double t = 0.1; contrastRatio(c, background) < ratio && t <= 1.0; t += 0.1)
        c = mix(colour, target, t);
    return c;
}

}  // namespace

double contrastRatio(const QColor& a, const QColor& b) {
    double la = relativeLuminance(a), lb = relativeLuminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

QColor textOn(const QColor& fill) {
    return contrastRatio(fill, Qt::black) >= contrastRatio(fill, Qt::white) ? QColor(Qt::black)
                                                                            : QColor(Qt::white);
}

QColor lineColor(int group, const Theme& theme) {
    return withContrast(group >= 0 ? groupColor(group) : neutralColor(), theme.background, 3.0);
}

QColor groupTextColor(int group, const Theme& theme) {
    return withContrast(group >= 0 ? groupColor(group) : neutralColor(), theme.background, 4.5);
}

void drawArrow(QPainter& painter, QPointF from, QPointF to, const QColor& color, double width) {
    const QPointF d = to - from;
    const double length = std::hypot(d.x(), d.y());
    if (length < 1) return;
    const QPointF unit = d / length, normal(-unit.y(), unit.x());
    const double head = std::min(width * 4.0 + 4.0, length * 0.5);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(from, to - unit * head * 0.8);
    QPainterPath tip;
    tip.moveTo(to);
    tip.lineTo(to - unit * head + normal * head * 0.55);
    tip.lineTo(to - unit * head - normal * head * 0.55);
    tip.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPath(tip);
    painter.restore();
}

// [SECTION] Feature-map pictures

namespace {

// 0..255 for `v` over `range`; NaN and values below the range are black.
int greyLevel(float v, const ValueRange& range) {
    const float t = range.normalise(v);
    return t >= 0.f ? static_cast<int>(std::lround(255.f * std::min(t, 1.f))) : 0;
}

}  // namespace

QImage channelImage(const Tensor& tensor, int channel, bool grey) {
    if (tensor.rank() != 4 || channel < 0 || channel >= tensor.dim(1)) return {};
    const int h = static_cast<int>(tensor.dim(2)), w = static_cast<int>(tensor.dim(3));
    const float* plane = tensor.data() + std::int64_t(channel) * h * w;
    // The channel's own scale, as the canvas and the CLI's PNGs colour it.
    const ValueRange range = valueRange(plane, std::int64_t(h) * w);
    QImage image(w, h, QImage::Format_RGB32);
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const float v = plane[y * w + x];
            if (grey) {
                const int level = greyLevel(v, range);
                row[x] = qRgb(level, level, level);
                continue;
            }
            const Rgb c = colourOf(v, range);
            row[x] = qRgb(c[0], c[1], c[2]);
        }
    }
    return image;
}

QImage tensorPicture(const Tensor& tensor) {
    if (tensor.rank() != 4) return {};
    const int channels = static_cast<int>(tensor.dim(1));
    const int h = static_cast<int>(tensor.dim(2)), w = static_cast<int>(tensor.dim(3));
    const std::int64_t plane = std::int64_t(h) * w;
    QImage image(w, h, QImage::Format_RGB32);
    const int shown = channels >= 3 ? 3 : 1;
    const std::vector<ChannelStatistics> stats = channelStatistics(imageOf(tensor, 0));
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            int rgb[3];
            for (int c = 0; c < 3; ++c) {
                const int source = shown == 3 ? c : 0;
                const ValueRange range = channelRange(stats, source, RangeMode::PerChannel);
                const float v = tensor.data()[source * plane + y * w + x];
                rgb[c] = range.high > range.low ? greyLevel(v, range) : 128;
            }
            row[x] = qRgb(rgb[0], rgb[1], rgb[2]);
        }
    }
    return image;
}

void drawPixels(QPainter& painter, const QRectF& rect, const QImage& image, const Theme& theme) {
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    if (!image.isNull()) painter.drawImage(rect, image);
    painter.setPen(QPen(theme.outline, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect);
    painter.restore();
}

}  // namespace shufflescope::ui
