#pragma once
// Presenter mode (F5): what it changes in the window and what it gives back. Entering keeps the
// window's layout (docks, toolbars, their sizes), its state (maximised, full screen), the centre
// split and tab, the text size and the focus here; leaving restores every one of them (and the
// theme's own palette), so the teacher's own arrangement comes back exactly.
// MainWindow::setPresenterMode (main_window_presenter.cpp) does the hiding and showing; this file
// holds the pieces that do not need the window's internals.

#include <QByteArray>
#include <QList>
#include <QPalette>
#include <QPointer>
#include <QRect>
#include <QWidget>

#include "layout/side_panels.h"

namespace shufflescope::ui {

struct PresenterRestore {
    QByteArray windowState;  // QMainWindow::saveState: docks and toolbars, their sizes
    QRect geometry;          // the client area (not saveGeometry: it guesses at a frame and,
                             // without a window manager, moved the window down by one)
    Qt::WindowStates states;
    double fontScale = 1.0;
    SidePanelMode panelMode = SidePanelMode::Automatic;
    SidePanelFit panelFit;  // how the panels were last fitted, so they are not refitted on return
    QList<int> split;       // the centre split (operation view / feature maps)
    QWidget* tab = nullptr;
    QPointer<QWidget> focus;  // the widget that had the keyboard focus
    bool menuBar = true, statusBar = true;
};

// The palette for a projector: the theme's colours pushed to full contrast — black on white for
// a light theme, white on black for a dark one — so thin text survives a washed-out projector.
QPalette presenterPalette(const QPalette& theme);

}  // namespace shufflescope::ui
