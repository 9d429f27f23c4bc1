#include "views/operation/operation_painter.h"

#include <QFontMetricsF>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "shufflescope/colormap.h"
#include "widgets/palette.h"

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

QFont PaintContext::font(double relative, bool bold) const {
    QFont f;
    f.setPixelSize(std::max(8, static_cast<int>(std::lround(textPx() * relative))));
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
    const Step& s = ctx.current();
    const StepCost& cost = ctx.snapshot.cost.steps.at(static_cast<std::size_t>(ctx.step));
    const QFont titleFont = ctx.font(1.45, true);
    const QFont kindFont = ctx.font(1.45);
    const QFont infoFont = ctx.font(1.0);
    double y = area.top();
    const double nameWidth = drawText(painter, {area.left(), y}, QString::fromStdString(s.name),
                                      titleFont, ctx.theme.text, area.width());
    drawText(painter, {area.left() + nameWidth, y}, QStringLiteral("  ·  ") + kindDescription(s),
             kindFont, ctx.theme.dimText, area.width() - nameWidth);
    y += lineHeight(titleFont) * 1.05;

    QString info = tr("output %1").arg(shapeText(s.out));
    if (cost.macs > 0) {
        info += QStringLiteral("    ") + tr("%1 MACs (mult-adds)").arg(formatCount(cost.macs));
        if (cost.denseMacs > cost.macs)
            info += QStringLiteral("  ·  ") +
                    tr("dense %1 → %2 fewer")
                        .arg(formatCount(cost.denseMacs),
                             formatRatio(double(cost.denseMacs) / double(cost.macs)));
    } else {
        info += QStringLiteral("    ") + tr("no multiply-adds counted");
    }
    if (cost.params > 0)
        info += QStringLiteral("  ·  ") + tr("%1 parameters").arg(formatCount(cost.params));
    drawText(painter, {area.left(), y}, info, infoFont, ctx.theme.dimText, area.width());
    y += lineHeight(infoFont) * 1.5;
    painter.setPen(QPen(ctx.theme.faint, 1));
    painter.drawLine(QPointF(area.left(), y - lineHeight(infoFont) * 0.25),
                     QPointF(area.right(), y - lineHeight(infoFont) * 0.25));
    return QRectF(area.left(), y, area.width(), std::max(0.0, area.bottom() - y));
}

// [SECTION] Text and numbers

QString shapeText(const StepShape& shape) {
    return QStringLiteral("%1 × %2 × %3").arg(shape.channels).arg(shape.height).arg(shape.width);
}

double textWidth(const QFont& font, const QString& text) {
    return QFontMetricsF(font).horizontalAdvance(text);
}

double lineHeight(const QFont& font) {
    return QFontMetricsF(font).height();
}

double drawText(QPainter& painter, QPointF topLeft, const QString& text, const QFont& font,
                const QColor& color, double maxWidth) {
    QFont fitted = font;
    QString shown = text;
    const double natural = QFontMetricsF(font).horizontalAdvance(text);
    if (maxWidth > 0 && natural > maxWidth) {
        const double scale = std::max(0.7, maxWidth / natural);
        fitted.setPixelSize(std::max(8, static_cast<int>(font.pixelSize() * scale)));
        shown = QFontMetricsF(fitted).elidedText(text, Qt::ElideRight, maxWidth);
    }
    painter.setFont(fitted);
    painter.setPen(color);
    const QFontMetricsF metrics(fitted);
    painter.drawText(QPointF(topLeft.x(), topLeft.y() + metrics.ascent()), shown);
    return metrics.horizontalAdvance(shown);
}

double drawWrapped(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font,
                   const QColor& color, int flags) {
    painter.setFont(font);
    painter.setPen(color);
    QRectF used;
    painter.drawText(rect, flags | Qt::TextWordWrap, text, &used);
    return used.height();
}

double measureNote(double width, const QString& text, const PaintContext& ctx) {
    const double pad = ctx.textPx() * 0.6, bar = std::max(4.0, ctx.textPx() * 0.3);
    const QRectF inner(0, 0, width - 2 * pad - bar, 10000);
    return QFontMetricsF(ctx.font(1.0)).boundingRect(inner, Qt::TextWordWrap, text).height() +
           2 * pad;
}

double drawNote(QPainter& painter, const QRectF& rect, const QString& text, const PaintContext& ctx,
                const QColor& accent) {
    const QFont font = ctx.font(1.0);
    const double pad = ctx.textPx() * 0.6, bar = std::max(4.0, ctx.textPx() * 0.3);
    const QRectF inner = rect.adjusted(pad + bar, pad, -pad, -pad);
    const QRectF needed = QFontMetricsF(font).boundingRect(inner, Qt::TextWordWrap, text);
    const QRectF box(rect.left(), rect.top(), rect.width(), needed.height() + 2 * pad);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(withAlpha(accent, ctx.theme.dark ? 0.18 : 0.12));
    painter.drawRoundedRect(box, pad * 0.6, pad * 0.6);
    painter.setBrush(accent);
    painter.drawRoundedRect(QRectF(box.left(), box.top(), bar, box.height()), bar / 2, bar / 2);
    painter.restore();
    drawWrapped(painter, inner, text, font, ctx.theme.text);
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

QColor lineColor(int group, const Theme& theme) {
    const QColor c = groupColor(group);
    if (theme.dark || c.lightness() < 150) return c;
    return c.darker(135);
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

// Min and max of one plane, ignoring nothing: a constant plane maps to the middle of the scale.
std::pair<float, float> rangeOf(const float* data, std::int64_t count) {
    if (count <= 0) return {0.f, 1.f};
    const auto [lo, hi] = std::minmax_element(data, data + count);
    return {*lo, *hi};
}

}  // namespace

QImage channelImage(const Tensor& tensor, int channel, bool grey) {
    if (tensor.rank() != 4 || channel < 0 || channel >= tensor.dim(1)) return {};
    const int h = static_cast<int>(tensor.dim(2)), w = static_cast<int>(tensor.dim(3));
    const float* plane = tensor.data() + std::int64_t(channel) * h * w;
    const auto [lo, hi] = rangeOf(plane, std::int64_t(h) * w);
    const float scale = hi > lo ? 1.f / (hi - lo) : 0.f;
    QImage image(w, h, QImage::Format_RGB32);
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const float t = hi > lo ? (plane[y * w + x] - lo) * scale : 0.5f;
            if (grey) {
                const int v = static_cast<int>(std::lround(255.f * t));
                row[x] = qRgb(v, v, v);
                continue;
            }
            const Rgb c = viridis(t);
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
    std::pair<float, float> ranges[3];
    for (int c = 0; c < shown; ++c) ranges[c] = rangeOf(tensor.data() + c * plane, plane);
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            int rgb[3];
            for (int c = 0; c < 3; ++c) {
                const int source = shown == 3 ? c : 0;
                const auto [lo, hi] = ranges[source];
                const float v = tensor.data()[source * plane + y * w + x];
                rgb[c] =
                    hi > lo ? static_cast<int>(std::lround(255.f * (v - lo) / (hi - lo))) : 128;
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
