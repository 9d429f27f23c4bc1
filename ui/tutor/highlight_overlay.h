#pragma once
// The outline a lesson step draws around the part of the window it talks about (the g buttons,
// the cost panel, ...): a transparent layer over the whole window that never takes a click, so
// the student can use what is outlined. It follows the widgets as docks move and the window
// resizes.

#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace shufflescope::ui {

class HighlightOverlay : public QWidget {
    Q_OBJECT
  public:
    explicit HighlightOverlay(QWidget* window);
    // Outlines each target: one rectangle around the widgets of a target together (the eight g
    // buttons are one target). Hidden widgets are skipped; empty: nothing.
    void setTargets(const QList<QList<QWidget*>>& targets);
    // The outlined rectangles in the window's coordinates, for tests.
    QList<QRect> outlinedRects() const;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    QList<QList<QPointer<QWidget>>> targets_;
    QTimer follow_;
};

}  // namespace shufflescope::ui
