#include "training/training_frame_view.h"

#include <QPainter>
#include <algorithm>
#include <numeric>

#include "shufflescope/analysis/colormap.h"
#include "text/engine_text.h"

namespace shufflescope::ui {

namespace {

constexpr int kMaxChannelsPerStep = 16;  // as many as fit the width are drawn
constexpr int kMinChannelsPerStep = 4;
constexpr int kTopClasses = 3;

// The stem's output and the last output of each stage: where a class sees the representation
// grow from strokes to parts.
std::vector<int> stepsToShow(const Network& network) {
    std::vector<int> steps{network.stem().relu};
    for (const UnitSteps& unit : network.units())
        if (unit.unit + 1 == Network::kUnitsPerStage[unit.stage]) steps.push_back(unit.relu);
    return steps;
}

// Channels [0, count) of a [1, C, H, W] tensor as images sharing one colour range.
std::vector<QImage> channelImages(const Tensor& t, int count) {
    const int channels = std::min<int>(count, int(t.dim(1)));
    const int h = int(t.dim(2)), w = int(t.dim(3));
    const float* data = t.data();
    const auto values = int64_t(channels) * h * w;
    const ValueRange range = valueRange(data, values);
    std::vector<QImage> images;
    for (int c = 0; c < channels; ++c) {
        QImage image(w, h, QImage::Format_RGB32);
        for (int y = 0; y < h; ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < w; ++x) {
                const Rgb rgb = colourOf(data[(int64_t(c) * h + y) * w + x], range);
                line[x] = qRgb(rgb[0], rgb[1], rgb[2]);
            }
        }
        images.push_back(std::move(image));
    }
    return images;
}

}  // namespace

TrainingFrameView::TrainingFrameView(QWidget* parent) : QWidget(parent) {
    setToolTip(
        tr("The chosen image through the network being trained, redrawn about once a second: "
           "the first channels of the stem and of each stage's output, and the top-3 prediction"));
    setMinimumHeight(160);
}

QSize TrainingFrameView::sizeHint() const {
    return {int(640 * fontScale_), int(240 * fontScale_)};
}

void TrainingFrameView::setFontScale(double scale) {
    fontScale_ = scale;
    updateGeometry();
    update();
}

void TrainingFrameView::clear() {
    frame_.reset();
    rows_.clear();
    stepNames_.clear();
    input_ = {};
    update();
}

void TrainingFrameView::setFrame(TrainingFramePtr frame) {
    frame_ = std::move(frame);
    rows_.clear();
    stepNames_.clear();
    if (frame_) {
        input_ = channelImages(frame_->outputs.front(), 1).front();
        for (int step : stepsToShow(*frame_->network)) {
            const Step& s = frame_->network->step(step);
            stepNames_.push_back(QString::fromStdString(s.name));
            rows_.push_back(
                {QStringLiteral("%1  %2\u00d7%3\u00d7%4")
                     .arg(QString::fromStdString(s.name))
                     .arg(s.out.channels)
                     .arg(s.out.height)
                     .arg(s.out.width),
                 channelImages(frame_->outputs[std::size_t(step)], kMaxChannelsPerStep)});
        }
        ++framesShown_;
    }
    update();
}

void TrainingFrameView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    QFont font = this->font();
    font.setPointSizeF(9.5 * fontScale_);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const QColor text = palette().color(QPalette::WindowText);
    painter.setPen(text);
    if (!frame_) {
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Start a run to watch the feature maps of the chosen image change as "
                            "the network learns."));
        return;
    }
    const int margin = int(6 * fontScale_);
    const int line = metrics.height();
    // Left: the input and the prediction.
    const int inputSide =
        std::min(height() - 2 * margin - (kTopClasses + 1) * line, int(120 * fontScale_));
    painter.drawText(QRect(margin, margin, inputSide * 2, line), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("After %1 epochs").arg(frame_->position, 0, 'f', 2));
    const QRect inputRect(margin, margin + line, std::max(inputSide, 16), std::max(inputSide, 16));
    painter.drawImage(inputRect, input_);
    std::vector<int> order(frame_->probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    const auto& p = frame_->probabilities;
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return p[std::size_t(a)] > p[std::size_t(b)]; });
    int y = inputRect.bottom() + 4;
    const int leftWidth = std::max(
        inputRect.width(), metrics.horizontalAdvance(QStringLiteral("Ankle boot 100.0%")) + 8);
    for (int k = 0; k < std::min<int>(kTopClasses, int(order.size())); ++k) {
        const int c = order[std::size_t(k)];
        painter.drawText(QRect(margin, y, leftWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("%1 %2%")
                             .arg(displayClassLabel(frame_->network->config(), c))
                             .arg(100.0 * p[std::size_t(c)], 0, 'f', 1));
        y += line;
    }

    // Right: one row per shown step.
    const int left = margin + leftWidth + 2 * margin;
    if (rows_.empty()) return;
    const int rowHeight = (height() - margin) / int(rows_.size());
    const int available = width() - left - margin;
    const int tile =
        std::max(8, std::min(rowHeight - line - 4, available / kMinChannelsPerStep - 4));
    const std::size_t fit = std::size_t(std::max(1, available / (tile + 4)));
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        const int top = margin + int(r) * rowHeight;
        painter.drawText(
            QRect(left, top, width() - left, line), Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(rows_[r].title, Qt::ElideRight, width() - left - margin));
        for (std::size_t c = 0; c < std::min(fit, rows_[r].channels.size()); ++c)
            painter.drawImage(QRect(left + int(c) * (tile + 4), top + line + 2, tile, tile),
                              rows_[r].channels[c]);
    }
}

}  // namespace shufflescope::ui
