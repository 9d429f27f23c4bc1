#pragma once
// The cost panel: what grouping saves, computed by the engine for the current configuration.
//   - the current step's MACs, grouped vs dense (the same step with ungrouped 1x1 convs);
//   - cumulative MACs up to this step, grouped vs dense;
//   - the whole network: backbone and classifier apart, grouped vs dense, and parameters;
//   - a per-stage bar chart, grouped vs dense (Qt Charts), on round ticks; "Same scale for every
//     g" fixes its scale at the tallest bar over g = 1..8, so bars can be compared as g changes;
//   - next to it, the paper's Table 1 row for this g when the geometry is the paper's;
//   - measured time (opt-in, Model → Measure time per step; measured off the UI thread by the
//     session): the step's milliseconds and share of the whole, and the chart can show each
//     stage's share of the MACs beside its share of the time — FLOPs are not milliseconds.

#include <QWidget>
#include <map>
#include <optional>

#include "shufflescope/analysis/cost.h"
#include "shufflescope/exec/step_timing.h"

#include "session/snapshot.h"

class QLabel;
class QGridLayout;
class QChartView;
class QBarSet;
class QBarCategoryAxis;
class QValueAxis;
class QCheckBox;
class QAction;
class QToolButton;

namespace shufflescope::ui {

class CostPanel : public QWidget {
    Q_OBJECT
  public:
    explicit CostPanel(QWidget* parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot, int step);
    void setFontScale(double scale);
    // The snapshot's measured time (null: not measured); `running`: a measurement is under way.
    void setTiming(std::shared_ptr<const StepTiming> timing, bool running);
    // The window's "Measure time per step" action, shown as a button in the panel.
    void setMeasureAction(QAction* action);
    // The time line as displayed ("" before a measurement), and the chart's mode, for tests.
    QString displayedTime() const;
    bool chartShowsTimeShares() const;

    // The numbers as displayed, by row key ("step", "cumulative", "backbone", "classifier",
    // "total", "params"): {grouped, dense}. Tests compare them with the core.
    std::pair<QString, QString> displayed(const QString& row) const;

    // The chart's value axis as drawn, in MACs: its end, its tick interval and the tallest bar
    // it must hold. Tests check round ticks and the fixed scale with these.
    struct AxisState {
        double max = 0, tick = 0;
        long long tallestBar = 0;
    };
    AxisState axisState() const { return axisState_; }
    bool sameScaleForEveryG() const;

  public slots:
    void setSameScaleForEveryG(bool same);
    // The chart: MACs per stage (grouped, dense), or each stage's share of the MACs beside its
    // share of the measured time (only with a timing).
    void setChartShowsTimeShares(bool on);

  protected:
    void changeEvent(QEvent* event) override;  // follows light/dark palette changes
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void applyPalette();
    void setRow(const QString& key, const QString& grouped, const QString& dense);
    void refreshChart();
    void refreshTiming();
    void refreshMacsChart();
    void refreshShareChart();
    long long fixedScaleMacs();  // the tallest bar over every g (cached per configuration)

    SnapshotPtr snapshot_;
    QGridLayout* grid_ = nullptr;
    std::map<QString, std::pair<QLabel*, QLabel*>> rows_;
    QLabel* heading_ = nullptr;
    QLabel* paper_ = nullptr;
    QChartView* chart_ = nullptr;
    QBarSet* groupedSet_ = nullptr;
    QBarSet* denseSet_ = nullptr;
    QValueAxis* valueAxis_ = nullptr;
    QCheckBox* sameScale_ = nullptr;
    QCheckBox* timeShares_ = nullptr;
    QToolButton* measureButton_ = nullptr;
    QLabel* time_ = nullptr;
    QLabel* timeNote_ = nullptr;
    std::shared_ptr<const StepTiming> timing_;
    bool timingRunning_ = false;
    int step_ = 0;
    int maxIntervals_ = 5;  // fewer value labels when the text is large
    StageBars bars_;
    std::optional<std::pair<ModelConfig, long long>> fixedScale_;  // config with groups = 1
    AxisState axisState_;
};

}  // namespace shufflescope::ui
