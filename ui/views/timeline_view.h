#pragma once
// The network timeline (side panel): input, stem, Stages 2-4 with their units (stride 2 marked)
// and the steps inside each unit, and the head, as an expandable tree. Each row shows the step's
// output shape and its MACs as a bar (relative to the most expensive step). The current step is
// highlighted; clicking a row selects it. With a measured time (Model → Measure time per step)
// a fourth column gives each step's milliseconds, kept before the Output column when narrow.

#include <QTreeWidget>

#include <memory>

#include "session/snapshot.h"
#include "shufflescope/exec/step_timing.h"

namespace shufflescope::ui {

class TimelineView : public QTreeWidget {
    Q_OBJECT
  public:
    explicit TimelineView(QWidget* parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot);
    void setCurrentStep(int step);
    // The snapshot's measured time per step (null: none; the column is hidden).
    void setTiming(std::shared_ptr<const StepTiming> timing);
    static constexpr int kTimeColumn = 3;
    // Row text and bars scale with the projector font.
    void setFontScale(double scale);
    // While a lesson's question is open the MACs and time columns are hidden: they would give the
    // answer away (the tooltips still name the step and its shape).
    void setCostsHidden(bool hidden);
    bool costsHidden() const { return costsHidden_; }
    // The row of a step (for tests: where to click); null before the first snapshot.
    QTreeWidgetItem* itemForStep(int step) const;

  signals:
    void stepSelected(int step);

  protected:
    void resizeEvent(QResizeEvent* event) override;

  private:
    void rebuild();
    void refreshTimes();
    // A narrow tree (a small screen, large text) drops the Output column first, then the times
    // (when measured), then the MACs bars, rather than cutting the step names; the tooltips
    // still have them all.
    void fitColumns();

    SnapshotPtr snapshot_;
    std::shared_ptr<const StepTiming> timing_;
    std::vector<std::string> structure_;   // step names the tree was built for
    std::vector<QTreeWidgetItem*> items_;  // per step
    int currentStep_ = -1;
    bool updating_ = false;
    bool costsHidden_ = false;
};

}  // namespace shufflescope::ui
