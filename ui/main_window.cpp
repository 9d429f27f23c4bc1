#include "main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QButtonGroup>
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
#include "session/assets.h"
#include "shufflescope/error.h"
#include "training/train_panel.h"
#include "views/channel_flow_view.h"
#include "views/cost_panel.h"
#include "views/operation/operation_view.h"
#include "views/prediction_panel.h"
#include "views/timeline_view.h"
#include "widgets/engine_text.h"
#include "widgets/number_format.h"

namespace shufflescope::ui {

namespace {

// [SECTION] Keyboard shortcuts: one table drives the key handling, the tooltips and the
// Help -> Keyboard shortcuts sheet, so the three never disagree.
struct ShortcutRow {
    const char* keys;
    const char* action;
};
const ShortcutRow kShortcuts[] = {
    {"\u2190 / \u2192", QT_TRANSLATE_NOOP("Shortcuts", "Previous / next step")},
    {"Page Up / Page Down", QT_TRANSLATE_NOOP("Shortcuts", "Previous / next unit")},
    {"Home / End", QT_TRANSLATE_NOOP("Shortcuts", "First / last step")},
    {"Space", QT_TRANSLATE_NOOP("Shortcuts", "Play / pause the walk through the network")},
    {"[ / ]", QT_TRANSLATE_NOOP("Shortcuts", "Slower / faster walk")},
    {"1 \u2026 8", QT_TRANSLATE_NOOP("Shortcuts", "Number of groups g")},
    {"S", QT_TRANSLATE_NOOP("Shortcuts", "Channel shuffle on / off")},
    {"W", QT_TRANSLATE_NOOP("Shortcuts", "Next width (0.25\u00d7 \u2026 2\u00d7)")},
    {"P", QT_TRANSLATE_NOOP("Shortcuts", "Next preset (ImageNet / Fashion-MNIST)")},
    {"C", QT_TRANSLATE_NOOP("Shortcuts", "A/B compare on / off")},
    {"B", QT_TRANSLATE_NOOP("Shortcuts", "Next choice of configuration B")},
    {"D", QT_TRANSLATE_NOOP("Shortcuts", "Ghost the dense connections a grouped conv saves")},
    {"F", QT_TRANSLATE_NOOP("Shortcuts", "Operation view / channel flow")},
    {"T", QT_TRANSLATE_NOOP("Shortcuts", "Train panel")},
    {"R", QT_TRANSLATE_NOOP("Shortcuts", "Replay the step's animation")},
    {"G", QT_TRANSLATE_NOOP("Shortcuts",
                            "Feature maps: one colour range for all channels / each its own")},
    {"+ / − / 0",
     QT_TRANSLATE_NOOP("Shortcuts", "Feature maps: zoom in / out / reset (wheel and drag too)")},
    {"Esc", QT_TRANSLATE_NOOP("Shortcuts", "Clear the selected channel")},
    {"Ctrl+O", QT_TRANSLATE_NOOP("Shortcuts", "Open an image or .npy")},
    {"Ctrl+Shift+O", QT_TRANSLATE_NOOP("Shortcuts", "Open a checkpoint")},
    {"Ctrl++ / Ctrl+\u2212", QT_TRANSLATE_NOOP("Shortcuts", "Larger / smaller text (projector)")},
    {"F1", QT_TRANSLATE_NOOP("Shortcuts", "This sheet")},
};

const double kMinFontScale = 0.8, kMaxFontScale = 2.5;
constexpr int kTimelineWidth = 330;  // the step tree's minimum width at 1x text

bool isCheckpoint(const QString& path) {
    return path.endsWith(QStringLiteral(".safetensors"), Qt::CaseInsensitive);
}

bool isSupportedFile(const QString& path) {
    static const QStringList suffixes = {QStringLiteral("png"),        QStringLiteral("jpg"),
                                         QStringLiteral("jpeg"),       QStringLiteral("bmp"),
                                         QStringLiteral("gif"),        QStringLiteral("npy"),
                                         QStringLiteral("safetensors")};
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
    buildToolbar();
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
    connect(session_, &Session::busyChanged, this,
            [this](bool busy) { busyLabel_->setText(busy ? tr("Computing\u2026") : QString()); });
    connect(&playTimer_, &QTimer::timeout, this, [this] {
        const SnapshotPtr s = session_->snapshot();
        if (!s) return;
        if (session_->selectedStep() + 1 >= s->network->stepCount())
            session_->selectStep(0);
        else
            session_->stepBy(1);
    });

    resize(1600, 960);
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
    auto* timelineDock = new QDockWidget(tr("Network"), this);
    timelineDock->setObjectName(QStringLiteral("NetworkDock"));
    timelineDock->setWidget(timeline_);
    timeline_->setMinimumWidth(kTimelineWidth);  // updateStepTreeWidth widens it with the text
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
    centreTabs_->addTab(train_, tr("Train"));
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
    centreSplit_->setStretchFactor(0, 1);
    centreSplit_->setStretchFactor(1, 1);
    setCentralWidget(centreSplit_);
    // The Train tab needs the height: the canvas below shows the explorer's network, not the one
    // being trained (the panel draws that one's feature maps itself), so it folds away meanwhile.
    connect(centreTabs_, &QTabWidget::currentChanged, this, [this](int) {
        const bool training = centreTabs_->currentWidget() == train_;
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
    auto* rightDock = new QDockWidget(tr("Prediction and cost"), this);
    rightDock->setObjectName(QStringLiteral("CostDock"));
    // Large projector text can make the panel taller than the window: scroll rather than squash.
    predictionAndCost_ = new QScrollArea(rightDock);
    predictionAndCost_->setWidget(right);
    predictionAndCost_->setWidgetResizable(true);
    predictionAndCost_->setFrameShape(QFrame::NoFrame);
    predictionAndCost_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    rightDock->setWidget(predictionAndCost_);
    right->installEventFilter(this);  // its layout requests resize the dock (eventFilter)
    addDockWidget(Qt::RightDockWidgetArea, rightDock);
}

void MainWindow::buildToolbar() {
    auto* bar = addToolBar(tr("Controls"));
    bar->setObjectName(QStringLiteral("Controls"));
    bar->setMovable(false);

    presetBox_ = new QComboBox(bar);
    presetBox_->addItem(tr("ImageNet geometry"), QStringLiteral("imagenet"));
    presetBox_->addItem(tr("Fashion-MNIST"), QStringLiteral("fashion"));
    presetBox_->setToolTip(tr("Model preset (P)"));
    connect(presetBox_, &QComboBox::activated, this,
            [this](int i) { session_->setPreset(presetBox_->itemData(i).toString()); });
    bar->addWidget(new QLabel(tr(" Model "), bar));
    bar->addWidget(presetBox_);

    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Groups g "), bar));
    groupButtons_ = new QButtonGroup(this);
    for (int g = 1; g <= 8; ++g) {
        auto* button = new QToolButton(bar);
        button->setText(QString::number(g));
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setToolTip(
            g == 5 || g == 7
                ? tr("g = %1 (key %1) \u2014 not in the paper: the stem must change").arg(g)
                : tr("g = %1 (key %1)").arg(g));
        groupButtons_->addButton(button, g);
        bar->addWidget(button);
    }
    connect(groupButtons_, &QButtonGroup::idClicked, session_, &Session::setGroups);

    shuffleButton_ = new QToolButton(bar);
    shuffleButton_->setCheckable(true);
    shuffleButton_->setText(tr("Shuffle"));
    shuffleButton_->setToolTip(tr("Channel shuffle on / off (S)"));
    connect(shuffleButton_, &QToolButton::clicked, session_, &Session::setShuffle);
    bar->addSeparator();
    bar->addWidget(shuffleButton_);

    widthBox_ = new QComboBox(bar);
    for (double s : supportedWidthScales())
        widthBox_->addItem(QString::fromStdString(widthScaleName(s)), s);
    widthBox_->setToolTip(tr("Width scale (W): every filter count times s, cost about s\u00b2"));
    connect(widthBox_, &QComboBox::activated, this,
            [this](int i) { session_->setWidthScale(widthBox_->itemData(i).toDouble()); });
    bar->addWidget(new QLabel(tr(" Width "), bar));
    bar->addWidget(widthBox_);

    // Playback and compare live in a second toolbar so that, with projector-sized text, it can
    // move to its own row instead of being cut off (see setFontScale).
    bar = addToolBar(tr("Playback"));
    bar->setObjectName(QStringLiteral("Playback"));
    bar->setMovable(false);
    playbackBar_ = bar;
    auto* back = new QToolButton(bar);
    back->setText(QStringLiteral("\u25c0"));
    back->setToolTip(tr("Previous step (\u2190)"));
    connect(back, &QToolButton::clicked, this, [this] { session_->stepBy(-1); });
    playButton_ = new QToolButton(bar);
    playButton_->setText(QStringLiteral("\u25b6"));
    playButton_->setCheckable(true);
    playButton_->setToolTip(tr("Play / pause an automatic walk through the network (Space)"));
    connect(playButton_, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            playTimer_.start(speedSlider_->value());
        else
            playTimer_.stop();
        playButton_->setText(on ? QStringLiteral("\u23f8") : QStringLiteral("\u25b6"));
    });
    auto* forward = new QToolButton(bar);
    forward->setText(QStringLiteral("\u25b6\u2758"));
    forward->setToolTip(tr("Next step (\u2192)"));
    connect(forward, &QToolButton::clicked, this, [this] { session_->stepBy(1); });
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
    compareButton_->setCheckable(true);
    compareButton_->setText(tr("A/B compare"));
    compareButton_->setToolTip(
        tr("Split the feature maps: this configuration (A) next to another (B) (C)"));
    connect(compareButton_, &QToolButton::clicked, this, &MainWindow::toggleComparison);
    compareBox_ = new QComboBox(bar);
    compareBox_->addItem(tr("B: shuffle flipped"), 0);
    for (int g = 1; g <= 8; ++g) compareBox_->addItem(tr("B: g = %1").arg(g), g);
    compareBox_->setToolTip(tr("What configuration B differs in (B)"));
    connect(compareBox_, &QComboBox::activated, this, [this] {
        if (session_->comparisonConfig()) {
            compareButton_->setChecked(false);
            toggleComparison();
            compareButton_->setChecked(true);
        }
    });
    bar->addWidget(compareButton_);
    bar->addWidget(compareBox_);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open image or .npy\u2026"), QKeySequence::Open, this,
                    &MainWindow::openImageDialog);
    file->addAction(tr("Open &checkpoint\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                    this, &MainWindow::openCheckpointDialog);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* samples = menuBar()->addMenu(tr("&Samples"));
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

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Larger text"), QKeySequence::ZoomIn, this,
                    [this] { setFontScale(fontScale_ + 0.2); });
    view->addAction(tr("Smaller text"), QKeySequence::ZoomOut, this,
                    [this] { setFontScale(fontScale_ - 0.2); });
    view->addAction(tr("Projector (large text)"), this, [this] { setFontScale(1.8); });
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

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this,
                    &MainWindow::showShortcuts);
    help->addAction(tr("&About ShuffleScope"), this, [this] {
        QMessageBox::about(
            this, tr("About ShuffleScope"),
            tr("<b>ShuffleScope</b><br>A visualiser and tutor for ShuffleNet v1 "
               "(Zhang, Zhou, Lin, Sun, CVPR 2018).<br>Every number is computed by the "
               "project's own engine from the current configuration."));
    });
}

// [SECTION] State -> views

void MainWindow::refreshControls() {
    const ModelConfig& c = session_->config();
    presetBox_->setCurrentIndex(presetBox_->findData(QString::fromStdString(c.preset)));
    if (QAbstractButton* b = groupButtons_->button(c.groups)) b->setChecked(true);
    shuffleButton_->setChecked(c.shuffle);
    shuffleButton_->setText(c.shuffle ? tr("Shuffle: on") : tr("Shuffle: off"));
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
    canvas_->setSnapshot(s, step);
    canvas_->setSelectedChannel(channel);
    const Step& st = s->step(step);
    stepLabel_->setText(tr("  Step %1 / %2: <b>%3</b>")
                            .arg(step + 1)
                            .arg(s->network->stepCount())
                            .arg(QString::fromStdString(st.name)));
    refreshComparison();
    refreshTitle();
}

void MainWindow::refreshComparison() {
    const SnapshotPtr a = session_->snapshot();
    const SnapshotPtr b = session_->comparisonSnapshot();
    compareButton_->setChecked(session_->comparisonConfig().has_value());
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

// [SECTION] Actions

void MainWindow::toggleComparison() {
    if (session_->comparisonConfig()) {
        session_->setComparison(std::nullopt);
        return;
    }
    ModelConfig b = session_->config();
    const int choice = compareBox_->currentData().toInt();
    if (choice == 0)
        b.shuffle = !b.shuffle;
    else
        b.groups = choice;
    session_->setComparison(b);
    showView(QStringLiteral("features"));
}

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
    if (isCheckpoint(path))
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
    box->open();
}

void MainWindow::showShortcuts() {
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto* table = new QTableWidget(int(std::size(kShortcuts)), 2, dialog);
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < int(std::size(kShortcuts)); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(QString::fromUtf8(kShortcuts[i].keys)));
        table->setItem(
            i, 1,
            new QTableWidgetItem(QCoreApplication::translate("Shortcuts", kShortcuts[i].action)));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    dialog->resize(int(620 * fontScale_), int(560 * fontScale_));
    dialog->open();
}

bool MainWindow::showView(const QString& name) {
    if (name == QLatin1String("operation"))
        centreTabs_->setCurrentWidget(operation_);
    else if (name == QLatin1String("flow"))
        centreTabs_->setCurrentWidget(flow_);
    else if (name == QLatin1String("train"))
        centreTabs_->setCurrentWidget(train_);
    else if (name == QLatin1String("features"))
        centreSplit_->setSizes({1, 3});
    else if (name == QLatin1String("cost"))
        cost_->setFocus();
    else if (name == QLatin1String("compare")) {
        if (!session_->comparisonConfig()) toggleComparison();
        centreSplit_->setSizes({1, 3});
    } else
        return false;
    return true;
}

void MainWindow::setFontScale(double scale) {
    fontScale_ = std::clamp(scale, kMinFontScale, kMaxFontScale);
    QFont f = QApplication::font();
    f.setPointSizeF(10.0 * fontScale_);
    setFont(f);
    menuBar()->setFont(f);
    timeline_->setFontScale(fontScale_);
    updateStepTreeWidth();
    operation_->setFontScale(fontScale_);
    flow_->setFontScale(fontScale_);
    canvas_->setFontScale(fontScale_);
    cost_->setFontScale(fontScale_);
    prediction_->setFontScale(fontScale_);
    train_->setFontScale(fontScale_);
    // Two toolbar rows when the text is large enough that one row would be cut off.
    removeToolBarBreak(playbackBar_);
    if (fontScale_ > 1.25) insertToolBarBreak(playbackBar_);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // The prediction-and-cost dock scrolls only vertically, so it must be as wide as its content
    // needs whenever that changes (text size, language, model): a dock sized for small text kept
    // its width after "Projector (large text)" and cut the cost table and chart off.
    if (predictionAndCost_ && watched == predictionAndCost_->widget() &&
        event->type() == QEvent::LayoutRequest)
        setMinimumDockWidth(predictionAndCost_,
                            predictionAndCost_->widget()->minimumSizeHint().width() +
                                predictionAndCost_->verticalScrollBar()->sizeHint().width());
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::setMinimumDockWidth(QWidget* content, int width) {
    const int before = content->minimumWidth();
    if (width == before) return;
    content->setMinimumWidth(width);
    // A dock never shrinks by itself: back to smaller text, give the centre its width back.
    auto* dock = qobject_cast<QDockWidget*>(content->parentWidget());
    if (width < before && dock) resizeDocks({dock}, {width}, Qt::Horizontal);
}

// The step tree's name and shape columns grow with the text, and its MACs bars need what is left;
// but never more than a quarter of the window, which belongs to the centre views first.
void MainWindow::updateStepTreeWidth() {
    const int wanted = std::max(kTimelineWidth, int(kTimelineWidth * std::min(fontScale_, 1.45)));
    setMinimumDockWidth(timeline_, std::clamp(width() / 4, kTimelineWidth, wanted));
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    updateStepTreeWidth();
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
    QApplication::setPalette(palette);
    setPalette(palette);
}

// [SECTION] Input

void MainWindow::keyPressEvent(QKeyEvent* event) {
    const SnapshotPtr s = session_->snapshot();
    const int key = event->key();
    if (key >= Qt::Key_1 && key <= Qt::Key_8 && !(event->modifiers() & Qt::ControlModifier)) {
        session_->setGroups(key - Qt::Key_0);
        return;
    }
    switch (key) {
        case Qt::Key_Right:
            session_->stepBy(1);
            return;
        case Qt::Key_Left:
            session_->stepBy(-1);
            return;
        case Qt::Key_Home:
            session_->selectStep(0);
            return;
        case Qt::Key_End:
            if (s) session_->selectStep(s->network->stepCount() - 1);
            return;
        case Qt::Key_PageDown:
        case Qt::Key_PageUp: {
            if (!s) return;
            // Jump to the same step name in the next/previous unit, or to the next unit's start.
            const int dir = key == Qt::Key_PageDown ? 1 : -1;
            const Step& here = s->step(session_->selectedStep());
            for (int i = session_->selectedStep() + dir; i >= 0 && i < s->network->stepCount();
                 i += dir) {
                const Step& t = s->step(i);
                if (t.stage != here.stage || t.unit != here.unit) {
                    // Land on the first step of that unit (or the stem/head group).
                    int first = i;
                    while (first - 1 >= 0 && s->step(first - 1).stage == t.stage &&
                           s->step(first - 1).unit == t.unit && t.stage >= 0)
                        --first;
                    session_->selectStep(first);
                    return;
                }
            }
            return;
        }
        case Qt::Key_Space:
            playButton_->toggle();
            return;
        case Qt::Key_S:
            session_->toggleShuffle();
            return;
        case Qt::Key_W: {
            const auto& scales = supportedWidthScales();
            auto it = std::find(scales.begin(), scales.end(), session_->config().widthScale);
            const std::size_t next =
                it == scales.end() ? 0 : std::size_t(it - scales.begin() + 1) % scales.size();
            session_->setWidthScale(scales[next]);
            return;
        }
        case Qt::Key_P:
            session_->setPreset(session_->config().preset == "imagenet"
                                    ? QStringLiteral("fashion")
                                    : QStringLiteral("imagenet"));
            return;
        case Qt::Key_C:
            toggleComparison();
            return;
        case Qt::Key_B:
            compareBox_->setCurrentIndex((compareBox_->currentIndex() + 1) % compareBox_->count());
            emit compareBox_->activated(compareBox_->currentIndex());
            return;
        case Qt::Key_BracketLeft:
            speedSlider_->setValue(speedSlider_->value() + 250);
            return;
        case Qt::Key_BracketRight:
            speedSlider_->setValue(speedSlider_->value() - 250);
            return;
        case Qt::Key_D:
            denseGhost_ = !denseGhost_;
            operation_->setShowDenseGhost(denseGhost_);
            return;
        case Qt::Key_T:
            centreTabs_->setCurrentWidget(train_);
            return;
        case Qt::Key_F:
            centreTabs_->setCurrentIndex(centreTabs_->currentIndex() == 0 ? 1 : 0);
            return;
        case Qt::Key_R:
            operation_->replayAnimation();
            return;
        case Qt::Key_Escape:
            session_->selectChannel(-1);
            return;
        default:
            QMainWindow::keyPressEvent(event);
    }
}

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
