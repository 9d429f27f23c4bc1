// The feature-map canvas as a widget, under Xvfb: what a user sees and does — every channel
// drawn in its place with its own colours, hover and click finding the tile under the pointer,
// wheel zoom keeping that tile under it, double-click and R, the A/B split.
// Sections: Tiles and pointer · Colour ranges · A/B comparison · Text and redrawing · Group frames
//   and the enlarged view

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>
#include <cmath>

#include "canvas/feature_map_canvas.h"
#include "shufflescope/analysis/channel_groups.h"
#include "shufflescope/analysis/colormap.h"
#include "shufflescope/analysis/cost.h"
#include "shufflescope/exec/capture_forward.h"
#include "shufflescope/io/checkpoint.h"
#include "shufflescope/io/image_input.h"
#include "shufflescope/model/initialization.h"
#include "style/palette.h"
#include "support/model_configs.h"
#include "text/number_format.h"
#include "ui_test_support.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using testing_support::fashionConfig;
using testing_support::imagenetConfig;

namespace {

SnapshotPtr imagenetSnapshot(int groups, bool shuffle) {
    auto network = std::make_shared<const Network>(Network::build(imagenetConfig(groups, shuffle)));
    const Parameters parameters = randomParameters(*network, 1);
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->network = network;
    snapshot->outputs = forwardCapture(
        *network, parameters,
        loadInput(SHUFFLESCOPE_ASSETS_DIR "/samples/raccoon.png", network->config()));
    return snapshot;
}

const SnapshotPtr& g3() {
    static const SnapshotPtr snapshot = imagenetSnapshot(3, true);
    return snapshot;
}

int stepOf(const SnapshotPtr& s, const char* name) {
    return *s->network->findStep(name);
}

// Renders `frames` frames (input is applied one transition per frame) and delivers the
// canvas's queued signals.
QImage render(FeatureMapCanvas& canvas, int frames = 3) {
    QImage image;
    for (int i = 0; i < frames; ++i) image = canvas.grabFramebuffer();
    QApplication::processEvents();
    return image;
}

struct ShownCanvas {
    FeatureMapCanvas canvas;
    ShownCanvas() {
        canvas.resize(1280, 800);
        canvas.show();
        REQUIRE(QTest::qWaitForWindowExposed(&canvas, ui_testing::kExposeTimeoutMs));
    }
};

QPoint centreOf(const QRectF& r) {
    return r.center().toPoint();
}

// Mouse input as the window system delivers it. (QTest::mouseMove moves the real cursor, which
// Xvfb may never report, and Qt 6's QTest::mouseDClick sends the double-click event alone.)
void sendMouse(QWidget& w, QEvent::Type type, QPointF at, Qt::MouseButton button = Qt::NoButton) {
    const Qt::MouseButtons held =
        type == QEvent::MouseButtonRelease || type == QEvent::MouseMove ? Qt::NoButton : button;
    QMouseEvent event(type, at, w.mapToGlobal(at), button, held, Qt::NoModifier);
    QApplication::sendEvent(&w, &event);
}

void hover(QWidget& w, QPointF at) {
    sendMouse(w, QEvent::MouseMove, at);
}

void click(QWidget& w, QPointF at) {
    sendMouse(w, QEvent::MouseButtonPress, at, Qt::LeftButton);
    sendMouse(w, QEvent::MouseButtonRelease, at, Qt::LeftButton);
}

void doubleClick(QWidget& w, QPointF at) {
    click(w, at);
    sendMouse(w, QEvent::MouseButtonDblClick, at, Qt::LeftButton);
    sendMouse(w, QEvent::MouseButtonRelease, at, Qt::LeftButton);
}

}  // namespace

// [SECTION] Tiles and pointer

TEST_CASE("canvas: every channel of the step is a tile inside the widget, none while computing",
          "[canvas]") {
    ShownCanvas shown;
    FeatureMapCanvas& canvas = shown.canvas;
    canvas.setSnapshot(nullptr, 0);
    REQUIRE(ui_testing::distinctColours(render(canvas)) > 1);  // the "Computing…" text
    REQUIRE(canvas.tileRects().empty());

    for (const char* name : {"input", "stem.conv", "stages.2.3.relu", "head.fc"}) {
        CAPTURE(name);
        canvas.setSnapshot(g3(), stepOf(g3(), name));
        render(canvas);
        const std::vector<QRectF> rects = canvas.tileRects();
        REQUIRE(int(rects.size()) == g3()->step(stepOf(g3(), name)).out.channels);
        for (const QRectF& r : rects) REQUIRE(QRectF(canvas.rect()).contains(r));
    }
}

TEST_CASE("canvas: each tile shows its own channel's pixels in viridis", "[canvas]") {
    ShownCanvas shown;
    FeatureMapCanvas& canvas = shown.canvas;
    const int step = stepOf(g3(), "stem.conv");  // 24 maps of 112 x 112, enlarged on screen
    canvas.setSnapshot(g3(), step);
    QEvent leave(QEvent::Leave);  // no tooltip from wherever Xvfb's pointer happens to be
    QApplication::sendEvent(&canvas, &leave);
    const QImage image = render(canvas).convertToFormat(QImage::Format_RGB32);
    const double dpr = image.devicePixelRatio();
    const ConstFeatureMap map = imageOf(g3()->output(step), 0);
    const std::vector<QRectF> rects = canvas.tileRects();
    for (int c = 0; c < map.channels; ++c) {
        const float* plane = map.channel(c);
        const auto [lo, hi] = std::minmax_element(plane, plane + map.planeSize());
        // Sample the middle of a few feature-map pixels (nearest-neighbour magnification),
        // away from the channel number in the top-left corner.
        for (auto [y, x] :
             {std::pair{111, 111}, std::pair{56, 56}, std::pair{111, 3}, std::pair{7, 100}}) {
            CAPTURE(c, y, x);
            const QRectF& r = rects[std::size_t(c)];
            const double px = r.x() + (x + 0.5) * r.width() / map.width;
            const double py = r.y() + (y + 0.5) * r.height() / map.height;
            const QColor shown_ = image.pixelColor(int(px * dpr), int(py * dpr));
            const float t = (plane[y * map.width + x] - *lo) / (*hi - *lo);
            const Rgb expected = viridis(std::round(t * 255.0f) / 255.0f);
            REQUIRE(std::abs(shown_.red() - expected[0]) <= 2);
            REQUIRE(std::abs(shown_.green() - expected[1]) <= 2);
            REQUIRE(std::abs(shown_.blue() - expected[2]) <= 2);
        }
    }
}

TEST_CASE("canvas: hover and click find the tile under the pointer", "[canvas]") {
    ShownCanvas shown;
    FeatureMapCanvas& canvas = shown.canvas;
    canvas.setSnapshot(g3(), stepOf(g3(), "stages.2.3.relu"));
    render(canvas);
    QSignalSpy hovered(&canvas, &FeatureMapCanvas::channelHovered);
    QSignalSpy clicked(&canvas, &FeatureMapCanvas::channelClicked);
    const std::vector<QRectF> rects = canvas.tileRects();

    for (int channel : {0, 37, 500, 959}) {
        CAPTURE(channel);
        // The enlarged view of the last click covers the bottom-right corner's tiles.
        canvas.setSelectedChannel(-1);
        hover(canvas, centreOf(rects[std::size_t(channel)]));
        render(canvas);
        REQUIRE(canvas.hoveredChannel() == channel);
        REQUIRE(hovered.last().at(0).toInt() == channel);

        click(canvas, centreOf(rects[std::size_t(channel)]));
        render(canvas);
        REQUIRE(clicked.count() >= 1);
        REQUIRE(clicked.last().at(0).toInt() == channel);
        REQUIRE(canvas.selectedChannel() == channel);
    }
    // Leaving the widget reports -1.
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(&canvas, &leave);
    render(canvas);
    REQUIRE(canvas.hoveredChannel() == -1);
    REQUIRE(hovered.last().at(0).toInt() == -1);

    // Between tiles: nothing hovered; a click there clears the selection.
    const QPoint gap(int(rects[0].right() + 2), int(rects[0].center().y()));
    hover(canvas, gap);
    render(canvas);
    REQUIRE(canvas.hoveredChannel() == -1);
    click(canvas, gap);
    render(canvas);
    REQUIRE(clicked.last().at(0).toInt() == -1);
}

TEST_CASE("canvas: the wheel zooms around the pointer, double-click resets", "[canvas]") {
    ShownCanvas shown;
    FeatureMapCanvas& canvas = shown.canvas;
    canvas.setSnapshot(g3(), stepOf(g3(), "stages.2.3.relu"));
    render(canvas);
    const std::vector<QRectF> before = canvas.tileRects();
    const int channel = 250;
    const QPointF at = before[std::size_t(channel)].center();

    for (int notch = 0; notch < 4; ++notch) {
        QWheelEvent wheel(at, canvas.mapToGlobal(at), {}, QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&canvas, &wheel);
        render(canvas, 1);
    }
    ui_testing::waitFor(  // the zoom animates over a few frames
        [&] {
            const double w = canvas.tileRects()[std::size_t(channel)].width();
            render(canvas, 1);
            return canvas.tileRects()[std::size_t(channel)].width() == w;
        },
        5000);
    const std::vector<QRectF> zoomed = canvas.tileRects();
    REQUIRE(zoomed[std::size_t(channel)].width() > 2.0 * before[std::size_t(channel)].width());
    REQUIRE(canvas.channelAt(at) == channel);  // still under the pointer

    doubleClick(canvas, at);
    render(canvas, 5);  // one button transition per frame
    // The zoom animates back over a few frames.
    ui_testing::waitFor(
        [&] {
            render(canvas, 1);
            return std::abs(canvas.tileRects()[0].width() - before[0].width()) <= 0.01;
        },
        5000);
    const std::vector<QRectF> reset = canvas.tileRects();
    REQUIRE(std::abs(reset[0].x() - before[0].x()) <= 1.0);
    REQUIRE(std::abs(reset[0].width() - before[0].width()) <= 0.01);
}

// The G key itself is the main window's action: test_shortcuts.cpp presses it on the canvas.
// [SECTION] Colour ranges

TEST_CASE("canvas: the shared range switches between per-channel and shared ranges", "[canvas]") {
    ShownCanvas shown;
    FeatureMapCanvas& canvas = shown.canvas;
    canvas.setSnapshot(g3(), stepOf(g3(), "stem.conv"));
    const QImage own = render(canvas);
    QSignalSpy changed(&canvas, &FeatureMapCanvas::sharedRangeChanged);
    canvas.setSharedRange(!canvas.sharedRange());
    REQUIRE(canvas.sharedRange());
    REQUIRE(changed.count() == 1);
    REQUIRE(ui_testing::differingFraction(own, render(canvas)) > 0.2);
    canvas.setSharedRange(!canvas.sharedRange());
    REQUIRE_FALSE(canvas.sharedRange());
}

// The tiles a pane shows (a comparison shows a page of channels; the rest are null).
std::vector<int> shownChannels(const std::vector<QRectF>& rects) {
    std::vector<int> shown;
    for (std::size_t c = 0; c < rects.size(); ++c)
        if (!rects[c].isNull()) shown.push_back(int(c));
    return shown;
}

// [SECTION] A/B comparison

TEST_CASE(
    "canvas: a comparison splits the canvas into two halves of readable, paged tiles, and "
    "ends",
    "[canvas]") {
    ShownCanvas shown;
    FeatureMapCanvas& canvas = shown.canvas;
    static const SnapshotPtr g8 = imagenetSnapshot(8, true);
    canvas.setSnapshot(g3(), stepOf(g3(), "stages.2.3.relu"));
    canvas.setComparison(g8, stepOf(g8, "stages.2.3.relu"), QStringLiteral("g = 3"),
                         QStringLiteral("g = 8"));
    render(canvas);
    std::vector<QRectF> left = canvas.tileRects(0), right = canvas.tileRects(1);
    REQUIRE(left.size() == 960);
    REQUIRE(right.size() == 1536);
    // One page: the same channels in both halves, each in its half, large enough to read.
    const std::vector<int> page = shownChannels(left);
    REQUIRE(!page.empty());
    CHECK(page == shownChannels(right));
    CHECK(page.front() == 0);
    CHECK(canvas.pageCount() == (1536 + int(page.size()) - 1) / int(page.size()));
    const double middle = canvas.width() / 2.0;
    for (int c : page) {
        CAPTURE(c);
        CHECK(left[std::size_t(c)].right() <= middle);
        CHECK(right[std::size_t(c)].left() >= middle);
        CHECK(left[std::size_t(c)].width() >= 45.0);
        CHECK(right[std::size_t(c)].height() >= 45.0);
        // Channel k sits in the same place in A and in B.
        CHECK(right[std::size_t(c)].left() - left[std::size_t(c)].left() ==
              Approx(right[0].left() - left[0].left()));
    }

    // Hovering the right half reports the right half's channel.
    hover(canvas, centreOf(right[std::size_t(page.back())]));
    render(canvas);
    CHECK(canvas.hoveredChannel() == page.back());
    CHECK(canvas.hoveredPane() == 1);

    // Turning the page turns it in both halves (the , and . keys: test_shortcuts.cpp).
    click(canvas, centreOf(right[std::size_t(page.front())]));
    render(canvas);
    CHECK(canvas.closeEnlarged());
    canvas.showPage(canvas.page() + 1);
    render(canvas);
    CHECK(canvas.page() == 1);
    const std::vector<int> second = shownChannels(canvas.tileRects(1));
    REQUIRE(!second.empty());
    CHECK(second.front() == int(page.size()));
    CHECK(shownChannels(canvas.tileRects(0)) == second);
    canvas.showPage(canvas.page() - 1);
    render(canvas);
    CHECK(canvas.page() == 0);

    // A channel selected elsewhere brings its page; on the last pages only B has channels.
    canvas.setSelectedChannel(1500);
    render(canvas);
    CHECK(!canvas.tileRects(1)[1500].isNull());
    CHECK(shownChannels(canvas.tileRects(0)).empty());
    // The pages are counted again when the canvas changes size: the selected channel stays in
    // sight (a reopened demo showed channels 30-35 with channel 5 selected: the page index was
    // kept while the number of channels a page holds changed).
    canvas.setSelectedChannel(300);
    render(canvas);
    REQUIRE(!canvas.tileRects(0)[300].isNull());
    for (const QSize size : {QSize(500, 300), QSize(1300, 700), QSize(900, 420)}) {
        CAPTURE(size.width(), size.height());
        canvas.resize(size);
        render(canvas);
        CHECK(!canvas.tileRects(0)[300].isNull());
    }

    canvas.setComparison(nullptr, 0, {}, {});
    render(canvas);
    CHECK(canvas.tileRects(1).empty());
    CHECK(shownChannels(canvas.tileRects(0)).size() == 960);  // every channel again
    CHECK(canvas.tileRects(0).back().right() > middle);
    CHECK(canvas.pageCount() == 1);
}

TEST_CASE(
    "canvas: at g = 8 on a projector's 1280x720, or a 640 x 300 strip, A/B tiles are at "
    "least 3 lines of text tall",
    "[canvas]") {
    static const SnapshotPtr g8on = imagenetSnapshot(8, true), g8off = imagenetSnapshot(8, false);
    for (const QSize size : {QSize(1280, 720), QSize(640, 300)}) {
        CAPTURE(size.width(), size.height());
        ShownCanvas shown;
        FeatureMapCanvas& canvas = shown.canvas;
        canvas.resize(size);
        canvas.setSnapshot(g8on, stepOf(g8on, "stages.1.3.relu"));
        canvas.setComparison(g8off, stepOf(g8off, "stages.1.3.relu"), QStringLiteral("A"),
                             QStringLiteral("B"));
        render(canvas);
        for (int pane : {0, 1}) {
            const std::vector<QRectF> rects = canvas.tileRects(pane);
            const std::vector<int> page = shownChannels(rects);
            REQUIRE(!page.empty());
            for (int c : page) {
                CAPTURE(pane, c);
                CHECK(std::min(rects[std::size_t(c)].width(), rects[std::size_t(c)].height()) >=
                      45.0);
                CHECK(QRectF(canvas.rect()).contains(rects[std::size_t(c)]));
            }
        }
    }
}

namespace {
// A fashion network with the bundled, trained weights of its configuration, as the session
// makes it: outputs, cost, softmax, the checkpoint's test accuracy.
SnapshotPtr fashionSnapshot(int groups, bool shuffle, bool trained) {
    const ModelConfig config = fashionConfig(groups, shuffle);
    auto network = std::make_shared<const Network>(Network::build(config));
    const std::string weights = std::string(SHUFFLESCOPE_ASSETS_DIR "/models/fashion-g") +
                                std::to_string(groups) + (shuffle ? "-shuffle" : "-noshuffle") +
                                ".safetensors";
    const Parameters parameters =
        trained ? loadParameters(weights, *network) : randomParameters(*network, 1);
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->network = network;
    snapshot->cost = computeCost(*network);
    snapshot->outputs =
        forwardCapture(*network, parameters,
                       loadInput(SHUFFLESCOPE_ASSETS_DIR "/samples/fashion-sneaker.png", config));
    const Tensor& logits = snapshot->outputs.back();
    snapshot->probabilities.assign(logits.data(), logits.data() + logits.size());
    snapshot->trained = trained;
    if (trained) snapshot->testAccuracy = 0.9221;
    return snapshot;
}
}  // namespace

TEST_CASE(
    "canvas: each side of a comparison is captioned with its configuration, MACs, test "
    "accuracy and top prediction",
    "[canvas]") {
    ShownCanvas shown;
    FeatureMapCanvas& canvas = shown.canvas;
    const SnapshotPtr a = fashionSnapshot(8, true, true), b = fashionSnapshot(8, false, false);
    const int step = stepOf(a, "stages.1.1.relu");
    canvas.setSnapshot(a, step);
    CHECK(canvas.paneCaption(0).isEmpty());  // not comparing
    canvas.setComparison(b, step, QStringLiteral("A: g=8 0.5x shuffle"),
                         QStringLiteral("B: g=8 0.5x no shuffle"));
    const QImage image = render(canvas);

    const QStringList left = canvas.paneCaption(0), right = canvas.paneCaption(1);
    REQUIRE(left.size() == 3);
    CHECK(left[0] == QStringLiteral("A: g=8 0.5x shuffle"));
    CHECK(left[1] == formatMacsWithUnit(a->cost.totals.macs));
    CHECK(left[1].endsWith(QStringLiteral(" M MACs")));
    CHECK(left[2].contains(QStringLiteral("test accuracy 92.21%")));
    CHECK(left[2].contains(QStringLiteral("top: Sneaker")));
    CHECK_FALSE(left[2].contains(QStringLiteral("e-")));
    REQUIRE(right.size() == 3);
    CHECK(right[2].contains(QStringLiteral("untrained")));
    CHECK(right[2].contains(QStringLiteral("top: ")));
    // The second line is drawn: the band under each label is not blank.
    const QRectF first = canvas.tileRects(0)[0];
    const QImage band = image.copy(0, int(first.top()) - 40, canvas.width() / 2, 30);
    CHECK(ui_testing::distinctColours(band) > 2);
}

// [SECTION] Text and redrawing

TEST_CASE("canvas: softmax values print as percentages, tiny ones as <0.01%", "[canvas]") {
    ShownCanvas shown;
    FeatureMapCanvas& canvas = shown.canvas;
    const SnapshotPtr s = fashionSnapshot(8, true, true);
    const int step = stepOf(s, "head.softmax");
    canvas.setSnapshot(s, step);
    render(canvas);
    int tiny = 0;
    for (int c = 0; c < 10; ++c) {
        const float p = s->output(step).data()[c];
        const QString text = canvas.displayedValue(c);
        CAPTURE(c, p, text);
        CHECK(text == formatProbability(p));
        CHECK(text.endsWith(QLatin1Char('%')));
        CHECK_FALSE(text.contains(QLatin1Char('e')));
        tiny += text == QStringLiteral("<0.01%");
    }
    CHECK(tiny >= 1);  // the trained model is sure: most classes get next to nothing
    // Other steps keep their plain values.
    canvas.setSnapshot(s, stepOf(s, "head.fc"));
    render(canvas);
    CHECK_FALSE(canvas.displayedValue(0).endsWith(QLatin1Char('%')));
}

TEST_CASE("canvas: two canvases keep their own ImGui state", "[canvas]") {
    FeatureMapCanvas a, b;
    for (FeatureMapCanvas* c : {&a, &b}) {
        c->resize(640, 480);
        c->show();
        REQUIRE(QTest::qWaitForWindowExposed(c, ui_testing::kExposeTimeoutMs));
    }
    a.setSnapshot(g3(), stepOf(g3(), "stem.conv"));
    b.setSnapshot(g3(), stepOf(g3(), "head.fc"));
    for (int i = 0; i < 3; ++i) {
        REQUIRE(ui_testing::distinctColours(a.grabFramebuffer()) > 10);
        REQUIRE(ui_testing::distinctColours(b.grabFramebuffer()) > 10);
    }
    REQUIRE(a.tileRects().size() == 24);
    REQUIRE(b.tileRects().size() == 1000);
}

namespace {
struct PaintCounter : QObject {
    int paints = 0;
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::Paint) ++paints;
        return false;
    }
};
}  // namespace

TEST_CASE("canvas: repaints after a change, then sleeps", "[canvas]") {
    ShownCanvas shown;
    FeatureMapCanvas& canvas = shown.canvas;
    PaintCounter counter;
    canvas.installEventFilter(&counter);
    canvas.setSnapshot(g3(), stepOf(g3(), "stages.2.3.relu"));
    REQUIRE(ui_testing::waitFor([&] { return counter.paints >= 1; }));  // the change was drawn
    // The few frames ImGui needs to settle can come late on a loaded machine: wait until half a
    // second passes without a paint (a canvas that never sleeps never gets there), then measure.
    int quietChecks = 0;
    do {
        counter.paints = 0;
        ui_testing::settle(500);
    } while (counter.paints > 0 && ++quietChecks < 60);
    counter.paints = 0;
    ui_testing::settle(1000);
    REQUIRE(counter.paints <= 1);  // and nothing runs at 60 fps while idle
}

namespace {
bool near(const QColor& a, const QColor& b, int tolerance = 3) {
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}
}  // namespace

// [SECTION] Group frames and the enlarged view

TEST_CASE("canvas: group frames are at least 3 px thick, and large tiles carry their group number",
          "[canvas]") {
    ShownCanvas shown;
    FeatureMapCanvas& canvas = shown.canvas;
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(&canvas, &leave);
    // 960 small tiles (the frames used to shrink to 2 px there) and 60 large ones.
    for (const char* name : {"stages.2.3.relu", "stages.0.1.pw1"}) {
        CAPTURE(name);
        const int step = stepOf(g3(), name);
        canvas.setSnapshot(g3(), step);
        const QImage image = render(canvas).convertToFormat(QImage::Format_RGB32);
        const double dpr = image.devicePixelRatio();
        const std::vector<QRectF> rects = canvas.tileRects();
        REQUIRE(rects.size() > 1);
        // Neighbours are far enough apart for two frames and a strip between them.
        CHECK(rects[1].left() - rects[0].right() >= 8.0);
        const auto pixel = [&](double x, double y) {
            return image.pixelColor(int(std::floor(x * dpr)), int(std::floor(y * dpr)));
        };
        for (int c : {0, 1, int(rects.size()) / 2, int(rects.size()) - 1}) {
            const int group = channelGroup(*g3()->network, step, c);
            CAPTURE(c, group);
            REQUIRE(group >= 0);
            const QColor colour = groupColor(group);
            const QRectF& r = rects[std::size_t(c)];
            for (int k = 1; k <= 3; ++k) {
                CAPTURE(k);
                CHECK(near(pixel(r.left() - k, r.center().y()), colour));
                CHECK(near(pixel(r.right() + k - 1, r.center().y()), colour));
                CHECK(near(pixel(r.center().x(), r.top() - k), colour));
                CHECK(near(pixel(r.center().x(), r.bottom() + k - 1), colour));
            }
            if (r.width() >= 100) {
                // The group's number on its colour in the bottom-right corner: filled around
                // the digit, and the digit itself in a contrasting colour.
                CHECK(near(pixel(r.right() - 2, r.bottom() - 1), colour));
                int digitPixels = 0;
                for (int dy = 2; dy < 14; ++dy)
                    for (int dx = 5; dx < 14; ++dx)
                        digitPixels += !near(pixel(r.right() - dx, r.bottom() - dy), colour, 40);
                CHECK(digitPixels >= 5);
            }
        }
    }
}

TEST_CASE("canvas: a click enlarges a tile over most of the canvas, Esc or a click closes it",
          "[canvas]") {
    ShownCanvas shown;
    FeatureMapCanvas& canvas = shown.canvas;
    canvas.resize(1280, 720);
    canvas.setSnapshot(g3(), stepOf(g3(), "stages.2.3.relu"));
    render(canvas);
    QSignalSpy clicked(&canvas, &FeatureMapCanvas::channelClicked);
    const std::vector<QRectF> rects = canvas.tileRects();
    const int channel = 37;

    click(canvas, centreOf(rects[std::size_t(channel)]));
    render(canvas);
    REQUIRE(clicked.last().at(0).toInt() == channel);
    REQUIRE(canvas.enlargedOpen());
    const QRectF enlarged = canvas.enlargedRect();
    CAPTURE(enlarged);
    // Most of the canvas's height (the tiles are 7 x 7: large on screen), inside the canvas.
    CHECK(enlarged.height() >= 0.6 * canvas.height());
    CHECK(QRectF(canvas.rect()).contains(enlarged));

    // Closed (Esc in the window: test_shortcuts.cpp), still selected.
    CHECK(canvas.closeEnlarged());
    render(canvas);
    CHECK_FALSE(canvas.enlargedOpen());
    CHECK(canvas.enlargedRect().isEmpty());
    CHECK(canvas.selectedChannel() == channel);

    // Open again, then a click on the enlarged view closes it without selecting what is under it.
    click(canvas, centreOf(rects[std::size_t(channel)]));
    render(canvas);
    REQUIRE(canvas.enlargedOpen());
    const int clicks = clicked.count();
    click(canvas, canvas.enlargedRect().center());
    render(canvas);
    CHECK_FALSE(canvas.enlargedOpen());
    CHECK(clicked.count() == clicks);
    CHECK(canvas.selectedChannel() == channel);

    // A selection made elsewhere (another view) rings the tile but does not cover the canvas.
    canvas.setSelectedChannel(5);
    render(canvas);
    CHECK_FALSE(canvas.enlargedOpen());
}
