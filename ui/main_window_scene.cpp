// The window's side of Scene (session/scene.h): the state it shows, read back as a scene and set
// from one — all fields or none. resolveScene checks a scene against the state; this file only
// reads the state from the session and the widgets and hands the checked result to them.

#include <QComboBox>
#include <QDockWidget>
#include <QScrollArea>
#include <QTabWidget>

#include "main_window.h"
#include "session/navigation.h"
#include "views/channel_flow_view.h"
#include "views/cost_panel.h"
#include "views/operation/operation_view.h"

namespace shufflescope::ui {

namespace {

// The B box's item data for a choice: 0 the shuffle flipped, 1..8 that g.
int boxData(const Comparison& choice) {
    return choice.kind == Comparison::Kind::Groups ? choice.groups : 0;
}

}  // namespace

// [SECTION] Reading the state

Comparison MainWindow::choiceB() const {
    const int choice = compareBox_->currentData().toInt();
    return choice == 0 ? Comparison::shuffleFlipped() : Comparison::withGroups(choice);
}

SceneState MainWindow::sceneState() const {
    return {.config = session_->config(),
            .comparison = session_->comparisonConfig(),
            .choiceB = choiceB(),
            .step = session_->requestedStep().toStdString(),
            .channel = session_->requestedChannel(),
            .view = view_.toStdString()};
}

Scene MainWindow::scene() const {
    return sceneOf(sceneState());
}

// [SECTION] Applying a scene

std::optional<SceneError> MainWindow::applyScene(const Scene& scene) {
    const auto resolved = resolveScene(scene, sceneState());
    if (const auto* error = std::get_if<SceneError>(&resolved)) return *error;
    const SceneState& next = std::get<SceneState>(resolved);
    session_->setConfig(next.config);  // nothing when it is the one asked for already
    if (boxData(next.choiceB) != compareBox_->currentData().toInt())
        compareBox_->setCurrentIndex(compareBox_->findData(boxData(next.choiceB)));
    if (next.comparison != session_->comparisonConfig()) session_->setComparison(next.comparison);
    session_->select(QString::fromStdString(next.step), next.channel);
    if (scene.view) presentView(QString::fromStdString(next.view));
    return std::nullopt;
}

std::optional<SceneError> MainWindow::checkScene(const Scene& scene) const {
    const auto resolved = resolveScene(scene, sceneState());
    if (const auto* error = std::get_if<SceneError>(&resolved)) return *error;
    return std::nullopt;
}

void MainWindow::requestScene(const Scene& scene) {
    if (const auto error = applyScene(scene)) showError(sceneErrorText(*error));
}

void MainWindow::requestStep(const std::function<int(const Network&, int)>& to) {
    const SnapshotPtr s = session_->snapshot();
    if (!s) return;
    // Home then → while g = 8 was computing went to the step after the old selection; P then →
    // asked the Fashion-MNIST network for the ImageNet stem's pool, an error.
    const std::shared_ptr<const Network> network =
        s->config() == session_->config()
            ? s->network
            : std::make_shared<const Network>(Network::build(session_->config()));
    const int at = stepAtSamePlace(session_->requestedStep().toStdString(), s->network.get(),
                                   *network, session_->selectedStep());
    const int index = to(*network, at);
    if (index < 0) return;
    requestScene({.step = network->step(std::min(index, network->stepCount() - 1)).name});
}

void MainWindow::requestPreset(const QString& preset) {
    // As the preset box always did: the preset's own configuration, with g and the shuffle kept.
    const ModelConfig& current = session_->config();
    requestScene({.preset = preset.toStdString(),
                  .groups = current.groups,
                  .shuffle = current.shuffle,
                  .widthScale = presetConfig(preset.toStdString()).widthScale});
}

bool MainWindow::showView(const QString& name) {
    return !applyScene({.view = name.toStdString()});
}

void MainWindow::setComparisonChoice(int choice) {
    requestScene(
        {.compare = choice == 0 ? Comparison::shuffleFlipped() : Comparison::withGroups(choice)});
}

void MainWindow::toggleComparison() {
    // On: with the B box's choice, the feature maps in front ("compare").
    requestScene(session_->comparisonConfig() ? Scene{.compare = Comparison::off()}
                                              : Scene{.view = "compare"});
}

void MainWindow::presentView(const QString& name) {
    if (name == QLatin1String("operation")) {
        centreTabs_->setCurrentWidget(operation_);
    } else if (name == QLatin1String("flow")) {
        centreTabs_->setCurrentWidget(flow_);
    } else if (name == QLatin1String("train")) {
        centreTabs_->setCurrentWidget(trainTab_);
    } else if (name == QLatin1String("features")) {
        setDiagramShare(0.3);
    } else if (name == QLatin1String("cost")) {
        // The cost panel in front: the side panels shown, the right one widened to two fifths of
        // the window and scrolled to the chart.
        setSidePanelsVisible(true);
        resizeDocks({costDock_}, {std::max(width() * 2 / 5, costDock_->width())}, Qt::Horizontal);
        predictionAndCost_->ensureWidgetVisible(cost_);
        cost_->setFocus();
    }
    view_ = name;
}

}  // namespace shufflescope::ui
