#include "views/cost_panel.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

#include "layout/chart_axis.h"
#include "shufflescope/model/paper_reference.h"
#include "style/palette.h"
#include "text/engine_text.h"
#include "text/number_format.h"

namespace shufflescope::ui {

namespace {
const char* const kRows[][2] = {
    {"step", QT_TRANSLATE_NOOP("CostPanel", "This step")},
    {"cumulative", QT_TRANSLATE_NOOP("CostPanel", "Up to this step")},
    {"backbone", QT_TRANSLATE_NOOP("CostPanel", "Backbone (Table 1)")},
    {"classifier", QT_TRANSLATE_NOOP("CostPanel", "Classifier (FC)")},
    {"total", QT_TRANSLATE_NOOP("CostPanel", "Whole network")},
    {"params", QT_TRANSLATE_NOOP("CostPanel", "Parameters")},
};
// A chart view that asks for no more than its minimum and takes what height is left. QChartView's
// own size hint (~500 px) set the height of the scrolling dock (its caption wraps, so the dock is
// laid out height-for-width, which counts hints) and pushed the chart out of view.
// The title, axis labels and legend grow with the text size; the bars keep about 100 px.
// Scaling all of it made the dock too tall for a 1080p projector.
int chartMinimumHeight(double fontScale) {
    return int(100 + 70 * fontScale);
}

class CompactChartView : public QChartView {
  public:
    using QChartView::QChartView;
    QSize sizeHint() const override { return minimumSize().expandedTo(minimumSizeHint()); }
};

}  // namespace

CostPanel::CostPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    heading_ = new QLabel(this);
    heading_->setWordWrap(true);
    layout->addWidget(heading_);

    grid_ = new QGridLayout;
    grid_->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("MACs")), this), 0, 0);
    grid_->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("grouped")), this), 0, 1,
                     Qt::AlignRight);
    grid_->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("dense")), this), 0, 2,
                     Qt::AlignRight);
    int r = 1;
    for (const auto& row : kRows) {
        const QString key = QString::fromLatin1(row[0]);
        auto* name = new QLabel(QCoreApplication::translate("CostPanel", row[1]), this);
        auto* grouped = new QLabel(this);
        auto* dense = new QLabel(this);
        grouped->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        dense->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        grouped->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid_->addWidget(name, r, 0);
        grid_->addWidget(grouped, r, 1);
        grid_->addWidget(dense, r, 2);
        rows_[key] = {grouped, dense};
        ++r;
    }
    rows_["step"].first->setToolTip(
        tr("Multiply-adds of the selected step; dense = its 1×1 convolution ungrouped"));
    layout->addLayout(grid_);
    // Said once, here: every figure in the app is a count of multiply-adds.
    auto* units = new QLabel(tr("The paper's FLOPs are multiply-adds (MACs)."), this);
    units->setWordWrap(true);
    layout->addWidget(units);

    // Measured time: opt-in, it repeats the whole network many times on a worker thread. Its
    // lines show only once there is something to say (the dock has no height to spare on a
    // projector); the button sits beside "Same scale for every g" below the chart.
    time_ = new QLabel(this);
    time_->setWordWrap(true);
    time_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(time_);
    timeNote_ = new QLabel(this);
    timeNote_->setWordWrap(true);
    layout->addWidget(timeNote_);

    groupedSet_ = new QBarSet(tr("grouped"));
    denseSet_ = new QBarSet(tr("dense"));
    groupedSet_->setColor(groupColor(4));
    denseSet_->setColor(neutralColor());
    auto* series = new QBarSeries;
    series->append(groupedSet_);
    series->append(denseSet_);
    auto* chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("MACs per stage (C1 = stem)"));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(2, 2, 2, 2));  // the default 20 px is height the bars need
    auto* categories = new QBarCategoryAxis;
    // Short labels: the panel is narrow and "Stage 2", even "Stem", would be elided.
    categories->append({tr("C1"), tr("S2"), tr("S3"), tr("S4"), tr("FC")});
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    valueAxis_ = new QValueAxis;
    valueAxis_->setTickType(QValueAxis::TicksDynamic);
    valueAxis_->setTickAnchor(0);
    chart->addAxis(valueAxis_, Qt::AlignLeft);
    series->attachAxis(valueAxis_);
    chart_ = new CompactChartView(chart, this);
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(chartMinimumHeight(1.0));
    chart_->installEventFilter(this);  // its height sets how many ticks fit
    applyPalette();
    layout->addWidget(chart_, 1);
    sameScale_ = new QCheckBox(tr("Same scale for every g"), this);
    sameScale_->setToolTip(
        tr("Keep the chart's scale as g changes: it ends at the tallest bar of any g = 1–8 at "
           "this width, so the bars of two g can be compared"));
    connect(sameScale_, &QCheckBox::toggled, this, [this] { refreshChart(); });
    auto* chartOptions = new QHBoxLayout;
    chartOptions->addWidget(sameScale_);
    chartOptions->addStretch(1);
    // Its own short text and state, following the window's action (whose menu text is long).
    measureButton_ = new QToolButton(this);
    measureButton_->setText(tr("Measure time"));
    measureButton_->setCheckable(true);
    measureButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    chartOptions->addWidget(measureButton_);
    layout->addLayout(chartOptions);
    timeShares_ = new QCheckBox(tr("Shares: MACs vs measured time"), this);
    timeShares_->setToolTip(
        tr("Each stage's share of the network's MACs beside its share of the measured time"));
    timeShares_->setVisible(false);
    connect(timeShares_, &QCheckBox::toggled, this, [this] { refreshChart(); });
    layout->addWidget(timeShares_);

    paper_ = new QLabel(this);
    paper_->setWordWrap(true);
    layout->addWidget(paper_);
}

bool CostPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == chart_ && event->type() == QEvent::Resize) refreshChart();
    return QWidget::eventFilter(watched, event);
}

void CostPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) applyPalette();
    QWidget::changeEvent(event);
}

void CostPanel::applyPalette() {
    // Qt Charts draws with its own theme colours; use the window's so dark mode stays readable.
    const QColor text = palette().color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(50);
    QChart* chart = chart_->chart();
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

void CostPanel::setFontScale(double scale) {
    QFont f = font();
    f.setPointSizeF(10.0 * scale);
    setFont(f);
    chart_->chart()->setFont(f);
    QFont small = f;
    small.setPointSizeF(9.0 * scale);
    chart_->chart()->axes().first()->setLabelsFont(small);
    chart_->chart()->axes().last()->setLabelsFont(small);
    chart_->chart()->legend()->setFont(small);
    chart_->chart()->setTitleFont(f);
    chart_->setMinimumHeight(chartMinimumHeight(scale));
    // Fewer value labels when they are large, or Qt Charts elides them all to "...".
    maxIntervals_ = scale > 1.3 ? 3 : 5;
    refreshChart();
}

bool CostPanel::sameScaleForEveryG() const {
    return sameScale_->isChecked();
}

void CostPanel::setSameScaleForEveryG(bool same) {
    sameScale_->setChecked(same);
}

long long CostPanel::fixedScaleMacs() {
    ModelConfig key = snapshot_->config();
    key.groups = 1;
    if (!fixedScale_ || fixedScale_->first != key)
        fixedScale_ = {key, tallestStageBarOverGroups(snapshot_->config())};
    return fixedScale_->second;
}

void CostPanel::setChartShowsTimeShares(bool on) {
    timeShares_->setChecked(on);
}

bool CostPanel::chartShowsTimeShares() const {
    return timeShares_->isChecked() && timing_;
}

void CostPanel::refreshChart() {
    if (!snapshot_) return;
    if (chartShowsTimeShares())
        refreshShareChart();
    else
        refreshMacsChart();
}

// Two bars a stage, in percent of the whole: where the multiply-adds are, where the time goes.
void CostPanel::refreshShareChart() {
    const std::array<double, 5> times = stageTimesMs(*snapshot_->network, *timing_);
    const double totalTime = timing_->totalMs();
    long long totalMacs = 0;
    for (long long m : bars_.macs) totalMacs += m;
    chart_->chart()->setTitle(tr("% of MACs, % of time (C1 = stem)"));
    groupedSet_->setLabel(tr("MACs %"));
    denseSet_->setLabel(tr("time %"));
    denseSet_->setColor(groupColor(5));  // orange: apart from the MACs' blue at a glance
    groupedSet_->remove(0, groupedSet_->count());
    denseSet_->remove(0, denseSet_->count());
    double tallest = 0;
    for (std::size_t i = 0; i < bars_.macs.size(); ++i) {
        const double macs = totalMacs > 0 ? 100.0 * double(bars_.macs[i]) / double(totalMacs) : 0;
        const double time = totalTime > 0 ? 100.0 * times[i] / totalTime : 0;
        *groupedSet_ << macs;
        *denseSet_ << time;
        tallest = std::max({tallest, macs, time});
    }
    const NiceAxis axis = niceAxis(tallest, std::clamp(maxIntervals_, 2, 5));
    valueAxis_->setRange(0, axis.max);
    valueAxis_->setTickInterval(axis.tick);
    valueAxis_->setLabelFormat(QStringLiteral("%.") + QString::number(axis.decimals) +
                               QStringLiteral("f%%"));
}

void CostPanel::refreshMacsChart() {
    chart_->chart()->setTitle(tr("MACs per stage (C1 = stem)"));
    groupedSet_->setLabel(tr("grouped"));
    denseSet_->setLabel(tr("dense"));
    denseSet_->setColor(neutralColor());
    const long long tallest = bars_.tallest();
    const long long top = sameScale_->isChecked() ? std::max(tallest, fixedScaleMacs()) : tallest;
    // The axis counts in the SI unit of its end, like the table: "5 M", "10 M".
    double unit = 1;
    QString prefix;
    if (top >= 1'000'000) {
        unit = 1e6;
        prefix = QStringLiteral(" M");
    } else if (top >= 1'000) {
        unit = 1e3;
        prefix = QStringLiteral(" k");
    }
    // Fewer ticks on a short chart too: Qt Charts elides labels that crowd each other to "...".
    const QFontMetrics labels(valueAxis_->labelsFont());
    const int byHeight = int(double(chart_->height()) * 0.6 / (2.2 * labels.height()));
    const NiceAxis axis =
        niceAxis(double(top) / unit, std::clamp(std::min(maxIntervals_, byHeight), 2, 5));
    groupedSet_->remove(0, groupedSet_->count());
    denseSet_->remove(0, denseSet_->count());
    for (std::size_t i = 0; i < bars_.macs.size(); ++i) {
        *groupedSet_ << double(bars_.macs[i]) / unit;
        *denseSet_ << double(bars_.denseMacs[i]) / unit;
    }
    valueAxis_->setRange(0, axis.max);
    valueAxis_->setTickInterval(axis.tick);
    valueAxis_->setLabelFormat(QStringLiteral("%.") + QString::number(axis.decimals) +
                               QStringLiteral("f") + prefix);
    axisState_ = {axis.max * unit, axis.tick * unit, tallest};
}

void CostPanel::setRow(const QString& key, const QString& grouped, const QString& dense) {
    rows_.at(key).first->setText(grouped);
    rows_.at(key).second->setText(dense);
}

std::pair<QString, QString> CostPanel::displayed(const QString& row) const {
    const auto& labels = rows_.at(row);
    return {labels.first->text(), labels.second->text()};
}

void CostPanel::setMeasureAction(QAction* action) {
    measureButton_->setToolTip(action->toolTip());
    connect(measureButton_, &QToolButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::toggled, measureButton_, &QToolButton::setChecked);
}

void CostPanel::setTiming(std::shared_ptr<const StepTiming> timing, bool running) {
    timing_ = std::move(timing);
    timingRunning_ = running;
    timeShares_->setVisible(timing_ != nullptr);
    refreshTiming();
    refreshChart();
}

QString CostPanel::displayedTime() const {
    return time_->text();
}

void CostPanel::refreshTiming() {
    const bool measured = timing_ && snapshot_ &&
                          timing_->medianMs.size() == std::size_t(snapshot_->network->stepCount());
    if (measured) {
        const double ms = timing_->medianMs.at(std::size_t(step_));
        const double total = timing_->totalMs();
        time_->setText(tr("This step: <b>%1</b> (%2 of %3)")
                           .arg(formatMilliseconds(ms), formatShare(total > 0 ? ms / total : 0),
                                formatMilliseconds(total)));
        timeNote_->setText(
            tr("Measured on this machine: each step the median of %1 runs on %2, the capture "
               "pass (every step on its own, unfused).")
                .arg(timing_->repeats)
                .arg(timing_->threads == 1 ? tr("1 thread")
                                           : tr("%1 threads").arg(timing_->threads)));
    } else {
        time_->setText(timingRunning_ ? tr("Measuring…") : QString());
        timeNote_->setText(timingRunning_ ? tr("On a worker thread; the app stays responsive.")
                                          : QString());
    }
    time_->setVisible(!time_->text().isEmpty());
    timeNote_->setVisible(!timeNote_->text().isEmpty());
}

void CostPanel::setSnapshot(SnapshotPtr snapshot, int step) {
    snapshot_ = std::move(snapshot);
    step_ = step;
    if (!snapshot_) return;
    refreshTiming();
    const CostReport& cost = snapshot_->cost;
    const CostTotals& t = cost.totals;
    const StepCost& c = cost.steps.at(std::size_t(step));
    long long upTo = 0, upToDense = 0;
    for (int i = 0; i <= step; ++i) {
        upTo += cost.steps[std::size_t(i)].macs;
        upToDense += cost.steps[std::size_t(i)].denseMacs;
    }
    const Step& s = snapshot_->step(step);
    // g and the width set every number below; the shuffle changes none of them (it moves channels
    // and costs no multiply-adds), and leaving it out keeps the heading on one line on a projector.
    heading_->setText(
        tr("<b>%1</b> \u2014 g = %2, %3")
            .arg(QString::fromStdString(s.name))
            .arg(snapshot_->config().groups)
            .arg(QString::fromStdString(widthScaleName(snapshot_->config().widthScale))));
    setRow(QStringLiteral("step"), formatMacs(c.macs), formatMacs(c.denseMacs));
    setRow(QStringLiteral("cumulative"), formatMacs(upTo), formatMacs(upToDense));
    setRow(QStringLiteral("backbone"), formatMacs(t.backboneMacs), formatMacs(t.denseBackboneMacs));
    setRow(QStringLiteral("classifier"), formatMacs(t.classifierMacs),
           formatMacs(t.classifierMacs));
    setRow(QStringLiteral("total"), formatMacs(t.macs), formatMacs(t.denseMacs));
    setRow(QStringLiteral("params"), formatCount(t.params), formatCount(t.denseParams));
    rows_.at(QStringLiteral("total"))
        .first->setToolTip(
            tr("%1 MACs; dense is %2 of the grouped network")
                .arg(formatCount(t.macs), formatRatio(double(t.denseMacs) / double(t.macs))));

    // Per-stage bars: stem convolution, Stages 2-4, classifier.
    bars_ = stageBars(*snapshot_->network, cost);
    refreshChart();

    // The paper's published row for this g, when the geometry is the paper's.
    const ModelConfig& config = snapshot_->config();
    const auto row = paperTable1(config.groups);
    const bool paperGeometry = config.preset == "imagenet" && config.widthScale == 1.0 &&
                               config.inputHeight == 224 && config.inputWidth == 224 &&
                               config.classes == 1000 && config.stem == StemKind::Paper;
    if (row && paperGeometry) {
        paper_->setText(
            tr("<b>Paper, Table 1 (g = %1):</b> stages %2 / %3 / %4 channels, "
               "complexity %5 M MACs.<br><b>Engine:</b> stages %6 / %7 / %8, backbone %9.")
                .arg(row->groups)
                .arg(row->stageChannels[0])
                .arg(row->stageChannels[1])
                .arg(row->stageChannels[2])
                .arg(row->complexityMflops)
                .arg(snapshot_->network->widths().stages[0])
                .arg(snapshot_->network->widths().stages[1])
                .arg(snapshot_->network->widths().stages[2])
                .arg(formatMacsWithUnit(t.backboneMacs)));
    } else if (paperGeometry) {
        paper_->setText(tr("<b>Paper:</b> Table 1 has no column for g = %1. %2")
                            .arg(config.groups)
                            .arg(widthsNote(snapshot_->network->widths())));
    } else {
        paper_->setText(widthsNote(snapshot_->network->widths()));
    }
}

}  // namespace shufflescope::ui
