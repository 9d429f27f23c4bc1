#include "views/timeline_view.h"

#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <map>

#include "style/palette.h"
#include "text/number_format.h"

namespace shufflescope::ui {

namespace {

constexpr int kStepRole = Qt::UserRole;
constexpr int kMacsRole = Qt::UserRole + 1;
constexpr int kMaxMacsRole = Qt::UserRole + 2;

// Column 2: a bar proportional to the step's MACs with the value on top.
class MacsBarDelegate : public QStyledItemDelegate {
  public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyledItemDelegate::paint(painter, option, QModelIndex());  // background / selection only
        const long long macs = index.data(kMacsRole).toLongLong();
        const long long most = index.data(kMaxMacsRole).toLongLong();
        if (most <= 0 || macs <= 0) return;
        const QRect r = option.rect.adjusted(2, 3, -2, -3);
        const int width = std::max(2, int(double(r.width()) * double(macs) / double(most)));
        painter->save();
        QColor bar = option.palette.color(QPalette::Highlight);
        bar.setAlpha(110);
        painter->fillRect(QRect(r.left(), r.top(), width, r.height()), bar);
        painter->setPen(option.palette.color(QPalette::Text));
        painter->drawText(r.adjusted(4, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          formatMacs(macs));
        painter->restore();
    }
};

QString shapeText(const StepShape& s) {
    return QStringLiteral("%1\u00d7%2\u00d7%3").arg(s.channels).arg(s.height).arg(s.width);
}

}  // namespace

TimelineView::TimelineView(QWidget* parent) : QTreeWidget(parent) {
    setColumnCount(4);
    setHeaderLabels({tr("Step"), tr("Output"), tr("MACs"), tr("Time")});
    headerItem()->setToolTip(kTimeColumn, tr("Measured on this machine: median of several runs, "
                                             "1 thread (Model → Measure time per step)"));
    setItemDelegateForColumn(2, new MacsBarDelegate(this));
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(2, QHeaderView::Stretch);
    header()->setSectionResizeMode(kTimeColumn, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setColumnHidden(kTimeColumn, true);
    setToolTip(
        tr("Every step of the network. Click a step to show it; \u2190/\u2192 step through."));
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (updating_ || !item) return;
        const QVariant step = item->data(0, kStepRole);
        if (step.isValid()) emit stepSelected(step.toInt());
    });
}

void TimelineView::setFontScale(double scale) {
    QFont f = font();
    f.setPointSizeF(10.0 * scale);
    setFont(f);
    fitColumns();
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    QTreeWidget::resizeEvent(event);
    fitColumns();
}

void TimelineView::fitColumns() {
    const int available = viewport()->width();
    const int names = sizeHintForColumn(0) + indentation();
    const int shapes = sizeHintForColumn(1);
    const int bars = fontMetrics().horizontalAdvance(QStringLiteral("294.9K")) + 12;
    // Times were asked for (Model → Measure time per step): they come before the shapes, which
    // the operation view's header and the tooltips also give.
    const int times = timing_ ? sizeHintForColumn(kTimeColumn) : 0;
    const bool showTimes = timing_ && !costsHidden_ && names + bars + times <= available;
    const bool showBars = !costsHidden_ && names + bars <= available;
    setColumnHidden(kTimeColumn, !showTimes);
    setColumnHidden(1,
                    names + shapes + (showBars ? bars : 0) + (showTimes ? times : 0) > available);
    setColumnHidden(2, !showBars);
}

void TimelineView::setCostsHidden(bool hidden) {
    if (hidden == costsHidden_) return;
    costsHidden_ = hidden;
    fitColumns();
}

void TimelineView::setSnapshot(SnapshotPtr snapshot) {
    snapshot_ = std::move(snapshot);
    if (!snapshot_) return;
    std::vector<std::string> names;
    for (const Step& s : snapshot_->network->steps()) names.push_back(s.name);
    if (names != structure_) {
        structure_ = names;
        rebuild();
    }
    // Values change with g and width even when the structure does not.
    long long most = 0;
    for (const StepCost& c : snapshot_->cost.steps) most = std::max(most, c.macs);
    for (int i = 0; i < snapshot_->network->stepCount(); ++i) {
        QTreeWidgetItem* item = items_[std::size_t(i)];
        const Step& s = snapshot_->step(i);
        item->setText(1, shapeText(s.out));
        item->setData(2, kMacsRole, snapshot_->cost.steps[std::size_t(i)].macs);
        item->setData(2, kMaxMacsRole, most);
        QString tip = QString::fromStdString(s.name + " (" + stepKindName(s.kind) + ")");
        if (s.kind == StepKind::PointwiseConv && s.groups > 1)
            tip += tr(", %1 groups").arg(s.groups);
        if (s.kind == StepKind::ChannelShuffle && !(s.enabled && s.groups > 1)) tip += tr(", off");
        // The columns a narrow tree hides are still here.
        tip += tr(": output %1, %2 MACs")
                   .arg(shapeText(s.out), formatMacs(snapshot_->cost.steps[std::size_t(i)].macs));
        item->setToolTip(0, tip);
    }
    refreshTimes();
    viewport()->update();
}

void TimelineView::setTiming(std::shared_ptr<const StepTiming> timing) {
    timing_ = std::move(timing);
    refreshTimes();
    fitColumns();
}

void TimelineView::refreshTimes() {
    if (!snapshot_) return;
    const bool fits = timing_ && timing_->medianMs.size() == items_.size();
    for (std::size_t i = 0; i < items_.size(); ++i) {
        // The input is not executed: no time rather than "0 ms".
        const bool shown = fits && i > 0;
        const QString time = shown ? formatMilliseconds(timing_->medianMs[i]) : QString();
        items_[i]->setText(kTimeColumn, time);
        // A narrow tree hides the column: the tooltip keeps the time too.
        QString tip = items_[i]->toolTip(0).section(QStringLiteral(" \u00b7 "), 0, 0);
        if (shown) tip += QStringLiteral(" \u00b7 ") + time;
        items_[i]->setToolTip(0, tip);
        items_[i]->setTextAlignment(kTimeColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
}

void TimelineView::rebuild() {
    updating_ = true;
    clear();
    items_.assign(snapshot_->network->steps().size(), nullptr);
    QTreeWidgetItem* stem = nullptr;
    QTreeWidgetItem* head = nullptr;
    QTreeWidgetItem* stages[3] = {nullptr, nullptr, nullptr};
    std::map<std::pair<int, int>, QTreeWidgetItem*> units;
    for (int i = 0; i < snapshot_->network->stepCount(); ++i) {
        const Step& s = snapshot_->step(i);
        QTreeWidgetItem* parent = nullptr;
        QString label = QString::fromStdString(s.name);
        if (s.stage >= 0) {
            QTreeWidgetItem*& stage = stages[s.stage];
            if (!stage) stage = new QTreeWidgetItem(this, {tr("Stage %1").arg(s.stage + 2)});
            QTreeWidgetItem*& unit = units[{s.stage, s.unit}];
            if (!unit)
                unit = new QTreeWidgetItem(stage,
                                           {s.unit == 0 ? tr("Unit %1 (stride 2)").arg(s.unit + 1)
                                                        : tr("Unit %1").arg(s.unit + 1)});
            parent = unit;
            label = label.section(QLatin1Char('.'), 3);  // "stages.1.2.pw1" -> "pw1"
        } else if (snapshot_->network->partOf(i) == NetworkPart::Stem) {
            if (!stem) stem = new QTreeWidgetItem(this, {tr("Stem")});
            parent = stem;
        } else if (snapshot_->network->partOf(i) == NetworkPart::Head) {
            if (!head) head = new QTreeWidgetItem(this, {tr("Head")});
            parent = head;
        }
        auto* item = parent ? new QTreeWidgetItem(parent, {label})
                            : new QTreeWidgetItem(this, {tr("Input")});
        item->setData(0, kStepRole, i);
        items_[std::size_t(i)] = item;
    }
    expandToDepth(0);
    updating_ = false;
    const int current = currentStep_;
    currentStep_ = -1;
    setCurrentStep(current);
    fitColumns();
}

QTreeWidgetItem* TimelineView::itemForStep(int step) const {
    if (step < 0 || step >= int(items_.size())) return nullptr;
    return items_[std::size_t(step)];
}

void TimelineView::setCurrentStep(int step) {
    if (step == currentStep_) return;
    currentStep_ = step;
    QTreeWidgetItem* item = itemForStep(step);
    if (!item) return;
    updating_ = true;
    // Only the current unit stays open: a walk through the network would otherwise leave every
    // unit it passed expanded, and the tree would grow to hundreds of rows.
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem* top = topLevelItem(i);
        for (int j = 0; j < top->childCount(); ++j) {
            QTreeWidgetItem* unit = top->child(j);
            if (unit->childCount() > 0 && unit != item->parent()) unit->setExpanded(false);
        }
    }
    for (QTreeWidgetItem* p = item->parent(); p; p = p->parent()) p->setExpanded(true);
    setCurrentItem(item);
    scrollToItem(item, QAbstractItemView::EnsureVisible);
    updating_ = false;
}

}  // namespace shufflescope::ui
