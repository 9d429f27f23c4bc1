#include "views/prediction_panel.h"

#include <QLocale>
#include <QPainter>
#include <algorithm>
#include <numeric>

#include "style/palette.h"
#include "text/engine_text.h"

namespace shufflescope::ui {

namespace {
constexpr int kTop = 5;
}

PredictionPanel::PredictionPanel(QWidget* parent) : QWidget(parent) {
    setToolTip(tr("The network's five most likely classes for this input"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void PredictionPanel::setFontScale(double scale) {
    fontScale_ = scale;
    setFixedHeight(sizeHint().height());
    updateGeometry();
    update();
}

QFont PredictionPanel::paintFont() const {
    QFont f = font();
    f.setPointSizeF(10.0 * fontScale_);
    return f;
}

int PredictionPanel::lineHeight() const {
    return QFontMetrics(paintFont()).height() + int(6 * fontScale_);
}

// The badge line, the accuracy line, the top classes and the forward-pass line, 4 px above and
// below. Measured with the font paintEvent draws with (the widget's own font is the window's,
// already scaled: scaling its height again left a blank band under the panel that pushed the cost
// chart out of view).
QSize PredictionPanel::sizeHint() const {
    return {int(320 * fontScale_), (3 + kTop) * lineHeight() + 8};
}

QString PredictionPanel::qualityLine() const {
    if (!snapshot_) return {};
    if (!snapshot_->trained) return tr("Random weights: the guesses mean nothing");
    if (!snapshot_->testAccuracy) return tr("Test accuracy: not recorded in this checkpoint");
    const double percent = 100.0 * *snapshot_->testAccuracy;
    if (snapshot_->testImages > 0)
        return tr("Test accuracy %1% on %2 test images")
            .arg(percent, 0, 'f', 2)
            .arg(QLocale().toString(snapshot_->testImages));
    return tr("Test accuracy %1%").arg(percent, 0, 'f', 2);
}

void PredictionPanel::setSnapshot(SnapshotPtr snapshot) {
    snapshot_ = std::move(snapshot);
    entries_.clear();
    if (snapshot_) {
        const auto& p = snapshot_->probabilities;
        std::vector<int> order(p.size());
        std::iota(order.begin(), order.end(), 0);
        const int top = std::min<int>(kTop, int(order.size()));
        std::partial_sort(order.begin(), order.begin() + top, order.end(),
                          [&](int a, int b) { return p[std::size_t(a)] > p[std::size_t(b)]; });
        for (int k = 0; k < top; ++k) {
            const int c = order[std::size_t(k)];
            entries_.push_back({displayClassLabel(snapshot_->config(), c), p[std::size_t(c)]});
        }
    }
    update();
}

void PredictionPanel::setForwardTime(const std::optional<ForwardTime>& time) {
    if (time.has_value() == forwardTime_.has_value() &&
        (!time ||
         (time->milliseconds == forwardTime_->milliseconds && time->runs == forwardTime_->runs)))
        return;
    forwardTime_ = time;
    update();
}

void PredictionPanel::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFont font = paintFont();
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const int line = lineHeight();
    const QColor text = palette().color(QPalette::WindowText);
    if (!snapshot_) {
        painter.setPen(text);
        painter.drawText(rect(), Qt::AlignCenter, tr("Computing\u2026"));
        return;
    }
    int y = 4;
    // Badge: honest about random weights.
    QFont bold = font;
    bold.setBold(true);
    painter.setFont(bold);
    const QString badge = snapshot_->trained ? tr("trained") : tr("untrained");
    const QRect badgeRect(4, y, QFontMetrics(bold).horizontalAdvance(badge) + 16, line - 4);
    painter.setPen(Qt::NoPen);
    painter.setBrush(snapshot_->trained ? groupColor(2) : groupColor(5));
    painter.drawRoundedRect(badgeRect, 6, 6);
    painter.setPen(Qt::white);
    painter.drawText(badgeRect, Qt::AlignCenter, badge);
    painter.setFont(font);
    painter.setPen(text);
    painter.drawText(QRect(badgeRect.right() + 10, y, width() - badgeRect.right() - 14, line - 4),
                     Qt::AlignVCenter | Qt::AlignLeft,
                     metrics.elidedText(snapshot_->weightsDescription, Qt::ElideMiddle,
                                        width() - badgeRect.right() - 14));
    y += line;
    // How far to trust the bars: the checkpoint's own test accuracy, or a warning for random
    // weights.
    painter.drawText(QRect(4, y, width() - 8, line), Qt::AlignVCenter | Qt::AlignLeft,
                     metrics.elidedText(qualityLine(), Qt::ElideRight, width() - 8));
    y += line;

    const int labelWidth =
        std::min(width() / 2, metrics.horizontalAdvance(QStringLiteral("Ankle boot  ")) + 8);
    for (const Entry& e : entries_) {
        painter.setPen(text);
        painter.drawText(QRect(4, y, labelWidth, line), Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(e.label, Qt::ElideRight, labelWidth - 4));
        const QRect track(labelWidth + 4, y + 4, width() - labelWidth - 12, line - 8);
        painter.setPen(Qt::NoPen);
        QColor trackColor = text;
        trackColor.setAlpha(30);
        painter.setBrush(trackColor);
        painter.drawRoundedRect(track, 3, 3);
        painter.setBrush(palette().color(QPalette::Highlight));
        painter.drawRoundedRect(
            QRect(track.left(), track.top(), std::max(2, int(track.width() * e.probability)),
                  track.height()),
            3, 3);
        painter.setPen(text);
        painter.drawText(track.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight,
                         QStringLiteral("%1%").arg(100.0 * e.probability, 0, 'f', 1));
        y += line;
    }
    if (!forwardTime_) return;  // measured moments after the snapshot is shown
    painter.setPen(text);
    painter.drawText(QRect(4, y, width() - 8, line), Qt::AlignVCenter | Qt::AlignLeft,
                     forwardTime_->runs > 1
                         ? tr("Forward pass: %1 ms, median of %2")
                               .arg(forwardTime_->milliseconds, 0, 'f', 2)
                               .arg(forwardTime_->runs)
                         : tr("Forward pass: %1 ms").arg(forwardTime_->milliseconds, 0, 'f', 2));
}

}  // namespace shufflescope::ui
