// The keyboard as a teacher uses it: every key is delivered to whatever widget has focus
// (QApplication::focusWidget()), as a real keyboard does, never straight to a handler. The app's
// keys must act wherever the focus is (the step tree at start-up and after a click, a view, a
// button, after a menu closes), while the Train tab's number fields keep the digits typed in them.

#include <catch2/catch.hpp>

#include <QAction>
#include <QDialog>
#include <QMenu>
#include <QMenuBar>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

#include "canvas/feature_map_canvas.h"
#include "main_window.h"
#include "session/assets.h"
#include "shown_main_window.h"
#include "stress_user.h"
#include "support/model_configs.h"
#include "training/train_panel.h"
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

// A shown, active window: shortcuts, like a real keyboard's, go to the active window only.
struct ActiveWindow : ui_testing::ShownMainWindow {
    ActiveWindow() {
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window, ui_testing::kExposeTimeoutMs));
        idle();
    }
    const ModelConfig& shown() {
        idle();
        return session().snapshot()->config();
    }
};

// A key press and release at the widget that has the keyboard focus, as the keyboard sends them.
QWidget* press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWidget* focused = QApplication::focusWidget();
    REQUIRE(focused != nullptr);
    QTest::keyClick(focused, key, modifiers);
    return focused;
}

void click(QWidget* widget, QPoint at) {
    QTest::mouseClick(widget, Qt::LeftButton, Qt::NoModifier, at);
    settle(50);
}

}  // namespace

TEST_CASE("at start-up the focused widget passes 1-8, S, arrows, Page Up/Down, Home/End to the app",
          "[keys]") {
    ActiveWindow w;
    w.session().setConfig(fashionConfig(3));
    w.idle();
    REQUIRE(QApplication::focusWidget());
    CHECK(QApplication::focusWidget()->window() == &w.window);
    press(Qt::Key_8);
    CHECK(w.shown().groups == 8);
    press(Qt::Key_S);
    CHECK_FALSE(w.shown().shuffle);
    press(Qt::Key_Home);
    CHECK(w.session().selectedStep() == 0);
    press(Qt::Key_Right);
    press(Qt::Key_Right);
    CHECK(w.session().selectedStep() == 2);
    press(Qt::Key_Left);
    CHECK(w.session().selectedStep() == 1);
    press(Qt::Key_End);
    CHECK(w.session().selectedStep() == w.session().snapshot()->network->stepCount() - 1);
    // Page Down from the stem lands on the first step of the next unit, Page Up goes back.
    REQUIRE(w.session().selectStepByName(QStringLiteral("stages.0.1.pw1")));
    press(Qt::Key_PageDown);
    const Network& network = *w.session().snapshot()->network;
    CHECK(network.step(w.session().selectedStep()).name == "stages.0.2.pw1");
    press(Qt::Key_PageUp);
    CHECK(network.step(w.session().selectedStep()).name == "stages.0.1.pw1");
    press(Qt::Key_W);
    CHECK(w.shown().widthScale != presetConfig("fashion").widthScale);
}

TEST_CASE(
    "after clicking a step-tree row, S toggles the shuffle and the arrows step (no type-ahead, "
    "no expanding)",
    "[keys]") {
    ActiveWindow w;
    w.session().setConfig(fashionConfig(3, true));
    w.idle();
    TimelineView* tree = w.window.timeline();
    REQUIRE(w.session().selectStepByName(QStringLiteral("stages.1.1.shuffle")));
    const int shuffleStep = w.session().selectedStep();
    QTreeWidgetItem* row = tree->itemForStep(shuffleStep);
    REQUIRE(row);
    tree->scrollToItem(row);
    settle(50);
    click(tree->viewport(), tree->visualItemRect(row).center());
    CHECK(QApplication::focusWidget() == tree);
    CHECK(w.session().selectedStep() == shuffleStep);

    press(Qt::Key_S);
    CHECK_FALSE(w.shown().shuffle);
    CHECK(w.session().selectedStep() == shuffleStep);  // the tree's type-ahead did not jump
    press(Qt::Key_S);
    CHECK(w.shown().shuffle);

    press(Qt::Key_Right);
    CHECK(w.session().selectedStep() == shuffleStep + 1);
    press(Qt::Key_Left);
    press(Qt::Key_Left);
    CHECK(w.session().selectedStep() == shuffleStep - 1);
    press(Qt::Key_5);
    CHECK(w.shown().groups == 5);
    // Up/Down stay the tree's own: they move its current row, which selects that step.
    const int before = w.session().selectedStep();
    press(Qt::Key_Down);
    CHECK(w.session().selectedStep() == before + 1);
}

TEST_CASE("walking the network keeps only the current unit open in the step tree", "[keys]") {
    ActiveWindow w;
    TimelineView* tree = w.window.timeline();
    REQUIRE(w.session().selectStepByName(QStringLiteral("stages.0.0.pw1")));
    settle(50);
    for (int i = 0; i < 12; ++i) press(Qt::Key_PageDown);
    settle(50);
    int openUnits = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j) {
            QTreeWidgetItem* unit = tree->topLevelItem(i)->child(j);
            if (unit->childCount() > 0 && unit->isExpanded()) ++openUnits;
        }
    CHECK(openUnits == 1);
}

TEST_CASE("the app's keys work after a menu closes", "[keys]") {
    ActiveWindow w;
    w.session().setConfig(fashionConfig(3));
    w.idle();
    QMenuBar* bar = w.window.menuBar();
    QAction* modelMenu = nullptr;
    for (QAction* a : bar->actions())
        if (a->menu() && a->menu()->actions().contains(w.window.action(QStringLiteral("shuffle"))))
            modelMenu = a;
    REQUIRE(modelMenu);
    click(bar, bar->actionGeometry(modelMenu).center());
    REQUIRE(ui_testing::waitFor([&] { return modelMenu->menu()->isVisible(); }, 5000));
    QTest::keyClick(modelMenu->menu(), Qt::Key_Escape);
    QTest::keyClick(bar, Qt::Key_Escape);  // the menu bar keeps its highlight after one Escape
    REQUIRE(ui_testing::waitFor([&] { return !modelMenu->menu()->isVisible(); }, 5000));
    settle(100);
    press(Qt::Key_6);
    CHECK(w.shown().groups == 6);
    press(Qt::Key_S);
    CHECK_FALSE(w.shown().shuffle);
}

TEST_CASE("after clicking each view the app's keys still act", "[keys]") {
    ActiveWindow w;
    w.session().setConfig(fashionConfig(3));
    w.idle();
    REQUIRE(w.session().selectStepByName(QStringLiteral("stages.1.1.pw1")));
    struct Target {
        const char* name;
        QWidget* widget;
        const char* view;
    };
    const Target targets[] = {
        {"operation view", w.window.operationView(), "operation"},
        {"channel flow", w.window.channelFlow(), "flow"},
        {"feature-map canvas", w.window.canvas(), "operation"},
        {"cost panel", w.window.costPanel(), "operation"},
        {"prediction panel", w.window.predictionPanel(), "operation"},
    };
    int g = 1;
    for (const Target& t : targets) {
        CAPTURE(t.name);
        REQUIRE(w.window.showView(QString::fromLatin1(t.view)));
        settle(100);
        // A click near a corner: on a canvas tile it would open the enlarged view (a feature).
        click(t.widget, QPoint(8, t.widget->height() - 8));
        w.session().selectChannel(-1);
        g = g % 8 + 1;
        press(Qt::Key(Qt::Key_0 + g));
        CHECK(w.shown().groups == g);
        const int step = w.session().selectedStep();
        press(Qt::Key_Right);
        CHECK(w.session().selectedStep() == step + 1);
        press(Qt::Key_Left);
    }
    // F switches between the operation view and the channel flow, wherever the focus is.
    REQUIRE(w.window.showView(QStringLiteral("operation")));
    press(Qt::Key_F);
    CHECK(w.window.channelFlow()->isVisible());
    press(Qt::Key_F);
    CHECK(w.window.operationView()->isVisible());
}

TEST_CASE("in the Train tab the number fields keep the digits typed in them, elsewhere keys act",
          "[keys]") {
    ActiveWindow w;
    w.session().setConfig(fashionConfig(3));
    w.idle();
    press(Qt::Key_T);
    settle(100);
    REQUIRE(w.window.trainPanel()->isVisible());
    QSpinBox* epochs = nullptr;
    for (QSpinBox* box : w.window.trainPanel()->findChildren<QSpinBox*>())
        if (box->maximum() > 8) epochs = box;  // the other spin box is g (1..8)
    REQUIRE(epochs);
    click(epochs, QPoint(6, epochs->height() / 2));
    REQUIRE(QApplication::focusWidget() == epochs);
    press(Qt::Key_A, Qt::ControlModifier);
    press(Qt::Key_1);
    press(Qt::Key_2);
    CHECK(epochs->value() == 12);
    CHECK(w.shown().groups == 3);  // the digits did not change g
    press(Qt::Key_Left);           // moves the text cursor, not the step
    CHECK(w.session().selectedStep() == 0);
}

TEST_CASE("one action table: every shortcut is in the F1 sheet and in its tooltip", "[keys]") {
    ActiveWindow w;
    const QList<QAction*> actions = w.window.findChildren<QAction*>();
    press(Qt::Key_F1);
    QDialog* sheet = nullptr;
    REQUIRE(ui_testing::waitFor(
        [&] { return (sheet = w.window.findChild<QDialog*>(QStringLiteral("ShortcutSheet"))); },
        5000));
    auto* table = sheet->findChild<QTableWidget*>();
    REQUIRE(table);
    QStringList described;
    for (int i = 0; i < table->rowCount(); ++i) described << table->item(i, 1)->text();
    int withKeys = 0;
    for (const QAction* a : actions) {
        if (a->shortcuts().isEmpty() || a->objectName().isEmpty()) continue;
        ++withKeys;
        CAPTURE(a->objectName(), a->text());
        if (!a->objectName().startsWith(QLatin1String("groups.")))
            CHECK(described.contains(QString(a->text()).remove(QLatin1Char('&'))));
        CHECK(a->toolTip().contains(QLatin1Char('(')));  // "... (key)"
    }
    CHECK(withKeys >= 30);
    sheet->close();
    // The play button's pause glyph is drawn, not a font character that may be missing.
    QAction* play = w.window.action(QStringLiteral("play"));
    const QImage playing = [&] {
        play->trigger();
        return play->icon().pixmap(32, 32).toImage();
    }();
    play->trigger();
    const QImage paused = play->icon().pixmap(32, 32).toImage();
    CHECK(ui_testing::distinctColours(playing) >= 2);
    CHECK(playing != paused);
}

TEST_CASE("H hides and shows the side panels, so the operation view takes the screen", "[keys]") {
    ActiveWindow w;
    const int before = w.window.operationView()->width();
    press(Qt::Key_H);
    settle(200);
    CHECK_FALSE(w.window.sidePanelsVisible());
    CHECK(w.window.operationView()->width() > before + 200);
    press(Qt::Key_H);
    settle(200);
    CHECK(w.window.sidePanelsVisible());
}

TEST_CASE("the app's keys work again as soon as the F1 sheet closes", "[keys]") {
    ActiveWindow w;
    w.session().setConfig(fashionConfig(3));
    w.idle();
    press(Qt::Key_F1);
    QDialog* sheet = nullptr;
    REQUIRE(ui_testing::waitFor(
        [&] {
            sheet = w.window.findChild<QDialog*>(QStringLiteral("ShortcutSheet"));
            return sheet && sheet->isActiveWindow();
        },
        5000));
    press(Qt::Key_Escape);  // to the sheet, which has the focus now
    REQUIRE(ui_testing::waitFor([&] { return w.window.isActiveWindow(); }, 5000));
    press(Qt::Key_7);
    CHECK(w.shown().groups == 7);
}

TEST_CASE("with the focus on the canvas: Esc closes the enlarged map, G, + and 0, and , . page A/B",
          "[keys]") {
    ActiveWindow w;
    w.session().setConfig(fashionConfig(3));
    w.idle();
    REQUIRE(w.session().selectStepByName(QStringLiteral("stages.2.3.relu")));
    FeatureMapCanvas* canvas = w.window.canvas();
    settle(300);
    std::vector<QRectF> tiles = canvas->tileRects();
    REQUIRE(tiles.size() > 40);
    click(canvas, tiles[37].center().toPoint());
    settle(100);
    REQUIRE(canvas->enlargedOpen());
    REQUIRE(QApplication::focusWidget() == canvas);
    press(Qt::Key_Escape);
    CHECK_FALSE(canvas->enlargedOpen());
    CHECK(w.session().selectedChannel() == 37);  // the first Esc only closes the map
    press(Qt::Key_Escape);
    CHECK(w.session().selectedChannel() == -1);

    press(Qt::Key_G);
    CHECK(canvas->sharedRange());
    press(Qt::Key_G);
    CHECK_FALSE(canvas->sharedRange());
    const double before = canvas->tileRects()[0].width();
    press(Qt::Key_Plus);
    settle(600);  // the zoom is animated
    CHECK(canvas->tileRects()[0].width() > before * 1.1);
    press(Qt::Key_0);
    settle(600);
    CHECK(canvas->tileRects()[0].width() == Approx(before).margin(1.0));

    press(Qt::Key_C);  // A/B compare: pages of channels
    w.idle();
    settle(300);
    REQUIRE(canvas->comparing());
    REQUIRE(canvas->pageCount() > 1);
    press(Qt::Key_Period);
    CHECK(canvas->page() == 1);
    press(Qt::Key_Comma);
    CHECK(canvas->page() == 0);
}

// Found by the GUI stress test: the step keys moved from the selection of the result shown, in
// its network, while a newer request was on its way.
TEST_CASE("the step keys move from the step asked for in the network asked for, before its result",
          "[keys]") {
    ActiveWindow w;
    w.session().setConfig(fashionConfig(3));
    w.idle();
    REQUIRE_FALSE(w.window.applyScene({.step = "stages.1.1.pw1"}));
    w.idle();
    // g = 8 on its way, then Home and →: the second step (→ went to the step after
    // stages.1.1.pw1, where the g = 3 result still was).
    press(Qt::Key_8);
    press(Qt::Key_Home);
    press(Qt::Key_Right);
    CHECK(w.session().requestedStep() == QLatin1String("stem.conv"));
    CHECK(w.shown().groups == 8);
    CHECK(w.session().requestedStep() == QLatin1String("stem.conv"));

    // From the ImageNet stem's ReLU, P and → at once: the Fashion-MNIST step after it (→ asked
    // the new network for the ImageNet stem's pool, and the window said there is none).
    REQUIRE_FALSE(w.window.applyScene({.preset = "imagenet", .step = "stem.relu"}));
    w.idle();
    press(Qt::Key_P);
    press(Qt::Key_Right);
    CHECK(w.window.lastError().isEmpty());
    CHECK(w.session().requestedStep() == QLatin1String("stages.0.0.pw1"));
    CHECK(w.shown().preset == "fashion");

    // On the ImageNet stem's pool, P twice: the same step whether or not the first result was
    // waited for (at once, the pool came back; waited for, the step that had taken its place).
    for (const bool wait : {false, true}) {
        CAPTURE(wait);
        REQUIRE_FALSE(w.window.applyScene({.preset = "imagenet", .step = "stem.pool"}));
        w.idle();
        press(Qt::Key_P);
        if (wait) w.idle();
        press(Qt::Key_P);
        CHECK(w.shown().preset == "imagenet");
        CHECK(w.session().requestedStep() == QLatin1String("stages.0.0.pw1"));
    }
}

// Found by the GUI stress test: a step asked for while a result was on its way is only a name
// until the result arrives; when a checkpoint then brought the shown configuration back, asking
// for the step the shown result had selected changed nothing, and the step asked for before won.
TEST_CASE("a step key lands on the step shown before, while another step was asked for", "[keys]") {
    ActiveWindow w;
    w.session().setConfig(fashionConfig(3));
    w.idle();
    REQUIRE_FALSE(w.window.applyScene({.step = "stem.bn"}));
    w.idle();
    const std::optional<QString> model = bundledCheckpointFor(fashionConfig(3));
    REQUIRE(model);
    press(Qt::Key_8);                                        // on its way
    press(Qt::Key_Left);                                     // stem.conv, asked for
    REQUIRE(ui_testing::StressUser(w.window).drop(*model));  // g = 3 again, its result to come
    REQUIRE(w.session().config() == fashionConfig(3));
    press(Qt::Key_Right);
    CHECK(w.session().requestedStep() == QLatin1String("stem.bn"));
    w.idle();
    CHECK(w.session().requestedStep() == QLatin1String("stem.bn"));
    CHECK(w.session().snapshot()->step(w.session().selectedStep()).name == "stem.bn");
}
