#include "tutor/highlight_overlay.h"

#include <QPainter>
#include <QPainterPath>

namespace shufflescope::ui {

HighlightOverlay::HighlightOverlay(QWidget* window) : QWidget(window) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    // Docks move and the window resizes without telling this layer: it looks again five times a
    // second while it outlines something (nothing to do otherwise).
    follow_.setInterval(200);
    connect(&follow_, &QTimer::timeout, this, [this] {
        setGeometry(parentWidget()->rect());
        raise();
        update();
    });
    hide();
}

void HighlightOverlay::setTargets(const QList<QList<QWidget*>>& targets) {
    targets_.clear();
    for (const QList<QWidget*>& target : targets) {
        QList<QPointer<QWidget>> widgets;
        for (QWidget* w : target)
            if (w) widgets.append(w);
        if (!widgets.isEmpty()) targets_.append(widgets);
    }
    setGeometry(parentWidget()->rect());
    setVisible(!targets_.isEmpty());
    if (targets_.isEmpty())
        follow_.stop();
    else
        follow_.start();
    raise();
    update();
}

QList<QRect> HighlightOverlay::outlinedRects() const {
    QList<QRect> rects;
    for (const auto& target : targets_) {
        QRect united;
        // Only the part on screen: a panel scrolled inside its dock would otherwise be outlined
        // where it would be unscrolled, across whatever is really there.
        for (const QPointer<QWidget>& w : target)
            if (w && w->isVisible()) {
                const QRect shown = w->visibleRegion().boundingRect();
                if (!shown.isEmpty())
                    united |= shown.translated(w->mapTo(parentWidget(), QPoint(0, 0)));
            }
        if (!united.isEmpty()) rects.append(united.adjusted(-4, -4, 4, 4));
    }
    return rects;
}

void HighlightOverlay::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    // An orange a colour-blind student still tells from the views' blues and greens, with a dark
    // edge so it shows on light and dark themes alike.
    for (const QRect& r : outlinedRects()) {
        painter.setPen(QPen(QColor(0, 0, 0, 140), 6));
        painter.drawRoundedRect(r, 6, 6);
        painter.setPen(QPen(QColor(0xff, 0x9f, 0x1c), 3));
        painter.drawRoundedRect(r, 6, 6);
    }
}

}  // namespace shufflescope::ui
