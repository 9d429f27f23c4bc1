#pragma once
// FeatureMapCanvas: every channel of one step's output as a tile — viridis-coloured, framed in
// its group's colour — drawn with Dear ImGui inside a QOpenGLWidget. Answers "what does this
// layer see, and which group made each map?".
//
//   - All tiles of a step live in ONE texture atlas, coloured on the CPU and uploaded once when
//     the snapshot, the step or the range mode changes; a frame only draws quads.
//   - Mouse wheel zooms around the cursor, drag pans, double-click resets; the keys + / - / 0
//     (the main window's actions) call zoomIn(), zoomOut() and resetView().
//     Hover shows a tooltip (channel, group, min / max / mean); a click selects a channel and
//     opens a large, nearest-neighbour view of it over most of the canvas, with its colour scale
//     and statistics in large text; a click on it, or Esc (the window's action, through
//     closeEnlarged()), closes it (the selection stays).
//   - The header's checkbox, or G (the window's action, through setSharedRange()), switches
//     between per-channel ranges and one shared range.
//   - Steps with 1x1 outputs (the head: pool, fc, softmax) become a heat grid of cells on one
//     shared scale instead of a thousand one-pixel tiles.
//   - setComparison() splits the canvas into two halves, A and B, with a shared zoom and pan.
//     Each half is captioned with its configuration, MACs, test accuracy and top prediction,
//     and shows a page of channels in tiles large enough to read (numbered, with their group),
//     the same channels in both; the header's arrows, or , and . (the window's actions, through
//     showPage()), turn the page.
//
// Repaints only on input, changes and short animations (smooth zoom); idle costs nothing.
// Geometry lives in tile_layout.h, the header's, the panes' and the enlarged view's layout in
// canvas_header_layout.h, pane_layout.h and enlarged_view_layout.h (this class measures the
// text and draws what they return); the Qt-to-ImGui input adapter is imgui_qt_bridge.h.

#include <QByteArray>
#include <QOpenGLFunctions>
#include <QOpenGLWidget>
#include <QString>
#include <QStringList>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "canvas/canvas_header_layout.h"
#include "canvas/canvas_text.h"
#include "canvas/enlarged_view_layout.h"
#include "canvas/pane_layout.h"
#include "canvas/tile_layout.h"
#include "session/snapshot.h"

struct ImFont;

namespace shufflescope::ui {

class ImGuiQtBridge;

class FeatureMapCanvas : public QOpenGLWidget, protected QOpenGLFunctions {
    Q_OBJECT
  public:
    explicit FeatureMapCanvas(QWidget* parent = nullptr);
    ~FeatureMapCanvas() override;  // releases ImGui and GL objects with the context current

    // What to draw: step `step` of `snapshot` (null: a "Computing…" message).
    void setSnapshot(SnapshotPtr snapshot, int step);
    // A/B comparison: the canvas splits into two halves side by side, the left showing
    // setSnapshot()'s and the right `other`'s step `step`; other == nullptr turns it off.
    void setComparison(SnapshotPtr other, int step, QString leftLabel, QString rightLabel);
    // -1: none. Drawn highlighted in every pane that has it, with an enlarged view.
    void setSelectedChannel(int channel);
    // Channels to emphasise (nonzero) in the left / only pane; the rest are dimmed. Empty: none.
    // A mask whose size is not the step's channel count is ignored.
    void setHighlightedChannels(std::vector<uint8_t> mask);
    // The same for the right pane of a comparison.
    void setComparisonHighlightedChannels(std::vector<uint8_t> mask);
    // Text size for projectors: 1.0 .. 2.5 (0.75 for small screens; clamped).
    void setFontScale(double scale);

    int hoveredChannel() const { return hoveredChannel_; }
    int hoveredPane() const { return hoveredPane_; }  // 0 left / only, 1 right; -1 none
    int selectedChannel() const { return selectedChannel_; }
    // The enlarged view of the selected channel: open after a click on a tile, closed by Esc or
    // a click on it. enlargedRect() is where it was last drawn in `pane` (widget coordinates;
    // empty when closed).
    bool enlargedOpen() const { return enlargedOpen_ && selectedChannel_ >= 0; }
    QRectF enlargedRect(int pane = 0) const;
    bool sharedRange() const { return rangeMode_ == RangeMode::Shared; }
    bool comparing() const { return comparing_; }

    // For tests and screenshots: the tiles as currently laid out and zoomed, in widget
    // coordinates (pane 0: the left / only pane; pane 1: the comparison's right pane). Empty
    // when the pane shows nothing; channels on another page of a comparison are null rectangles.
    std::vector<QRectF> tileRects(int pane = 0) const;
    // The channel whose tile is under `widgetPosition` in `pane`, or -1.
    int channelAt(QPointF widgetPosition, int pane = 0) const;
    // A comparison's page of channels: 0-based, of pageCount() (1 when not comparing).
    int page() const { return page_; }
    int pageCount() const { return tiles::pageOf(pagedChannels(), perPage_, page_).pages; }
    // A comparison pane's caption as drawn: {label, "11.3 M MACs", "test accuracy 92.21% · top:
    // Sneaker 99.2%"}; empty when not comparing.
    QStringList paneCaption(int pane) const;
    // The value a 1x1 step's cell (or a map's mean) shows for `channel`, as the canvas prints it
    // (probabilities as percentages).
    QString displayedValue(int channel, int pane = 0) const;

  public slots:
    // Shared range: one min..max for the whole step (compare channel strengths) instead of each
    // channel's own (see every channel's pattern).
    void setSharedRange(bool shared);
    void resetView();
    // One zoom step about the centre of the (left) pane, as one wheel notch.
    void zoomIn();
    void zoomOut();
    void showPage(int page);  // a comparison's page of channels (clamped)
    // Closes the enlarged view (the channel stays selected); false if none was open. The keys
    // (G, + − 0, , . and Esc) are the main window's actions (main_window_actions.cpp).
    bool closeEnlarged();

  signals:
    void channelClicked(int channel);  // a left click on a tile; -1 on empty space / close button
    void channelHovered(int channel);  // -1 when the mouse leaves the tiles
    void sharedRangeChanged(bool shared);

  protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    // One half of a comparison, or the whole canvas.
    struct Pane {
        SnapshotPtr snapshot;
        int step = -1;
        QString label;  // comparison only: "g = 1", "shuffle off"
        std::vector<uint8_t> highlight;

        // Derived from snapshot and step when they change (CPU only).
        bool valid = false;  // snapshot and step give a [1, C, H, W] output
        int channels = 0, height = 0, width = 0;
        std::vector<ChannelStatistics> stats;
        ChannelStatistics overall;
        std::vector<int> groups;  // channelGroup() per channel
        int groupCount = 0;       // distinct groups >= 0 in this step
        bool textureDirty = true;
        bool tooLarge = false;  // the atlas would exceed GL_MAX_TEXTURE_SIZE

        // GPU: one atlas texture with every channel of the step.
        tiles::AtlasGeometry atlas;
        GLuint texture = 0;
        int textureWidth = 0, textureHeight = 0;

        // Geometry of the current frame (widget coordinates for rect; the rest pane-local).
        tiles::Rect rect;
        tiles::Rect gridViewport;
        tiles::GridLayout layout;
        tiles::View view;     // the shared view, clamped to this pane's grid
        tiles::Page page;     // the channels shown: the layout's tile i is channel first + i
        tiles::Rect overlay;  // the enlarged view's window this frame (widget), empty if none

        bool isVector() const { return valid && height == 1 && width == 1; }
        // The channel of the layout's tile `index` (hitTest's answer), or -1.
        int channelAtIndex(int index) const {
            return index >= 0 && index < page.count ? page.first + index : -1;
        }
        bool shows(int channel) const {
            return channel >= page.first && channel < page.first + page.count;
        }
        bool dimmed(int channel) const {
            return highlight.size() == std::size_t(channels) &&
                   highlight[std::size_t(channel)] == 0;
        }
    };

    // [state changes]
    void assignPane(Pane& pane, SnapshotPtr snapshot, int step);
    void requestFrames(int frames = 3);
    void updateGeometry();
    RangeMode effectiveRange(const Pane& pane) const;
    float fontPixels() const;  // logical pixel size of the ImGui font
    float headerHeight() const;

    // [GL and ImGui resources]
    void cleanupGL();
    void rebuildFonts();
    void applyStyle();
    QByteArray imguiText(const QString& text);  // UTF-8 for ImGui; notes missing glyphs
    static float measure(const QByteArray& text, ImFont* font, float size);
    // measure() for the pure layouts (canvas_text.h): text in one of the canvas's fonts.
    TextWidth canvasTextWidth();
    void uploadAtlas(Pane& pane);

    // [frame]
    void drawFrame();
    CanvasHeaderInput headerInput() const;  // what the header says, for layoutCanvasHeader
    void drawHeader();
    void drawPane(Pane& pane, int index);
    void drawPaneCaption(const Pane& pane);
    std::optional<QString> paneMessage(const Pane& pane) const;  // instead of tiles
    void drawCentredMessage(const Pane& pane, const QString& message);
    // A tile on screen: its channel, corners (whole pixels, widget coordinates) and whether it
    // is dimmed (not highlighted).
    struct VisibleTile {
        int channel;
        tiles::Point p0, p1;
        bool dim;
    };
    std::pair<tiles::Point, tiles::Point> tileCorners(const Pane& pane, int channel) const;
    std::vector<VisibleTile> visibleTiles(const Pane& pane) const;
    void drawTileFrames(const Pane& pane, const std::vector<VisibleTile>& tiles, float frame) const;
    void drawTileMaps(const Pane& pane, const std::vector<VisibleTile>& tiles) const;
    void drawTileNumbers(const Pane& pane, const std::vector<VisibleTile>& tiles, float size) const;
    void drawCellValues(const Pane& pane, const std::vector<VisibleTile>& tiles, float smallSize);
    void drawRings(const Pane& pane, int index, float frame) const;
    void handlePaneInput(Pane& pane, bool gridHovered);
    void drawTooltip(const Pane& pane, int channel);
    void drawEnlargedView(Pane& pane, int index);
    EnlargedViewText enlargedText(const Pane& pane, int channel) const;
    void drawEnlargedContent(const Pane& pane, int channel, const EnlargedViewLayout& layout,
                             const EnlargedViewText& text, bool hovered);
    void drawColourBar(float x, float y, float width, float height, float marker) const;
    QString valueText(const Pane& pane, float value) const;  // a value of this pane's step
    struct CaptionInfo {
        QString cost;     // "11.3 M MACs"
        QString quality;  // "test accuracy 92.21%  ·  top: Sneaker 100.0%"
    };
    CaptionInfo captionInfo(const Pane& pane) const;
    int pagedChannels() const;  // the larger pane's channel count
    bool animate(float dt);     // true while a zoom is still moving
    void zoomBy(float factor, tiles::Point anchorPaneLocal);

    std::unique_ptr<ImGuiQtBridge> bridge_;
    bool glReady_ = false;
    bool fontsDirty_ = true;
    bool styleDirty_ = true;
    // Glyphs the UI has asked for (UTF-16 code units; ImGui 1.86 uses 16-bit ImWchar). Text with
    // a glyph not yet in the font atlas marks the fonts dirty, so translated strings (Chinese)
    // get their glyphs without a hand-kept list of every string.
    std::vector<bool> knownGlyphs_;
    std::vector<unsigned short> glyphRanges_;  // kept alive while the font atlas is built

    std::array<Pane, 2> panes_;
    bool comparing_ = false;
    int selectedChannel_ = -1;
    RangeMode rangeMode_ = RangeMode::PerChannel;
    double fontScale_ = 1.0;
    bool fontHasSymbols_ = false;   // false: the fallback bitmap font (ASCII only) is in use
    bool compactCaptions_ = false;  // a short comparison: pane captions in the small font
    QByteArray latinFontData_, cjkFontData_;  // font files, read once
    int cjkFontIndex_ = 0;                    // face in the CJK collection
    ImFont* smallFont_ = nullptr;             // tile numbers
    ImFont* largeFont_ = nullptr;             // centred messages

    // Shared view: zoom and pan apply to both panes of a comparison alike.
    tiles::View view_;
    float targetZoom_ = 1.0f;
    tiles::Point zoomAnchor_;  // pane-local point kept fixed while the zoom animates
    bool dragging_ = false;

    std::optional<int> pendingClick_;  // a click this frame: emitted after it
    bool pendingClose_ = false;        // a click on the enlarged view this frame
    bool enlargedOpen_ = false;
    int page_ = 0;  // a comparison's page of channels
    // The channel the shown page must hold: pages are recounted whenever the layout changes (a
    // resize, the comparison starting), and the page index alone then pointed at other channels.
    int pageAnchor_ = 0;
    int perPage_ = 0;  // channels a page (all of them when not comparing)
    int hoveredChannel_ = -1;
    int hoveredPane_ = -1;
    int framesPending_ = 0;
    Qt::CursorShape cursor_ = Qt::ArrowCursor;
};

}  // namespace shufflescope::ui
