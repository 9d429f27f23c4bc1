#include "presenter/pointer_highlight.h"

#include <QCursor>
#include <QEvent>
#include <QPainter>
#include <QRadialGradient>

namespace shufflescope::ui {

PointerHighlight::PointerHighlight(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("PointerHighlight"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
    parent->installEventFilter(this);  // keeps covering the parent as it resizes
    timer_.setInterval(16);            // about the display's rate; cheap when nothing moves
    connect(&timer_, &QTimer::timeout, this, &PointerHighlight::follow);
}

void PointerHighlight::setActive(bool on) {
    if (on) {
        setGeometry(parentWidget()->rect());
        show();
        raise();
        timer_.start();
        follow();
    } else {
        timer_.stop();
        centre_.reset();
        hide();
    }
}

void PointerHighlight::setRadius(int radius) {
    radius_ = radius;
    update();
}

bool PointerHighlight::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

QRect PointerHighlight::circleRect(QPoint centre) const {
    return {centre.x() - radius_ - 1, centre.y() - radius_ - 1, 2 * radius_ + 2, 2 * radius_ + 2};
}

void PointerHighlight::follow() {
    const QPoint local = mapFromGlobal(QCursor::pos());
    const std::optional<QPoint> next =
        rect().contains(local) ? std::optional<QPoint>(local) : std::nullopt;
    if (next == centre_) return;
    if (centre_) update(circleRect(*centre_));
    centre_ = next;
    if (centre_) {
        raise();  // above a view that was shown since
        update(circleRect(*centre_));
    }
}

void PointerHighlight::paintEvent(QPaintEvent*) {
    if (!centre_) return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // Warm yellow, strongest at the centre, fading to nothing: visible on light and dark themes
    // and on the viridis feature maps, and the detail under it stays readable.
    QRadialGradient glow(*centre_, radius_);
    glow.setColorAt(0.0, QColor(255, 200, 0, 110));
    glow.setColorAt(0.6, QColor(255, 200, 0, 70));
    glow.setColorAt(1.0, QColor(255, 200, 0, 0));
    p.setPen(Qt::NoPen);
    p.setBrush(glow);
    p.drawEllipse(*centre_, radius_, radius_);
}

}  // namespace shufflescope::ui
