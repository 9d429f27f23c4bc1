// Presenter mode (F5) as a teacher uses it on a projector: every control hidden, the views filling
// the screen, the step's MACs (the engine's) as a badge, the keys still acting wherever the focus
// lands, and Esc giving the teacher's own layout back exactly. Keys go to
// QApplication::focusWidget(), as a real keyboard sends them.

#include <catch2/catch.hpp>

#include <QCursor>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTest>
#include <QToolBar>

#include "canvas/feature_map_canvas.h"
#include "main_window.h"
#include "presenter/pointer_highlight.h"
#include "presenter/presenter_banner.h"
#include "presenter/presenter_text.h"
#include "shown_main_window.h"
#include "shufflescope/analysis/cost.h"
#include "support/model_configs.h"
#include "text/number_format.h"
#include "ui_test_support.h"
#include "views/operation/operation_view.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using testing_support::fashionConfig;
using ui_testing::settle;
using ui_testing::waitFor;

namespace {

struct ActiveWindow : ui_testing::ShownMainWindow {
    explicit ActiveWindow(QSize size = {1400, 900}) {
        window.resize(size);
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window, ui_testing::kExposeTimeoutMs));
        session().setConfig(fashionConfig(3));
        idle();
        REQUIRE_FALSE(window.applyScene({.step = "stages.1.1.pw1"}));
        idle();
        settle(100);
    }
};

QWidget* press(Qt::Key key) {
    QWidget* focused = QApplication::focusWidget();
    REQUIRE(focused != nullptr);
    QTest::keyClick(focused, key);
    return focused;
}

// The MACs of step `name` of `config`, from the engine directly, as the badge must say them.
QString engineMacs(const ModelConfig& config, const QString& name) {
    const Network network = Network::build(config);
    const auto index = network.findStep(name.toStdString());
    REQUIRE(index);
    return formatMacsWithUnit(computeCost(network).steps[std::size_t(*index)].macs);
}

QList<QWidget*> controls(MainWindow& window) {
    QList<QWidget*> all = {window.menuBar(), window.statusBar()};
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) all << dock;
    for (QToolBar* bar : window.findChildren<QToolBar*>()) all << bar;
    for (QTabBar* tabs : window.findChildren<QTabBar*>()) all << tabs;
    return all;
}

struct Layout {
    QList<std::pair<QString, QSize>> docks;
    QList<bool> visible;
    QList<QRect> bars;  // menu bar, status bar, toolbars: where they are
    QList<int> split;
    double fontScale;
    QSize size;
};

Layout layoutOf(MainWindow& window) {
    Layout l;
    // A hidden dock's size is whatever it last had (the Lesson dock before a lesson opens).
    for (QDockWidget* dock : window.findChildren<QDockWidget*>())
        if (dock->isVisible()) l.docks.append({dock->objectName(), dock->size()});
    for (QWidget* w : controls(window)) l.visible << w->isVisible();
    for (QWidget* w : controls(window))
        if (!qobject_cast<QDockWidget*>(w) && !qobject_cast<QTabBar*>(w)) l.bars << w->geometry();
    l.split = window.findChild<QSplitter*>()->sizes();
    l.fontScale = window.fontScale();
    l.size = window.size();
    return l;
}

bool operator==(const Layout& a, const Layout& b) {
    return a.docks == b.docks && a.visible == b.visible && a.split == b.split && a.bars == b.bars &&
           a.fontScale == b.fontScale && a.size == b.size;
}

// The layout once it has stopped changing (a text size change relays the window out in steps,
// slower on a loaded machine).
Layout settledLayout(MainWindow& window) {
    Layout last = layoutOf(window);
    for (int i = 0; i < 20; ++i) {
        settle(150);
        const Layout now = layoutOf(window);
        if (now == last) return now;
        last = now;
    }
    return last;
}

QString describe(const Layout& l) {
    QStringList parts;
    for (const auto& [name, size] : l.docks)
        parts << QStringLiteral("%1 %2x%3").arg(name).arg(size.width()).arg(size.height());
    parts << QStringLiteral("split %1/%2").arg(l.split.value(0)).arg(l.split.value(1));
    for (const QRect& r : l.bars)
        parts << QStringLiteral("bar %1,%2 %3x%4")
                     .arg(r.x())
                     .arg(r.y())
                     .arg(r.width())
                     .arg(r.height());
    return parts.join(QStringLiteral(", "));
}

}  // namespace

TEST_CASE("presenter mode at 1280x720 hides every control and gives the views the screen",
          "[presenter]") {
    ActiveWindow w({1280, 720});
    w.window.setPresenterUsesFullScreen(false);  // the virtual screen is larger than a projector
    REQUIRE(w.window.size() == QSize(1280, 720));
    w.window.setPresenterMode(true);
    settle(300);
    CHECK(w.window.presenterMode());
    for (QWidget* control : controls(w.window)) {
        CAPTURE(control->objectName().toStdString(), control->metaObject()->className());
        CHECK_FALSE(control->isVisible());
    }
    // The operation view and the feature maps fill the window's width and nearly all its height.
    QWidget* op = w.window.operationView();
    QWidget* maps = w.window.canvas();
    REQUIRE(op->isVisible());
    REQUIRE(maps->isVisible());
    CHECK(op->width() >= w.window.width() - 12);
    CHECK(maps->width() >= w.window.width() - 12);
    const int viewsHeight = op->height() + maps->height();
    const int bannerHeight = w.window.presenterBanner()->height();
    CAPTURE(viewsHeight, bannerHeight);
    CHECK(viewsHeight >= int(w.window.height() * 0.75));
    CHECK(bannerHeight <= int(w.window.height() * 0.2));
    // Large type: above the teacher's 1x.
    CHECK(w.window.fontScale() >= 1.4);
}

TEST_CASE("the presenter's badge shows the engine's MACs for the step, and follows it",
          "[presenter]") {
    ActiveWindow w;
    w.window.setPresenterUsesFullScreen(false);
    w.window.setPresenterMode(true);
    settle(200);
    PresenterBanner* banner = w.window.presenterBanner();
    REQUIRE(banner->isVisible());
    CHECK(banner->facts().macs == engineMacs(fashionConfig(3), QStringLiteral("stages.1.1.pw1")));
    CHECK(banner->facts().comparison.contains(QStringLiteral("dense")));
    CHECK(banner->facts().configuration.startsWith(
        QStringLiteral("stages.1.1.pw1 \u00b7 g = 3 \u00b7 shuffle on")));
    CHECK(banner->rect().contains(banner->badgeRect()));

    REQUIRE_FALSE(w.window.applyScene({.groups = 8, .step = "stages.2.2.pw2"}));
    w.idle();
    settle(100);
    CHECK(banner->facts().macs == engineMacs(fashionConfig(8), QStringLiteral("stages.2.2.pw2")));
    CHECK(banner->facts().configuration.contains(QStringLiteral("g = 8")));
}

TEST_CASE("in presenter mode the focused widget passes arrows, 8 and S to the app", "[presenter]") {
    ActiveWindow w({1280, 720});
    w.window.setPresenterUsesFullScreen(false);
    press(Qt::Key_F5);
    settle(200);
    REQUIRE(w.window.presenterMode());
    QWidget* focused = QApplication::focusWidget();
    REQUIRE(focused);
    CHECK(focused->window() == &w.window);
    CHECK(focused->isVisible());

    const int before = w.session().selectedStep();
    press(Qt::Key_Right);
    w.idle();
    CHECK(w.session().selectedStep() == before + 1);
    press(Qt::Key_8);
    w.idle();
    CHECK(w.session().snapshot()->config().groups == 8);
    press(Qt::Key_S);
    w.idle();
    CHECK_FALSE(w.session().snapshot()->config().shuffle);
    settle(100);
    CHECK(w.window.presenterBanner()->facts().configuration.contains(
        QStringLiteral("g = 8 \u00b7 shuffle off")));
    // A click on a view moves the focus there; the keys still act.
    QTest::mouseClick(w.window.operationView(), Qt::LeftButton, Qt::NoModifier, {10, 10});
    settle(50);
    press(Qt::Key_Left);
    w.idle();
    CHECK(w.session().selectedStep() == before);
    CHECK(w.window.presenterMode());
    press(Qt::Key_F5);  // F5 toggles
    settle(200);
    CHECK_FALSE(w.window.presenterMode());
}

TEST_CASE("Esc leaves presenter mode and the layout, docks, toolbars and text size come back",
          "[presenter]") {
    ActiveWindow w;
    w.window.setFontScale(1.2);
    const Layout before = settledLayout(w.window);
    // The side panels are up (the Lesson dock opens with a lesson; it is compared below too).
    for (QDockWidget* dock : w.window.findChildren<QDockWidget*>())
        if (dock->objectName() != QLatin1String("LessonDock")) REQUIRE(dock->isVisible());

    press(Qt::Key_F5);
    REQUIRE(waitFor([&] { return w.window.isFullScreen(); }, 5000));
    settle(300);
    CHECK(w.window.presenterMode());
    for (QDockWidget* dock : w.window.findChildren<QDockWidget*>()) CHECK_FALSE(dock->isVisible());

    // Esc leaves presenter mode first, even with a channel selected.
    REQUIRE_FALSE(w.window.applyScene({.channel = 2}));
    press(Qt::Key_Escape);
    REQUIRE(waitFor([&] { return !w.window.isFullScreen(); }, 5000));
    CHECK_FALSE(w.window.presenterMode());
    CHECK(w.window.scene().channel == 2);
    const Layout after = settledLayout(w.window);
    CAPTURE(describe(before).toStdString(), describe(after).toStdString());
    CHECK(after.size == before.size);
    CHECK(after.fontScale == before.fontScale);
    CHECK(after.visible == before.visible);
    CHECK(after.docks == before.docks);
    CHECK(after.split == before.split);
    // Not presenting, Esc is what it was: the channel is cleared.
    press(Qt::Key_Escape);
    w.idle();
    CHECK(w.window.scene().channel == -1);
}

TEST_CASE("the caption shows a lesson's text in presenter mode only, and none when empty",
          "[presenter]") {
    ActiveWindow w;
    w.window.setPresenterUsesFullScreen(false);
    auto* caption = w.window.findChild<QLabel*>(QStringLiteral("PresenterCaption"));
    REQUIRE(caption);
    w.window.setPresenterCaption(QStringLiteral("Each group reads only its own channels."));
    CHECK_FALSE(caption->isVisible());
    w.window.setPresenterMode(true);
    settle(100);
    CHECK(caption->isVisible());
    CHECK(caption->text() == QStringLiteral("Each group reads only its own channels."));
    w.window.setPresenterCaption(QString());
    CHECK_FALSE(caption->isVisible());
    w.window.setPresenterCaption(QStringLiteral("Next: the shuffle."));
    CHECK(caption->isVisible());
    w.window.setPresenterMode(false);
    CHECK_FALSE(caption->isVisible());
}

TEST_CASE("a soft circle follows the pointer over the views in presenter mode", "[presenter]") {
    ActiveWindow w;
    w.window.setPresenterUsesFullScreen(false);
    PointerHighlight* pointer = w.window.pointerHighlight();
    CHECK_FALSE(pointer->isVisible());
    w.window.setPresenterMode(true);
    settle(100);
    CHECK(pointer->isVisible());
    CHECK(pointer->testAttribute(Qt::WA_TransparentForMouseEvents));  // clicks go through
    QWidget* op = w.window.operationView();
    const QPoint target = op->mapToGlobal(op->rect().center());
    QCursor::setPos(target);
    // The X server moves the pointer when it gets to it: wait until the circle is there.
    CHECK(waitFor(
        [&] {
            const auto centre = pointer->centre();
            return centre && (pointer->mapToGlobal(*centre) - target).manhattanLength() <= 2;
        },
        5000));
    w.window.setPresenterMode(false);
    CHECK_FALSE(pointer->isVisible());
}
