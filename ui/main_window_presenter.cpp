// The window's side of presenter mode (F5): hides every control but the views, enlarges the text,
// shows the step's cost badge and the caption, and gives everything back on leaving. The pieces
// that need no window are in presenter/ (the badge's text, the palette, the pointer's circle).

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

#include "main_window.h"
#include "presenter/pointer_highlight.h"
#include "presenter/presenter_banner.h"
#include "presenter/presenter_mode.h"
#include "presenter/presenter_text.h"
#include "tutor/lesson_runner.h"
#include "views/operation/operation_view.h"

namespace shufflescope::ui {

void MainWindow::setPresenterMode(bool on) {
    if (on == presenterMode()) return;
    if (!on) {
        const PresenterRestore saved = *presenterRestore_;
        presenterRestore_.reset();
        restoreAfterPresenter(saved);
        if (lessonRunner_->running()) lessonDock_->show();  // opened while presenting
        action(QStringLiteral("view.presenter"))->setChecked(false);
        refreshLessonKeys();
        return;
    }
    auto saved = std::make_unique<PresenterRestore>();
    saved->windowState = saveState();
    saved->geometry = geometry();
    saved->states = windowState();
    saved->fontScale = fontScale_;
    saved->panelMode = panelMode_;
    saved->panelFit = lastFit_;
    saved->split = centreSplit_->sizes();
    saved->tab = centreTabs_->currentWidget();
    saved->menuBar = !menuBar()->isHidden();
    saved->statusBar = !statusBar()->isHidden();
    saved->focus = QApplication::focusWidget();
    presenterRestore_ = std::move(saved);

    // The operation view or the channel flow, and the feature maps: nothing else.
    if (centreTabs_->currentWidget() == trainTab_) centreTabs_->setCurrentWidget(operation_);
    panelMode_ = SidePanelMode::Hidden;  // and they stay hidden however the window resizes
    fitSidePanels();
    menuBar()->hide();
    statusBar()->hide();
    lessonDock_->hide();  // the lesson's text is the caption
    controlsBar_->hide();
    playbackBar_->hide();
    centreTabs_->tabBar()->hide();
    applyTheme(theme_);  // with presenterMode() true: the high-contrast palette
    presenterBanner_->show();
    if (presenterFullScreen_) {
        showFullScreen();
        // Without a window manager (a kiosk, a bare X session) nothing makes the window full
        // screen: size it to the screen ourselves when the window system has not.
        QTimer::singleShot(200, this, [this] {
            if (presenterMode() && isFullScreen() && size() != screen()->size())
                setGeometry(screen()->geometry());
        });
    }
    const QSize screenSize = presenterFullScreen_ ? screen()->size() : size();
    setFontScale(presenterFontScale(screenSize, fontScale_));
    pointerHighlight_->setActive(true);
    refreshPresenter();
    // The keys are the window's shortcuts: the focus only has to stay inside the window, on a
    // view rather than on a control that has just been hidden.
    centreTabs_->currentWidget()->setFocus(Qt::OtherFocusReason);
    action(QStringLiteral("view.presenter"))->setChecked(true);
    refreshLessonKeys();
}

void MainWindow::restoreAfterPresenter(const PresenterRestore& saved) {
    pointerHighlight_->setActive(false);
    presenterBanner_->hide();
    presenterCaptionLabel_->hide();
    centreTabs_->tabBar()->show();
    applyTheme(theme_);  // the theme's own palette again
    if (saved.states & Qt::WindowFullScreen)
        showFullScreen();
    else if (saved.states & Qt::WindowMaximized)
        showMaximized();
    else
        showNormal();
    if (!(saved.states & (Qt::WindowFullScreen | Qt::WindowMaximized))) setGeometry(saved.geometry);
    panelMode_ = saved.panelMode;
    setFontScale(saved.fontScale);
    // Shown after the text size is back: a bar sizes itself for its font when it is shown (the
    // status bar, shown first, kept the presenter's height).
    menuBar()->setVisible(saved.menuBar);
    statusBar()->setVisible(saved.statusBar);
    if (saved.tab) centreTabs_->setCurrentWidget(saved.tab);
    const auto putBack = [this, saved] {
        if (presenterMode()) return;  // F5 again meanwhile: that one wins
        // Every layout the text size and the bars changed, done now rather than later (a late
        // one refitted the docks after they had been put back).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        // Docks and toolbars with their sizes, and the centre split, as the teacher left them.
        lastFit_ = saved.panelFit;
        restoreState(saved.windowState);
        centreSplit_->setSizes(saved.split);
    };
    putBack();
    // Again when the window has its old size back (the window system answers later, and the
    // docks and the split are laid out for the size they are restored into): on the next resize
    // (resizeEvent), and after a moment in case no resize comes.
    restoreOnResize_ = putBack;
    QTimer::singleShot(0, this, putBack);
    QTimer::singleShot(300, this, [this, putBack] {
        putBack();
        restoreOnResize_ = nullptr;
    });
    // The focus where it was (the step tree, say), else on the view.
    if (saved.focus && saved.focus->isVisible())
        saved.focus->setFocus(Qt::OtherFocusReason);
    else
        centreTabs_->currentWidget()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::setPresenterCaption(const QString& text) {
    presenterCaption_ = text;
    refreshPresenter();
}

void MainWindow::refreshPresenter() {
    if (!presenterBanner_) return;  // before the views are built
    const double scale = fontScale_;
    presenterBanner_->setFontScale(scale);
    pointerHighlight_->setRadius(int(30 * scale));
    QFont captionFont = font();
    captionFont.setPointSizeF(10.0 * scale * 1.2);
    presenterCaptionLabel_->setFont(captionFont);
    const int margin = int(10 * scale);
    presenterCaptionLabel_->setContentsMargins(margin * 2, margin, margin * 2, margin);
    presenterCaptionLabel_->setText(presenterCaption_);
    presenterCaptionLabel_->setVisible(presenterMode() && !presenterCaption_.isEmpty());
    if (const SnapshotPtr s = session_->snapshot())
        presenterBanner_->setFacts(presenterFacts(*s, session_->selectedStep()));
}

}  // namespace shufflescope::ui
