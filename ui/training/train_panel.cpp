// The Train tab (declared in train_panel.h).
//
// Sections (// [SECTION] below, in this order):
//   Charts and names               run names, chart and series set-up
//   Construction                   the settings row, charts, feature-map strip, buttons
//   Settings                       groups, shuffle, epochs, images, data, text size
//   Starting and stopping runs     one run or shuffle on then off, each on a worker thread
//   Progress and results           ticks, epochs, the end of a run and its summary
//   Runs shown, messages, buttons  old curves removed, errors, status, which buttons act

#include "training/train_panel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "session/assets.h"
#include "session/parameter_cache.h"
#include "shufflescope/io/checkpoint_metadata.h"
#include "shufflescope/model/config.h"
#include "shufflescope/train/fashion_mnist.h"
#include "style/palette.h"
#include "text/engine_text.h"
#include "training/comparison_summary.h"
#include "training/training_frame_view.h"

namespace shufflescope::ui {

// [SECTION] Charts and names

namespace {

constexpr int kMaxRunsShown = 6;
// The recipe is train::classroomRecipe(epochs, images): stable at every setting the panel offers.
constexpr int kPanelTestImages = 2000;  // evaluated after every epoch (the CLI uses all 10,000)

QString clock(double seconds) {
    const int s = std::max(0, int(seconds + 0.5));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString runName(int groups, bool shuffle) {
    return shuffle ? TrainPanel::tr("g=%1 shuffle on").arg(groups)
                   : TrainPanel::tr("g=%1 shuffle off").arg(groups);
}

// A chart title in two lines: the name in the title font, the detail below in plain type (on one
// line the detail was cut off at projector text sizes).
QString twoLineTitle(const QString& name, const QString& detail) {
    return QStringLiteral("%1<br><span style=\"font-weight:normal\">%2</span>").arg(name, detail);
}

QChart* makeChart(const QString& title, QValueAxis** x, QValueAxis** y, const QString& yTitle) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    *x = new QValueAxis(chart);
    (*x)->setTitleText(TrainPanel::tr("epochs"));
    (*x)->setLabelFormat(QStringLiteral("%.0f"));
    *y = new QValueAxis(chart);
    (*y)->setTitleText(yTitle);
    chart->addAxis(*x, Qt::AlignBottom);
    chart->addAxis(*y, Qt::AlignLeft);
    return chart;
}

template <typename Series>
Series* addSeries(QChart* chart, QValueAxis* x, QValueAxis* y, const QString& name,
                  const QColor& color, Qt::PenStyle style, bool inLegend) {
    auto* series = new Series;
    series->setName(name);
    QPen pen(color, 2.5);
    pen.setStyle(style);
    series->setPen(pen);
    if constexpr (std::is_same_v<Series, QScatterSeries>) {
        series->setColor(color);
        series->setMarkerSize(9);
        series->setBorderColor(color);
    }
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    if (!inLegend)
        for (QLegendMarker* marker : chart->legend()->markers(series)) marker->setVisible(false);
    return series;
}

}  // namespace

// [SECTION] Construction

TrainPanel::TrainPanel(QWidget* parent) : QWidget(parent) {
    runsDirectory_ = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                         .filePath(QStringLiteral("runs"));
    dataDirectory_ = QString::fromStdString(train::defaultFashionMnistDirectory());

    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout;
    layout->addLayout(controls);

    controls->addWidget(new QLabel(tr("Groups g"), this));
    groupsBox_ = new QSpinBox(this);
    groupsBox_->setRange(1, kMaxGroups);
    groupsBox_->setValue(3);
    groupsBox_->setToolTip(tr("Group count of the network to train (Fashion-MNIST preset)"));
    controls->addWidget(groupsBox_);
    shuffleBox_ = new QCheckBox(tr("Shuffle"), this);
    shuffleBox_->setChecked(true);
    shuffleBox_->setToolTip(tr("Train with the channel shuffle between grouped convolutions"));
    controls->addWidget(shuffleBox_);
    controls->addWidget(new QLabel(tr("Epochs"), this));
    epochsBox_ = new QSpinBox(this);
    epochsBox_->setRange(1, 50);
    epochsBox_->setValue(epochs_);
    controls->addWidget(epochsBox_);
    controls->addWidget(new QLabel(tr("Images"), this));
    imagesBox_ = new QComboBox(this);
    for (int count : {2000, 6000, 15000, 60000})
        imagesBox_->addItem(count == 60000 ? tr("all 60,000") : QLocale().toString(count), count);
    imagesBox_->setCurrentIndex(1);
    imagesBox_->setToolTip(tr("How many Fashion-MNIST training images each epoch uses"));
    controls->addWidget(imagesBox_);
    sampleBox_ = new QComboBox(this);
    const QDir samples(samplesDirectory());
    for (const QFileInfo& file :
         samples.entryInfoList({QStringLiteral("fashion-*.png")}, QDir::Files, QDir::Name))
        sampleBox_->addItem(sampleDisplayName(file.completeBaseName()), file.absoluteFilePath());
    sampleBox_->setCurrentIndex(std::max(
        0, sampleBox_->findData(samples.absoluteFilePath(QStringLiteral("fashion-sneaker.png")))));
    sampleBox_->setToolTip(tr("The image whose feature maps are shown as the network learns"));
    controls->addStretch(1);
    // The buttons get their own row: one long row would make the panel wider than the centre
    // area and squeeze the prediction dock at ordinary window sizes.
    auto* buttons = new QHBoxLayout;
    layout->addLayout(buttons);

    startButton_ = new QPushButton(tr("Train"), this);
    startButton_->setToolTip(
        tr("Train this configuration from scratch; its curves join the charts"));
    compareButton_ = new QPushButton(tr("Shuffle on vs off"), this);
    compareButton_->setToolTip(
        tr("Train g with the shuffle on, then off, and overlay the two runs"));
    stopButton_ = new QPushButton(tr("Stop"), this);
    stopButton_->setToolTip(tr("Stop after the current batch; the last finished epoch is kept"));
    clearButton_ = new QPushButton(tr("Clear"), this);
    clearButton_->setToolTip(tr("Remove every run's curves"));
    exploreButton_ = new QPushButton(tr("Explore"), this);
    exploreButton_->setToolTip(tr("Open the last trained network in the main views"));
    for (QPushButton* b : {startButton_, compareButton_, stopButton_, clearButton_, exploreButton_})
        buttons->addWidget(b);
    buttons->addStretch(1);
    connect(startButton_, &QPushButton::clicked, this, [this] { startRun(); });
    connect(compareButton_, &QPushButton::clicked, this, [this] { startShuffleComparison(); });
    connect(stopButton_, &QPushButton::clicked, this, &TrainPanel::stopRun);
    connect(clearButton_, &QPushButton::clicked, this, &TrainPanel::clearRuns);
    connect(exploreButton_, &QPushButton::clicked, this, [this] {
        if (!lastCheckpoint_.isEmpty()) emit exploreRequested(lastCheckpoint_);
    });

    status_ = new QLabel(this);
    status_->setWordWrap(true);
    layout->addWidget(status_);

    auto* charts = new QHBoxLayout;
    lossChart_ = makeChart(twoLineTitle(tr("Training loss"), tr("cross-entropy")), &lossX_, &lossY_,
                           tr("loss"));
    accuracyChart_ = makeChart(twoLineTitle(tr("Accuracy"), tr("test: points, training: dashed")),
                               &accuracyX_, &accuracyY_, tr("%"));
    for (QChart* chart : {lossChart_, accuracyChart_}) {
        auto* view = new QChartView(chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(180);
        view->setMinimumWidth(200);
        charts->addWidget(view, 1);
    }
    layout->addLayout(charts, 3);
    // The image chooser sits above the feature maps it chooses for (in the settings row it made
    // the panel too wide for projector text sizes).
    auto* watch = new QHBoxLayout;
    watch->addWidget(new QLabel(tr("Watch"), this));
    watch->addWidget(sampleBox_);
    watch->addStretch(1);
    layout->addLayout(watch);
    frameView_ = new TrainingFrameView(this);
    layout->addWidget(frameView_, 2);
    fitAxes(0);

    connect(&job_, &TrainingJob::progressed, this, &TrainPanel::onTick);
    connect(&job_, &TrainingJob::epochFinished, this, &TrainPanel::onEpoch);
    connect(&job_, &TrainingJob::frameReady, frameView_, &TrainingFrameView::setFrame);
    connect(&job_, &TrainingJob::finished, this, &TrainPanel::onFinished);
    connect(&job_, &TrainingJob::failed, this, &TrainPanel::onFailed);

    std::error_code error;
    if (!std::filesystem::exists(dataDirectory_.toStdString(), error))
        setStatus(tr("Fashion-MNIST is not installed at %1 (Debian package dataset-fashion-mnist); "
                     "training needs it.")
                      .arg(dataDirectory_));
    else
        // Whatever model the toolbar shows, this panel trains the Fashion-MNIST one: say so.
        setStatus(
            tr("Trains the Fashion-MNIST model (1\u00d7"
               "32\u00d7"
               "32 input, 0.5\u00d7 width) on Fashion-MNIST. "
               "Choose g, the shuffle and a number of epochs, then Train. Runs overlay on the "
               "charts."));
    refreshButtons();
}

TrainPanel::~TrainPanel() {
    job_.stop();
}

// [SECTION] Settings

void TrainPanel::setDataDirectory(const QString& directory) {
    dataDirectory_ = directory;
}
void TrainPanel::setGroups(int groups) {
    groupsBox_->setValue(groups);
}
void TrainPanel::setShuffle(bool on) {
    shuffleBox_->setChecked(on);
}
void TrainPanel::setEpochs(int epochs) {
    epochsBox_->setValue(epochs);
}

void TrainPanel::setTrainingImages(int count) {
    int index = imagesBox_->findData(count);
    if (index < 0) {
        imagesBox_->addItem(QLocale().toString(count), count);
        index = imagesBox_->count() - 1;
    }
    imagesBox_->setCurrentIndex(index);
}

void TrainPanel::setFontScale(double scale) {
    QFont f = font();
    f.setPointSizeF(10.0 * scale);
    for (QChart* chart : {lossChart_, accuracyChart_}) {
        QFont title = f;
        title.setBold(true);
        chart->setTitleFont(title);
        chart->legend()->setFont(f);
        for (QAbstractAxis* axis : chart->axes()) {
            axis->setLabelsFont(f);
            axis->setTitleFont(f);
        }
    }
    frameView_->setFontScale(scale);
}

// [SECTION] Starting and stopping runs

QString TrainPanel::newCheckpointPath(int groups, bool shuffle) const {
    return QDir(runsDirectory_)
        .filePath(
            QStringLiteral("fashion-g%1-%2-%3.safetensors")
                .arg(groups)
                .arg(shuffle ? QStringLiteral("shuffle") : QStringLiteral("noshuffle"))
                .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss-zzz"))));
}

bool TrainPanel::startRun() {
    if (active_) return false;  // the buttons are disabled meanwhile; this guards the API too
    pending_.clear();
    comparing_ = false;
    return launch(groupsBox_->value(), shuffleBox_->isChecked());
}

bool TrainPanel::startShuffleComparison() {
    if (active_) return false;
    pending_.clear();
    lastComparison_.reset();  // a stopped comparison must not leave the previous pair's result
    lastHealth_.reset();
    if (!launch(groupsBox_->value(), true)) return false;
    pending_.push_back({groupsBox_->value(), false});
    comparing_ = true;
    return true;
}

void TrainPanel::stopRun() {
    pending_.clear();
    job_.stop();
    setStatus(tr("Stopping after the current batch\u2026"));
}

bool TrainPanel::launch(int groups, bool shuffle) {
    lastError_.clear();
    if (isInsideBundledModels(QDir(runsDirectory_).filePath(QStringLiteral("run.safetensors")))) {
        reportError(tr("%1: runs are never saved among the bundled models; choose another folder.")
                        .arg(runsDirectory_));
        return false;
    }
    if (!QDir().mkpath(runsDirectory_)) {
        reportError(tr("%1: cannot create the folder for training runs.").arg(runsDirectory_));
        return false;
    }
    TrainingSetup setup;
    setup.config = presetConfig("fashion");
    setup.config.groups = groups;
    setup.config.shuffle = shuffle;
    setup.recipe = train::classroomRecipe(epochsBox_->value(), imagesBox_->currentData().toInt());
    setup.testLimit = kPanelTestImages;
    setup.imagePath = sampleBox_->currentData().toString();
    setup.checkpointPath = newCheckpointPath(groups, shuffle);
    setup.dataDirectory = dataDirectory_;
    QString error;
    if (!job_.start(setup, &error)) {
        reportError(error);
        return false;
    }
    epochs_ = setup.recipe.epochs;
    active_ = true;
    if (int(runs_.size()) == kMaxRunsShown) {  // the oldest run's curves make room
        removeRunCurves(runs_.front());
        runs_.pop_front();
    }
    Run run;
    run.groups = groups;
    run.imagesPerEpoch = setup.recipe.limit;
    run.name = runName(groups, shuffle);
    run.color = groupColor(colourIndex_++ % kMaxGroups);
    run.loss = addSeries<QLineSeries>(lossChart_, lossX_, lossY_, run.name, run.color,
                                      Qt::SolidLine, true);
    run.trainAccuracy =
        addSeries<QLineSeries>(accuracyChart_, accuracyX_, accuracyY_, run.name + tr(" (training)"),
                               run.color, Qt::DashLine, false);
    run.testAccuracy = addSeries<QLineSeries>(accuracyChart_, accuracyX_, accuracyY_, run.name,
                                              run.color, Qt::SolidLine, true);
    run.testPoints = addSeries<QScatterSeries>(accuracyChart_, accuracyX_, accuracyY_, run.name,
                                               run.color, Qt::SolidLine, false);
    runs_.push_back(run);
    frameView_->clear();
    fitAxes(0);
    setStatus(tr("%1: loading Fashion-MNIST and building the network\u2026").arg(run.name));
    refreshButtons();
    return true;
}

// [SECTION] Progress and results

void TrainPanel::fitAxes(double position) {
    // Whole epochs on the x axis: a tick per epoch up to 10, else every other one or so.
    const int span = int(std::ceil(std::max({double(epochs_), position, 1.0})));
    const int step = (span + 9) / 10;
    for (QValueAxis* x : {lossX_, accuracyX_}) {
        x->setRange(0, span);
        x->setTickType(QValueAxis::TicksDynamic);
        x->setTickAnchor(0);
        x->setTickInterval(step);
    }
    lossY_->setRange(0, maxLoss_);
    lossY_->setTickType(QValueAxis::TicksDynamic);
    lossY_->setTickAnchor(0);
    lossY_->setTickInterval(maxLoss_ <= 3 ? 0.5 : std::ceil(maxLoss_ / 6));
    lossY_->setLabelFormat(QStringLiteral("%.1f"));
    accuracyY_->setRange(0, 100);
    accuracyY_->setTickType(QValueAxis::TicksDynamic);
    accuracyY_->setTickAnchor(0);
    accuracyY_->setTickInterval(20);
    accuracyY_->setLabelFormat(QStringLiteral("%.0f"));
}

void TrainPanel::onTick(const TrainingTick& t) {
    if (runs_.empty()) return;
    Run& run = runs_.back();
    // At most ~100 points per epoch per curve: long runs stay light for Qt Charts.
    if (run.loss->count() == 0 || t.position - run.loss->at(run.loss->count() - 1).x() >= 0.01 ||
        t.batch == t.batches) {
        run.loss->append(t.position, t.loss);
        run.trainAccuracy->append(t.position, 100.0 * t.accuracy);
    }
    if (t.loss > maxLoss_) maxLoss_ = std::ceil(t.loss);
    fitAxes(t.position);
    setStatus(tr("%1 \u00b7 epoch %2/%3 \u00b7 batch %4/%5 \u00b7 loss %6 \u00b7 training accuracy "
                 "%7% \u00b7 "
                 "%8 images/s \u00b7 %9 left")
                  .arg(run.name)
                  .arg(t.epoch)
                  .arg(t.epochs)
                  .arg(t.batch)
                  .arg(t.batches)
                  .arg(t.loss, 0, 'f', 3)
                  .arg(100.0 * t.accuracy, 0, 'f', 1)
                  .arg(t.imagesPerSecond, 0, 'f', 0)
                  .arg(clock(t.secondsLeft)));
}

void TrainPanel::onEpoch(const TrainingEpoch& e) {
    if (runs_.empty()) return;
    Run& run = runs_.back();
    run.tests.push_back(e.testAccuracy);
    run.predictions = e.testPredictions;
    run.labels = e.testLabels;
    run.outcome.imagesSeen = e.imagesSeen;
    run.outcome.startLoss = e.startLoss;
    run.outcome.peakLoss = e.peakLoss;
    run.outcome.lossFinite = e.lossFinite;
    run.outcome.testAccuracy = e.testAccuracy;
    if (run.testAccuracy->count() == 0)
        run.testAccuracy->append(0, 10.0);  // chance, before training
    run.testAccuracy->append(e.epoch, 100.0 * e.testAccuracy);
    run.testPoints->append(e.epoch, 100.0 * e.testAccuracy);
}

void TrainPanel::onFinished(bool completed, const QString& checkpointPath) {
    if (!checkpointPath.isEmpty()) lastCheckpoint_ = checkpointPath;
    const QString name = runs_.empty() ? QString() : runs_.back().name;
    const QString accuracy = runs_.empty() || runs_.back().tests.empty()
                                 ? QString()
                                 : tr(", test accuracy %1% (%2 test images)")
                                       .arg(100.0 * runs_.back().tests.back(), 0, 'f', 1)
                                       .arg(kPanelTestImages);
    if (completed)
        setStatus(tr("%1 finished%2. Saved to %3.").arg(name, accuracy, checkpointPath));
    else if (lastError_.isEmpty())
        setStatus(checkpointPath.isEmpty()
                      ? tr("%1 stopped before its first epoch ended; nothing was saved.").arg(name)
                      : tr("%1 stopped%2. The last finished epoch is in %3.")
                            .arg(name, accuracy, checkpointPath));
    emit runFinished(completed, checkpointPath);
    if (completed && !pending_.empty()) {
        const Pending next = pending_.front();
        pending_.pop_front();
        if (launch(next.groups, next.shuffle)) return;
    }
    // Both halves of a shuffle comparison done: say what the class just saw, in one line — and
    // whether it can be read at all (summarizeShuffleComparison).
    if (completed && comparing_ && runs_.size() >= 2) {
        const Run& on = runs_[runs_.size() - 2];
        const Run& off = runs_.back();
        // The runs' own g: the box may have changed while they trained.
        if (!on.tests.empty() && !off.tests.empty()) {
            const auto compared = [](const Run& run) {
                return ComparedRun{int(run.tests.size()), run.imagesPerEpoch, run.outcome,
                                   run.predictions, run.labels};
            };
            const ShuffleComparisonSummary summary = summarizeShuffleComparison(
                on.groups, compared(on), compared(off), kPanelTestImages);
            lastComparison_ = summary.paired;
            lastHealth_ = summary.health;
            setStatus(summary.text + bundledComparison(on.groups));
        }
    }
    comparing_ = false;
    pending_.clear();
    active_ = false;
    refreshButtons();
    emit allRunsFinished();
}

// The same comparison at full length, from the bundled models' metadata (their test accuracy
// measured by the export on all 10,000 test images), when both exist: " The bundled ...".
QString TrainPanel::bundledComparison(int groups) const {
    ModelConfig config = presetConfig("fashion");
    config.groups = groups;
    double accuracy[2] = {0, 0};
    int epochs = 0;
    for (const bool shuffle : {true, false}) {
        config.shuffle = shuffle;
        const std::optional<QString> path = bundledCheckpointFor(config);
        if (!path) return {};
        CheckpointMetadata about;
        try {
            about = readCheckpointMetadata(path->toStdString());
        } catch (const std::exception&) {
            return {};  // an unreadable bundled file: say nothing rather than guess
        }
        if (!about.testAccuracy || !about.epochs) return {};  // a bundled file without the numbers
        accuracy[shuffle ? 0 : 1] = *about.testAccuracy;
        epochs = *about.epochs;
    }
    return tr(" For reference, the bundled models of g=%1 (%2 epochs on all 60,000 images, also "
              "one "
              "seed): %3% vs %4% (%5 points).")
        .arg(groups)
        .arg(epochs)
        .arg(100.0 * accuracy[0], 0, 'f', 2)
        .arg(100.0 * accuracy[1], 0, 'f', 2)
        .arg(QString::asprintf("%+.2f", 100.0 * (accuracy[0] - accuracy[1])));
}

void TrainPanel::onFailed(const QString& message) {
    // The running job failed: the run launch() added last is its run.
    if (!runs_.empty() &&
        runs_.back().loss->count() == 0) {  // nothing to overlay: drop its legend entries
        removeRunCurves(runs_.back());
        runs_.pop_back();
    }
    reportError(message);
}

// [SECTION] Runs shown, messages, buttons

void TrainPanel::removeRunCurves(const Run& run) {
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{
             run.loss, run.trainAccuracy, run.testAccuracy, run.testPoints}) {
        s->chart()->removeSeries(s);
        delete s;
    }
}

void TrainPanel::reportError(const QString& message) {
    pending_.clear();
    lastError_ = message;
    setStatus(tr("Error: %1").arg(message));
    refreshButtons();
    emit failed(message);
}

void TrainPanel::clearRuns() {
    if (active_) return;
    lossChart_->removeAllSeries();
    accuracyChart_->removeAllSeries();
    runs_.clear();
    lastComparison_.reset();
    lastHealth_.reset();
    maxLoss_ = 2.5;
    frameView_->clear();
    fitAxes(0);
    refreshButtons();
}

int TrainPanel::lossPoints(int run) const {
    return runs_.at(std::size_t(run)).loss->count();
}

std::vector<double> TrainPanel::testAccuracies(int run) const {
    return runs_.at(std::size_t(run)).tests;
}

void TrainPanel::setStatus(const QString& text) {
    statusText_ = text;
    status_->setText(text);
}

void TrainPanel::refreshButtons() {
    const bool busy = active_;
    for (QWidget* w :
         std::initializer_list<QWidget*>{startButton_, compareButton_, groupsBox_, shuffleBox_,
                                         epochsBox_, imagesBox_, sampleBox_})
        w->setEnabled(!busy);
    stopButton_->setEnabled(busy);
    clearButton_->setEnabled(!busy && !runs_.empty());
    exploreButton_->setEnabled(!busy && !lastCheckpoint_.isEmpty());
}

}  // namespace shufflescope::ui
