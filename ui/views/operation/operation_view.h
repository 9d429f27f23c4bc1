#pragma once
// OperationView: the centre of the window. Shows what the selected step does, animated: picks the
// painter for the step's kind (grouped 1x1 conv, channel shuffle, depthwise 3x3, add / concat,
// or a simple view for the rest), runs a QVariantAnimation from 0 to 1 and lets the painter draw
// that moment. State lives in members; setters call update(); paintEvent only reads.

#include <QVariantAnimation>
#include <QWidget>
#include <memory>

#include "session/snapshot.h"
#include "views/operation/operation_painter.h"

namespace shufflescope::ui {

class OperationView : public QWidget {
    Q_OBJECT
  public:
    explicit OperationView(QWidget* parent = nullptr);
    ~OperationView() override;

    // Restarts the step's animation when the step or the configuration changes; a new input image
    // for the same step only repaints.
    void setSnapshot(SnapshotPtr snapshot, int step);
    void setSelectedChannel(int channel);  // -1 none
    void setShowDenseGhost(bool on);       // grouped conv: ghost in the dense connections it saves
    // Non-empty while a new result is computed: the view veils its old picture and says so.
    void setPending(const QString& text);
    const QString& pending() const { return pending_; }
    void setFontScale(double scale);  // projector: 1.0..2.5
    void replayAnimation();
    double animationProgress() const;   // 0..1, for tests
    void setAnimationEnabled(bool on);  // off: draw the final state at once (screenshots/tests)
    // Stops the animation and shows the moment `progress` (0..1): GIF export frames, screenshots
    // of a phase, tests.
    void setAnimationProgress(double progress);
    // How long the current step's animation runs at the painters' own timing (GIF export).
    int animationDurationMs() const;
    // Slower or faster animations for a class (1 = the painters' own timing).
    void setAnimationSpeed(double factor);

    SnapshotPtr snapshot() const { return snapshot_; }
    int step() const { return step_; }
    int selectedChannel() const { return selectedChannel_; }
    bool showDenseGhost() const { return showDenseGhost_; }
    double fontScale() const { return fontScale_; }

    QSize sizeHint() const override { return {1100, 650}; }
    QSize minimumSizeHint() const override { return {320, 200}; }

  signals:
    void channelClicked(int channel);
    void animationFinished();

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    const OperationPainter* painterFor(StepKind kind) const;
    void restartAnimation();

    SnapshotPtr snapshot_;
    int step_ = 0;
    int selectedChannel_ = -1;
    bool showDenseGhost_ = false;
    double fontScale_ = 1.0;
    bool animationEnabled_ = true;
    double speed_ = 1.0;
    double progress_ = 1.0;
    QVariantAnimation animation_;
    mutable HitRegions hits_;  // rebuilt by every paint, read by clicks

    std::unique_ptr<OperationPainter> pointwise_, shuffle_, depthwise_, merge_, simple_;

  private:
    void paintContent(QPainter& painter);
    QString pending_;
};

}  // namespace shufflescope::ui
