// The main window (declared in main_window.h). Its action table is main_window_actions.cpp,
// the scene it shows (read and set as one value) main_window_scene.cpp, presenter mode
// main_window_presenter.cpp, saved demos main_window_demo.cpp.
//
// Sections (// [SECTION] below, in this order):
//   Construction        the session, the views and docks, toolbars, samples and theme menus
//   State -> views      the controls, the views and the comparison follow the session
//   Files and messages  open dialogs, dropped files, errors shown to the user
//   Layout              the centre split, side panels, text size, toolbar rows, theme
//   Input               drag and drop
//   Settings            saved and restored between runs

#include "main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "canvas/feature_map_canvas.h"
#include "layout/side_panels.h"
#include "presenter/pointer_highlight.h"
#include "presenter/presenter_banner.h"
#include "presenter/presenter_mode.h"
#include "session/assets.h"
#include "shufflescope/base/error.h"
#include "text/engine_text.h"
#include "text/number_format.h"
#include "training/train_panel.h"
#include "tutor/lesson_panel.h"
#include "views/channel_flow_view.h"
#include "views/cost_panel.h"
#include "views/operation/operation_view.h"
#include "views/prediction_panel.h"
#include "views/timeline_view.h"

namespace shufflescope::ui {

namespace {

const double kMinFontScale = 0.8, kMaxFontScale = 2.5;
constexpr int kTimelineWidth = 330;  // the step tree's minimum width at 1x text

bool isCheckpoint(const QString& path) {
    return path.endsWith(QStringLiteral(".safetensors"), Qt::CaseInsensitive);
}

bool isSupportedFile(const QString& path) {
    static const QStringList suffixes = {
        QStringLiteral("png"),         QStringLiteral("jpg"),  QStringLiteral("jpeg"),
        QStringLiteral("bmp"),         QStringLiteral("gif"),  QStringLiteral("npy"),
        QStringLiteral("safetensors"), QStringLiteral("json"), QStringLiteral("lesson")};
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

QString configSummary(const ModelConfig& c) {
    return QStringLiteral("g=%1 %2 %3")
        .arg(c.groups)
        .arg(QString::fromStdString(widthScaleName(c.widthScale)))
        .arg(c.shuffle ? QObject::tr("shuffle") : QObject::tr("no shuffle"));
}

}  // namespace

// [SECTION] Construction

MainWindow::MainWindow(bool restoreSettingsFlag, QWidget* parent)
    : QMainWindow(parent), persist_(restoreSettingsFlag) {
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    session_ = new Session(this);
    buildViews();
    buildActions();
    buildToolbar();
    buildLessons();
    buildMenus();
    statusBar()->showMessage(
        tr("\u2190/\u2192 step \u00b7 1–8 groups \u00b7 S shuffle \u00b7 Space play \u00b7 F1 all "
           "shortcuts"));
    busyLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(busyLabel_);

    connect(session_, &Session::requestChanged, this, &MainWindow::refreshControls);
    connect(session_, &Session::snapshotChanged, this, &MainWindow::refreshViews);
    connect(session_, &Session::selectionChanged, this, &MainWindow::refreshViews);
    connect(session_, &Session::comparisonChanged, this, &MainWindow::refreshComparison);
    connect(session_, &Session::failed, this, &MainWindow::showError);
    connect(session_, &Session::forwardTimeChanged, this,
            [this] { prediction_->setForwardTime(session_->forwardTime()); });
    // Measured time (opt-in): the session times each new snapshot on a worker thread.
    cost_->setMeasureAction(action(QStringLiteral("timing.measure")));
    connect(session_, &Session::timingChanged, this, [this] {
        action(QStringLiteral("timing.measure"))->setChecked(session_->measuringTime());
        cost_->setTiming(session_->timing(), session_->timingRunning());
        timeline_->setTiming(session_->timing());
    });
    // A result that takes longer than a blink is announced in the views themselves, over the old
    // picture (the first shuffle toggle once showed the stale flow for a third of a second with
    // only the status bar saying anything).
    pendingTimer_.setSingleShot(true);
    pendingTimer_.setInterval(120);
    const auto showPending = [this] {
        if (!session_->busy()) return;
        const QString text = tr("Computing %1\u2026").arg(describeConfig(session_->config()));
        operation_->setPending(text);
        flow_->setPending(text);
    };
    connect(&pendingTimer_, &QTimer::timeout, this, showPending);
    // A new request while the veil is up (8, then S): it names the newest.
    connect(session_, &Session::requestChanged, this, [this, showPending] {
        if (!operation_->pending().isEmpty()) showPending();
    });
    connect(session_, &Session::busyChanged, this, [this](bool busy) {
        busyLabel_->setText(busy ? tr("Computing\u2026") : QString());
        if (busy) {
            pendingTimer_.start();
        } else {
            pendingTimer_.stop();
            operation_->setPending({});
            flow_->setPending({});
        }
    });
    connect(&playTimer_, &QTimer::timeout, this, [this] {
        requestStep([](const Network& network, int at) {
            return at + 1 < network.stepCount() ? at + 1 : 0;
        });
    });

    // Never larger than the screen it opens on (a 1280x720 projector is common).
    resize(QSize(1600, 960).boundedTo(screen()->availableSize()));
    if (persist_)
        restoreSettings();
    else
        applyTheme(theme_);
    refreshControls();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildViews() {
    timeline_ = new TimelineView(this);
    connect(timeline_, &TimelineView::stepSelected, session_, &Session::selectStep);
    timelineDock_ = new QDockWidget(tr("Network"), this);
    auto* timelineDock = timelineDock_;
    timelineDock->setObjectName(QStringLiteral("NetworkDock"));
    timelineDock->setWidget(timeline_);
    // Not closable: the side panels hide and show together with H (View menu), which also
    // brings them back after the window gave them up for room.
    timelineDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, timelineDock);

    operation_ = new OperationView(this);
    flow_ = new ChannelFlowView(this);
    centreTabs_ = new QTabWidget(this);
    centreTabs_->addTab(operation_, tr("Operation"));
    centreTabs_->addTab(flow_, tr("Channel flow"));
    centreTabs_->setTabToolTip(0,
                               tr("What the selected step computes, animated (F switches view)"));
    centreTabs_->setTabToolTip(
        1, tr("Which earlier channels can reach the selected channel (the boundary effect)"));
    train_ = new TrainPanel(this);
    // Its controls and charts need more height than a small screen has: it scrolls rather than
    // making the whole window taller than the screen.
    trainTab_ = new QScrollArea(this);
    trainTab_->setWidget(train_);
    trainTab_->setWidgetResizable(true);
    trainTab_->setFrameShape(QFrame::NoFrame);
    centreTabs_->addTab(trainTab_, tr("Train"));
    centreTabs_->setTabToolTip(
        2, tr("Train a Fashion-MNIST network here and watch it learn; overlay shuffle on and off"));
    connect(train_, &TrainPanel::failed, this, &MainWindow::showError);
    connect(train_, &TrainPanel::exploreRequested, this, [this](const QString& path) {
        session_->openCheckpoint(path);
        centreTabs_->setCurrentWidget(operation_);
    });
    connect(operation_, &OperationView::channelClicked, session_, &Session::selectChannel);
    connect(flow_, &ChannelFlowView::channelClicked, this, [this](int step, int channel) {
        session_->selectStep(step);
        session_->selectChannel(channel);
    });

    canvas_ = new FeatureMapCanvas(this);
    canvas_->setStatusTip(
        tr("Feature maps: wheel zooms, drag pans, double-click resets, click a channel to enlarge "
           "it"));
    connect(canvas_, &FeatureMapCanvas::channelClicked, session_, &Session::selectChannel);

    centreSplit_ = new QSplitter(Qt::Vertical, this);
    centreSplit_->addWidget(centreTabs_);
    centreSplit_->addWidget(canvas_);
    // The operation view is the lesson: two thirds of the height, the feature maps the rest.
    centreSplit_->setStretchFactor(0, 2);
    centreSplit_->setStretchFactor(1, 1);
    centreSplit_->setSizes({600, 300});
    // Presenter mode's banner above the views and caption below them, hidden otherwise; its
    // pointer highlight over all of them (main_window_presenter.cpp).
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    presenterBanner_ = new PresenterBanner(centre);
    presenterBanner_->hide();
    presenterCaptionLabel_ = new QLabel(centre);
    presenterCaptionLabel_->setObjectName(QStringLiteral("PresenterCaption"));
    presenterCaptionLabel_->setWordWrap(true);
    presenterCaptionLabel_->setAlignment(Qt::AlignCenter);
    presenterCaptionLabel_->setTextFormat(Qt::PlainText);
    presenterCaptionLabel_->hide();
    centreLayout->addWidget(presenterBanner_);
    centreLayout->addWidget(centreSplit_, 1);
    centreLayout->addWidget(presenterCaptionLabel_);
    pointerHighlight_ = new PointerHighlight(centre);
    setCentralWidget(centre);
    // The Train tab needs the height: the canvas below shows the explorer's network, not the one
    // being trained (the panel draws that one's feature maps itself), so it folds away meanwhile.
    connect(centreTabs_, &QTabWidget::currentChanged, this, [this](int) {
        // The tab chosen (by a scene, a key or a click) is the view a scene reads back.
        view_ = centreTabs_->currentWidget() == flow_       ? QStringLiteral("flow")
                : centreTabs_->currentWidget() == trainTab_ ? QStringLiteral("train")
                                                            : QStringLiteral("operation");
        const bool training = centreTabs_->currentWidget() == trainTab_;
        if (training && splitBeforeTraining_.isEmpty()) {
            splitBeforeTraining_ = centreSplit_->sizes();
            centreSplit_->setSizes({1, 0});
        } else if (!training && !splitBeforeTraining_.isEmpty()) {
            centreSplit_->setSizes(splitBeforeTraining_);
            splitBeforeTraining_.clear();
        }
    });

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    cost_ = new CostPanel(right);
    prediction_ = new PredictionPanel(right);
    // Prediction first: with large text the panel may scroll, and the chart is the part to lose.
    // No "Prediction" heading: the dock's title names it, and a projector needs the height.
    rightLayout->addWidget(prediction_);
    rightLayout->addWidget(cost_, 1);
    prediction_->setFontScale(1.0);
    costDock_ = new QDockWidget(tr("Prediction and cost"), this);
    auto* rightDock = costDock_;
    rightDock->setObjectName(QStringLiteral("CostDock"));
    // Large projector text can make the panel taller than the window: scroll rather than squash.
    predictionAndCost_ = new QScrollArea(rightDock);
    predictionAndCost_->setWidget(right);
    predictionAndCost_->setWidgetResizable(true);
    predictionAndCost_->setFrameShape(QFrame::NoFrame);
    predictionAndCost_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    rightDock->setWidget(predictionAndCost_);
    right->installEventFilter(this);  // its layout requests resize the dock (eventFilter)
    rightDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, rightDock);
}

void MainWindow::buildToolbar() {
    auto* bar = addToolBar(tr("Controls"));
    bar->setObjectName(QStringLiteral("Controls"));
    controlsBar_ = bar;
    bar->setMovable(false);

    presetBox_ = new QComboBox(bar);
    presetBox_->addItem(tr("ImageNet geometry"), QStringLiteral("imagenet"));
    presetBox_->addItem(tr("Fashion-MNIST"), QStringLiteral("fashion"));
    presetBox_->setToolTip(tr("Model preset (P)"));
    connect(presetBox_, &QComboBox::activated, this,
            [this](int i) { requestPreset(presetBox_->itemData(i).toString()); });
    bar->addWidget(new QLabel(tr(" Model "), bar));
    bar->addWidget(presetBox_);

    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Groups g "), bar));
    for (QAction* a : groupActions_->actions()) {
        auto* button = new QToolButton(bar);
        button->setDefaultAction(a);
        button->setAutoRaise(false);
        bar->addWidget(button);
    }

    shuffleButton_ = new QToolButton(bar);
    shuffleButton_->setDefaultAction(action(QStringLiteral("shuffle")));
    bar->addSeparator();
    bar->addWidget(shuffleButton_);

    widthBox_ = new QComboBox(bar);
    for (double s : supportedWidthScales())
        widthBox_->addItem(QString::fromStdString(widthScaleName(s)), s);
    widthBox_->setToolTip(tr("Width scale (W): every filter count times s, cost about s\u00b2"));
    connect(widthBox_, &QComboBox::activated, this,
            [this](int i) { requestScene({.widthScale = widthBox_->itemData(i).toDouble()}); });
    bar->addWidget(new QLabel(tr(" Width "), bar));
    bar->addWidget(widthBox_);

    // Playback and compare live in a second toolbar so that, with projector-sized text, it can
    // move to its own row instead of being cut off (see setFontScale).
    bar = addToolBar(tr("Playback"));
    bar->setObjectName(QStringLiteral("Playback"));
    bar->setMovable(false);
    playbackBar_ = bar;
    auto* back = new QToolButton(bar);
    back->setDefaultAction(action(QStringLiteral("step.previous")));
    playButton_ = new QToolButton(bar);
    playButton_->setDefaultAction(action(QStringLiteral("play")));
    auto* forward = new QToolButton(bar);
    forward->setDefaultAction(action(QStringLiteral("step.next")));
    speedSlider_ = new QSlider(Qt::Horizontal, bar);
    speedSlider_->setRange(250, 3000);
    speedSlider_->setValue(1200);
    speedSlider_->setInvertedAppearance(true);  // right = faster
    speedSlider_->setMaximumWidth(120);
    speedSlider_->setToolTip(tr("Speed of the automatic walk ([ slower, ] faster)"));
    connect(speedSlider_, &QSlider::valueChanged, this, [this](int ms) {
        if (playTimer_.isActive()) playTimer_.start(ms);
    });
    bar->addWidget(back);
    bar->addWidget(playButton_);
    bar->addWidget(forward);
    bar->addWidget(speedSlider_);
    stepLabel_ = new QLabel(bar);
    stepLabel_->setMinimumWidth(220);
    bar->addWidget(stepLabel_);

    bar->addSeparator();
    compareButton_ = new QToolButton(bar);
    compareButton_->setDefaultAction(action(QStringLiteral("compare")));
    compareButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    action(QStringLiteral("compare"))->setIconText(tr("A/B compare"));
    compareBox_ = new QComboBox(bar);
    compareBox_->addItem(tr("B: shuffle flipped"), 0);
    for (int g = 1; g <= 8; ++g) compareBox_->addItem(tr("B: g = %1").arg(g), g);
    compareBox_->setToolTip(action(QStringLiteral("compare.next"))->toolTip());
    connect(compareBox_, &QComboBox::activated, this, [this] {
        if (session_->comparisonConfig()) requestScene({.compare = choiceB()});
    });
    bar->addWidget(compareButton_);
    bar->addWidget(compareBox_);
}

void MainWindow::fillSamplesMenu(QMenu* samples) {
    // The Fashion-MNIST garments by their (translated) class names, then the photos.
    const QDir dir(samplesDirectory());
    QFileInfoList files = dir.entryInfoList({QStringLiteral("*.png"), QStringLiteral("*.jpg")},
                                            QDir::Files, QDir::Name);
    const auto photos =
        std::stable_partition(files.begin(), files.end(), [](const QFileInfo& info) {
            return info.completeBaseName().startsWith(QLatin1String("fashion-"));
        });
    for (auto it = files.begin(); it != files.end(); ++it) {
        if (it == photos && it != files.begin()) samples->addSeparator();
        const QString path = it->absoluteFilePath();
        samples->addAction(sampleDisplayName(it->completeBaseName()), this,
                           [this, path] { session_->openInput(path); });
    }
}

void MainWindow::addThemeAndLanguageMenus(QMenu* view) {
    view->addSeparator();
    auto* themes = new QActionGroup(this);
    for (const auto& [key, label] : {std::pair{"system", QT_TR_NOOP("System theme")},
                                     {"light", QT_TR_NOOP("Light theme")},
                                     {"dark", QT_TR_NOOP("Dark theme")}}) {
        QAction* action = view->addAction(tr(label));
        action->setCheckable(true);
        action->setChecked(theme_ == QLatin1String(key));
        themes->addAction(action);
        const QString name = QString::fromLatin1(key);
        connect(action, &QAction::triggered, this, [this, name] { applyTheme(name); });
    }

    view->addSeparator();
    QMenu* language = view->addMenu(tr("Language"));
    const QString current = QSettings().value(QStringLiteral("view/language")).toString();
    auto* languages = new QActionGroup(this);
    for (const auto& [code, name] : {std::pair{"en", "English"}, {"zh_CN", "简体中文"}}) {
        QAction* action = language->addAction(QString::fromUtf8(name));
        action->setCheckable(true);
        action->setChecked(current == QLatin1String(code));
        languages->addAction(action);
        const QString value = QString::fromLatin1(code);
        connect(action, &QAction::triggered, this, [this, value] {
            QSettings().setValue(QStringLiteral("view/language"), value);
            statusBar()->showMessage(tr("The language changes when ShuffleScope starts again."),
                                     10000);
        });
    }
}

// [SECTION] State -> views

void MainWindow::refreshControls() {
    const ModelConfig& c = session_->config();
    presetBox_->setCurrentIndex(presetBox_->findData(QString::fromStdString(c.preset)));
    for (QAction* a : groupActions_->actions()) a->setChecked(a->data().toInt() == c.groups);
    QAction* shuffle = action(QStringLiteral("shuffle"));
    shuffle->setChecked(c.shuffle);
    shuffle->setIconText(c.shuffle ? tr("Shuffle: on") : tr("Shuffle: off"));
    widthBox_->setCurrentIndex(widthBox_->findData(c.widthScale));
    refreshTitle();
}

void MainWindow::refreshTitle() {
    const SnapshotPtr s = session_->snapshot();
    QString title = tr("ShuffleScope \u2014 %1").arg(describeConfig(session_->config()));
    if (s && !s->trained) title += tr(" (untrained)");
    setWindowTitle(title);
}

void MainWindow::refreshViews() {
    const SnapshotPtr s = session_->snapshot();
    if (!s) return;
    const int step = session_->selectedStep();
    const int channel = session_->selectedChannel();
    timeline_->setSnapshot(s);
    timeline_->setCurrentStep(step);
    operation_->setSnapshot(s, step);
    operation_->setSelectedChannel(channel);
    flow_->setSnapshot(s, step, channel);
    cost_->setSnapshot(s, step);
    prediction_->setSnapshot(s);
    prediction_->setForwardTime(session_->forwardTime());
    canvas_->setSnapshot(s, step);
    canvas_->setSelectedChannel(channel);
    const Step& st = s->step(step);
    stepLabel_->setText(tr("  Step %1 / %2: <b>%3</b>")
                            .arg(step + 1)
                            .arg(s->network->stepCount())
                            .arg(QString::fromStdString(st.name)));
    refreshComparison();
    refreshTitle();
    refreshPresenter();
}

void MainWindow::refreshComparison() {
    const SnapshotPtr a = session_->snapshot();
    const SnapshotPtr b = session_->comparisonSnapshot();
    action(QStringLiteral("compare"))->setChecked(session_->comparisonConfig().has_value());
    // The B box names what B is, however B was chosen (setCurrentIndex does not emit activated).
    if (const auto& chosen = session_->comparisonConfig())
        compareBox_->setCurrentIndex(compareBox_->findData(
            chosen->groups != session_->config().groups ? chosen->groups : 0));
    if (!a || !b || !session_->comparisonConfig()) {
        canvas_->setComparison(nullptr, 0, {}, {});
        return;
    }
    const int step = session_->selectedStep();
    const auto bStep = b->network->findStep(a->step(step).name);
    // The canvas captions each side with its MACs, test accuracy and top prediction.
    const auto label = [](const Snapshot& s) { return configSummary(s.config()); };
    canvas_->setComparison(b, bStep ? *bStep : 0, QStringLiteral("A: ") + label(*a),
                           QStringLiteral("B: ") + label(*b));
}

// [SECTION] Files and messages

void MainWindow::openImageDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open image"), QFileInfo(session_->inputPath()).absolutePath(),
        tr("Images and tensors (*.png *.jpg *.jpeg *.bmp *.gif *.npy);;All files (*)"));
    if (!path.isEmpty()) session_->openInput(path);
}

void MainWindow::openCheckpointDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open checkpoint"), QString(), tr("Checkpoints (*.safetensors);;All files (*)"));
    if (!path.isEmpty()) session_->openCheckpoint(path);
}

void MainWindow::openPath(const QString& path) {
    if (path.endsWith(QStringLiteral(".lesson"), Qt::CaseInsensitive)) {
        if (const auto error = openLesson(path)) showError(*error);
    } else if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        if (const auto error = openDemo(path)) showError(*error);
    } else if (isCheckpoint(path))
        session_->openCheckpoint(path);
    else
        session_->openInput(path);
}

void MainWindow::showError(const QString& message) {
    lastError_ = message;
    statusBar()->showMessage(message, 10000);
    // Non-blocking: a class keeps going while the message is up.
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("ShuffleScope"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this] { activateWindow(); });
    box->open();
}

// [SECTION] Layout: the centre split, side panels, text size, toolbars, theme

// The centre split in pixels: given as proportions, QSplitter shares the difference out by the
// stretch factors instead, and the feature maps never got the room the compare view asked for.
bool MainWindow::setDiagramShare(double share) {
    const QList<int> sizes = centreSplit_->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (total <= 0) return false;  // not laid out yet
    const int diagram = int(total * share);
    centreSplit_->setSizes({diagram, total - diagram});
    return true;
}

void MainWindow::setSidePanelsVisible(bool visible) {
    // Presenter mode keeps them hidden; the choice applies when it ends.
    if (presenterMode()) {
        presenterRestore_->panelMode = visible ? SidePanelMode::Shown : SidePanelMode::Hidden;
        return;
    }
    panelMode_ = visible ? SidePanelMode::Shown : SidePanelMode::Hidden;
    fitSidePanels();
}

bool MainWindow::sidePanelsVisible() const {
    return !timelineDock_->isHidden() || !costDock_->isHidden();
}

void MainWindow::setFontScale(double scale) {
    fontScale_ = std::clamp(scale, kMinFontScale, kMaxFontScale);
    QFont f = QApplication::font();
    f.setPointSizeF(10.0 * fontScale_);
    setFont(f);
    menuBar()->setFont(f);
    timeline_->setFontScale(fontScale_);
    operation_->setFontScale(fontScale_);
    flow_->setFontScale(fontScale_);
    canvas_->setFontScale(fontScale_);
    cost_->setFontScale(fontScale_);
    prediction_->setFontScale(fontScale_);
    train_->setFontScale(fontScale_);
    lessonPanel_->setFontScale(fontScale_);
    fitLessonDock();
    // QComboBox keeps its minimum size hint from the old font (Qt 6 resets only its size hint on
    // a font change, both on a style change): after presenter mode's large text the toolbars
    // stayed tall.
    for (QComboBox* box : findChildren<QComboBox*>()) {
        QEvent styleChange(QEvent::StyleChange);
        QApplication::sendEvent(box, &styleChange);
    }
    refreshPresenter();
    fitSidePanels();
    fitToolbars();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // The prediction-and-cost content's width changes with text size, language and model: refit
    // the panels so it is never cut (a dock sized for small text kept its width after "Projector
    // (large text)" and cut the cost table and chart off).
    if (predictionAndCost_ && watched == predictionAndCost_->widget() &&
        event->type() == QEvent::LayoutRequest)
        fitSidePanels();
    return QMainWindow::eventFilter(watched, event);
}

// The step tree's name and shape columns grow with the text and its MACs bars need what is left;
// the prediction and cost content needs its full width. Both give way to the centre
// (layout/side_panels.h).
void MainWindow::fitSidePanels() {
    if (!predictionAndCost_ || fitting_) return;
    fitting_ = true;
    const int treeWanted = int(kTimelineWidth * std::clamp(fontScale_, 1.0, 1.45));
    const int rightNeeded = predictionAndCost_->widget()->minimumSizeHint().width() +
                            predictionAndCost_->verticalScrollBar()->sizeHint().width();
    const SidePanelFit fit = ui::fitSidePanels(width(), treeWanted, rightNeeded, panelMode_);
    timeline_->setMinimumWidth(fit.leftWidth);
    predictionAndCost_->setMinimumWidth(fit.rightWidth);
    timelineDock_->setVisible(fit.showLeft);
    costDock_->setVisible(fit.showRight);
    if (fit.leftWidth != lastFit_.leftWidth || fit.rightWidth != lastFit_.rightWidth ||
        fit.showLeft != lastFit_.showLeft || fit.showRight != lastFit_.showRight)
        resizeDocks({timelineDock_, costDock_}, {fit.leftWidth, fit.rightWidth}, Qt::Horizontal);
    if (panelMode_ == SidePanelMode::Automatic && lastFit_.showRight && !fit.showRight)
        statusBar()->showMessage(
            tr("Prediction and cost are hidden to give the diagram room: H shows them."), 8000);
    lastFit_ = fit;
    action(QStringLiteral("view.panels"))->setChecked(fit.showLeft || fit.showRight);
    fitting_ = false;
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    fitLessonDock();
    fitSidePanels();
    fitToolbars();
    // On a short screen (a 720-line projector) the diagram takes three quarters of the centre's
    // height, elsewhere two thirds; set when the window changes between the two, so a split the
    // user dragged stays.
    const bool shortWindow = height() < 800;
    if (shortWindow != shortWindow_ && centreTabs_->currentWidget() != trainTab_ &&
        setDiagramShare(shortWindow ? 0.75 : 2.0 / 3.0))
        shortWindow_ = shortWindow;
    if (restoreOnResize_) restoreOnResize_();  // presenter mode has just ended
}

// Two toolbar rows when one row would be cut off (large text, a narrow screen).
void MainWindow::fitToolbars() {
    const bool oneRow =
        controlsBar_->sizeHint().width() + playbackBar_->sizeHint().width() + 16 <= width();
    if (oneRow == !toolBarBreak(playbackBar_)) return;
    removeToolBarBreak(playbackBar_);
    if (!oneRow) insertToolBarBreak(playbackBar_);
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    // Full screen can also end by the window manager's hand: keep the View menu's tick true.
    if (event->type() == QEvent::WindowStateChange && !actions_.isEmpty())
        action(QStringLiteral("view.fullScreen"))->setChecked(isFullScreen());
    if (event->type() == QEvent::PaletteChange) refreshGlyphs();
}

void MainWindow::setAnimationsEnabled(bool on) {
    operation_->setAnimationEnabled(on);
}

void MainWindow::applyTheme(const QString& theme) {
    theme_ = theme;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = QApplication::style()->standardPalette();
    if (theme == QLatin1String("dark")) {
        palette.setColor(QPalette::Window, QColor(37, 37, 40));
        palette.setColor(QPalette::WindowText, QColor(235, 235, 235));
        palette.setColor(QPalette::Base, QColor(28, 28, 30));
        palette.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
        palette.setColor(QPalette::Text, QColor(235, 235, 235));
        palette.setColor(QPalette::Button, QColor(50, 50, 54));
        palette.setColor(QPalette::ButtonText, QColor(235, 235, 235));
        palette.setColor(QPalette::ToolTipBase, QColor(50, 50, 54));
        palette.setColor(QPalette::ToolTipText, QColor(235, 235, 235));
        palette.setColor(QPalette::Highlight, QColor(0x56, 0xB4, 0xE9));
        palette.setColor(QPalette::HighlightedText, QColor(0, 0, 0));
    } else if (theme == QLatin1String("light")) {
        palette.setColor(QPalette::Highlight, QColor(0x00, 0x72, 0xB2));
    } else {
        palette = QApplication::palette();  // the system's
    }
    // Presenter mode keeps its full contrast over whichever theme is chosen.
    if (presenterMode()) palette = presenterPalette(palette);
    QApplication::setPalette(palette);
    setPalette(palette);
}

// [SECTION] Input

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (mime->hasUrls() && !mime->urls().isEmpty() &&
        isSupportedFile(mime->urls().first().toLocalFile()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = event->mimeData()->urls().first().toLocalFile();
    openPath(path);
    event->acceptProposedAction();
}

// [SECTION] Settings

void MainWindow::closeEvent(QCloseEvent* event) {
    // The teacher's own layout is the one to remember, not the presenter's.
    if (presenterMode()) setPresenterMode(false);
    if (persist_) saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveSettings() const {
    QSettings settings;
    const ModelConfig& c = session_->config();
    settings.setValue(QStringLiteral("model/preset"), QString::fromStdString(c.preset));
    settings.setValue(QStringLiteral("model/groups"), c.groups);
    settings.setValue(QStringLiteral("model/shuffle"), c.shuffle);
    settings.setValue(QStringLiteral("model/width"), c.widthScale);
    settings.setValue(QStringLiteral("input/last"), session_->inputPath());
    settings.setValue(QStringLiteral("view/fontScale"), fontScale_);
    settings.setValue(QStringLiteral("view/theme"), theme_);
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/centre"), centreSplit_->saveState());
}

void MainWindow::restoreSettings() {
    QSettings settings;
    theme_ = settings.value(QStringLiteral("view/theme"), theme_).toString();
    applyTheme(theme_);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    centreSplit_->restoreState(settings.value(QStringLiteral("window/centre")).toByteArray());
    setFontScale(settings.value(QStringLiteral("view/fontScale"), 1.0).toDouble());
    if (!settings.contains(QStringLiteral("model/preset"))) return;
    try {
        ModelConfig c =
            presetConfig(settings.value(QStringLiteral("model/preset")).toString().toStdString());
        c.groups = settings.value(QStringLiteral("model/groups"), c.groups).toInt();
        c.shuffle = settings.value(QStringLiteral("model/shuffle"), c.shuffle).toBool();
        c.widthScale = settings.value(QStringLiteral("model/width"), c.widthScale).toDouble();
        validateConfig(c);
        session_->setConfig(c);
    } catch (const Error&) {
        // A settings file from another version: start from the defaults rather than refuse to open.
        statusBar()->showMessage(tr("Saved settings were not valid; starting from the defaults."),
                                 8000);
    }
    const QString last = settings.value(QStringLiteral("input/last")).toString();
    if (!last.isEmpty() && QFileInfo::exists(last)) session_->openInput(last);
}

}  // namespace shufflescope::ui
