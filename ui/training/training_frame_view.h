#pragma once
// The Train panel's picture of learning: the chosen image, the first channels (as many as fit,
// up to 16) of a few steps
// through the network (the stem and the end of each stage), and the top-3 prediction, redrawn
// with every TrainingFrame. Channels share one colour range per step (viridis), so a step's maps
// can be compared with each other as they sharpen from noise into edges and parts.

#include <QImage>
#include <QWidget>
#include <vector>

#include "training/training_job.h"

namespace shufflescope::ui {

class TrainingFrameView : public QWidget {
    Q_OBJECT
  public:
    explicit TrainingFrameView(QWidget* parent = nullptr);
    void setFrame(TrainingFramePtr frame);
    void clear();
    void setFontScale(double scale);
    // The steps shown (names), for tests.
    const std::vector<QString>& shownSteps() const { return stepNames_; }
    int framesShown() const { return framesShown_; }

    QSize sizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    struct Row {
        QString title;
        std::vector<QImage> channels;
    };
    TrainingFramePtr frame_;
    std::vector<QString> stepNames_;
    std::vector<Row> rows_;
    QImage input_;
    double fontScale_ = 1.0;
    int framesShown_ = 0;
};

}  // namespace shufflescope::ui
