#pragma once
// The ShuffleScope window: network timeline (left), operation view / channel flow (centre top),
// the ImGui feature-map canvas (centre bottom), cost and prediction (right), a toolbar with every
// control. Owns the Session; views only draw what the session's snapshots hold.

#include <QMainWindow>
#include <QTimer>

#include "session/session.h"

class QActionGroup;
class QButtonGroup;
class QComboBox;
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

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    // restoreSettings: false for tests and screenshots (a clean, reproducible state).
    explicit MainWindow(bool restoreSettings = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    Session& session() { return *session_; }

    // The centre views: "operation", "flow", "features", "cost", "compare", "train".
    bool showView(const QString& name);
    void setFontScale(double scale);
    double fontScale() const { return fontScale_; }
    // The last error shown to the user (tests check it; the dialog itself is non-blocking).
    const QString& lastError() const { return lastError_; }
    void setAnimationsEnabled(bool on);
    void setTheme(const QString& theme) { applyTheme(theme); }  // "system", "light", "dark"

    // Views, for tests.
    OperationView* operationView() const { return operation_; }
    FeatureMapCanvas* canvas() const { return canvas_; }
    CostPanel* costPanel() const { return cost_; }
    PredictionPanel* predictionPanel() const { return prediction_; }
    TimelineView* timeline() const { return timeline_; }
    ChannelFlowView* channelFlow() const { return flow_; }
    TrainPanel* trainPanel() const { return train_; }

  public slots:
    void openImageDialog();
    void openCheckpointDialog();
    void toggleComparison();
    void showShortcuts();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

  private:
    void buildMenus();
    void buildToolbar();
    void buildViews();
    void refreshControls();
    void refreshViews();
    void refreshComparison();
    void refreshTitle();
    void showError(const QString& message);
    void openPath(const QString& path);
    void saveSettings() const;
    void restoreSettings();
    void applyTheme(const QString& theme);
    void updateStepTreeWidth();
    // Sets a dock content's minimum width; when it falls, the dock shrinks to it too.
    void setMinimumDockWidth(QWidget* content, int width);

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
    QScrollArea* predictionAndCost_ = nullptr;  // the right dock's scrolling content
    TrainPanel* train_ = nullptr;
    QTabWidget* centreTabs_ = nullptr;
    QList<int>
        splitBeforeTraining_;  // the centre split's sizes while the Train tab hides the canvas
    QSplitter* centreSplit_ = nullptr;

    QComboBox* presetBox_ = nullptr;
    QComboBox* widthBox_ = nullptr;
    QButtonGroup* groupButtons_ = nullptr;
    QToolButton* shuffleButton_ = nullptr;
    QToolButton* playButton_ = nullptr;
    QToolButton* compareButton_ = nullptr;
    QComboBox* compareBox_ = nullptr;
    QSlider* speedSlider_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QLabel* busyLabel_ = nullptr;
    QToolBar* playbackBar_ = nullptr;
    QTimer playTimer_;
    QString theme_ = QStringLiteral("system");
    bool denseGhost_ = false;
};

}  // namespace shufflescope::ui
