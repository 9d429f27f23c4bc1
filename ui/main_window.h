#pragma once
// The ShuffleScope window: network timeline (left), operation view / channel flow (centre top),
// the ImGui feature-map canvas (centre bottom), cost and prediction (right), a toolbar with every
// control. Owns the Session; views only draw what the session's snapshots hold.

#include <QHash>
#include <QIcon>
#include <QMainWindow>
#include <QTimer>
#include <functional>
#include <memory>

#include "layout/side_panels.h"
#include "session/scene.h"
#include "session/session.h"

class QAction;
class QActionGroup;
class QMenu;
class QComboBox;
class QDockWidget;
class QLabel;
class QSlider;
class QScrollArea;
class QTabWidget;
class QToolBar;
class QToolButton;
class QSplitter;

namespace shufflescope::ui {

class ChannelFlowView;
class CostPanel;
class FeatureMapCanvas;
class OperationView;
class PredictionPanel;
class TimelineView;
class TrainPanel;
class HighlightOverlay;
class LessonPanel;
class LessonRunner;
class PointerHighlight;
class PresenterBanner;
struct Demo;
struct PresenterRestore;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    // restoreSettings: false for tests and screenshots (a clean, reproducible state).
    explicit MainWindow(bool restoreSettings = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    Session& session() { return *session_; }

    // The one way lessons, saved demos, the command line and the window's own actions set what
    // the window shows (session/scene.h): every field of `scene` is checked first, then all are
    // applied; when one cannot be, nothing is, and its error names the field and the value.
    std::optional<SceneError> applyScene(const Scene& scene);
    // The error applyScene would give `scene` now, without applying anything.
    std::optional<SceneError> checkScene(const Scene& scene) const;
    // What the window shows, every field set: the selection as asked for, also while the result
    // it belongs to is still on its way.
    Scene scene() const;

    // The app's commands by id ("step.next", "groups.8", "shuffle", ...): main_window_actions.cpp.
    QAction* action(const QString& id) const;
    // The network tree and the prediction-and-cost docks: hidden (H) to give a projector's screen
    // to the operation view.
    void setSidePanelsVisible(bool visible);
    bool sidePanelsVisible() const;

    // The centre views: "operation", "flow", "features", "cost", "compare", "train" (a scene
    // naming only its view). False for any other name.
    bool showView(const QString& name);
    void setFontScale(double scale);
    double fontScale() const { return fontScale_; }
    // The last error shown to the user (tests check it; the dialog itself is non-blocking).
    const QString& lastError() const { return lastError_; }
    void setAnimationsEnabled(bool on);
    void setTheme(const QString& theme) { applyTheme(theme); }  // "system", "light", "dark"
    // A/B compare on, with B as the toolbar's box offers it: 0 = the shuffle flipped, 1..8 = g
    // (a scene naming only the comparison).
    void setComparisonChoice(int choice);
    // A message to the user (status bar and a non-blocking dialog).
    void showError(const QString& message);

    // [presenter] main_window_presenter.cpp. Presenter mode (F5): full screen, large high-contrast
    // text, only the operation view or channel flow and the feature maps, the step's cost as one
    // badge, the caption; every other control hidden. Leaving (F5, Esc) gives back the layout,
    // docks, toolbars, window state and text size exactly as they were.
    void setPresenterMode(bool on);
    bool presenterMode() const { return presenterRestore_ != nullptr; }
    // False: presenter mode keeps the window's size instead of going full screen (--screenshot,
    // whose --size is the picture's).
    void setPresenterUsesFullScreen(bool on) { presenterFullScreen_ = on; }
    // The text presenter mode shows under the views (a lesson's step); empty: no caption.
    void setPresenterCaption(const QString& text);
    const QString& presenterCaption() const { return presenterCaption_; }
    PresenterBanner* presenterBanner() const { return presenterBanner_; }
    PointerHighlight* pointerHighlight() const { return pointerHighlight_; }

    // [demos] main_window_demo.cpp. A saved demo (session/demo_file.h): the whole state as a
    // small JSON file. Opening checks everything first — the file, the image, the scene — and
    // applies all of it or nothing; the error names the file, the line where it can and the
    // problem (nullopt: opened).
    std::optional<QString> openDemo(const QString& path);
    // Writes the current state to `path`; an error message, or nullopt.
    std::optional<QString> saveDemo(const QString& path) const;
    // What a demo saved now would hold.
    Demo demo() const;
    const QString& theme() const { return theme_; }

    // Views, for tests.
    OperationView* operationView() const { return operation_; }
    FeatureMapCanvas* canvas() const { return canvas_; }
    CostPanel* costPanel() const { return cost_; }
    PredictionPanel* predictionPanel() const { return prediction_; }
    TimelineView* timeline() const { return timeline_; }
    ChannelFlowView* channelFlow() const { return flow_; }
    TrainPanel* trainPanel() const { return train_; }
    LessonPanel* lessonPanel() const { return lessonPanel_; }
    LessonRunner* lessonRunner() const { return lessonRunner_; }
    HighlightOverlay* highlightOverlay() const { return highlight_; }

    // [lessons] main_window_lessons.cpp
    // Opens a bundled lesson by name, or a lesson file, at `step` (0-based) and shows the Lesson
    // panel; the message (file:line: problem) when it cannot, and nothing changes.
    std::optional<QString> openLesson(const QString& nameOrFile, int step = 0);
    // The widgets a lesson's `highlight:` names ("groups", "cost", ...; lessonHighlightTargets()).
    QList<QWidget*> highlightWidgets(const std::string& target) const;

  public slots:
    void openImageDialog();
    void openCheckpointDialog();
    void openLessonDialog();
    void toggleLessonPanel();
    void toggleComparison();
    void showShortcuts();
    void openDemoDialog();
    void saveDemoDialog();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    enum class Glyph { Play, Pause, Previous, Next };
    QIcon glyphIcon(Glyph glyph) const;
    void refreshGlyphs();
    void buildActions();
    void buildLessons();
    void refreshHighlights();
    // The Lesson dock's width: a sentence per line, but never more than a third of the window.
    void fitLessonDock();
    // Presenting a lesson: Space / Page Down reveal or go on, Page Up goes back (the lesson.*
    // actions), and the walk and unit keys they share are off; otherwise the other way round.
    void refreshLessonKeys();
    void lessonForward();
    void buildMenus();
    void fillSamplesMenu(QMenu* samples);
    void addThemeAndLanguageMenus(QMenu* view);
    // [scene] main_window_scene.cpp
    SceneState sceneState() const;
    Comparison choiceB() const;  // the B box's choice
    // applyScene for the window's own controls: an error (there should be none) is shown.
    void requestScene(const Scene& scene);
    // The step keys and the walk: the step `to` picks (clamped; -1 stays) in the network the
    // configuration asked for, from the index of the step asked for — not from a result still on
    // its way, whose network and selection may be older.
    void requestStep(const std::function<int(const Network& network, int at)>& to);
    void requestPreset(const QString& preset);  // P and the Model box: g and the shuffle kept
    // Shows a view resolveScene has checked (never "compare": the scene turned that into
    // "features" with the comparison on).
    void presentView(const QString& name);
    void buildToolbar();
    void buildViews();
    void refreshControls();
    void refreshViews();
    void refreshComparison();
    void refreshTitle();
    void openPath(const QString& path);
    void saveSettings() const;
    void restoreSettings();
    void applyTheme(const QString& theme);
    // Shows, hides and sizes the side panels for the window's width (layout/side_panels.h).
    void fitSidePanels();
    void fitToolbars();
    // The operation view's share of the centre's height; the feature maps get the rest. False
    // before the splitter is laid out.
    bool setDiagramShare(double share);
    // [presenter] the banner's facts and the caption follow the step and the text size.
    void refreshPresenter();
    void restoreAfterPresenter(const PresenterRestore& saved);

    Session* session_ = nullptr;
    bool persist_ = true;
    double fontScale_ = 1.0;
    QString lastError_;

    TimelineView* timeline_ = nullptr;
    OperationView* operation_ = nullptr;
    ChannelFlowView* flow_ = nullptr;
    FeatureMapCanvas* canvas_ = nullptr;
    CostPanel* cost_ = nullptr;
    PredictionPanel* prediction_ = nullptr;
    QDockWidget* timelineDock_ = nullptr;
    QDockWidget* costDock_ = nullptr;
    QScrollArea* predictionAndCost_ = nullptr;  // the right dock's scrolling content
    TrainPanel* train_ = nullptr;
    LessonRunner* lessonRunner_ = nullptr;
    LessonPanel* lessonPanel_ = nullptr;
    QDockWidget* lessonDock_ = nullptr;
    HighlightOverlay* highlight_ = nullptr;
    QLabel* costVeil_ = nullptr;  // in the cost panel's place while a lesson's question is open
    QScrollArea* trainTab_ = nullptr;  // the Train tab: train_ in a scroll area
    QTabWidget* centreTabs_ = nullptr;
    QList<int> splitBeforeTraining_;  // the centre's split while the Train tab hides the canvas
    QSplitter* centreSplit_ = nullptr;

    QComboBox* presetBox_ = nullptr;
    QComboBox* widthBox_ = nullptr;
    QHash<QString, QAction*> actions_;
    QList<QAction*> actionOrder_;  // the table's order: menus and the F1 sheet
    QActionGroup* groupActions_ = nullptr;
    QToolButton* shuffleButton_ = nullptr;
    QToolButton* playButton_ = nullptr;
    QToolButton* compareButton_ = nullptr;
    QComboBox* compareBox_ = nullptr;
    QSlider* speedSlider_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QLabel* busyLabel_ = nullptr;
    QToolBar* controlsBar_ = nullptr;
    QToolBar* playbackBar_ = nullptr;
    QTimer playTimer_;
    QTimer pendingTimer_;  // veils the views when a result takes longer than a blink
    QString theme_ = QStringLiteral("system");
    QString view_ = QStringLiteral("operation");  // the last view asked for, or the tab since
    bool denseGhost_ = false;
    SidePanelMode panelMode_ = SidePanelMode::Automatic;
    SidePanelFit lastFit_;
    bool fitting_ = false;  // showing or hiding a dock resizes the window's layout re-entrantly
    std::optional<bool> shortWindow_;  // whether the centre split was last set for a short window

    // Presenter mode: its strip above the views, the caption below them, the pointer's circle
    // over them, and what entering it changed (null: not presenting).
    PresenterBanner* presenterBanner_ = nullptr;
    QLabel* presenterCaptionLabel_ = nullptr;
    PointerHighlight* pointerHighlight_ = nullptr;
    QString presenterCaption_;
    std::unique_ptr<PresenterRestore> presenterRestore_;
    bool presenterFullScreen_ = true;
    std::function<void()> restoreOnResize_;  // puts the docks back once the old size is back
};

}  // namespace shufflescope::ui
