// The main window as a user drives it: keys change the configuration, the cost panel shows the
// core's numbers, every view renders something and the shuffle changes what it shows, bad input
// is a message with the previous state intact.

#include <catch2/catch.hpp>

#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTest>
#include <QTranslator>

#include "canvas/feature_map_canvas.h"
#include "main_window.h"
#include "session/assets.h"
#include "shown_main_window.h"
#include "shufflescope/io/safetensors.h"
#include "style/palette.h"
#include "support/model_configs.h"
#include "text/number_format.h"
#include "ui_test_support.h"
#include "views/channel_flow_view.h"
#include "views/cost_panel.h"
#include "views/operation/operation_view.h"
#include "views/prediction_panel.h"
#include "views/timeline_view.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using testing_support::fashionConfig;
using ui_testing::settle;

namespace {

struct Window : ui_testing::ShownMainWindow {
    void use(const ModelConfig& c) {
        session().setConfig(c);
        idle();
    }
};

// The right dock's scrolling area, which holds the prediction and cost panels.
QScrollArea* predictionAndCostArea(MainWindow& window) {
    QWidget* ancestor = window.costPanel();
    while (ancestor && !qobject_cast<QScrollArea*>(ancestor)) ancestor = ancestor->parentWidget();
    return qobject_cast<QScrollArea*>(ancestor);
}

QImage grabOf(QWidget* widget) {
    settle(150);
    return widget->grab().toImage();
}

}  // namespace

// The keys are tested as a keyboard delivers them, to the focused widget: test_shortcuts.cpp.

TEST_CASE("the cost panel shows the core's numbers for the selected step and the network",
          "[window]") {
    Window w;
    for (int g : {1, 3, 8}) {
        CAPTURE(g);
        w.use(fashionConfig(g));
        REQUIRE(w.session().selectStepByName(QStringLiteral("stages.1.2.pw2")));
        const SnapshotPtr s = w.session().snapshot();
        const int step = w.session().selectedStep();
        const CostReport cost = computeCost(*s->network);
        const StepCost& c = cost.steps[std::size_t(step)];
        long long upTo = 0;
        for (int i = 0; i <= step; ++i) upTo += cost.steps[std::size_t(i)].macs;
        CostPanel* panel = w.window.costPanel();
        CHECK(panel->displayed(QStringLiteral("step")).first == formatMacs(c.macs));
        CHECK(panel->displayed(QStringLiteral("step")).second == formatMacs(c.denseMacs));
        CHECK(panel->displayed(QStringLiteral("cumulative")).first == formatMacs(upTo));
        CHECK(panel->displayed(QStringLiteral("backbone")).first ==
              formatMacs(cost.totals.backboneMacs));
        CHECK(panel->displayed(QStringLiteral("total")).second ==
              formatMacs(cost.totals.denseMacs));
        CHECK(panel->displayed(QStringLiteral("params")).first == formatCount(cost.totals.params));
        // The prediction panel shows the core's softmax, best first.
        const auto& entries = w.window.predictionPanel()->entries();
        REQUIRE(entries.size() == 5);
        const float best = *std::max_element(s->probabilities.begin(), s->probabilities.end());
        CHECK(entries.front().probability == best);
    }
}

TEST_CASE(
    "the prediction panel states the loaded checkpoint's recorded test accuracy, or that weights "
    "are random",
    "[window]") {
    Window w;
    for (const bool shuffle : {true, false}) {
        CAPTURE(shuffle);
        w.use(fashionConfig(3, shuffle));
        const std::optional<QString> bundled = bundledCheckpointFor(fashionConfig(3, shuffle));
        REQUIRE(bundled);
        const auto metadata =
            readSafetensors(bundled->toStdString(), [](std::string_view) { return true; }).metadata;
        const QString percent =
            QString::number(100.0 * std::stod(metadata.at("test_accuracy")), 'f', 2);
        const QString line = w.window.predictionPanel()->qualityLine();
        CHECK(line.startsWith(QStringLiteral("Test accuracy ") + percent + QLatin1Char('%')));
        CHECK(line.contains(QStringLiteral("on 10,000 test images")));
    }
    // The paper's ImageNet network has random weights: the panel says its guesses mean nothing.
    w.use(presetConfig("imagenet"));
    CHECK(w.window.predictionPanel()->qualityLine().startsWith(QStringLiteral("Random weights")));
}

// The text size set before the window first shows (--font-scale, saved settings) or changed
// while it is open (the View menu): either way every part must fit and show.
TEST_CASE(
    "projector text in a 1920x1080 window: every tab fits, the MACs column and cost chart show",
    "[window]") {
    const bool beforeShowing = GENERATE(false, true);
    CAPTURE(beforeShowing);
    MainWindow window(false);
    if (beforeShowing) window.setFontScale(1.8);
    window.resize(1920, 1080);
    window.setAnimationsEnabled(false);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window, ui_testing::kExposeTimeoutMs));
    REQUIRE(window.session().waitUntilIdle(60000));
    auto* tree = window.findChild<TimelineView*>();
    auto* chart = window.costPanel()->findChild<QChartView*>();
    QScrollArea* dockContent = predictionAndCostArea(window);
    REQUIRE(tree);
    REQUIRE(chart);
    REQUIRE(dockContent);
    QWidget* viewport = dockContent->viewport();
    for (double scale :
         beforeShowing ? std::vector<double>{1.8} : std::vector<double>{1.0, 1.4, 1.8}) {
        CAPTURE(scale);
        if (!beforeShowing) window.setFontScale(scale);
        for (const char* view : {"operation", "flow", "train"}) {
            CAPTURE(view);
            REQUIRE(window.showView(QString::fromLatin1(view)));
            settle(200);
            // The Train tab's settings row once made the window wider than the screen, pushing
            // the prediction dock off its right edge.
            CHECK(window.width() <= 1920);
            // The step tree's MACs bars keep at least 40 px (they vanished behind a scroll bar).
            CHECK(tree->header()->sectionViewportPosition(2) + 40 <= tree->viewport()->width());
            // The cost chart is whole inside the dock: a blank band under the prediction panel
            // once pushed it below the bottom, and the dock kept its small-text width when the
            // text grew, cutting the chart off on the right.
            const QRect inViewport(chart->mapTo(viewport, QPoint(0, 0)), chart->size());
            CAPTURE(inViewport.left(), inViewport.top(), inViewport.right(), inViewport.bottom(),
                    viewport->width(), viewport->height());
            CHECK(viewport->rect().contains(inViewport));
            CAPTURE(chart->chart()->plotArea().height());
            CHECK(chart->chart()->plotArea().height() >= 60);  // with room for the bars
        }
    }
    if (!beforeShowing) {
        // Back to ordinary text, the docks give the centre its width back.
        const int wide = dockContent->width();
        window.setFontScale(1.0);
        settle(200);
        CAPTURE(wide, dockContent->width(), dockContent->minimumWidth(), tree->width());
        CHECK(dockContent->width() < wide);
        CHECK(dockContent->width() <= dockContent->minimumWidth() + 40);
        CHECK(tree->width() <= 400);
    }
}

TEST_CASE("every view renders, and the shuffle changes what the shuffle step shows", "[window]") {
    Window w;
    w.use(fashionConfig(3, true));
    REQUIRE(w.session().selectStepByName(QStringLiteral("stages.1.1.shuffle")));
    w.session().selectChannel(5);
    settle(300);
    struct Shot {
        const char* name;
        QWidget* widget;
    };
    const std::vector<Shot> views = {{"operation", w.window.operationView()},
                                     {"flow", w.window.channelFlow()},
                                     {"canvas", w.window.canvas()}};
    std::map<std::string, QImage> on;
    for (const Shot& v : views) {
        if (std::string(v.name) == "flow")
            w.window.showView(QStringLiteral("flow"));
        else
            w.window.showView(QStringLiteral("operation"));
        on[v.name] = grabOf(v.widget);
        CAPTURE(v.name);
        CHECK(ui_testing::distinctColours(on[v.name]) > 8);
    }
    w.use(fashionConfig(3, false));
    for (const Shot& v : views) {
        if (std::string(v.name) == "flow")
            w.window.showView(QStringLiteral("flow"));
        else
            w.window.showView(QStringLiteral("operation"));
        const QImage off = grabOf(v.widget);
        CAPTURE(v.name);
        CHECK(ui_testing::distinctColours(off) > 8);
        CHECK(ui_testing::differingFraction(on[v.name], off) > 0.01);
    }
}

TEST_CASE("an unreadable image in the window is a message, the picture stays", "[window]") {
    Window w;
    w.use(fashionConfig(2));
    const SnapshotPtr before = w.session().snapshot();
    w.session().openInput(QStringLiteral(SHUFFLESCOPE_ASSETS_DIR "/samples/no-such-image.png"));
    w.idle();
    CHECK(w.window.lastError().contains(QStringLiteral("no-such-image.png")));
    CHECK(w.session().snapshot() == before);
}

// On a projector every line of the prediction-and-cost dock keeps its height and the dock scrolls
// instead, also with the long channel-widths note of a g without published widths (a screenshot
// taken mid-layout once showed the Chinese cost table's rows on top of each other).
TEST_CASE(
    "projector text: no line of the prediction and cost dock is squeezed, for any g, in "
    "English or Chinese",
    "[window]") {
    const bool chinese = GENERATE(false, true);
    CAPTURE(chinese);
    QTranslator translator;
    if (chinese) {
        REQUIRE(translator.load(QStringLiteral(":/i18n/shufflescope_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
    }
    MainWindow window(false);
    window.setFontScale(1.8);
    window.resize(1920, 1080);
    window.setAnimationsEnabled(false);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window, ui_testing::kExposeTimeoutMs));
    QScrollArea* dockContent = predictionAndCostArea(window);
    REQUIRE(dockContent);
    for (int g = 1; g <= 8; ++g) {
        CAPTURE(g);
        window.session().setConfig(fashionConfig(g));
        REQUIRE(window.session().waitUntilIdle(60000));
        // Layout settles in steps (the dock widens, text re-wraps): wait for it, within reason.
        const auto squeezed = [&] {
            QStringList lines;
            for (QLabel* label : dockContent->widget()->findChildren<QLabel*>()) {
                if (!label->isVisible() || label->text().isEmpty()) continue;
                const int needed = label->hasHeightForWidth()
                                       ? label->heightForWidth(label->width())
                                       : label->minimumSizeHint().height();
                if (label->height() < needed)
                    lines << QStringLiteral("%1 (%2 px of %3)")
                                 .arg(label->text())
                                 .arg(label->height())
                                 .arg(needed);
            }
            return lines;
        };
        ui_testing::waitFor([&] { return squeezed().isEmpty(); }, 5000);
        const QStringList lines = squeezed();
        CAPTURE(lines.join(QStringLiteral("; ")));
        CHECK(lines.isEmpty());
    }
}

// A 45-minute class on a 1280x720 projector: the whole window on the screen, and the teaching
// diagram the largest thing in it (the side panels give way first).
TEST_CASE(
    "on a 1280x720 projector and a 1920x1080 screen, at text 1 and 1.8, the window fits and the "
    "operation view is the largest thing on it",
    "[window]") {
    const QSize screen = GENERATE(QSize(1280, 720), QSize(1920, 1080));
    const double scale = GENERATE(1.0, 1.8);
    CAPTURE(screen.width(), screen.height(), scale);
    MainWindow window(false);
    window.setFontScale(scale);
    window.resize(screen);
    window.setAnimationsEnabled(false);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window, ui_testing::kExposeTimeoutMs));
    REQUIRE(window.session().waitUntilIdle(60000));
    const auto area = [](const QWidget* w) {
        return w && w->isVisible() ? double(w->width()) * double(w->height()) : 0.0;
    };
    for (const char* view : {"operation", "flow", "train"}) {
        CAPTURE(view);
        REQUIRE(window.showView(QString::fromLatin1(view)));
        settle(300);
        CHECK(window.width() <= screen.width());
        CHECK(window.height() <= screen.height());
        CHECK(window.minimumSizeHint().width() <= screen.width());
        CHECK(window.minimumSizeHint().height() <= screen.height());
    }
    REQUIRE(window.showView(QStringLiteral("operation")));
    settle(300);
    const double windowArea = area(&window);
    const double operation = area(window.operationView());
    CAPTURE(window.operationView()->width(), window.operationView()->height());
    CHECK(operation / windowArea >= 0.25);
    const QWidget* others[] = {window.timeline(), predictionAndCostArea(window), window.canvas()};
    for (const QWidget* other : others) {
        CAPTURE(other->objectName(), area(other));
        CHECK(operation > area(other));
    }
}

// The second grouped conv is where the shuffle shows: each of its groups reads channels that came
// from every group of the first (shuffle on) or from one (off). Its input strip is coloured by the
// pw1 group each channel came from, so the two pictures differ (they were identical).
TEST_CASE("pw2 looks different with the shuffle on and off", "[window]") {
    Window w;
    w.window.showView(QStringLiteral("operation"));
    w.window.setSidePanelsVisible(false);  // the checkpoint's name must not move the view
    std::map<bool, QImage> shots;
    for (const bool shuffle : {true, false}) {
        w.use(fashionConfig(8, shuffle));
        REQUIRE(w.session().selectStepByName(QStringLiteral("stages.1.1.pw2")));
        shots[shuffle] = grabOf(w.window.operationView());
    }
    CHECK(ui_testing::differingFraction(shots[true], shots[false]) > 0.002);
}

// The add view's input bar is this unit's input as this unit's first grouped conv splits it, not
// the previous unit's make-up (whose grey shortcut channels read as "not grouped").
TEST_CASE("the add view colours its input by this unit's groups, with no shortcut grey",
          "[window]") {
    Window w;
    w.window.showView(QStringLiteral("operation"));
    w.use(fashionConfig(3));
    // Stage 3's second unit: its input is the stride-2 unit's concat, a third of it shortcut.
    REQUIRE(w.session().selectStepByName(QStringLiteral("stages.1.1.add")));
    const QImage shot = grabOf(w.window.operationView());
    const QRgb grey = neutralColor().rgb();
    int greyPixels = 0;
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x) greyPixels += shot.pixel(x, y) == grey;
    CHECK(greyPixels < 500);  // a few from lines and text; a grey bar segment is thousands
}

// --compare G goes through the toolbar's B box, so the box shows what was chosen.
TEST_CASE("choosing configuration B shows in the B box, and compare compares with it", "[window]") {
    Window w;
    w.use(fashionConfig(3));
    w.window.setComparisonChoice(5);
    w.idle();
    auto* box = w.window.findChild<QComboBox*>();
    QComboBox* bBox = nullptr;
    for (QComboBox* b : w.window.findChildren<QComboBox*>())
        if (b->findData(0) >= 0 && b->count() == 9) bBox = b;
    REQUIRE(box);
    REQUIRE(bBox);
    CHECK(bBox->currentData().toInt() == 5);
    REQUIRE(w.session().comparisonConfig());
    CHECK(w.session().comparisonConfig()->groups == 5);
    w.window.setComparisonChoice(0);
    w.idle();
    CHECK(bBox->currentData().toInt() == 0);
    CHECK(w.session().comparisonConfig()->shuffle == false);
    CHECK(w.session().comparisonConfig()->groups == 3);
}

// --view cost shows the cost panel in front (it once only moved the keyboard focus there).
TEST_CASE("the cost view widens the prediction and cost panel", "[window]") {
    MainWindow window(false);
    window.setFontScale(1.8);
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window, ui_testing::kExposeTimeoutMs));
    REQUIRE(window.session().waitUntilIdle(60000));
    settle(200);
    QScrollArea* dock = predictionAndCostArea(window);
    REQUIRE(dock);
    CHECK_FALSE(dock->isVisible());  // collapsed for room at this size
    REQUIRE(window.showView(QStringLiteral("cost")));
    settle(300);
    CHECK(dock->isVisible());
    CHECK(dock->width() >= 1280 * 2 / 5 - 40);
    CHECK(window.width() <= 1280);
}

// While a slow result is computed the views say so over the old picture.
TEST_CASE("a slow result veils the operation view and the channel flow until it arrives",
          "[window]") {
    Window w;
    w.idle();
    ModelConfig slow = presetConfig("imagenet");
    slow.widthScale = 2.0;
    w.session().setConfig(slow);
    REQUIRE(w.session().busy());
    REQUIRE(ui_testing::waitFor(
        [&] { return !w.window.operationView()->pending().isEmpty() || !w.session().busy(); }));
    CHECK(w.window.operationView()->pending().contains(QStringLiteral("imagenet")));
    CHECK(w.window.operationView()->pending().contains(QStringLiteral("2x")));
    CHECK(w.window.channelFlow()->pending() == w.window.operationView()->pending());
    w.idle();
    CHECK(w.window.operationView()->pending().isEmpty());
    CHECK(w.window.channelFlow()->pending().isEmpty());
}

// The drawn play / step glyphs follow the theme (dark glyphs on the dark theme were unreadable).
TEST_CASE("the playback glyphs are redrawn in the theme's text colour", "[window]") {
    Window w;
    const auto glyphLightness = [&] {
        const QImage icon =
            w.window.action(QStringLiteral("play"))->icon().pixmap(32, 32).toImage();
        int lightest = 0;
        for (int y = 0; y < icon.height(); ++y)
            for (int x = 0; x < icon.width(); ++x)
                if (qAlpha(icon.pixel(x, y)) > 200)
                    lightest = std::max(lightest, QColor(icon.pixel(x, y)).lightness());
        return lightest;
    };
    w.window.setTheme(QStringLiteral("light"));
    settle(50);
    CHECK(glyphLightness() < 100);
    w.window.setTheme(QStringLiteral("dark"));
    settle(50);
    CHECK(glyphLightness() > 180);
    w.window.setTheme(QStringLiteral("light"));
}
