#include "training/training_job.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <chrono>
#include <system_error>

#include "session/assets.h"
#include "shufflescope/base/error.h"
#include "shufflescope/exec/capture_forward.h"
#include "shufflescope/io/image_input.h"
#include "shufflescope/model/initialization.h"
#include "shufflescope/train/run_health.h"

namespace shufflescope::ui {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kTickInterval = std::chrono::milliseconds(100);
constexpr auto kFrameInterval = std::chrono::milliseconds(1000);

// The directory a path would live in, resolved through symbolic links: the nearest existing
// ancestor is made canonical and the folders still to be created are appended to it.
QString resolvedDirectory(const QString& path) {
    QString existing = QDir::cleanPath(QFileInfo(path).absolutePath());
    QStringList missing;
    while (!QFileInfo::exists(existing) && existing != QDir::rootPath()) {
        missing.prepend(QFileInfo(existing).fileName());
        existing = QFileInfo(existing).absolutePath();
    }
    QString resolved = QFileInfo(existing).canonicalFilePath();
    if (resolved.isEmpty()) resolved = existing;
    for (const QString& part : missing) resolved = QDir(resolved).filePath(part);
    return QDir::cleanPath(resolved);
}

}  // namespace

bool isInsideBundledModels(const QString& path) {
    const QString models = QDir(assetsDirectory()).filePath(QStringLiteral("models"));
    const QString canonicalModels = QFileInfo(models).canonicalFilePath();
    const QString modelsDirectory =
        canonicalModels.isEmpty() ? QDir::cleanPath(models) : canonicalModels;
    const QString directory = resolvedDirectory(path);
    return directory == modelsDirectory || directory.startsWith(modelsDirectory + QLatin1Char('/'));
}

namespace {

TrainingFramePtr captureFrame(const std::shared_ptr<const Network>& network,
                              const Parameters& parameters, const Tensor& input, double position) {
    auto frame = std::make_shared<TrainingFrame>();
    frame->network = network;
    frame->outputs = forwardCapture(*network, parameters, input);
    frame->position = position;
    const Tensor& p = frame->outputs[std::size_t(network->head().softmax)];
    frame->probabilities.assign(p.data(), p.data() + p.size());
    return frame;
}

}  // namespace

TrainingJob::TrainingJob(QObject* parent) : QObject(parent) {
    qRegisterMetaType<TrainingTick>();
    qRegisterMetaType<TrainingEpoch>();
    qRegisterMetaType<TrainingFramePtr>();
}

TrainingJob::~TrainingJob() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

bool TrainingJob::start(const TrainingSetup& setup, QString* error) {
    if (running_) {
        *error = tr("A training run is already in progress; stop it first.");
        return false;
    }
    if (isInsideBundledModels(setup.checkpointPath)) {
        *error = tr("%1: runs are never saved among the bundled models; choose another folder.")
                     .arg(setup.checkpointPath);
        return false;
    }
    if (thread_.joinable()) thread_.join();  // the previous run has ended (running_ is false)
    stop_ = false;
    running_ = true;
    try {
        thread_ = std::thread([this, setup] { work(setup); });
    } catch (const std::system_error& e) {
        running_ = false;
        *error = tr("Cannot start the training thread: %1").arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    return true;
}

void TrainingJob::stop() {
    stop_ = true;
}

std::shared_ptr<const train::Dataset> TrainingJob::dataset(const std::string& directory,
                                                           bool train) {
    std::lock_guard lock(dataMutex_);
    if (directory != dataDirectory_) {
        trainData_.reset();
        testData_.reset();
        dataDirectory_ = directory;
    }
    auto& slot = train ? trainData_ : testData_;
    if (!slot)
        slot = std::make_shared<const train::Dataset>(train::loadFashionMnist(directory, train));
    return slot;
}

void TrainingJob::work(TrainingSetup setup) {
    QString checkpoint;
    bool completed = false;
    try {
        const std::string directory = setup.dataDirectory.toStdString();
        const auto trainData = dataset(directory, true);
        const train::Dataset test = train::firstItems(*dataset(directory, false), setup.testLimit);
        auto network = std::make_shared<const Network>(Network::build(setup.config));
        const Tensor input = loadInput(setup.imagePath.toStdString(), setup.config);
        train::TrainingRun run(*network, trainingStartParameters(*network, setup.recipe.seed),
                               setup.recipe);
        emit frameReady(captureFrame(network, run.parameters(), input, 0.0));

        auto lastTick = Clock::now() - kTickInterval, lastFrame = Clock::now();
        // The curves: the batch losses and accuracies smoothed over about the last 10 batches;
        // the loss watch also keeps where the loss started and the highest it went, for the
        // verdict on a comparison (train::assessRun).
        train::LossWatch loss;
        train::MovingAverage accuracy;
        // The subset each epoch draws from (its last partial batch is dropped, a different one
        // each epoch): epochs x this is the "2 epochs of 2,000 images" the user chose.
        const long long subset = setup.recipe.limit > 0
                                     ? std::min(setup.recipe.limit, trainData->count)
                                     : trainData->count;
        const auto onProgress = [&](const train::TrainingProgress& p) {
            const auto now = Clock::now();
            const double position = (p.epoch - 1) + double(p.batch) / p.batches;
            loss.add(p.batchLoss);
            accuracy.add(p.batchAccuracy);
            if (now - lastTick >= kTickInterval || p.batch == p.batches) {
                lastTick = now;
                emit progressed(TrainingTick{p.epoch, p.epochs, p.batch, p.batches, loss.smoothed(),
                                             accuracy.value(), p.imagesPerSecond, p.secondsLeft,
                                             position});
            }
            if (now - lastFrame >= kFrameInterval) {
                emit frameReady(captureFrame(network, run.parameters(), input, position));
                lastFrame = Clock::now();  // the capture's own time does not count
            }
        };
        const auto onEpoch = [&](const train::EpochReport& r) {
            checkpoint = setup.checkpointPath;
            TrainingEpoch epoch;
            epoch.epoch = r.epoch;
            epoch.trainLoss = r.trainLoss;
            epoch.trainAccuracy = r.trainAccuracy;
            epoch.testAccuracy = r.test.accuracy;
            epoch.testPredictions = r.test.predictions;
            epoch.testLabels = test.labels;
            epoch.imagesSeen = r.epoch * subset;
            epoch.startLoss = loss.start();
            epoch.peakLoss = loss.peak();
            epoch.lossFinite = loss.finite();
            emit epochFinished(epoch);
            emit frameReady(captureFrame(network, run.parameters(), input, double(r.epoch)));
        };
        completed = run.run(*trainData, test, setup.checkpointPath.toStdString(), onProgress,
                            onEpoch, &stop_);
    } catch (const std::exception& e) {
        running_ = false;
        emit failed(tr("Training failed: %1").arg(QString::fromStdString(e.what())));
        emit finished(false, checkpoint);
        return;
    }
    running_ = false;
    emit finished(completed, checkpoint);
}

}  // namespace shufflescope::ui
