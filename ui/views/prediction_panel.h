#pragma once
// Prediction: the top-5 classes with probability bars (Fashion-MNIST names, or class indices for
// an ImageNet model), the forward-pass time, and an "untrained" badge when the weights are random;
// a trained checkpoint's test accuracy (from its metadata) under the badge.

#include <QWidget>
#include <optional>

#include "session/snapshot.h"

namespace shufflescope::ui {

class PredictionPanel : public QWidget {
    Q_OBJECT
  public:
    explicit PredictionPanel(QWidget* parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot);
    // The fast path's time on the snapshot's input; nullopt: not measured yet (no line).
    void setForwardTime(const std::optional<ForwardTime>& time);
    void setFontScale(double scale);
    QSize sizeHint() const override;

    struct Entry {
        QString label;
        float probability;
    };
    // What is drawn, best first (tests compare it with the core's softmax).
    const std::vector<Entry>& entries() const { return entries_; }
    // The line under the badge: the checkpoint's recorded test accuracy, or why there is none.
    QString qualityLine() const;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    QFont paintFont() const;  // the window's family at 10 pt times the font scale
    int lineHeight() const;

    SnapshotPtr snapshot_;
    std::optional<ForwardTime> forwardTime_;
    std::vector<Entry> entries_;
    double fontScale_ = 1.0;
};

}  // namespace shufflescope::ui
