#pragma once
// OperationPainter: the interface every step painter implements, plus what they share — the
// theme taken from the widget palette, projector-sized fonts, number formatting, feature-map
// thumbnails and small drawing helpers. A painter reads the snapshot and the animation progress
// and draws; it keeps no state of its own, so the view can repaint at any moment.

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QRectF>
#include <QString>
#include <vector>

#include "session/snapshot.h"
#include "widgets/number_format.h"  // formatCount, formatRatio: the app's one number style

namespace shufflescope::ui {

// The widget's colours, with the derived tones the painters need.
struct Theme {
    bool dark = false;
    QColor background, text, dimText, faint, accent, outline;
    static Theme from(const QPalette& palette);
};

// Clickable channel regions, recorded while painting and asked on a click.
class HitRegions {
  public:
    void clear() { regions_.clear(); }
    void add(const QRectF& rect, int channel) { regions_.push_back({rect, channel}); }
    int channelAt(const QPointF& point) const;  // -1 when nothing was hit

  private:
    struct Region {
        QRectF rect;
        int channel;
    };
    std::vector<Region> regions_;
};

struct PaintContext {
    const Snapshot& snapshot;
    int step = 0;
    double progress = 1.0;  // 0..1, the step's animation
    int selectedChannel = -1;
    bool showDenseGhost = false;
    double fontScale = 1.0;
    Theme theme;

    const Step& current() const { return snapshot.step(step); }
    const Step& input(int which = 0) const {
        return snapshot.step(current().inputs.at(static_cast<std::size_t>(which)));
    }
    // Pixel size of body text; the header and captions scale from it.
    double textPx() const { return 17.0 * fontScale; }
    QFont font(double relative = 1.0, bool bold = false) const;
};

class OperationPainter {
    Q_DECLARE_TR_FUNCTIONS(OperationPainter)

  public:
    virtual ~OperationPainter() = default;
    // Draws the step into `area` (below the header the view has drawn) and records the channel
    // regions a click may hit.
    virtual void paint(QPainter& painter, const QRectF& area, const PaintContext& ctx,
                       HitRegions& hits) const = 0;
    // Length of the step's animation at 1x speed.
    virtual int durationMs() const { return 2500; }

    // The title block: step name and kind, output shape, MACs grouped vs dense and parameters.
    // Returns the area left below it.
    static QRectF paintHeader(QPainter& painter, const QRectF& area, const PaintContext& ctx);
    static QString kindDescription(const Step& step);
};

// [SECTION] Shared helpers

QString shapeText(const StepShape& shape);  // "240 × 28 × 28"

// A single-line text at a baseline-independent position: top-left of its box. Returns its width.
// With maxWidth > 0 the text never gets wider: the font shrinks (to 70% at most; large projector
// fonts on a small window), then the text is elided.
double drawText(QPainter& painter, QPointF topLeft, const QString& text, const QFont& font,
                const QColor& color, double maxWidth = 0);
// Word-wrapped text inside `rect` with the given alignment flags; returns the height used.
double drawWrapped(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font,
                   const QColor& color, int flags = Qt::AlignLeft | Qt::AlignTop);
double textWidth(const QFont& font, const QString& text);
double lineHeight(const QFont& font);
// A rounded box with an accent bar on its left holding a wrapped note; returns the height used.
double drawNote(QPainter& painter, const QRectF& rect, const QString& text, const PaintContext& ctx,
                const QColor& accent);
// Height drawNote would use for `text` in a box `width` wide.
double measureNote(double width, const QString& text, const PaintContext& ctx);
void drawArrow(QPainter& painter, QPointF from, QPointF to, const QColor& color, double width);
// Blend of two colours: t = 0 gives a, 1 gives b.
QColor mix(const QColor& a, const QColor& b, double t);
QColor withAlpha(QColor color, double alpha);
// The group's colour, readable as a thin line on the theme's background (the yellow of the
// palette is too pale on white).
QColor lineColor(int group, const Theme& theme);

// One channel of an NCHW tensor (image 0) as a viridis (or grey) picture normalised to its own
// range.
QImage channelImage(const Tensor& tensor, int channel, bool grey = false);
// The first three channels as RGB (or one as grey), each stretched to its range: the input image.
QImage tensorPicture(const Tensor& tensor);
// Draws an image scaled into `rect` without smoothing (pixels stay visible) and a thin frame.
void drawPixels(QPainter& painter, const QRectF& rect, const QImage& image, const Theme& theme);

}  // namespace shufflescope::ui
