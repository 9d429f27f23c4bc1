#pragma once
// A soft translucent circle that follows the mouse over the views in presenter mode, so a class
// can see what the teacher points at on a projector (the system cursor is small and thin). It
// lies over the views and lets every click and wheel through; it follows the pointer by reading
// the cursor's position (the views do not all track the mouse, and the canvas is OpenGL).

#include <QPoint>
#include <QTimer>
#include <QWidget>
#include <optional>

namespace shufflescope::ui {

class PointerHighlight : public QWidget {
    Q_OBJECT
  public:
    explicit PointerHighlight(QWidget* parent);
    // Follows the parent's whole area; on: shown and following, off: hidden.
    void setActive(bool on);
    void setRadius(int radius);
    // Where the circle is, in the parent's coordinates (nullopt: the pointer is elsewhere).
    std::optional<QPoint> centre() const { return centre_; }

  protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void follow();
    QRect circleRect(QPoint centre) const;

    QTimer timer_;
    std::optional<QPoint> centre_;
    int radius_ = 40;
};

}  // namespace shufflescope::ui
