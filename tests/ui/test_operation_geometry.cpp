// The operation views' geometry, checked against the engine: a shuffle token lands where
// channelShufflePermutation says, a grouped conv's drawn connections are exactly the ones the
// convolution (and the reachability walk) uses, the channel-flow caption counts what the paper's
// boundary effect predicts. The geometry cases need no display; the last section paints the two
// widgets (smoke and behaviour) with the runner's QApplication.
// Sections: Channel shuffle · Grouped 1x1 convolution · Timing, scans, labels, statistics · Channel
//   flow (the boundary effect) · The widgets · Text at projector sizes

#include <catch2/catch.hpp>

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QRectF>
#include <QTest>
#include <QTextItem>
#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "shufflescope/analysis/cost.h"
#include "shufflescope/analysis/reachability.h"
#include "shufflescope/exec/capture_forward.h"
#include "shufflescope/io/image_input.h"
#include "shufflescope/model/config.h"
#include "shufflescope/model/initialization.h"
#include "shufflescope/model/network.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "support/model_configs.h"
#include "ui_test_support.h"
#include "views/channel_flow_view.h"
#include "views/operation/operation_geometry.h"
#include "views/operation/operation_view.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using namespace shufflescope::ui::geometry;
using testing_support::fashionConfig;
using testing_support::imagenetConfig;

namespace {

// (channels, groups) pairs the network produces, plus edge shapes: n = 1, g = 1, g = C.
const std::vector<std::pair<int, int>> kShuffleShapes = {
    {1, 1},   {8, 8},   {6, 2},  {12, 3},  {30, 3},  {60, 3}, {120, 3}, {240, 3},
    {240, 8}, {384, 8}, {96, 8}, {200, 2}, {272, 4}, {25, 5}, {49, 7},  {36, 1},
};

bool near(QPointF a, QPointF b) {
    return std::abs(a.x() - b.x()) < 1e-6 && std::abs(a.y() - b.y()) < 1e-6;
}

int stepIndex(const Network& network, const char* name) {
    const auto index = network.findStep(name);
    REQUIRE(index.has_value());
    return *index;
}

}  // namespace

// [SECTION] Channel shuffle

TEST_CASE("shuffle grid cells follow reshape (g, n), transpose, flatten", "[operation]") {
    for (const auto& [channels, groups] : kShuffleShapes) {
        CAPTURE(channels, groups);
        const int n = channels / groups;
        for (int i = 0; i < groups; ++i)
            for (int j = 0; j < n; ++j) {
                const int c = i * n + j;
                CAPTURE(i, j);
                REQUIRE(reshapeCell(c, channels, groups) == GridCell{i, j});
                REQUIRE(transposeCell(c, channels, groups) == GridCell{j, i});
                REQUIRE(flattenedPosition(c, channels, groups) == j * groups + i);
            }
    }
}

TEST_CASE("shuffle destinations are the inverse of channelShufflePermutation", "[operation]") {
    for (const auto& [channels, groups] : kShuffleShapes) {
        CAPTURE(channels, groups);
        const std::vector<int> source = ops::channelShufflePermutation(channels, groups);
        const std::vector<int> destination = shuffleDestinations(channels, groups, true);
        for (int k = 0; k < channels; ++k) {
            CAPTURE(k);
            REQUIRE(destination[static_cast<std::size_t>(source[static_cast<std::size_t>(k)])] ==
                    k);
        }
    }
}

TEST_CASE("shuffle switched off or g = 1 draws the identity", "[operation]") {
    for (const auto& [channels, groups] : kShuffleShapes) {
        CAPTURE(channels, groups);
        const std::vector<int> off = shuffleDestinations(channels, groups, false);
        for (int c = 0; c < channels; ++c) REQUIRE(off[static_cast<std::size_t>(c)] == c);
        const ShuffleLayout layout =
            shuffleLayout(QRectF(0, 0, 1000, 500), channels, groups, false, 14);
        REQUIRE_FALSE(layout.permutes);
        for (int c = 0; c < channels; ++c)
            REQUIRE(near(tokenCenter(layout, c, ShufflePhase::Output),
                         rowSlotCenter(layout, c, ShufflePhase::Output)));
    }
    const ShuffleLayout single = shuffleLayout(QRectF(0, 0, 1000, 500), 24, 1, true, 14);
    REQUIRE_FALSE(single.permutes);
}

TEST_CASE("the token in output slot k is input channel channelShufflePermutation[k]",
          "[operation]") {
    const std::vector<QRectF> areas = {QRectF(0, 0, 1000, 500), QRectF(40, 90, 620, 380),
                                       QRectF(0, 0, 2400, 1300)};
    for (const QRectF& area : areas)
        for (const auto& [channels, groups] : kShuffleShapes) {
            if (groups == 1) continue;
            CAPTURE(channels, groups, area.width(), area.height());
            const ShuffleLayout layout = shuffleLayout(area, channels, groups, true, 14);
            REQUIRE(layout.permutes);
            const std::vector<int> source = ops::channelShufflePermutation(channels, groups);
            for (int k = 0; k < channels; ++k) {
                CAPTURE(k);
                const int c = source[static_cast<std::size_t>(k)];
                REQUIRE(near(tokenCenter(layout, c, ShufflePhase::Output),
                             rowSlotCenter(layout, k, ShufflePhase::Output)));
                REQUIRE(rowSlotAt(layout, rowSlotCenter(layout, k, ShufflePhase::Output),
                                  ShufflePhase::Output) == k);
                REQUIRE(near(tokenCenter(layout, c, ShufflePhase::Input),
                             rowSlotCenter(layout, c, ShufflePhase::Input)));
            }
        }
}

TEST_CASE("shuffle grids stay inside their zones with one token per cell", "[operation]") {
    for (const auto& [channels, groups] : kShuffleShapes) {
        if (groups == 1) continue;
        CAPTURE(channels, groups);
        const ShuffleLayout layout =
            shuffleLayout(QRectF(0, 0, 1100, 520), channels, groups, true, 14);
        REQUIRE(layout.gridToken > 0);
        REQUIRE(layout.inputRow.bottom() < layout.outputRow.top());
        REQUIRE(layout.outputRow.bottom() < layout.reshapeZone.top());
        REQUIRE(layout.reshapeZone.right() < layout.transposeZone.left());
        for (const auto& [phase, zone] :
             {std::pair{ShufflePhase::Reshaped, layout.reshapeZone},
              std::pair{ShufflePhase::Transposed, layout.transposeZone}}) {
            std::set<std::pair<long, long>> seen;
            const double half = tokenSize(layout, phase).width() / 2;
            for (int c = 0; c < channels; ++c) {
                CAPTURE(c);
                const QPointF centre = tokenCenter(layout, c, phase);
                REQUIRE(zone.adjusted(-1e-6, -1e-6, 1e-6, 1e-6)
                            .contains(
                                QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half)));
                REQUIRE(seen.insert({std::lround(centre.x() * 100), std::lround(centre.y() * 100)})
                            .second);
            }
        }
    }
}

TEST_CASE("shuffle animation starts at the input row, ends in the output slots, passes both grids",
          "[operation]") {
    using T = ShuffleTimeline;
    const ShuffleLayout layout = shuffleLayout(QRectF(0, 0, 1100, 520), 240, 8, true, 14);
    for (int c = 0; c < 240; c += 7) {
        CAPTURE(c);
        REQUIRE(
            near(animatedTokenCenter(layout, c, 0.0), tokenCenter(layout, c, ShufflePhase::Input)));
        REQUIRE(near(animatedTokenCenter(layout, c, T::reshapeEnd),
                     tokenCenter(layout, c, ShufflePhase::Reshaped)));
        REQUIRE(near(animatedTokenCenter(layout, c, T::transposeEnd),
                     tokenCenter(layout, c, ShufflePhase::Transposed)));
        REQUIRE(near(animatedTokenCenter(layout, c, 1.0),
                     tokenCenter(layout, c, ShufflePhase::Output)));
    }
}

TEST_CASE("a shuffle area too short for the grids keeps the permutation in its rows",
          "[operation]") {
    const ShuffleLayout tall = shuffleLayout(QRectF(0, 0, 1100, 520), 60, 3, true, 14);
    REQUIRE(tall.grids);
    const ShuffleLayout shortArea = shuffleLayout(QRectF(0, 0, 600, 150), 60, 3, true, 14);
    REQUIRE(shortArea.permutes);
    REQUIRE_FALSE(shortArea.grids);
    REQUIRE(shortArea.inputRow.bottom() < shortArea.outputRow.top());
    REQUIRE(shortArea.outputRow.bottom() <= 150);
    const std::vector<int> source = ops::channelShufflePermutation(60, 3);
    for (int k = 0; k < 60; ++k) {
        CAPTURE(k);
        const int c = source[static_cast<std::size_t>(k)];
        REQUIRE(near(tokenCenter(shortArea, c, ShufflePhase::Output),
                     rowSlotCenter(shortArea, k, ShufflePhase::Output)));
        // Straight from the input row to the output slot: never through a grid that is not drawn.
        REQUIRE(near(animatedTokenCenter(shortArea, c, 0.0),
                     tokenCenter(shortArea, c, ShufflePhase::Input)));
        REQUIRE(near(animatedTokenCenter(shortArea, c, 1.0),
                     tokenCenter(shortArea, c, ShufflePhase::Output)));
        for (double p : {0.3, 0.5, 0.7}) {
            const QPointF at = animatedTokenCenter(shortArea, c, p);
            REQUIRE(at.y() >= shortArea.inputRow.center().y() - 1e-6);
            REQUIRE(at.y() <= shortArea.outputRow.center().y() + 1e-6);
        }
    }
}

// [SECTION] Grouped 1x1 convolution

TEST_CASE(
    "every pointwise conv of the network: drawn connections = the engine's reachability and "
    "weights",
    "[operation]") {
    for (int groups : {1, 2, 3, 4, 8}) {
        const Network network = Network::build(imagenetConfig(groups, true));
        for (int s = 0; s < network.stepCount(); ++s) {
            const Step& step = network.step(s);
            if (step.kind != StepKind::PointwiseConv) continue;
            CAPTURE(groups, step.name);
            const int input = step.inputs[0];
            const int cin = network.step(input).out.channels, cout = step.out.channels;
            REQUIRE(connectionCount(cin, cout, step.groups) == stepCost(network, s).params);
            for (int o : {0, cout / 3, cout - 1}) {
                CAPTURE(o);
                const ChannelRange drawn = groupedConvInputs(cin, cout, step.groups, o);
                const std::vector<int> reached = reachingChannels(network, s, o, input);
                REQUIRE(static_cast<int>(reached.size()) == drawn.size());
                REQUIRE(reached.front() == drawn.begin);
                REQUIRE(reached.back() == drawn.end - 1);
            }
        }
    }
}

TEST_CASE("grouped axis: cells in order, equal gaps between groups, hit-testing inverts placement",
          "[operation]") {
    for (const auto& [count, groups, gap] : std::vector<std::tuple<int, int, double>>{
             {480, 3, 20}, {120, 3, 0}, {384, 8, 12}, {24, 1, 30}, {8, 8, 5}}) {
        CAPTURE(count, groups, gap);
        const GroupedAxis axis(10, 900, count, groups, gap);
        REQUIRE(axis.rangeEnd(count) == Approx(910));
        for (int c = 0; c < count; ++c) {
            CAPTURE(c);
            REQUIRE(axis.channelAt(axis.cellCenter(c)) == c);
            if (c > 0) {
                const double step = axis.cellStart(c) - axis.cellStart(c - 1);
                const bool newGroup = c % (count / std::max(groups, 1)) == 0;
                REQUIRE(step == Approx(axis.cellSize() + (newGroup && groups > 1 ? gap : 0.0)));
            }
        }
        if (groups > 1 && gap > 0)
            REQUIRE(axis.channelAt(axis.rangeEnd(count / groups) + gap / 2) == -1);
        REQUIRE(axis.channelAt(5) == -1);
        REQUIRE(axis.channelAt(915) == -1);
    }
}

// [SECTION] Timing, scans, labels, statistics

TEST_CASE("easing starts at 0, ends at 1, never goes back", "[operation]") {
    REQUIRE(easeInOutCubic(0) == 0);
    REQUIRE(easeInOutCubic(1) == 1);
    REQUIRE(easeInOutCubic(0.5) == Approx(0.5));
    REQUIRE(easeInOutCubic(-3) == 0);
    REQUIRE(easeInOutCubic(7) == 1);
    for (int i = 1; i <= 100; ++i)
        REQUIRE(easeInOutCubic(i / 100.0) >= easeInOutCubic((i - 1) / 100.0));
    REQUIRE(phaseProgress(0.1, 0.2, 0.4) == 0);
    REQUIRE(phaseProgress(0.3, 0.2, 0.4) == Approx(0.5));
    REQUIRE(phaseProgress(0.9, 0.2, 0.4) == 1);
}

TEST_CASE("depthwise scan: the window's top-left is output position times stride minus padding",
          "[operation]") {
    for (int stride : {1, 2}) {
        const int out = stride == 2 ? 14 : 28;
        CAPTURE(stride);
        const KernelScan first = kernelScan(0, out, out, stride, 1);
        REQUIRE(first.outRow == 0);
        REQUIRE(first.outCol == 0);
        REQUIRE(first.inRow == -1);
        REQUIRE(first.inCol == -1);
        REQUIRE(first.done == 1);
        for (double p : {0.1, 0.37, 0.5, 0.99}) {
            const KernelScan scan = kernelScan(p, out, out, stride, 1);
            CAPTURE(p);
            REQUIRE(scan.inRow == scan.outRow * stride - 1);
            REQUIRE(scan.inCol == scan.outCol * stride - 1);
            REQUIRE(scan.done == scan.outRow * out + scan.outCol + 1);
        }
        REQUIRE(kernelScan(1, out, out, stride, 1).done == out * out);
    }
}

TEST_CASE("label stride keeps labels apart and uses 1-2-5 steps", "[operation]") {
    REQUIRE(labelStride(40, 20) == 1);
    REQUIRE(labelStride(8, 20) == 5);
    REQUIRE(labelStride(2.6, 30) == 20);
    for (double cell : {0.3, 1.0, 2.6, 4.1, 9.0, 33.0}) {
        const int k = labelStride(cell, 28);
        CAPTURE(cell, k);
        REQUIRE(k * cell >= 28);
    }
}

TEST_CASE("bars: a value's length, nothing for values at or below zero", "[operation]") {
    REQUIRE(barLength(0.5, 1.0, 200) == Approx(100));
    REQUIRE(barLength(-1, 1.0, 200) == 0);
}

// [SECTION] Channel flow (the boundary effect)

TEST_CASE("channel flow columns: previous unit's input, both units' steps, the traced step last",
          "[operation]") {
    const Network network = Network::build(imagenetConfig(3, true));
    const int traced = stepIndex(network, "stages.1.3.relu");
    const std::vector<int> columns = channelFlowColumns(network, traced);
    std::vector<std::string> names;
    for (int c : columns) names.push_back(network.step(c).name);
    const std::vector<std::string> expected = {
        "stages.1.1.relu",    "stages.1.2.pw1", "stages.1.2.shuffle", "stages.1.2.dw",
        "stages.1.2.pw2",     "stages.1.2.add", "stages.1.2.relu",    "stages.1.3.pw1",
        "stages.1.3.shuffle", "stages.1.3.dw",  "stages.1.3.pw2",     "stages.1.3.add",
        "stages.1.3.relu"};
    REQUIRE(names == expected);
    REQUIRE(std::is_sorted(columns.begin(), columns.end()));
    REQUIRE(channelFlowReferenceStep(network, traced) == stepIndex(network, "stages.1.2.relu"));

    // A BN inside the unit is shown too, and nothing after it.
    const int bn = stepIndex(network, "stages.1.3.bn2");
    const std::vector<int> upToBn = channelFlowColumns(network, bn);
    REQUIRE(upToBn.back() == bn);
    REQUIRE(std::find(upToBn.begin(), upToBn.end(), stepIndex(network, "stages.1.3.pw2")) ==
            upToBn.end());

    // The first unit reaches back to the stem; the head to the last unit.
    REQUIRE(
        network.step(channelFlowColumns(network, stepIndex(network, "stages.0.0.concat")).front())
            .name == "stem.pool");
    REQUIRE(network.step(channelFlowColumns(network, stepIndex(network, "head.fc")).front()).name ==
            "stages.2.2.relu");
}

TEST_CASE("boundary effect: shuffle off keeps one group of 3, shuffle on reaches all",
          "[operation]") {
    for (bool shuffle : {false, true}) {
        CAPTURE(shuffle);
        const Network network = Network::build(imagenetConfig(3, shuffle));
        const int traced = stepIndex(network, "stages.1.3.relu");
        const ChannelReach reach = traceChannelReach(network, traced, 37);
        const ReachSummary summary =
            summarizeReach(network, reach, stepIndex(network, "stages.1.2.relu"));
        REQUIRE(summary.total == 480);
        REQUIRE(summary.groups == 3);
        REQUIRE(summary.reached == (shuffle ? 480 : 160));
        REQUIRE(summary.groupsReached == (shuffle ? 3 : 1));
        // Two units back the collapse persists without the shuffle.
        const ReachSummary earlier =
            summarizeReach(network, reach, stepIndex(network, "stages.1.1.relu"));
        REQUIRE(earlier.reached == (shuffle ? 480 : 160));
    }
}

TEST_CASE("boundary effect at g = 8: one group of 8 without the shuffle", "[operation]") {
    const Network network = Network::build(imagenetConfig(8, false));
    const int traced = stepIndex(network, "stages.2.2.relu");
    const ChannelReach reach = traceChannelReach(network, traced, 500);
    const ReachSummary summary =
        summarizeReach(network, reach, stepIndex(network, "stages.2.1.relu"));
    REQUIRE(summary.groups == 8);
    REQUIRE(summary.groupsReached == 1);
    REQUIRE(summary.reached == summary.total / 8);
}

// [SECTION] The widgets

namespace {

ui::SnapshotPtr fashionSnapshot(int groups, bool shuffle) {
    const ModelConfig config = fashionConfig(groups, shuffle);
    auto snapshot = std::make_shared<ui::Snapshot>();
    snapshot->network = std::make_shared<const Network>(Network::build(config));
    const Tensor input = loadInput(SHUFFLESCOPE_ASSETS_DIR "/samples/fashion-bag.png", config);
    snapshot->outputs =
        forwardCapture(*snapshot->network, randomParameters(*snapshot->network, 1), input);
    snapshot->cost = computeCost(*snapshot->network);
    const Tensor& probabilities = snapshot->outputs.back();
    snapshot->probabilities.assign(probabilities.data(),
                                   probabilities.data() + probabilities.size());
    const Tensor logits = logitsOf(*snapshot->network, snapshot->outputs);
    snapshot->logits.assign(logits.data(), logits.data() + logits.size());
    snapshot->weightsDescription = QStringLiteral("random (seed 1)");
    return snapshot;
}

}  // namespace

TEST_CASE("operation view paints every step of every kind, light and dark, at projector scale",
          "[operation]") {
    for (const auto& [groups, shuffle] :
         {std::pair{3, true}, std::pair{1, true}, std::pair{8, false}}) {
        const ui::SnapshotPtr snapshot = fashionSnapshot(groups, shuffle);
        for (double scale : {1.0, 2.5}) {
            OperationView view;
            view.setAnimationEnabled(false);
            view.setFontScale(scale);
            view.resize(1100, 650);
            if (scale > 2) {
                QPalette dark = view.palette();
                dark.setColor(QPalette::Base, QColor(22, 22, 26));
                dark.setColor(QPalette::Text, QColor(235, 235, 235));
                view.setPalette(dark);
            }
            for (int step = 0; step < snapshot->network->stepCount(); ++step) {
                CAPTURE(groups, shuffle, scale, snapshot->step(step).name);
                view.setSnapshot(snapshot, step);
                view.setSelectedChannel(step % 3 == 0 ? 1 : -1);
                view.setShowDenseGhost(step % 2 == 0);
                const QImage picture = view.grab().toImage();
                REQUIRE(ui_testing::distinctColours(picture) > 8);
            }
        }
    }
}

TEST_CASE("operation view animation: restarts on a new step or configuration, not on a new input",
          "[operation]") {
    const ui::SnapshotPtr g3 = fashionSnapshot(3, true);
    const ui::SnapshotPtr g3again = fashionSnapshot(3, true);  // same configuration, new snapshot
    const ui::SnapshotPtr off = fashionSnapshot(3, false);
    const int shuffle = stepIndex(*g3->network, "stages.0.1.shuffle");
    OperationView view;
    view.resize(900, 600);
    view.show();
    view.setSnapshot(g3, shuffle);
    REQUIRE(view.animationProgress() < 0.05);
    REQUIRE(ui_testing::waitFor([&] { return view.animationProgress() >= 1.0; }, 20000));
    view.setSnapshot(g3again, shuffle);
    REQUIRE(view.animationProgress() == 1.0);
    view.setSnapshot(off, shuffle);
    REQUIRE(view.animationProgress() < 0.5);
    view.setSnapshot(off, shuffle + 1);
    REQUIRE(view.animationProgress() < 0.5);
    view.setAnimationEnabled(false);
    REQUIRE(view.animationProgress() == 1.0);
    view.setAnimationProgress(0.4);
    REQUIRE(view.animationProgress() == Approx(0.4));
    view.replayAnimation();
    REQUIRE(view.animationProgress() == 1.0);  // disabled: replay shows the end state
}

TEST_CASE("shuffle on and off draw different pictures", "[operation]") {
    const ui::SnapshotPtr on = fashionSnapshot(3, true), off = fashionSnapshot(3, false);
    const int shuffle = stepIndex(*on->network, "stages.1.1.shuffle");
    OperationView view;
    view.setAnimationEnabled(false);
    view.resize(1100, 650);
    view.setSnapshot(on, shuffle);
    const QImage withShuffle = view.grab().toImage();
    view.setSnapshot(off, shuffle);
    const QImage without = view.grab().toImage();
    REQUIRE(ui_testing::differingFraction(withShuffle, without) > 0.05);
}

TEST_CASE("channel flow view: clicking a cell selects that step and channel", "[operation]") {
    const ui::SnapshotPtr snapshot = fashionSnapshot(3, false);
    const int traced = stepIndex(*snapshot->network, "stages.1.2.relu");
    ChannelFlowView view;
    view.resize(1100, 650);
    view.setSnapshot(snapshot, traced, 7);
    view.show();
    ui_testing::settle(50);
    int clickedStep = -1, clickedChannel = -1;
    QObject::connect(&view, &ChannelFlowView::channelClicked, [&](int step, int channel) {
        clickedStep = step;
        clickedChannel = channel;
    });
    const std::vector<int> columns = channelFlowColumns(*snapshot->network, traced);
    // Scan leftwards from the right edge along the middle row: the first hit is the last column,
    // the traced step.
    for (int x = view.width() - 1; x > view.width() / 2 && clickedStep < 0; x -= 3)
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(x, view.height() / 2));
    REQUIRE(clickedStep == columns.back());
    REQUIRE(clickedChannel > 0);
    REQUIRE(clickedChannel < snapshot->step(traced).out.channels);
}

// [SECTION] Text at projector sizes

namespace {

struct DrawnText {
    QRectF box;  // the glyphs' tight bounds, widget coordinates
    QString text;
};

// A paint engine that keeps only where text goes.
class TextRecorder : public QPaintEngine {
  public:
    TextRecorder() : QPaintEngine(QPaintEngine::AllFeatures) {}
    bool begin(QPaintDevice*) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState&) override {}
    void drawPixmap(const QRectF&, const QPixmap&, const QRectF&) override {}
    void drawPolygon(const QPointF*, int, PolygonDrawMode) override {}
    void drawPath(const QPainterPath&) override {}
    void drawImage(const QRectF&, const QImage&, const QRectF&, Qt::ImageConversionFlags) override {
    }
    void drawTextItem(const QPointF& p, const QTextItem& item) override {
        if (painter()->opacity() < 0.05 || item.text().trimmed().isEmpty()) return;
        const QRectF tight =
            QFontMetricsF(item.font()).tightBoundingRect(item.text()).translated(p);
        texts.push_back({painter()->transform().mapRect(tight), item.text()});
    }
    Type type() const override { return QPaintEngine::User; }
    std::vector<DrawnText> texts;
};

class TextRecordingDevice : public QPaintDevice {
  public:
    explicit TextRecordingDevice(QSize size) : size_(size) {}
    QPaintEngine* paintEngine() const override { return &engine_; }
    const std::vector<DrawnText>& texts() const { return engine_.texts; }

  protected:
    int metric(PaintDeviceMetric m) const override {
        switch (m) {
            case PdmWidth:
                return size_.width();
            case PdmHeight:
                return size_.height();
            case PdmWidthMM:
                return size_.width() * 254 / 960;
            case PdmHeightMM:
                return size_.height() * 254 / 960;
            case PdmNumColors:
                return 0x7fffffff;
            case PdmDepth:
                return 32;
            case PdmDpiX:
            case PdmDpiY:
            case PdmPhysicalDpiX:
            case PdmPhysicalDpiY:
                return 96;
            case PdmDevicePixelRatio:
                return 1;
            case PdmDevicePixelRatioScaled:
                return int(QPaintDevice::devicePixelRatioFScale());
            default:
                return 0;
        }
    }

  private:
    QSize size_;
    mutable TextRecorder engine_;
};

std::vector<DrawnText> textsOf(QWidget& widget) {
    TextRecordingDevice device(widget.size());
    widget.render(&device);
    return device.texts();
}

// Every text inside the widget and apart from every other (a pixel of antialiasing allowed).
void requireTextsApart(const std::vector<DrawnText>& texts, QSize size) {
    const QRectF bounds(0, 0, size.width(), size.height());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        CAPTURE(texts[i].text.toStdString(), texts[i].box.x(), texts[i].box.y(),
                texts[i].box.width(), texts[i].box.height());
        const QRectF box = texts[i].box.adjusted(1, 1, -1, -1);
        REQUIRE(bounds.contains(box));
        for (std::size_t j = i + 1; j < texts.size(); ++j) {
            CAPTURE(texts[j].text.toStdString());
            const QRectF both = box.intersected(texts[j].box.adjusted(1, 1, -1, -1));
            REQUIRE_FALSE((both.width() > 1 && both.height() > 1));
        }
    }
}

// The views' sizes in the window from 1280 × 800 to 1920 × 1080, at the text sizes a class uses.
const std::vector<std::pair<QSize, double>> kProjectorSizes = {
    {{480, 420}, 2.5}, {{724, 636}, 1.6}, {{756, 690}, 2.5}, {{1236, 763}, 1.0}};

}  // namespace

TEST_CASE(
    "operation view: every text inside the view and apart, step name whole, at projector "
    "sizes",
    "[operation]") {
    const std::vector<const char*> steps = {"input",
                                            "stem.conv",
                                            "stem.bn",
                                            "stem.relu",
                                            "stages.0.0.pw1",
                                            "stages.1.1.pw1",
                                            "stages.1.1.shuffle",
                                            "stages.1.1.dw",
                                            "stages.1.0.dw",
                                            "stages.1.1.add",
                                            "stages.1.0.shortcut",
                                            "stages.1.0.concat",
                                            "head.pool",
                                            "head.fc",
                                            "head.softmax"};
    for (const auto& [groups, shuffle] :
         {std::pair{3, true}, std::pair{3, false}, std::pair{8, true}}) {
        const ui::SnapshotPtr snapshot = fashionSnapshot(groups, shuffle);
        OperationView view;
        view.setAnimationEnabled(false);
        for (const auto& [size, scale] : kProjectorSizes) {
            view.resize(size);
            view.setFontScale(scale);
            for (const char* name : steps) {
                CAPTURE(groups, shuffle, size.width(), size.height(), scale, name);
                view.setSnapshot(snapshot, stepIndex(*snapshot->network, name));
                view.setSelectedChannel(5);
                const std::vector<DrawnText> texts = textsOf(view);
                REQUIRE(std::any_of(texts.begin(), texts.end(), [&](const DrawnText& t) {
                    return t.text == QString::fromLatin1(name);
                }));
                requireTextsApart(texts, size);
            }
        }
    }
}

TEST_CASE("channel flow view: every text inside the view and apart at projector sizes",
          "[operation]") {
    for (const bool shuffle : {true, false}) {
        const ui::SnapshotPtr snapshot = fashionSnapshot(3, shuffle);
        ChannelFlowView view;
        for (const auto& [size, scale] : kProjectorSizes) {
            view.resize(size);
            view.setFontScale(scale);
            for (const char* name :
                 {"stem.relu", "stages.0.0.concat", "stages.1.2.relu", "head.softmax"}) {
                for (const int channel : {5, -1}) {
                    CAPTURE(shuffle, size.width(), size.height(), scale, name, channel);
                    view.setSnapshot(snapshot, stepIndex(*snapshot->network, name), channel);
                    requireTextsApart(textsOf(view), size);
                }
            }
        }
    }
}
