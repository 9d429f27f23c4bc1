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
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <vector>

#include "session/snapshot.h"
#include "text/number_format.h"  // formatCount, formatRatio: the app's one number style

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

// Pixel size of body text at projector scale `fontScale`; headers and captions scale from it.
inline double bodyTextPx(double fontScale) {
    return 17.0 * fontScale;
}
// The font `relative` times body text at `fontScale` (at least 8 px): what every view draws with.
QFont viewFont(double fontScale, double relative = 1.0, bool bold = false);

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
    double textPx() const { return bodyTextPx(fontScale); }
    QFont font(double relative = 1.0, bool bold = false) const {
        return viewFont(fontScale, relative, bold);
    }
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

    // The title block: step name and kind, output shape, MACs grouped vs dense and parameters,
    // as layoutOperationHeader places it (operation_header_layout.h). Returns the area left
    // below it.
    static QRectF paintHeader(QPainter& painter, const QRectF& area, const PaintContext& ctx);
    static QString kindDescription(const Step& step);
};

// [SECTION] Shared helpers

QString shapeText(const StepShape& shape);  // "240 × 28 × 28"

// How large text may be in a view of `size` pixels: the requested projector scale, unless the
// view is too small to hold a useful picture at that size (fewer than kMinEmsWide × kMinEmsTall
// body-text heights); then everything shrinks together, so the picture keeps its proportions
// instead of every label being squeezed or cut on its own. Never below min(requested, 0.75).
inline constexpr double kMinEmsWide = 26, kMinEmsTall = 17;
double fittedFontScale(double requested, const QSizeF& size);

// A result is on its way (the user pressed S, or 8): the old picture is veiled and `text` says
// what is being computed, in the view itself rather than only in the status bar.
void paintPendingVeil(QPainter& painter, const QRectF& rect, const QString& text,
                      const Theme& theme, double fontScale);

// [SECTION] Fitting text
//
// Every label goes through these so that nothing leaves its box: a single line first shrinks
// (down to kMinTextScale of its size: large projector fonts on a small window), then elides;
// a list of wordings (most complete first) takes the first that fits; wrapped text shrinks
// until it fits its rectangle's width (no word broken) and height, then elides its last line.

inline constexpr double kMinTextScale = 0.7;

// `font` with its pixel size multiplied by `scale` (at least 8 px).
QFont scaledFont(const QFont& font, double scale);

struct FittedText {
    QFont font;
    QString text;  // ends in "…" when even the smallest size was too wide
    double width = 0;
    double scale = 1;  // of the font asked for
    bool elided = false;
};
FittedText fitText(const QFont& font, const QString& text, double maxWidth,
                   double minScale = kMinTextScale);
// The first of `variants` that fits at (nearly) full size; failing that the first that fits at
// minScale; failing that the last one, shrunk and elided.
FittedText fitVariants(const QFont& font, const QStringList& variants, double maxWidth,
                       double minScale = kMinTextScale);
// Draws a fitted line with the top-left of its box at `topLeft`; returns its width.
double drawFitted(QPainter& painter, QPointF topLeft, const FittedText& fitted,
                  const QColor& color);

// A single-line text at a baseline-independent position: top-left of its box. Returns its width.
// With maxWidth > 0 the text never gets wider (fitText).
double drawText(QPainter& painter, QPointF topLeft, const QString& text, const QFont& font,
                const QColor& color, double maxWidth = 0);
// drawText with alternative wordings (fitVariants).
double drawTextVariants(QPainter& painter, QPointF topLeft, const QStringList& variants,
                        const QFont& font, const QColor& color, double maxWidth);

struct WrappedText {
    QFont font;
    QStringList lines;
    double lineHeight = 0;
    double width = 0;   // of the widest line
    double height = 0;  // lines × lineHeight
    bool fits = true;   // false: shrunk to the minimum and cut (last line elided)
};
// Lays `text` out in lines at most `width` wide ("\n" starts a new line), shrinking the font
// until no word has to be broken and the lines fit in `maxHeight`.
WrappedText wrapText(const QFont& font, const QString& text, double width, double maxHeight = 1e9,
                     double minScale = kMinTextScale);
// Draws wrapped lines in `rect` with the alignment `flags` (horizontal and vertical); returns
// the height used.
double drawWrappedText(QPainter& painter, const QRectF& rect, const WrappedText& wrapped,
                       const QColor& color, int flags = Qt::AlignLeft | Qt::AlignTop);
// A paragraph for a width: one line when it fits at (nearly) full size, otherwise wrapped onto at
// most `maxLines` lines (shrinking, then eliding, as wrapText).
WrappedText fitParagraph(const QFont& font, const QString& text, double width, int maxLines,
                         double minScale = kMinTextScale);
// fitParagraph drawn with its top-left at `topLeft`; returns the height used.
double drawParagraph(QPainter& painter, QPointF topLeft, double width, const QString& text,
                     const QFont& font, const QColor& color, int maxLines = 2);
// A block of lines (formulas, facts): the first in `first`, the others in `rest`; each whole when
// it fits, else wrapped onto two lines. Too tall for `maxHeight`: the fonts shrink (to 80%),
// then the last lines are left out (never the first `keep`).
struct TextBlock {
    std::vector<WrappedText> lines;
    double gap = 0;  // between lines
    double height = 0;
};
TextBlock fitBlock(const QStringList& lines, const QFont& first, const QFont& rest, double width,
                   double maxHeight, int keep = 1);
// Draws a block from `topLeft`; returns its height.
double drawBlock(QPainter& painter, QPointF topLeft, double width, const TextBlock& block,
                 const QColor& first, const QColor& rest);
// Word-wrapped text fitted inside `rect` (wrapText + drawWrappedText); returns the height used.
double drawWrapped(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font,
                   const QColor& color, int flags = Qt::AlignLeft | Qt::AlignTop,
                   double minScale = kMinTextScale);
double textWidth(const QFont& font, const QString& text);
double lineHeight(const QFont& font);
// Width of the widest word of `text` (the narrowest box that holds it without breaking a word),
// and of its widest "\n"-separated line.
double longestWordWidth(const QFont& font, const QString& text);
double longestLineWidth(const QFont& font, const QString& text);
// The narrowest width at which `text` wraps onto at most `maxLines` lines at `font`'s size (no
// word broken); at least longestWordWidth.
double widthForLines(const QFont& font, const QString& text, int maxLines);
// A rounded box with an accent bar on its left holding a wrapped note, as tall as the text
// needs but never taller than `rect` (the text shrinks to fit); returns the height used.
double drawNote(QPainter& painter, const QRectF& rect, const QString& text, const PaintContext& ctx,
                const QColor& accent);
// Height drawNote would use for `text` in a box `width` wide (with no height limit).
double measureNote(double width, const QString& text, const PaintContext& ctx);
// Black or white, whichever contrasts more with `fill` (WCAG relative luminance).
QColor textOn(const QColor& fill);
// Contrast ratio of two opaque colours, 1 (same) to 21 (black on white).
double contrastRatio(const QColor& a, const QColor& b);
void drawArrow(QPainter& painter, QPointF from, QPointF to, const QColor& color, double width);
// Blend of two colours: t = 0 gives a, 1 gives b.
QColor mix(const QColor& a, const QColor& b, double t);
QColor withAlpha(QColor color, double alpha);
// The group's colour, readable as a thin line on the theme's background (the yellow of the
// palette is too pale on white): darkened (light theme) or lightened (dark) to a contrast of 3.
QColor lineColor(int group, const Theme& theme);
// The group's colour for text on the theme's background: the same, to a contrast of 4.5.
QColor groupTextColor(int group, const Theme& theme);

// One channel of an NCHW tensor (image 0) as a viridis (or grey) picture normalised to its own
// range.
QImage channelImage(const Tensor& tensor, int channel, bool grey = false);
// The first three channels as RGB (or one as grey), each stretched to its range: the input image.
QImage tensorPicture(const Tensor& tensor);
// Draws an image scaled into `rect` without smoothing (pixels stay visible) and a thin frame.
void drawPixels(QPainter& painter, const QRectF& rect, const QImage& image, const Theme& theme);

}  // namespace shufflescope::ui
