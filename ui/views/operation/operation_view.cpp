#include "views/operation/operation_view.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "views/operation/channel_shuffle_painter.h"
#include "views/operation/depthwise_conv_painter.h"
#include "views/operation/merge_painter.h"
#include "views/operation/pointwise_conv_painter.h"
#include "views/operation/simple_step_painter.h"

namespace shufflescope::ui {

OperationView::OperationView(QWidget* parent)
    : QWidget(parent),
      pointwise_(std::make_unique<PointwiseConvPainter>()),
      shuffle_(std::make_unique<ChannelShufflePainter>()),
      depthwise_(std::make_unique<DepthwiseConvPainter>()),
      merge_(std::make_unique<MergePainter>()),
      simple_(std::make_unique<SimpleStepPainter>()) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    // Linear in time: each painter eases its own phases (geometry::phaseProgress).
    animation_.setStartValue(0.0);
    animation_.setEndValue(1.0);
    animation_.setEasingCurve(QEasingCurve::Linear);
    connect(&animation_, &QVariantAnimation::valueChanged, this, [this](const QVariant& value) {
        progress_ = value.toDouble();
        update();
    });
    connect(&animation_, &QVariantAnimation::finished, this, &OperationView::animationFinished);
}

OperationView::~OperationView() = default;

const OperationPainter* OperationView::painterFor(StepKind kind) const {
    switch (kind) {
        case StepKind::PointwiseConv:
            return pointwise_.get();
        case StepKind::ChannelShuffle:
            return shuffle_.get();
        case StepKind::DepthwiseConv:
            return depthwise_.get();
        case StepKind::Add:
        case StepKind::Concat:
        case StepKind::AvgPool:
            return merge_.get();
        default:
            return simple_.get();
    }
}

// [SECTION] State

void OperationView::setSnapshot(SnapshotPtr snapshot, int step) {
    const bool restart =
        !snapshot_ || !snapshot || step != step_ || !(snapshot_->config() == snapshot->config());
    snapshot_ = std::move(snapshot);
    step_ = snapshot_ ? std::clamp(step, 0, snapshot_->network->stepCount() - 1) : 0;
    if (snapshot_ && (selectedChannel_ >= snapshot_->step(step_).out.channels))
        selectedChannel_ = -1;
    if (restart) restartAnimation();
    update();
}

void OperationView::setSelectedChannel(int channel) {
    if (channel == selectedChannel_) return;
    selectedChannel_ = channel;
    update();
}

void OperationView::setShowDenseGhost(bool on) {
    if (on == showDenseGhost_) return;
    showDenseGhost_ = on;
    update();
}

void OperationView::setFontScale(double scale) {
    fontScale_ = std::clamp(scale, 0.5, 3.0);
    update();
}

void OperationView::replayAnimation() {
    restartAnimation();
}

double OperationView::animationProgress() const {
    return progress_;
}

void OperationView::setAnimationEnabled(bool on) {
    animationEnabled_ = on;
    if (!on) {
        animation_.stop();
        progress_ = 1.0;
        update();
    }
}

void OperationView::setAnimationProgress(double progress) {
    animation_.stop();
    progress_ = std::clamp(progress, 0.0, 1.0);
    update();
}

int OperationView::animationDurationMs() const {
    return snapshot_ ? painterFor(snapshot_->step(step_).kind)->durationMs() : 0;
}

void OperationView::setAnimationSpeed(double factor) {
    speed_ = std::clamp(factor, 0.1, 10.0);
}

void OperationView::restartAnimation() {
    animation_.stop();
    if (!animationEnabled_ || !snapshot_) {
        progress_ = 1.0;
        update();
        return;
    }
    const OperationPainter* painter = painterFor(snapshot_->step(step_).kind);
    animation_.setDuration(std::max(1, static_cast<int>(painter->durationMs() / speed_)));
    progress_ = 0.0;
    animation_.start();
}

// [SECTION] Events

void OperationView::setPending(const QString& text) {
    if (text == pending_) return;
    pending_ = text;
    update();
}

void OperationView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintContent(painter);
    paintPendingVeil(painter, rect(), pending_, Theme::from(palette()),
                     fittedFontScale(fontScale_, size()));
}

void OperationView::paintContent(QPainter& painter) {
    const Theme theme = Theme::from(palette());
    painter.fillRect(rect(), theme.background);
    hits_.clear();
    // Projector text on a small view: everything shrinks together (fittedFontScale).
    const double scale = fittedFontScale(fontScale_, size());
    const double margin = 14.0 * scale;
    const QRectF area = QRectF(rect()).adjusted(margin, margin * 0.8, -margin, -margin * 0.8);
    if (!snapshot_) {
        QFont font;
        font.setPixelSize(static_cast<int>(20 * scale));
        drawWrapped(painter, area, tr("No network yet: the first forward pass is running."), font,
                    theme.dimText, Qt::AlignCenter);
        return;
    }
    const PaintContext ctx{.snapshot = *snapshot_,
                           .step = step_,
                           .progress = progress_,
                           .selectedChannel = selectedChannel_,
                           .showDenseGhost = showDenseGhost_,
                           .fontScale = scale,
                           .theme = theme};
    const QRectF body = OperationPainter::paintHeader(painter, area, ctx);
    painterFor(ctx.current().kind)->paint(painter, body, ctx, hits_);
}

void OperationView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !snapshot_) return QWidget::mousePressEvent(event);
    const int channel = hits_.channelAt(event->position());
    if (channel >= 0) emit channelClicked(channel);
}

void OperationView::changeEvent(QEvent* event) {
    // Light/dark switch: the theme is read from the palette at paint time.
    if (event->type() == QEvent::PaletteChange) update();
    QWidget::changeEvent(event);
}

}  // namespace shufflescope::ui
