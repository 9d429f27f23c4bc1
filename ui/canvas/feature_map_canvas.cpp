// Sections (// [SECTION] below, in this order):
//   Helpers                       colours for ImGui, value format, font files, channel titles
//   Construction and state        setters, queries for tests, the panes' data and geometry
//   GL and ImGui resources        GL set-up and clean-up, fonts, style, the texture atlas
//   Frame and input of a frame    paintGL, zoom animation, the frame's windows, pan and click
//   Text                          measuring for the pure layouts (canvas_text.h)
//   Header                        the strip's words (canvas_header_layout.h) and its widgets
//   Panes                         a pane: its caption (pane_layout.h), its message or tiles
//   Tiles                         the tiles on screen: frames, maps, numbers, cell words, rings
//   Tooltip and enlarged view     hover tooltip, colour bar, enlarged_view_layout.h drawn
//   Input                         Qt events to ImGui, Esc, palette and font changes

#include "canvas/feature_map_canvas.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFontInfo>
#include <QKeyEvent>
#include <QKeySequence>
#include <QOpenGLContext>
#include <QSurfaceFormat>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <optional>

#include "canvas/imgui_qt_bridge.h"
#include "session/assets.h"
#include "shufflescope/analysis/channel_groups.h"
#include "shufflescope/analysis/colormap.h"
#include "style/palette.h"
#include "text/engine_text.h"
#include "text/number_format.h"

namespace shufflescope::ui {

static_assert(sizeof(ImWchar) == sizeof(unsigned short),
              "glyphRanges_ assumes ImGui's default 16-bit ImWchar");

// [SECTION] Helpers

namespace {

constexpr float kMinZoom = 1.0f;
constexpr float kWheelStep = 1.25f;         // zoom factor per wheel notch / key press
constexpr float kZoomTimeConstant = 0.06f;  // seconds; smooth but never sluggish
constexpr int kAtlasPadding = 1;
// The key of the window's shared-range action (main_window_actions.cpp), named in the checkbox.
constexpr Qt::Key kSharedRangeKey = Qt::Key_G;  // "global" range; R replays animations

ImU32 toImU32(const QColor& c, float alpha = 1.0f) {
    return IM_COL32(c.red(), c.green(), c.blue(), int(std::lround(c.alphaF() * alpha * 255.0)));
}

ImVec4 toImVec4(const QColor& c, float alpha = 1.0f) {
    return ImVec4(float(c.redF()), float(c.greenF()), float(c.blueF()), float(c.alphaF()) * alpha);
}

ImVec2 toImVec2(tiles::Point p) {
    return ImVec2(p.x, p.y);
}

ImU32 viridisColour(float t) {
    const Rgb rgb = viridis(t);
    return IM_COL32(rgb[0], rgb[1], rgb[2], 255);
}

ImVec2 operator+(ImVec2 a, ImVec2 b) {
    return ImVec2(a.x + b.x, a.y + b.y);
}

// WCAG relative luminance: dark text on colours above ~0.3, light text below.
double relativeLuminance(const QColor& c) {
    const auto linear = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

QString formatValue(float v) {
    // Four significant digits: enough to compare maps, short enough for a projector.
    if (v == 0.0f) return QStringLiteral("0");
    return QString::number(double(v), 'g', 4);
}

// Font files tried in order. Debian's fonts-dejavu-core is what Qt itself uses on a bare
// system; the CJK fonts are only loaded when a translation needs their glyphs.
QStringList latinFontCandidates() {
    QStringList files;
    // A font shipped with the app (assets/fonts/) wins, so every machine renders the canvas alike.
    const QDir fonts(QDir(assetsDirectory()).filePath(QStringLiteral("fonts")));
    for (const QString& name : fonts.entryList({QStringLiteral("*.ttf")}, QDir::Files, QDir::Name))
        files << fonts.filePath(name);
    files << QStringLiteral("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
          << QStringLiteral("/usr/share/fonts/TTF/DejaVuSans.ttf")
          << QStringLiteral("/usr/share/fonts/dejavu/DejaVuSans.ttf")
          << QStringLiteral("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
          << QStringLiteral("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf");
    return files;
}

struct FontFace {
    QString file;
    int index = 0;  // face inside a .ttc collection
};

std::vector<FontFace> cjkFontCandidates() {
    return {{QStringLiteral("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), 2},  // SC
            {QStringLiteral("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0},
            {QStringLiteral("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0},
            {QStringLiteral("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), 0}};
}

bool isHeadVectorStep(const Step& step) {
    return step.kind == StepKind::FullyConnected || step.kind == StepKind::Softmax;
}

// "Channel 7", and what the channel stands for where it has a name: the colour of an RGB
// input, the class of a logit or probability.
QString channelTitle(const Snapshot& snapshot, int step, int channel) {
    QString title = FeatureMapCanvas::tr("Channel %1").arg(channel);
    const Step& s = snapshot.step(step);
    if (s.kind == StepKind::Input && s.out.channels == 3) {
        const QString rgb[3] = {FeatureMapCanvas::tr("red"), FeatureMapCanvas::tr("green"),
                                FeatureMapCanvas::tr("blue")};
        title += QStringLiteral(" · ") + rgb[channel];
    } else if (isHeadVectorStep(s)) {
        title += QStringLiteral(" · ") + displayClassLabel(snapshot.config(), channel);
    }
    return title;
}

}  // namespace

// [SECTION] Construction and state

FeatureMapCanvas::FeatureMapCanvas(QWidget* parent)
    : QOpenGLWidget(parent), bridge_(std::make_unique<ImGuiQtBridge>()), knownGlyphs_(0x10000) {
    setMouseTracking(true);  // hover tooltips without a button held
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 100);
    // Latin-1 and the symbols the canvas draws itself are always in the atlas.
    for (int c = 0x20; c <= 0xFF; ++c) knownGlyphs_[std::size_t(c)] = true;
    for (char16_t c : {u'\u2026', u'\u00d7', u'\u2212', u'\u00b7', u'\u2013', u'\u2014'})
        knownGlyphs_[std::size_t(c)] = true;
}

FeatureMapCanvas::~FeatureMapCanvas() {
    cleanupGL();
    bridge_.reset();  // the ImGui context goes last: the renderer backend lived inside it
}

void FeatureMapCanvas::setSnapshot(SnapshotPtr snapshot, int step) {
    assignPane(panes_[0], std::move(snapshot), step);
}

void FeatureMapCanvas::setComparison(SnapshotPtr other, int step, QString leftLabel,
                                     QString rightLabel) {
    const bool wasComparing = comparing_;
    comparing_ = other != nullptr;
    panes_[0].label = comparing_ ? std::move(leftLabel) : QString();
    panes_[1].label = comparing_ ? std::move(rightLabel) : QString();
    if (comparing_) {
        assignPane(panes_[1], std::move(other), step);
    } else {
        assignPane(panes_[1], nullptr, -1);
    }
    if (wasComparing != comparing_) resetView();
    updateGeometry();
    requestFrames();
}

void FeatureMapCanvas::setSelectedChannel(int channel) {
    if (channel == selectedChannel_) return;
    selectedChannel_ = std::max(channel, -1);
    // A selection made elsewhere rings the tile; only a click here opens the enlarged view.
    if (selectedChannel_ < 0) enlargedOpen_ = false;
    // In a paged comparison the selected channel's page is shown, however the pages are counted
    // when it is next laid out.
    if (selectedChannel_ >= 0) {
        if (perPage_ > 0) showPage(selectedChannel_ / perPage_);
        pageAnchor_ = selectedChannel_;
    }
    requestFrames();
}

QRectF FeatureMapCanvas::enlargedRect(int pane) const {
    if (pane < 0 || pane > 1 || !enlargedOpen()) return {};
    const tiles::Rect& r = panes_[std::size_t(pane)].overlay;
    return {r.x, r.y, r.w, r.h};
}

void FeatureMapCanvas::setHighlightedChannels(std::vector<uint8_t> mask) {
    panes_[0].highlight = std::move(mask);
    requestFrames();
}

void FeatureMapCanvas::setComparisonHighlightedChannels(std::vector<uint8_t> mask) {
    panes_[1].highlight = std::move(mask);
    requestFrames();
}

void FeatureMapCanvas::setFontScale(double scale) {
    scale = std::clamp(scale, 0.75, 2.5);
    if (scale == fontScale_) return;
    fontScale_ = scale;
    fontsDirty_ = styleDirty_ = true;
    updateGeometry();
    requestFrames();
}

void FeatureMapCanvas::setSharedRange(bool shared) {
    const RangeMode mode = shared ? RangeMode::Shared : RangeMode::PerChannel;
    if (mode == rangeMode_) return;
    rangeMode_ = mode;
    for (Pane& pane : panes_) pane.textureDirty = true;  // colours change: one re-upload
    emit sharedRangeChanged(shared);
    requestFrames();
}

void FeatureMapCanvas::resetView() {
    // Animated back to "everything fits": zooming out around the centre ends centred.
    targetZoom_ = 1.0f;
    zoomAnchor_ = panes_[0].gridViewport.center();
    requestFrames();
}

void FeatureMapCanvas::zoomIn() {
    zoomBy(kWheelStep, panes_[0].gridViewport.center());
}

void FeatureMapCanvas::zoomOut() {
    zoomBy(1.0f / kWheelStep, panes_[0].gridViewport.center());
}

std::vector<QRectF> FeatureMapCanvas::tileRects(int pane) const {
    std::vector<QRectF> rects;
    if (pane < 0 || pane > 1 || (pane == 1 && !comparing_)) return rects;
    const Pane& p = panes_[std::size_t(pane)];
    if (!p.valid || p.layout.empty()) return rects;
    rects.resize(std::size_t(p.channels));  // channels on other pages stay null rectangles
    for (int i = 0; i < p.page.count; ++i) {
        const tiles::Rect r = p.view.toScreen(p.layout.tileRect(i));
        rects[std::size_t(p.page.first + i)] = QRectF(p.rect.x + r.x, p.rect.y + r.y, r.w, r.h);
    }
    return rects;
}

int FeatureMapCanvas::channelAt(QPointF widgetPosition, int pane) const {
    if (pane < 0 || pane > 1 || (pane == 1 && !comparing_)) return -1;
    const Pane& p = panes_[std::size_t(pane)];
    if (!p.valid) return -1;
    const tiles::Point local{float(widgetPosition.x()) - p.rect.x,
                             float(widgetPosition.y()) - p.rect.y};
    if (!p.gridViewport.contains(local)) return -1;
    return p.channelAtIndex(tiles::hitTest(p.layout, p.view, local));
}

QStringList FeatureMapCanvas::paneCaption(int pane) const {
    if (pane < 0 || pane > 1 || !comparing_) return {};
    const Pane& p = panes_[std::size_t(pane)];
    const CaptionInfo info = captionInfo(p);
    return {p.label, info.cost, info.quality};
}

QString FeatureMapCanvas::displayedValue(int channel, int pane) const {
    if (pane < 0 || pane > 1 || (pane == 1 && !comparing_)) return {};
    const Pane& p = panes_[std::size_t(pane)];
    if (!p.valid || channel < 0 || channel >= p.channels) return {};
    return valueText(
        p, p.isVector() ? p.stats[std::size_t(channel)].min : p.stats[std::size_t(channel)].mean);
}

void FeatureMapCanvas::showPage(int page) {
    const tiles::Page shown = tiles::pageOf(pagedChannels(), perPage_, page);
    pageAnchor_ = shown.first;
    if (shown.index == page_) return;
    page_ = shown.index;
    updateGeometry();
    requestFrames();
}

int FeatureMapCanvas::pagedChannels() const {
    int channels = panes_[0].channels;
    if (comparing_) channels = std::max(channels, panes_[1].channels);
    return channels;
}

FeatureMapCanvas::CaptionInfo FeatureMapCanvas::captionInfo(const Pane& pane) const {
    // What the configuration costs, how good it is, and what it answers on this input.
    if (!pane.snapshot) return {};
    const Snapshot& s = *pane.snapshot;
    CaptionInfo info;
    info.cost = formatMacsWithUnit(s.cost.totals.macs);
    if (!s.trained)
        info.quality = tr("untrained");
    else if (s.testAccuracy)
        info.quality = tr("test accuracy %1%").arg(100.0 * *s.testAccuracy, 0, 'f', 2);
    else
        info.quality = tr("trained, accuracy not recorded");
    if (!s.probabilities.empty()) {
        const auto best = std::max_element(s.probabilities.begin(), s.probabilities.end());
        const int c = int(best - s.probabilities.begin());
        info.quality +=
            QStringLiteral(" \u00b7 ") +
            tr("top: %1 %2").arg(displayClassLabel(s.config(), c), formatProbability(*best));
    }
    return info;
}

void FeatureMapCanvas::assignPane(Pane& pane, SnapshotPtr snapshot, int step) {
    if (pane.snapshot == snapshot && pane.step == step) return;
    const int oldChannels = pane.channels, oldHeight = pane.height, oldWidth = pane.width;
    pane.snapshot = std::move(snapshot);
    pane.step = step;
    pane.valid = false;
    pane.channels = pane.height = pane.width = 0;
    pane.stats.clear();
    pane.groups.clear();
    pane.groupCount = 0;
    pane.tooLarge = false;

    const Snapshot* s = pane.snapshot.get();
    if (s && step >= 0 && step < int(s->outputs.size()) && s->output(step).rank() == 4 &&
        s->output(step).dim(0) >= 1) {
        const ConstFeatureMap map = imageOf(s->output(step), 0);
        pane.channels = map.channels;
        pane.height = map.height;
        pane.width = map.width;
        pane.stats = channelStatistics(map);
        pane.overall = overallStatistics(pane.stats);
        pane.groups.resize(std::size_t(map.channels));
        std::vector<bool> seen;
        for (int c = 0; c < map.channels; ++c) {
            const int g = channelGroup(*s->network, step, c);
            pane.groups[std::size_t(c)] = g;
            if (g < 0) continue;
            if (std::size_t(g) >= seen.size()) seen.resize(std::size_t(g) + 1);
            if (!seen[std::size_t(g)]) ++pane.groupCount;
            seen[std::size_t(g)] = true;
        }
        pane.atlas = tiles::atlasGeometry(map.channels, map.width, map.height, kAtlasPadding);
        pane.valid = map.channels > 0 && map.height > 0 && map.width > 0;
        pane.textureDirty = true;
    }
    // The same shape (the next op of a unit, another g with equal widths) keeps the zoomed-in
    // region, so the eye can follow one spot through BN and ReLU; a new shape starts afresh.
    if (&pane == &panes_[0] &&
        (pane.channels != oldChannels || pane.height != oldHeight || pane.width != oldWidth)) {
        view_ = {};
        targetZoom_ = 1.0f;
    }
    if (hoveredChannel_ >= pane.channels) hoveredChannel_ = -1;
    updateGeometry();
    requestFrames();
}

void FeatureMapCanvas::requestFrames(int frames) {
    // ImGui needs a frame or two to settle after input (tooltips size themselves on their first
    // frame and show on the next); after that the canvas sleeps until something happens.
    framesPending_ = std::max(framesPending_, frames);
    update();
}

RangeMode FeatureMapCanvas::effectiveRange(const Pane& pane) const {
    // A 1x1 map is a single number: its own range would paint every cell the same colour.
    return pane.isVector() ? RangeMode::Shared : rangeMode_;
}

float FeatureMapCanvas::fontPixels() const {
    // The application's base font, not the widget's: the window already scales its own font by
    // the projector factor, and scaling that again would double it.
    const int qtPixels = QFontInfo(QApplication::font()).pixelSize();
    const float base = std::max(15.0f, float(qtPixels) * 1.15f);
    return std::round(base * float(fontScale_));
}

float FeatureMapCanvas::headerHeight() const {
    // A short strip (projector text under the other views) keeps more of its height for tiles.
    const float fp = fontPixels();
    return std::round(fp * (float(height()) < fp * 8.0f ? 1.6f : 2.0f));
}

void FeatureMapCanvas::updateGeometry() {
    const float fp = fontPixels();
    const float header = headerHeight();
    // Pane captions: the configuration, then its cost, accuracy and prediction; in the small
    // font when the comparison is short, so the grids keep some height.
    compactCaptions_ = comparing_ && float(height()) - header - std::round(fp * 3.2f) < fp * 5.0f;
    const float caption = comparing_ ? std::round(fp * (compactCaptions_ ? 2.4f : 3.2f)) : 0.0f;
    const float margin = std::round(fp * 0.6f);
    const float separator = comparing_ ? std::round(fp * 0.9f) : 0.0f;
    const float w = float(width()), h = float(height());
    const float paneWidth = comparing_ ? std::floor((w - separator) * 0.5f) : w;
    std::array<tiles::Rect, 2> inners{};
    std::array<tiles::GridSpacing, 2> spacings{};
    for (int i = 0; i < 2; ++i) {
        Pane& pane = panes_[std::size_t(i)];
        pane.rect = {float(i) * (paneWidth + separator), header, paneWidth,
                     std::max(0.0f, h - header)};
        const float top = caption + std::round(margin * 0.3f);
        pane.gridViewport = {margin, top, std::max(1.0f, paneWidth - 2 * margin),
                             std::max(1.0f, pane.rect.h - top - std::round(margin * 0.3f))};
        pane.layout = {};
        if (!pane.valid || (i == 1 && !comparing_)) continue;
        // Vector steps are cells of colour with hairline gaps; maps get gaps wide enough for
        // their group-coloured frames.
        const tiles::GridSpacing spacing =
            pane.isVector() ? tiles::GridSpacing{0.06f, 2.0f, true} : tiles::kFeatureMapSpacing;
        // Frames and the selection ring reach up to kMaxGroupFrame + 4 px outside a tile; keep
        // them inside the grid's clip rectangle at zoom 1.
        const float ring = pane.isVector() ? 4.0f : tiles::kMaxGroupFrame + 4.0f;
        const tiles::Rect inner{pane.gridViewport.x + ring, pane.gridViewport.y + ring,
                                pane.gridViewport.w - 2 * ring, pane.gridViewport.h - 2 * ring};
        inners[std::size_t(i)] = inner;
        spacings[std::size_t(i)] = spacing;
    }

    // Pages: a comparison shows as many channels a side as fit in tiles large enough to read
    // (with room for the channel and group numbers), the same channels in both panes.
    const int channels = pagedChannels();
    perPage_ = channels;
    if (comparing_) {
        const float minTile = std::round(fp * 3.2f);
        for (int i = 0; i < 2; ++i) {
            const Pane& pane = panes_[std::size_t(i)];
            if (!pane.valid) continue;
            perPage_ = std::min(
                perPage_,
                tiles::channelsPerPage(pane.channels, float(pane.width) / float(pane.height),
                                       inners[std::size_t(i)], minTile, spacings[std::size_t(i)]));
        }
    }
    const tiles::Page page = tiles::pageOf(channels, std::max(perPage_, 1),
                                           comparing_ ? pageAnchor_ / std::max(perPage_, 1) : 0);
    page_ = page.index;
    for (int i = 0; i < 2; ++i) {
        Pane& pane = panes_[std::size_t(i)];
        pane.page = {};
        if (!pane.valid || (i == 1 && !comparing_)) continue;
        pane.page = page;
        pane.page.count = std::clamp(pane.channels - page.first, 0, page.count);
        pane.layout = tiles::layoutGrid(comparing_ ? std::max(perPage_, 1) : pane.channels,
                                        float(pane.width) / float(pane.height),
                                        inners[std::size_t(i)], spacings[std::size_t(i)]);
    }

    // One view for both panes: clamp it to the first pane's grid, then each pane's drawing
    // view to its own (the two grids differ when the configurations' widths do).
    float maxZoom = kMinZoom;
    for (int i = 0; i < (comparing_ ? 2 : 1); ++i) {
        const Pane& pane = panes_[std::size_t(i)];
        if (!pane.layout.empty())
            maxZoom = std::max(maxZoom, tiles::maxZoomFor(pane.layout, pane.gridViewport));
    }
    targetZoom_ = std::clamp(targetZoom_, kMinZoom, maxZoom);
    const Pane& first = panes_[0];
    if (!first.layout.empty())
        view_ =
            tiles::clampView(view_, first.layout.bounds(), first.gridViewport, kMinZoom, maxZoom);
    for (Pane& pane : panes_) {
        pane.view = pane.layout.empty() ? view_
                                        : tiles::clampView(view_, pane.layout.bounds(),
                                                           pane.gridViewport, kMinZoom, maxZoom);
    }
}

// [SECTION] GL and ImGui resources

void FeatureMapCanvas::initializeGL() {
    initializeOpenGLFunctions();
    // A widget moved to another top-level window gets a new GL context; free everything that
    // lived in the old one while it is still current.
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &FeatureMapCanvas::cleanupGL,
            Qt::UniqueConnection);
    bridge_->makeCurrent();
    const QSurfaceFormat format = context()->format();
    // GLSL 1.30 runs on every compatibility context (Mesa's llvmpipe included); a core profile
    // (macOS, some drivers) needs 1.50.
    const char* glsl =
        format.profile() == QSurfaceFormat::CoreProfile ? "#version 150" : "#version 130";
    ImGui_ImplOpenGL3_Init(glsl);
    rebuildFonts();
    ImGui_ImplOpenGL3_CreateDeviceObjects();  // uploads the font atlas built just above
    fontsDirty_ = false;
    styleDirty_ = true;
    for (Pane& pane : panes_) {
        pane.texture = 0;
        pane.textureWidth = pane.textureHeight = 0;
        pane.textureDirty = true;
    }
    glReady_ = true;
}

void FeatureMapCanvas::cleanupGL() {
    if (!glReady_) return;
    makeCurrent();
    bridge_->makeCurrent();
    ImGui_ImplOpenGL3_Shutdown();  // shaders, buffers and the font texture
    for (Pane& pane : panes_) {
        if (pane.texture != 0) glDeleteTextures(1, &pane.texture);
        pane.texture = 0;
        pane.textureWidth = pane.textureHeight = 0;
        pane.textureDirty = true;
    }
    glReady_ = false;
    doneCurrent();
}

void FeatureMapCanvas::resizeGL(int, int) {
    updateGeometry();
}

void FeatureMapCanvas::rebuildFonts() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Rasterise at device pixels and scale back, so text stays sharp on HiDPI screens.
    const float dpr = float(devicePixelRatioF());
    const float pixels = fontPixels() * dpr;

    glyphRanges_.clear();
    bool needsCjk = false;
    for (std::size_t c = 0x20; c < knownGlyphs_.size(); ++c) {
        if (!knownGlyphs_[c]) continue;
        if (c >= 0x2E80) needsCjk = true;
        if (!glyphRanges_.empty() && glyphRanges_.back() == c - 1) {
            glyphRanges_.back() = static_cast<unsigned short>(c);
        } else {
            glyphRanges_.push_back(static_cast<unsigned short>(c));
            glyphRanges_.push_back(static_cast<unsigned short>(c));
        }
    }
    glyphRanges_.push_back(0);
    const ImWchar* ranges = reinterpret_cast<const ImWchar*>(glyphRanges_.data());

    // Font files are read once and shared by the three sizes (the CJK collection is ~20 MB, and
    // only read when a translation needs it); the atlas does not own or free them.
    if (latinFontData_.isEmpty()) {
        for (const QString& file : latinFontCandidates()) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly)) {
                latinFontData_ = f.readAll();
                break;
            }
        }
    }
    if (needsCjk && cjkFontData_.isEmpty()) {
        for (const FontFace& face : cjkFontCandidates()) {
            QFile f(face.file);
            if (f.open(QIODevice::ReadOnly)) {
                cjkFontData_ = f.readAll();
                cjkFontIndex_ = face.index;
                break;
            }
        }
    }
    fontHasSymbols_ = !latinFontData_.isEmpty();

    // Regular text, tile numbers (smaller) and centred messages (larger), each rasterised at
    // its own size so none is a blurry scaled copy.
    auto addFont = [&](float scale) -> ImFont* {
        const float size = std::round(pixels * scale);
        ImFont* font = nullptr;
        if (fontHasSymbols_) {
            ImFontConfig config;
            config.FontDataOwnedByAtlas = false;
            config.OversampleH = 2;
            config.OversampleV = 1;
            font = io.Fonts->AddFontFromMemoryTTF(latinFontData_.data(), int(latinFontData_.size()),
                                                  size, &config, ranges);
        }
        if (!font) {
            // ImGui's built-in bitmap font: ASCII only and blocky when enlarged, but never
            // missing.
            ImFontConfig fallback;
            fallback.SizePixels = std::max(13.0f, std::round(size / 13.0f) * 13.0f);
            return io.Fonts->AddFontDefault(&fallback);
        }
        if (needsCjk && !cjkFontData_.isEmpty()) {
            ImFontConfig merge;
            merge.MergeMode = true;  // glyphs missing from the Latin font come from this one
            merge.FontDataOwnedByAtlas = false;
            merge.FontNo = cjkFontIndex_;
            merge.OversampleH = 1;
            io.Fonts->AddFontFromMemoryTTF(cjkFontData_.data(), int(cjkFontData_.size()), size,
                                           &merge, ranges);
        }
        return font;
    };
    addFont(1.0f);  // the first font is ImGui's default
    smallFont_ = addFont(0.8f);
    largeFont_ = addFont(1.5f);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / dpr;
}

void FeatureMapCanvas::applyStyle() {
    const QPalette& pal = palette();
    const bool dark = isDarkTheme(pal);
    ImGuiStyle style;
    if (dark) {
        ImGui::StyleColorsDark(&style);
    } else {
        ImGui::StyleColorsLight(&style);
    }
    const float scale = fontPixels() / 15.0f;
    style.WindowRounding = 6.0f;
    style.FrameRounding = 3.0f;
    style.PopupRounding = 4.0f;
    style.WindowBorderSize = 1.0f;
    style.FrameBorderSize = 1.0f;  // a white checkbox on a light window needs its outline
    style.PopupBorderSize = 1.0f;
    style.WindowPadding = ImVec2(10, 8);
    style.FramePadding = ImVec2(5, 3);
    style.ItemSpacing = ImVec2(8, 5);
    style.ScaleAllSizes(scale);

    // The Qt palette decides, so the canvas matches the widgets around it in light and dark.
    ImVec4* col = style.Colors;
    col[ImGuiCol_Text] = toImVec4(pal.color(QPalette::WindowText));
    col[ImGuiCol_TextDisabled] = toImVec4(pal.color(QPalette::WindowText), 0.6f);
    col[ImGuiCol_WindowBg] = toImVec4(pal.color(QPalette::Base));
    col[ImGuiCol_PopupBg] = toImVec4(pal.color(QPalette::Base));
    col[ImGuiCol_Border] = toImVec4(pal.color(QPalette::Mid), 0.9f);
    col[ImGuiCol_FrameBg] = toImVec4(pal.color(QPalette::Base));
    col[ImGuiCol_FrameBgHovered] = toImVec4(pal.color(QPalette::Highlight), 0.35f);
    col[ImGuiCol_FrameBgActive] = toImVec4(pal.color(QPalette::Highlight), 0.55f);
    col[ImGuiCol_CheckMark] = toImVec4(pal.color(QPalette::Highlight));
    col[ImGuiCol_Button] = toImVec4(pal.color(QPalette::Button));
    col[ImGuiCol_ButtonHovered] = toImVec4(pal.color(QPalette::Highlight), 0.45f);
    col[ImGuiCol_ButtonActive] = toImVec4(pal.color(QPalette::Highlight), 0.7f);
    ImGui::GetStyle() = style;
    styleDirty_ = false;
}

void FeatureMapCanvas::uploadAtlas(Pane& pane) {
    pane.textureDirty = false;
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
    pane.tooLarge = pane.atlas.width > maxSize || pane.atlas.height > maxSize;
    if (pane.tooLarge) return;

    const std::vector<uint8_t> texels = tiles::rasteriseAtlas(
        imageOf(pane.snapshot->output(pane.step), 0), pane.atlas, pane.stats, effectiveRange(pane));
    if (pane.texture == 0) glGenTextures(1, &pane.texture);
    glBindTexture(GL_TEXTURE_2D, pane.texture);
    // Magnified feature-map pixels stay square (nearest); minified ones average (linear), and
    // the padding texels keep neighbouring channels out of the average.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    if (pane.textureWidth == pane.atlas.width && pane.textureHeight == pane.atlas.height) {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, pane.atlas.width, pane.atlas.height, GL_RGBA,
                        GL_UNSIGNED_BYTE, texels.data());
    } else {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, pane.atlas.width, pane.atlas.height, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, texels.data());
        pane.textureWidth = pane.atlas.width;
        pane.textureHeight = pane.atlas.height;
    }
    glBindTexture(GL_TEXTURE_2D, 0);
}

QByteArray FeatureMapCanvas::imguiText(const QString& text) {
    for (QChar ch : text) {
        const std::size_t c = ch.unicode();
        if (c < 0x20 || ch.isSurrogate() || knownGlyphs_[c]) continue;
        knownGlyphs_[c] = true;
        fontsDirty_ = true;  // shown as '?' for one frame, then with its glyph
    }
    return text.toUtf8();
}

// [SECTION] Frame and input of a frame

void FeatureMapCanvas::paintGL() {
    bridge_->makeCurrent();
    if (fontsDirty_) {
        rebuildFonts();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        fontsDirty_ = false;
        styleDirty_ = true;
    }
    if (styleDirty_) applyStyle();
    for (Pane& pane : panes_)
        if (pane.valid && pane.textureDirty) uploadAtlas(pane);
    updateGeometry();

    bridge_->newFrame(QSizeF(size()), devicePixelRatioF());
    const bool animating = animate(std::min(ImGui::GetIO().DeltaTime, 1.0f / 30.0f));
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();

    const int previousHover = hoveredChannel_;
    hoveredChannel_ = hoveredPane_ = -1;
    pendingClick_.reset();
    pendingClose_ = false;
    drawFrame();
    ImGui::Render();

    const QColor background = palette().color(QPalette::Window);
    const qreal dpr = devicePixelRatioF();
    glViewport(0, 0, int(std::lround(width() * dpr)), int(std::lround(height() * dpr)));
    glClearColor(float(background.redF()), float(background.greenF()), float(background.blueF()),
                 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    const Qt::CursorShape shape = dragging_              ? Qt::ClosedHandCursor
                                  : hoveredChannel_ >= 0 ? Qt::PointingHandCursor
                                                         : bridge_->requestedCursor();
    if (shape != cursor_) {
        cursor_ = shape;
        setCursor(shape);
    }

    // Signals leave paintGL first: a slot that changes the canvas must not do so mid-frame.
    if (hoveredChannel_ != previousHover) {
        const int channel = hoveredChannel_;
        QMetaObject::invokeMethod(
            this, [this, channel] { emit channelHovered(channel); }, Qt::QueuedConnection);
    }
    if (pendingClose_) {
        enlargedOpen_ = false;
        framesPending_ = std::max(framesPending_, 2);
    }
    if (pendingClick_) {
        const int channel = *pendingClick_;
        selectedChannel_ = channel;
        enlargedOpen_ = channel >= 0;
        QMetaObject::invokeMethod(
            this, [this, channel] { emit channelClicked(channel); }, Qt::QueuedConnection);
        framesPending_ = std::max(framesPending_, 2);
    }

    if (animating || bridge_->hasPendingInput() || fontsDirty_) {
        update();
    } else if (framesPending_ > 0) {
        --framesPending_;
        update();
    }
}

bool FeatureMapCanvas::animate(float dt) {
    if (std::abs(view_.zoom - targetZoom_) <= 1e-3f * targetZoom_) {
        if (view_.zoom == targetZoom_) return false;
        view_ = tiles::zoomAround(view_, zoomAnchor_, targetZoom_);
        updateGeometry();
        return false;
    }
    // Exponential approach: fast at first, settling within a few frames.
    const float zoom = targetZoom_ + (view_.zoom - targetZoom_) * std::exp(-dt / kZoomTimeConstant);
    view_ = tiles::zoomAround(view_, zoomAnchor_, zoom);
    updateGeometry();
    return true;
}

void FeatureMapCanvas::zoomBy(float factor, tiles::Point anchorPaneLocal) {
    float maxZoom = kMinZoom;
    for (int i = 0; i < (comparing_ ? 2 : 1); ++i) {
        const Pane& pane = panes_[std::size_t(i)];
        if (!pane.layout.empty())
            maxZoom = std::max(maxZoom, tiles::maxZoomFor(pane.layout, pane.gridViewport));
    }
    targetZoom_ = std::clamp(targetZoom_ * factor, kMinZoom, maxZoom);
    zoomAnchor_ = anchorPaneLocal;
    requestFrames();
}

void FeatureMapCanvas::drawFrame() {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    const ImGuiWindowFlags canvasFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoBringToFrontOnFocus |
        ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse |
        ImGuiWindowFlags_NoFocusOnAppearing;
    ImGui::Begin("##canvas", nullptr, canvasFlags);
    ImGui::PopStyleVar(2);

    drawHeader();
    const int paneCount = comparing_ ? 2 : 1;
    // Input first for every pane, then drawing: a pan or zoom started in the right pane moves
    // the left one in the same frame.
    std::array<bool, 2> gridHovered{};
    for (int i = 0; i < paneCount; ++i) {
        Pane& pane = panes_[std::size_t(i)];
        if (!pane.valid || pane.layout.empty()) continue;
        const ImVec2 gridMin(pane.rect.x + pane.gridViewport.x, pane.rect.y + pane.gridViewport.y);
        ImGui::SetCursorScreenPos(gridMin);
        ImGui::PushID(i);
        ImGui::InvisibleButton("grid", ImVec2(pane.gridViewport.w, pane.gridViewport.h),
                               ImGuiButtonFlags_MouseButtonLeft);
        gridHovered[std::size_t(i)] = ImGui::IsItemHovered();
        handlePaneInput(pane, gridHovered[std::size_t(i)]);
        ImGui::PopID();
    }
    updateGeometry();
    for (int i = 0; i < paneCount; ++i) {
        Pane& pane = panes_[std::size_t(i)];
        int channel = -1;
        if (gridHovered[std::size_t(i)] && pane.valid && !dragging_) {
            const ImVec2 mouse = io.MousePos;
            channel = pane.channelAtIndex(tiles::hitTest(
                pane.layout, pane.view, {mouse.x - pane.rect.x, mouse.y - pane.rect.y}));
        }
        if (channel >= 0) {
            hoveredChannel_ = channel;
            hoveredPane_ = i;
        }
        drawPane(pane, i);
        // The enlarged view already says everything the selected tile's tooltip would.
        if (channel >= 0 && !(enlargedOpen() && channel == selectedChannel_))
            drawTooltip(pane, channel);
    }
    if (comparing_) {
        // A divider between A and B.
        const Pane& right = panes_[1];
        const float x = std::round((panes_[0].rect.right() + right.rect.x) * 0.5f);
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x, right.rect.y + 4),
                                            ImVec2(x, right.rect.bottom() - 4),
                                            toImU32(palette().color(QPalette::Mid)), 2.0f);
    }
    ImGui::End();

    for (int i = 0; i < paneCount; ++i) drawEnlargedView(panes_[std::size_t(i)], i);
    // A drag ends with the button, even if the pane it started in has gone (a new snapshot
    // arrived mid-drag and its button was never submitted again).
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) dragging_ = false;
}

void FeatureMapCanvas::handlePaneInput(Pane& pane, bool gridHovered) {
    const ImGuiIO& io = ImGui::GetIO();
    const tiles::Point mouse{io.MousePos.x - pane.rect.x, io.MousePos.y - pane.rect.y};
    if (gridHovered && io.MouseWheel != 0.0f) zoomBy(std::pow(kWheelStep, io.MouseWheel), mouse);

    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        // The drag delta since the press, not just this frame's motion, so the few pixels
        // before the drag threshold are not lost.
        const ImVec2 delta = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
        ImGui::ResetMouseDragDelta(ImGuiMouseButton_Left);
        view_.pan.x += delta.x;
        view_.pan.y += delta.y;
        zoomAnchor_ = {zoomAnchor_.x + delta.x, zoomAnchor_.y + delta.y};
        dragging_ = true;
    }
    if (ImGui::IsItemDeactivated()) {
        if (!dragging_ && pane.gridViewport.contains(mouse)) {
            // A click on a tile selects it; a click between tiles clears the selection.
            pendingClick_ = pane.channelAtIndex(tiles::hitTest(pane.layout, pane.view, mouse));
        }
        dragging_ = false;
    }
    if (gridHovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        targetZoom_ = 1.0f;
        zoomAnchor_ = mouse;
    }
}

// [SECTION] Text

TextWidth FeatureMapCanvas::canvasTextWidth() {
    return [this](const QString& text, CanvasFont font, float size) {
        ImFont* imFont = font == CanvasFont::Current ? nullptr
                         : font == CanvasFont::Small ? smallFont_
                         : font == CanvasFont::Large ? largeFont_
                                                     : ImGui::GetFont();
        return measure(imguiText(text), imFont, size);
    };
}

float FeatureMapCanvas::measure(const QByteArray& text, ImFont* font, float size) {
    if (!font) return ImGui::CalcTextSize(text.constData()).x;
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.constData()).x;
}

// [SECTION] Header

CanvasHeaderInput FeatureMapCanvas::headerInput() const {
    const ImGuiStyle& style = ImGui::GetStyle();
    CanvasHeaderInput in{
        .width = float(width()),
        .height = headerHeight(),
        .fontPixels = fontPixels(),
        .lineHeight = ImGui::GetTextLineHeight(),
        .frameHeight = ImGui::GetFrameHeight(),
        .innerSpacing = style.ItemInnerSpacing.x,
        .itemSpacing = style.ItemSpacing.x,
        .framePadding = style.FramePadding.x,
        .dots = fontHasSymbols_ ? QStringLiteral("\u2026") : QStringLiteral("...")};
    const Pane& first = panes_[0];
    if (first.snapshot && first.step >= 0 && first.step < first.snapshot->network->stepCount())
        in.stepName = QString::fromStdString(first.snapshot->step(first.step).name);
    const QString key = QKeySequence(kSharedRangeKey).toString(QKeySequence::NativeText);
    in.rangeLabels = {tr("Shared range (%1)").arg(key), tr("Shared range"),
                      tr("Shared (%1)").arg(key), QString()};
    if (view_.zoom > 1.01f) {
        const QString zoom = QString::number(double(view_.zoom), 'f', 1);
        in.zoomLabels = {tr("Zoom %1× — reset").arg(zoom), tr("%1× — reset").arg(zoom)};
    }
    const tiles::Page page = tiles::pageOf(pagedChannels(), perPage_, page_);
    if (comparing_ && page.pages > 1) {
        const QString last = QString::number(page.first + page.count - 1);
        in.pagerLabels = {tr("channels %1–%2 of %3").arg(page.first).arg(last).arg(pagedChannels()),
                          QStringLiteral("%1–%2").arg(page.first).arg(last), QString()};
    }
    if (!comparing_ && first.valid) {
        const QString size =
            QStringLiteral("%1 × %2 × %3").arg(first.channels).arg(first.height).arg(first.width);
        in.shapes = first.isVector()
                        ? QStringList{tr("%1 values, one cell each").arg(first.channels),
                                      tr("%1 values").arg(first.channels)}
                        : QStringList{tr("%1 channels × %2 × %3")
                                          .arg(first.channels)
                                          .arg(first.height)
                                          .arg(first.width),
                                      size};
    }
    // The shared colour scale's numbers matter only when one scale covers every tile.
    if (!comparing_ && first.valid && effectiveRange(first) == RangeMode::Shared) {
        in.low = valueText(first, first.overall.min);
        in.high = valueText(first, first.overall.max);
    }
    return in;
}

void FeatureMapCanvas::drawHeader() {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const auto at = [](tiles::Point p) { return ImVec2(p.x, p.y); };
    const auto text = [&](const CanvasHeaderLayout::Text& t, ImGuiCol colour) {
        dl->AddText(at(t.at), ImGui::GetColorU32(colour), imguiText(t.text).constData());
    };
    CanvasHeaderLayout l = layoutCanvasHeader(headerInput(), canvasTextWidth());

    ImGui::SetCursorScreenPos(at(l.rangeToggle.at));
    bool shared = sharedRange();
    if (ImGui::Checkbox((imguiText(l.rangeToggle.text) + "###sharedRange").constData(), &shared)) {
        setSharedRange(shared);
        l = layoutCanvasHeader(headerInput(), canvasTextWidth());  // the colour scale may show
    }
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        const QString key = QKeySequence(kSharedRangeKey).toString(QKeySequence::NativeText);
        const QByteArray tip =
            imguiText(tr("Shared range (%1)").arg(key) + QLatin1Char('\n') +
                      tr("On: one colour scale for all channels (compare their strength).\n"
                         "Off: each channel stretched over its own min..max (see its pattern)."));
        ImGui::TextUnformatted(tip.constData());
        ImGui::EndTooltip();
    }
    if (l.zoomReset) {
        ImGui::SetCursorScreenPos(at(l.zoomReset->at));
        if (ImGui::Button((imguiText(l.zoomReset->text) + "###zoomReset").constData())) resetView();
    }
    if (l.name) text(*l.name, ImGuiCol_Text);
    if (l.pager) {
        ImGui::SetCursorScreenPos(at(l.pager->previous));
        const QString keys = tr("Previous page of channels (,)");
        if (ImGui::ArrowButton("##previousPage", ImGuiDir_Left)) showPage(page_ - 1);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", imguiText(keys).constData());
        if (l.pager->label) text(*l.pager->label, ImGuiCol_Text);
        ImGui::SetCursorScreenPos(at(l.pager->next));
        if (ImGui::ArrowButton("##nextPage", ImGuiDir_Right)) showPage(page_ + 1);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", imguiText(tr("Next page of channels (.)")).constData());
    }
    if (l.shape) text(*l.shape, ImGuiCol_TextDisabled);
    if (l.scale) {
        text(l.scale->low, ImGuiCol_Text);
        const tiles::Rect& bar = l.scale->bar;
        for (int k = 0; k < 8; ++k) {
            const float x0 = bar.x + bar.w * float(k) / 8.0f;
            const float x1 = bar.x + bar.w * float(k + 1) / 8.0f;
            const ImU32 a = viridisColour(float(k) / 8.0f), b = viridisColour(float(k + 1) / 8.0f);
            dl->AddRectFilledMultiColor(ImVec2(x0, bar.y), ImVec2(x1 + 0.5f, bar.bottom()), a, b, b,
                                        a);
        }
        text(l.scale->high, ImGuiCol_Text);
    }
    dl->AddLine(ImVec2(0, l.ruleY), ImVec2(float(width()), l.ruleY),
                toImU32(palette().color(QPalette::Mid), 0.6f), 1.0f);
}

// [SECTION] Panes

void FeatureMapCanvas::drawPane(Pane& pane, int index) {
    if (comparing_) drawPaneCaption(pane);
    if (const std::optional<QString> message = paneMessage(pane)) {
        drawCentredMessage(pane, *message);
        return;
    }
    // A grid too small for any tile (a very short strip): nothing to draw or to ring.
    if (pane.layout.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 gridMin(pane.rect.x + pane.gridViewport.x, pane.rect.y + pane.gridViewport.y);
    dl->PushClipRect(gridMin, gridMin + ImVec2(pane.gridViewport.w, pane.gridViewport.h), true);
    const TileDecorations decorations =
        tileDecorations(pane.layout, pane.view, pane.isVector(), fontPixels());
    const std::vector<VisibleTile> tiles = visibleTiles(pane);
    // Passes (frames, maps, numbers) instead of one pass per tile: ImGui starts a new draw call
    // whenever the texture changes, and alternating the font texture (frames) with the atlas
    // would cost two draw calls per tile, 3,000 for the widest stage.
    if (decorations.frame > 0) drawTileFrames(pane, tiles, decorations.frame);
    drawTileMaps(pane, tiles);
    if (decorations.numbers) drawTileNumbers(pane, tiles, decorations.numberSize);
    if (decorations.cellText) drawCellValues(pane, tiles, decorations.numberSize);
    drawRings(pane, index, decorations.frame);
    dl->PopClipRect();
}

void FeatureMapCanvas::drawPaneCaption(const Pane& pane) {
    // Caption: which configuration, what it costs, how accurate it is, what it answers here, and
    // its shape (the widths differ between configurations).
    const CaptionInfo info = captionInfo(pane);
    QString second = info.quality;
    if (pane.valid) {
        QString shape = tr("%1 × %2 × %3").arg(pane.channels).arg(pane.height).arg(pane.width);
        if (pane.snapshot->step(pane.step).name != panes_[0].snapshot->step(panes_[0].step).name)
            shape = QString::fromStdString(pane.snapshot->step(pane.step).name) + "  " + shape;
        second += QStringLiteral(" \u00b7 ") + shape;
    }
    const PaneCaptionLayout l = layoutPaneCaption(
        {.pane = pane.rect,
         .fontPixels = fontPixels(),
         .regularSize = ImGui::GetFontSize(),
         .compact = compactCaptions_,
         .label = pane.label,
         .cost = info.cost,
         .info = second,
         .dots = fontHasSymbols_ ? QStringLiteral("\u2026") : QStringLiteral("...")},
        canvasTextWidth());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const QPalette& pal = palette();
    const auto draw = [&](const PaneCaptionLayout::Text& t, ImU32 colour) {
        dl->AddText(t.font == CanvasFont::Small ? smallFont_ : ImGui::GetFont(), t.size,
                    ImVec2(t.at.x, t.at.y), colour, imguiText(t.text).constData());
    };
    dl->AddRectFilled(ImVec2(l.labelBoxMin.x, l.labelBoxMin.y),
                      ImVec2(l.labelBoxMax.x, l.labelBoxMax.y),
                      toImU32(pal.color(QPalette::Highlight), 0.85f), 4.0f);
    draw(l.label, toImU32(pal.color(QPalette::HighlightedText)));
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    if (l.cost) draw(*l.cost, text);
    draw(l.info, text);
}

std::optional<QString> FeatureMapCanvas::paneMessage(const Pane& pane) const {
    if (!pane.snapshot) return tr("Computing…");
    if (!pane.valid) return tr("This step has no output to show.");
    if (pane.tooLarge || pane.texture == 0)
        return tr("This step's output is too large for the graphics card.");
    // g = 1 against g = 8: the narrower configuration runs out of channels first.
    if (pane.page.count == 0) return tr("Only %1 channels here").arg(pane.channels);
    return std::nullopt;
}

void FeatureMapCanvas::drawCentredMessage(const Pane& pane, const QString& message) {
    const ImVec2 gridMin(pane.rect.x + pane.gridViewport.x, pane.rect.y + pane.gridViewport.y);
    const ImVec2 gridMax = gridMin + ImVec2(pane.gridViewport.w, pane.gridViewport.h);
    const QByteArray text = imguiText(message);
    const float size = std::round(fontPixels() * 1.5f);
    const ImVec2 measured = largeFont_->CalcTextSizeA(size, FLT_MAX, 0.0f, text.constData());
    const ImVec2 pos(std::round((gridMin.x + gridMax.x - measured.x) * 0.5f),
                     std::round((gridMin.y + gridMax.y - measured.y) * 0.5f));
    ImGui::GetWindowDrawList()->AddText(
        largeFont_, size, pos, ImGui::GetColorU32(ImGuiCol_TextDisabled), text.constData());
}

// [SECTION] Tiles

std::pair<tiles::Point, tiles::Point> FeatureMapCanvas::tileCorners(const Pane& pane,
                                                                    int channel) const {
    // `channel` must be on the pane's page: its tile is the layout's channel - first.
    const tiles::Rect r = pane.view.toScreen(pane.layout.tileRect(channel - pane.page.first));
    // Whole pixels: crisp frames and equal gaps.
    return {{std::round(pane.rect.x + r.x), std::round(pane.rect.y + r.y)},
            {std::round(pane.rect.x + r.right()), std::round(pane.rect.y + r.bottom())}};
}

std::vector<FeatureMapCanvas::VisibleTile> FeatureMapCanvas::visibleTiles(const Pane& pane) const {
    const tiles::GridLayout& layout = pane.layout;
    const tiles::TileRange range = tiles::visibleTiles(layout, pane.view, pane.gridViewport);
    const bool highlighting = pane.highlight.size() == std::size_t(pane.channels);
    std::vector<VisibleTile> shown;
    for (int row = range.firstRow; !range.empty() && row <= range.lastRow; ++row) {
        for (int column = range.firstColumn; column <= range.lastColumn; ++column) {
            const int tile = row * layout.columns + column;
            if (tile >= pane.page.count) break;
            const int c = pane.page.first + tile;
            const auto [p0, p1] = tileCorners(pane, c);
            shown.push_back({c, p0, p1, highlighting && pane.dimmed(c)});
        }
    }
    return shown;
}

void FeatureMapCanvas::drawTileFrames(const Pane& pane, const std::vector<VisibleTile>& tiles,
                                      float frame) const {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const VisibleTile& t : tiles) {
        const ImVec2 p0 = toImVec2(t.p0), p1 = toImVec2(t.p1);
        const int g = pane.groups[std::size_t(t.channel)];
        const ImU32 colour = toImU32(g >= 0 ? groupColor(g) : neutralColor(), t.dim ? 0.3f : 1.0f);
        // Four strips rather than one rectangle under the map: no pixel is filled twice, which
        // software renderers (llvmpipe in a VM, a classroom PC) feel.
        dl->AddRectFilled(ImVec2(p0.x - frame, p0.y - frame), ImVec2(p1.x + frame, p0.y), colour);
        dl->AddRectFilled(ImVec2(p0.x - frame, p1.y), ImVec2(p1.x + frame, p1.y + frame), colour);
        dl->AddRectFilled(ImVec2(p0.x - frame, p0.y), ImVec2(p0.x, p1.y), colour);
        dl->AddRectFilled(ImVec2(p1.x, p0.y), ImVec2(p1.x + frame, p1.y), colour);
    }
}

void FeatureMapCanvas::drawTileMaps(const Pane& pane, const std::vector<VisibleTile>& tiles) const {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImTextureID texture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(pane.texture));
    for (const VisibleTile& t : tiles) {
        const tiles::Rect uv = pane.atlas.uvRect(t.channel);
        dl->AddImage(texture, toImVec2(t.p0), toImVec2(t.p1), ImVec2(uv.x, uv.y),
                     ImVec2(uv.right(), uv.bottom()),
                     t.dim ? IM_COL32(255, 255, 255, 56) : IM_COL32_WHITE);
    }
}

void FeatureMapCanvas::drawTileNumbers(const Pane& pane, const std::vector<VisibleTile>& tiles,
                                       float size) const {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const VisibleTile& t : tiles) {
        const QByteArray number = QByteArray::number(t.channel);
        const ImVec2 extent = smallFont_->CalcTextSizeA(size, FLT_MAX, 0.0f, number.constData());
        const ImVec2 box(std::round(extent.x + 6), std::round(extent.y + 2));
        const ImVec2 p0 = toImVec2(t.p0);
        dl->AddRectFilled(p0, p0 + box, IM_COL32(0, 0, 0, t.dim ? 60 : 150), 0.0f);
        dl->AddText(smallFont_, size, p0 + ImVec2(3, 1), IM_COL32(255, 255, 255, t.dim ? 110 : 255),
                    number.constData());
    }
    // The group's number in the opposite corner, on its colour: the frame says which group by
    // colour, this says it to everyone (and on a projector that washes colours out).
    for (const VisibleTile& t : tiles) {
        const int g = pane.groups[std::size_t(t.channel)];
        if (g < 0 || pane.groupCount < 2) continue;  // g = 1: one group says nothing
        const QByteArray number = QByteArray::number(g);
        const ImVec2 extent = smallFont_->CalcTextSizeA(size, FLT_MAX, 0.0f, number.constData());
        const ImVec2 box(std::round(extent.x + 8), std::round(extent.y + 2));
        const QColor colour = groupColor(g);
        const ImVec2 at(t.p1.x - box.x, t.p1.y - box.y);
        dl->AddRectFilled(at, toImVec2(t.p1), toImU32(colour, t.dim ? 0.3f : 1.0f));
        const bool darkText = relativeLuminance(colour) > 0.3;
        dl->AddText(smallFont_, size, at + ImVec2(4, 1),
                    darkText ? IM_COL32(0, 0, 0, t.dim ? 110 : 255)
                             : IM_COL32(255, 255, 255, t.dim ? 110 : 255),
                    number.constData());
    }
}

void FeatureMapCanvas::drawCellValues(const Pane& pane, const std::vector<VisibleTile>& tiles,
                                      float smallSize) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Step& step = pane.snapshot->step(pane.step);
    const ValueRange scale = channelRange(pane.stats, 0, RangeMode::Shared);
    const TextExtent extent = [this](const QString& text, CanvasFont font, float size) {
        const ImVec2 e = (font == CanvasFont::Small ? smallFont_ : ImGui::GetFont())
                             ->CalcTextSizeA(size, FLT_MAX, 0.0f, imguiText(text).constData());
        return tiles::Point{e.x, e.y};
    };
    for (const VisibleTile& t : tiles) {
        const float value = pane.stats[std::size_t(t.channel)].min;
        const QString name = isHeadVectorStep(step)
                                 ? displayClassLabel(pane.snapshot->config(), t.channel)
                                 : tr("#%1").arg(t.channel);
        const QString number = valueText(pane, value);
        const std::optional<CellText> words =
            layoutCellText(t.p0, t.p1, name, number, ImGui::GetFontSize(), smallSize, extent);
        if (!words) continue;
        // Dark text on the bright (yellow-green) end of viridis, light text elsewhere.
        const bool bright = scale.normalise(value) > 0.62f;
        const ImU32 colour = bright ? IM_COL32(20, 20, 20, t.dim ? 110 : 255)
                                    : IM_COL32(255, 255, 255, t.dim ? 110 : 255);
        ImFont* font = words->font == CanvasFont::Small ? smallFont_ : ImGui::GetFont();
        if (words->nameAt)
            dl->AddText(font, words->size, ImVec2(words->nameAt->x, words->nameAt->y), colour,
                        imguiText(name).constData());
        dl->AddText(font, words->size, ImVec2(words->valueAt.x, words->valueAt.y), colour,
                    imguiText(number).constData());
    }
}

void FeatureMapCanvas::drawRings(const Pane& pane, int index, float frame) const {
    // Hover and selection rings on top of every tile.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 ring = ImGui::GetColorU32(ImGuiCol_Text);
    if (hoveredPane_ == index && pane.shows(hoveredChannel_) &&
        hoveredChannel_ != selectedChannel_) {
        const ImVec2 p0 = toImVec2(tileCorners(pane, hoveredChannel_).first);
        const ImVec2 p1 = toImVec2(tileCorners(pane, hoveredChannel_).second);
        const float out = frame + 1.0f;
        dl->AddRect(p0 + ImVec2(-out, -out), p1 + ImVec2(out, out),
                    (ring & 0x00FFFFFF) | 0xD0000000, 0.0f, 0, 2.0f);
    }
    if (pane.shows(selectedChannel_)) {
        const ImVec2 p0 = toImVec2(tileCorners(pane, selectedChannel_).first);
        const ImVec2 p1 = toImVec2(tileCorners(pane, selectedChannel_).second);
        // A double ring (text colour outside, background inside) stands out on any tile and
        // any group colour.
        const float out = frame + 2.5f;
        dl->AddRect(p0 + ImVec2(-out, -out), p1 + ImVec2(out, out), ring, 0.0f, 0, 3.0f);
        const float in = frame + 0.5f;
        dl->AddRect(p0 + ImVec2(-in, -in), p1 + ImVec2(in, in),
                    toImU32(palette().color(QPalette::Window)), 0.0f, 0, 1.0f);
    }
}

// [SECTION] Tooltip and enlarged view

void FeatureMapCanvas::drawTooltip(const Pane& pane, int channel) {
    const ChannelStatistics& s = pane.stats[std::size_t(channel)];
    const int group = pane.groups[std::size_t(channel)];
    const Step& step = pane.snapshot->step(pane.step);

    ImGui::BeginTooltip();
    if (comparing_) {
        const QByteArray label = imguiText(pane.label);
        ImGui::TextDisabled("%s", label.constData());
    }
    const QByteArray title = imguiText(channelTitle(*pane.snapshot, pane.step, channel));
    ImGui::TextUnformatted(title.constData());

    // Group, with its colour as a swatch (the head has none to show).
    if (!pane.isVector() || group >= 0) {
        const float swatch = ImGui::GetTextLineHeight() * 0.8f;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float dy = (ImGui::GetTextLineHeight() - swatch) * 0.5f;
        ImGui::GetWindowDrawList()->AddRectFilled(
            at + ImVec2(0, dy), at + ImVec2(swatch, dy + swatch),
            toImU32(group >= 0 ? groupColor(group) : neutralColor()), 2.0f);
        ImGui::Dummy(ImVec2(swatch, ImGui::GetTextLineHeight()));
        ImGui::SameLine();
        const QByteArray groupText = imguiText(
            group >= 0 ? tr("Group %1 of %2").arg(group).arg(pane.groupCount) : tr("No group"));
        ImGui::TextUnformatted(groupText.constData());
    }

    if (pane.isVector()) {
        const QByteArray value = imguiText(tr("Value %1").arg(valueText(pane, s.min)));
        ImGui::TextUnformatted(value.constData());
        if (isHeadVectorStep(step)) {
            // The class's place among all scores: "is this the prediction?"
            const auto higher =
                std::count_if(pane.stats.begin(), pane.stats.end(),
                              [&](const ChannelStatistics& o) { return o.min > s.min; });
            const QByteArray rank =
                imguiText(tr("Rank %1 of %2").arg(qlonglong(higher) + 1).arg(pane.channels));
            ImGui::TextDisabled("%s", rank.constData());
        }
    } else {
        const QByteArray stats = imguiText(
            tr("min %1   max %2   mean %3")
                .arg(valueText(pane, s.min), valueText(pane, s.max), valueText(pane, s.mean)));
        ImGui::TextUnformatted(stats.constData());
    }
    if (pane.dimmed(channel)) {
        const QByteArray dimmed = imguiText(tr("(not highlighted)"));
        ImGui::TextDisabled("%s", dimmed.constData());
    }
    ImGui::EndTooltip();
}

void FeatureMapCanvas::drawColourBar(float x, float y, float width, float height,
                                     float marker) const {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The core's viridis interpolates linearly between 9 anchors, so 8 gradient quads are the
    // colour map exactly. High values at the top.
    for (int k = 0; k < 8; ++k) {
        const float y0 = y + height * float(k) / 8.0f, y1 = y + height * float(k + 1) / 8.0f;
        const ImU32 top = viridisColour(1.0f - float(k) / 8.0f);
        const ImU32 bottom = viridisColour(1.0f - float(k + 1) / 8.0f);
        dl->AddRectFilledMultiColor(ImVec2(x, y0), ImVec2(x + width, y1 + 0.5f), top, top, bottom,
                                    bottom);
    }
    dl->AddRect(ImVec2(x - 1, y - 1), ImVec2(x + width + 1, y + height + 1),
                ImGui::GetColorU32(ImGuiCol_Border));
    if (marker >= 0.0f) {
        const float my = std::round(y + (1.0f - std::clamp(marker, 0.0f, 1.0f)) * height);
        const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
        const float s = width * 0.45f;
        dl->AddLine(ImVec2(x - 2, my), ImVec2(x + width + 2, my), text, 2.0f);
        dl->AddTriangleFilled(ImVec2(x - 2 - s, my - s), ImVec2(x - 2, my),
                              ImVec2(x - 2 - s, my + s), text);
    }
}

EnlargedViewText FeatureMapCanvas::enlargedText(const Pane& pane, int c) const {
    const ChannelStatistics& s = pane.stats[std::size_t(c)];
    const ValueRange range = channelRange(pane.stats, c, effectiveRange(pane));
    const int group = pane.groups[std::size_t(c)];
    EnlargedViewText text;
    text.title = channelTitle(*pane.snapshot, pane.step, c);
    text.group = group >= 0 ? tr("group %1").arg(group) : tr("no group");
    if (pane.isVector()) {
        text.stats.push_back(tr("value %1").arg(valueText(pane, s.min)));
        if (isHeadVectorStep(pane.snapshot->step(pane.step))) {
            const auto higher =
                std::count_if(pane.stats.begin(), pane.stats.end(),
                              [&](const ChannelStatistics& o) { return o.min > s.min; });
            text.stats.push_back(tr("Rank %1 of %2").arg(qlonglong(higher) + 1).arg(pane.channels));
        }
    } else {
        text.stats.push_back(tr("min %1").arg(valueText(pane, s.min)));
        text.stats.push_back(tr("max %1").arg(valueText(pane, s.max)));
        text.stats.push_back(tr("mean %1").arg(valueText(pane, s.mean)));
        text.stats.push_back(
            tr("zeros %1%")
                .arg(double(s.zeroFraction) * 100.0, 0, 'f', s.zeroFraction > 0.0f ? 1 : 0));
    }
    text.scaleNote =
        effectiveRange(pane) == RangeMode::Shared ? tr("shared scale") : tr("own scale");
    text.high = valueText(pane, range.high);
    text.low = valueText(pane, range.low);
    text.close = fontHasSymbols_ ? QStringLiteral("\u00d7") : QStringLiteral("x");
    return text;
}

void FeatureMapCanvas::drawEnlargedView(Pane& pane, int index) {
    pane.overlay = {};
    if (!enlargedOpen_ || !pane.valid || pane.texture == 0 || pane.layout.empty() ||
        selectedChannel_ < 0 || selectedChannel_ >= pane.channels)
        return;
    const int c = selectedChannel_;
    const EnlargedViewText words = enlargedText(pane, c);
    const EnlargedViewLayout l =
        layoutEnlargedView({.pane = pane.rect,
                            .mapWidth = pane.width,
                            .mapHeight = pane.height,
                            .isVector = pane.isVector(),
                            .fontPixels = fontPixels(),
                            .regularSize = ImGui::GetFontSize(),
                            .noteLineHeight = ImGui::GetTextLineHeightWithSpacing(),
                            .itemSpacingY = ImGui::GetStyle().ItemSpacing.y},
                           words, canvasTextWidth());
    if (l.empty()) return;
    const tiles::EnlargedLayout& layout = l.blocks;
    pane.overlay = layout.window;

    // [window] A click anywhere on it closes it (so does Esc); the selection stays.
    ImGui::SetNextWindowPos(ImVec2(layout.window.x, layout.window.y));
    ImGui::SetNextWindowSize(ImVec2(layout.window.w, layout.window.h));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    ImGui::Begin(index == 0 ? "##enlarged0" : "##enlarged1", nullptr, flags);
    ImGui::PopStyleVar(2);
    ImGui::SetCursorScreenPos(ImVec2(layout.window.x, layout.window.y));
    if (ImGui::InvisibleButton("close", ImVec2(layout.window.w, layout.window.h)))
        pendingClose_ = true;
    const bool hovered = ImGui::IsItemHovered();
    drawEnlargedContent(pane, c, l, words, hovered);
    ImGui::End();
}

// The enlarged view's pieces where layoutEnlargedView put them, in the window begun for it.
void FeatureMapCanvas::drawEnlargedContent(const Pane& pane, int c, const EnlargedViewLayout& l,
                                           const EnlargedViewText& words, bool hovered) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dimText = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const auto at = [](tiles::Point p) { return ImVec2(p.x, p.y); };
    ImFont* big = l.font == CanvasFont::Large ? largeFont_ : ImGui::GetFont();
    const float size = l.textSize;
    const auto drawText = [&](tiles::Point p, ImU32 colour, const QString& what) {
        dl->AddText(big, size, at(p), colour, imguiText(what).constData());
    };
    const int group = pane.groups[std::size_t(c)];
    const ImU32 groupColour = toImU32(group >= 0 ? groupColor(group) : neutralColor());
    const auto drawGroup = [&] {
        const tiles::Rect& s = l.group.swatch;
        dl->AddRectFilled(ImVec2(s.x, s.y), ImVec2(s.right(), s.bottom()), groupColour, 3.0f);
        drawText(l.group.textAt, text, words.group);
    };

    drawText(l.titleAt, text, words.title);
    if (l.groupInTitle) drawGroup();
    drawText(l.closeAt, hovered ? text : dimText, words.close);

    // The map itself (or a swatch for a 1x1 output), framed in its group's colour.
    const tiles::Rect& im = l.blocks.image;
    const ChannelStatistics& s = pane.stats[std::size_t(c)];
    const ValueRange range = channelRange(pane.stats, c, effectiveRange(pane));
    dl->AddRectFilled(at(l.frameMin), at(l.frameMax), groupColour);
    if (pane.isVector()) {
        dl->AddRectFilled(ImVec2(im.x, im.y), ImVec2(im.right(), im.bottom()),
                          viridisColour(range.normalise(s.min)));
    } else {
        const ImTextureID texture =
            reinterpret_cast<ImTextureID>(static_cast<intptr_t>(pane.texture));
        const tiles::Rect uv = pane.atlas.uvRect(c);
        dl->AddImage(texture, ImVec2(im.x, im.y), ImVec2(im.right(), im.bottom()),
                     ImVec2(uv.x, uv.y), ImVec2(uv.right(), uv.bottom()));
    }

    // Colour scale: max at the top, min at the bottom; a 1x1 map marks its value on it.
    const tiles::Rect& bar = l.blocks.colourBar;
    drawColourBar(bar.x, bar.y, bar.w, bar.h, pane.isVector() ? range.normalise(s.min) : -1.0f);
    drawText(l.highAt, text, words.high);
    drawText(l.lowAt, text, words.low);

    // The group as a swatch and a word (unless in the title), then the statistics.
    if (!l.groupInTitle) drawGroup();
    for (std::size_t i = 0; i < l.lines.size(); ++i) drawText(l.lineAt[i], text, l.lines[i]);
    if (l.note) dl->AddText(at(l.noteAt), dimText, imguiText(words.scaleNote).constData());
}

QString FeatureMapCanvas::valueText(const Pane& pane, float value) const {
    // Softmax outputs are probabilities: "4.15%", "<0.01%", never "4.148e-07".
    if (pane.snapshot && pane.step >= 0 && pane.snapshot->step(pane.step).kind == StepKind::Softmax)
        return formatProbability(value);
    return formatValue(value);
}

// [SECTION] Input

bool FeatureMapCanvas::event(QEvent* event) {
    switch (event->type()) {
        case QEvent::MouseMove:
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::Wheel:
            bridge_->handleEvent(event);
            requestFrames();
            // Accepted here: the canvas owns its mouse (a wheel must not scroll a parent).
            if (event->type() == QEvent::MouseButtonPress) setFocus(Qt::MouseFocusReason);
            event->accept();
            return true;
        case QEvent::ToolTip: {
            // A Qt tooltip set on the widget must not cover the canvas's own: it may show over
            // the header and empty space only.
            const QPointF at = static_cast<QHelpEvent*>(event)->pos();
            bool overCanvasContent = hoveredChannel_ >= 0;
            for (const Pane& pane : panes_)
                overCanvasContent =
                    overCanvasContent || pane.overlay.contains({float(at.x()), float(at.y())});
            if (overCanvasContent) {
                QToolTip::hideText();
                event->ignore();
                return true;
            }
            break;
        }
        case QEvent::Enter:
        case QEvent::Leave:
        case QEvent::FocusIn:
        case QEvent::FocusOut:
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
            if (bridge_->handleEvent(event)) requestFrames();
            break;
        default:
            break;
    }
    return QOpenGLWidget::event(event);
}

bool FeatureMapCanvas::closeEnlarged() {
    if (!enlargedOpen()) return false;
    enlargedOpen_ = false;
    requestFrames();
    return true;
}

void FeatureMapCanvas::changeEvent(QEvent* event) {
    switch (event->type()) {
        case QEvent::PaletteChange:
            styleDirty_ = true;
            break;
        case QEvent::FontChange:
        case QEvent::LanguageChange:
            fontsDirty_ = styleDirty_ = true;
            updateGeometry();
            break;
        default:
            break;
    }
    requestFrames();
    QOpenGLWidget::changeEvent(event);
}

}  // namespace shufflescope::ui
