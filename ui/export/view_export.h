#pragma once
// A view of the window to a PNG (at a scale: 2x for print) or an SVG (Qt SVG's QSvgGenerator: the
// view paints into it as it paints on screen, so lines stay lines and text stays text).
// "A view" is one of the window's panes, by name:
//   operation  the operation view (QPainter)        flow      the channel flow (QPainter)
//   cost       the cost panel and its chart          timeline  the network tree
//   features   the feature-map canvas (also A/B compare), drawn by Dear ImGui with OpenGL: its PNG
//              is the canvas's pixels (enlarged by the scale, not redrawn), its SVG embeds that
//              picture as an image — there is no text in it to keep as text.
//   train      the Train tab
// The view must be on screen (the shown tab, a visible dock): its size is the one it has there.

#include <QString>
#include <QStringList>

class QWidget;

namespace shufflescope::ui {

class MainWindow;

const QStringList& exportableViews();
// The pane to export when none is named: the view last asked for ("cost", "features", a tab) while
// it is on screen, else the centre's tab ("operation", "flow" or "train").
QString shownExportView(const MainWindow& window);
// The pane named `view`, or null with a message naming it when it is unknown or not on screen.
QWidget* exportView(const MainWindow& window, const QString& view, QString* error);

// PNG at `scale` (1..4) times the view's size on screen. False with a message naming the file.
bool exportViewPng(QWidget* view, const QString& path, double scale, QString* error);
// SVG of the view at its size on screen, titled `title`. False with a message naming the file.
bool exportViewSvg(QWidget* view, const QString& path, const QString& title, QString* error);

}  // namespace shufflescope::ui
