#include "presenter/presenter_banner.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace shufflescope::ui {

namespace {

constexpr double kBasePoints = 10.0;  // the window's text at scale 1 (MainWindow::setFontScale)

}  // namespace

PresenterBanner::PresenterBanner(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("PresenterBanner"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void PresenterBanner::setFacts(const PresenterFacts& facts) {
    facts_ = facts;
    updateGeometry();
    update();
}

void PresenterBanner::setFontScale(double scale) {
    fontScale_ = scale;
    updateGeometry();
    update();
}

QFont PresenterBanner::headlineFont() const {
    QFont f = font();
    f.setPointSizeF(kBasePoints * fontScale_ * 1.9);
    f.setBold(true);
    return f;
}

QFont PresenterBanner::detailFont() const {
    QFont f = font();
    f.setPointSizeF(kBasePoints * fontScale_);
    return f;
}

QFont PresenterBanner::lineFont() const {
    QFont f = font();
    f.setPointSizeF(kBasePoints * fontScale_ * 1.1);
    f.setBold(true);
    return f;
}

QSize PresenterBanner::sizeHint() const {
    const QFontMetrics headline(headlineFont()), detail(detailFont());
    const int padding = int(8 * fontScale_);
    return {640, headline.height() + detail.height() + 3 * padding};
}

QRect PresenterBanner::badgeRect() const {
    const QFontMetrics headline(headlineFont()), detail(detailFont());
    const int padding = int(8 * fontScale_);
    const int wide = std::max(headline.horizontalAdvance(facts_.macs),
                              detail.horizontalAdvance(facts_.comparison)) +
                     4 * padding;
    const int w = std::min(wide, width() * 3 / 5);
    return {width() - w - padding, padding / 2, w, height() - padding};
}

void PresenterBanner::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const int padding = int(8 * fontScale_);

    // The badge: the step's MACs large, grouped vs dense under it.
    const QRect badge = badgeRect();
    QPainterPath shape;
    shape.addRoundedRect(badge, padding, padding);
    p.fillPath(shape, palette().color(QPalette::Highlight));
    p.setPen(palette().color(QPalette::HighlightedText));
    const QFontMetrics headline(headlineFont()), detail(detailFont());
    const QRect inner = badge.adjusted(padding, padding / 2, -padding, -padding / 2);
    p.setFont(headlineFont());
    p.drawText(QRect(inner.left(), inner.top(), inner.width(), headline.height()),
               Qt::AlignHCenter | Qt::AlignVCenter,
               headline.elidedText(facts_.macs, Qt::ElideRight, inner.width()));
    p.setFont(detailFont());
    p.drawText(
        QRect(inner.left(), inner.bottom() - detail.height(), inner.width(), detail.height()),
        Qt::AlignHCenter | Qt::AlignVCenter,
        detail.elidedText(facts_.comparison, Qt::ElideRight, inner.width()));

    // Where the class is, left of the badge, wrapped when the screen is narrow.
    p.setPen(palette().color(QPalette::WindowText));
    p.setFont(lineFont());
    const QRect line(padding * 2, 0, badge.left() - padding * 4, height());
    p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, facts_.configuration);
}

}  // namespace shufflescope::ui
