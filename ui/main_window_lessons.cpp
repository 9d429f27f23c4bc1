// The window's side of the tutor: the Lesson dock (LessonPanel over a LessonRunner that sets the
// window's state through applyScene), the outline a step draws around the part of the window it
// talks about, and opening lessons from the menu, a dropped file or the command line.

#include <QBoxLayout>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QScrollArea>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>

#include "canvas/feature_map_canvas.h"
#include "main_window.h"
#include "session/assets.h"
#include "shufflescope/tutor/lesson_library.h"
#include "tutor/highlight_overlay.h"
#include "tutor/lesson_panel.h"
#include "tutor/lesson_runner.h"
#include "views/channel_flow_view.h"
#include "views/cost_panel.h"
#include "views/operation/operation_view.h"
#include "views/prediction_panel.h"
#include "views/timeline_view.h"

namespace shufflescope::ui {

namespace {

// Lesson animations at a pace a class can follow: two thirds of the painters' own speed.
constexpr double kLessonAnimationSpeed = 0.66;

}  // namespace

void MainWindow::buildLessons() {
    lessonRunner_ =
        new LessonRunner({.apply = [this](const Scene& scene) { return applyScene(scene); },
                          .current = [this] { return this->scene(); },
                          .replay = [this] { operation_->replayAnimation(); },
                          .measure =
                              [this](bool on) {
                                  if (session_->measuringTime() != on)
                                      action(QStringLiteral("timing.measure"))->trigger();
                              }},
                         this);
    lessonPanel_ = new LessonPanel(lessonRunner_, this);
    lessonPanel_->setPersistent(persist_);
    lessonDock_ = new QDockWidget(tr("Lesson"), this);
    lessonDock_->setObjectName(QStringLiteral("LessonDock"));
    lessonDock_->setWidget(lessonPanel_);  // it scrolls its reading itself
    addDockWidget(Qt::RightDockWidgetArea, lessonDock_);
    splitDockWidget(lessonDock_, costDock_, Qt::Vertical);
    lessonDock_->hide();
    highlight_ = new HighlightOverlay(this);

    QStringList files;
    try {
        for (const std::string& f : lessonFilesIn(lessonsDirectory().toStdString()))
            files << QString::fromStdString(f);
    } catch (const Error& e) {
        showError(QString::fromStdString(e.what()));
    }
    lessonPanel_->setLibrary(files);

    // In presenter mode the lesson's text is the caption under the views.
    connect(lessonPanel_, &LessonPanel::captionChanged, this, &MainWindow::setPresenterCaption);
    // Predict, then reveal: while a question waits for its answer, the costs that would give it
    // away (the tree's MACs and time columns, the cost panel) are out of sight.
    auto* right = cost_->parentWidget();
    costVeil_ = new QLabel(tr("Predict first: the costs come back with the answer."), right);
    costVeil_->setWordWrap(true);
    costVeil_->setObjectName(QStringLiteral("CostVeil"));
    costVeil_->hide();
    if (auto* layout = qobject_cast<QBoxLayout*>(right->layout()))
        layout->insertWidget(layout->indexOf(cost_) + 1, costVeil_);
    connect(lessonRunner_, &LessonRunner::changed, this, [this] {
        const bool predicting = lessonRunner_->running() && lessonRunner_->asksQuestion() &&
                                lessonRunner_->phase() == LessonRunner::Phase::Reading;
        timeline_->setCostsHidden(predicting);
        refreshLessonKeys();
        cost_->setVisible(!predicting);
        costVeil_->setVisible(predicting);
        refreshHighlights();
        operation_->setAnimationSpeed(lessonRunner_->running() ? kLessonAnimationSpeed : 1.0);
    });
    // A task is done when the window's state reaches its goal, however the student got there.
    for (const auto signal :
         {&Session::requestChanged, &Session::selectionChanged, &Session::comparisonChanged})
        connect(session_, signal, lessonRunner_, &LessonRunner::stateChanged);
    connect(centreTabs_, &QTabWidget::currentChanged, lessonRunner_, &LessonRunner::stateChanged);
    refreshLessonKeys();
}

void MainWindow::fitLessonDock() {
    if (!lessonDock_) return;
    const int wanted = static_cast<int>(320 * fontScale_);
    lessonDock_->setMinimumWidth(std::min(wanted, width() / 3));
}

void MainWindow::refreshHighlights() {
    QList<QList<QWidget*>> targets;
    if (lessonRunner_->running())
        for (const std::string& name : lessonRunner_->step().highlights) {
            targets << highlightWidgets(name);
            // What the step points at is scrolled into sight: the prediction sits above the
            // cost panel, and a short dock showed only the first.
            if ((name == "cost" || name == "prediction") && costDock_->isVisible())
                predictionAndCost_->ensureWidgetVisible(targets.back().front(), 0, 0);
        }
    highlight_->setTargets(targets);
}

QList<QWidget*> MainWindow::highlightWidgets(const std::string& target) const {
    if (target == "groups") {
        QList<QWidget*> buttons;
        for (QToolButton* b : controlsBar_->findChildren<QToolButton*>())
            if (b->defaultAction() &&
                b->defaultAction()->objectName().startsWith(QLatin1String("groups.")))
                buttons << b;
        return buttons;
    }
    if (target == "shuffle") return {shuffleButton_};
    if (target == "width") return {widthBox_};
    if (target == "preset") return {presetBox_};
    if (target == "compare") return {compareButton_, compareBox_};
    if (target == "play") return {playButton_};
    if (target == "network") return {timeline_};
    if (target == "operation") return {operation_};
    if (target == "flow") return {flow_};
    if (target == "features") return {canvas_};
    if (target == "cost") return {cost_};
    if (target == "prediction") return {prediction_};
    if (target == "train") return {trainTab_};
    return {};
}

void MainWindow::refreshLessonKeys() {
    const bool presenting = presenterMode() && lessonRunner_->running();
    for (const char* id : {"play", "unit.next", "unit.previous"})
        action(QString::fromLatin1(id))->setEnabled(!presenting);
    for (const char* id : {"lesson.next", "lesson.back"})
        action(QString::fromLatin1(id))->setEnabled(presenting);
}

void MainWindow::lessonForward() {
    // No answer field on a projector: the class answers aloud, Space shows the answer (or does
    // the task), the next Space goes on.
    if (lessonRunner_->canSkip())
        lessonRunner_->reveal();
    else
        lessonRunner_->next();
}

std::optional<QString> MainWindow::openLesson(const QString& nameOrFile, int step) {
    if (auto error = lessonPanel_->open(nameOrFile, step)) return error;
    // Presenting, the lesson's text is the caption: the dock comes back with the controls.
    if (presenterMode()) return std::nullopt;
    const bool wasHidden = !lessonDock_->isVisible();
    lessonDock_->show();
    lessonDock_->raise();
    // The lesson gets most of the right-hand column; prediction and cost keep the rest.
    if (wasHidden)
        resizeDocks({lessonDock_, costDock_}, {height() * 3 / 5, height() * 2 / 5}, Qt::Vertical);
    return std::nullopt;
}

void MainWindow::openLessonDialog() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open lesson"), QString(), tr("Lessons (*.lesson)"));
    if (path.isEmpty()) return;
    if (const auto error = openLesson(path)) showError(*error);
}

void MainWindow::toggleLessonPanel() {
    const bool show = !lessonDock_->isVisible();
    lessonDock_->setVisible(show);
    if (show) {
        lessonDock_->raise();
        lessonPanel_->setFocus();
    }
}

}  // namespace shufflescope::ui
