#include "session/timing_job.h"

#include <QCoreApplication>

#include "shufflescope/base/error.h"
#include "shufflescope/base/threading.h"

namespace shufflescope::ui {

namespace {

// The engine's thread count is OpenMP's, per calling thread: set on this pool thread for the
// measurement and put back, so the next job the pool runs here gets the count it expects.
class OneEngineThread {
  public:
    OneEngineThread() : previous_(threadCount()) { setThreadCount(1); }
    ~OneEngineThread() { setThreadCount(previous_); }
    OneEngineThread(const OneEngineThread&) = delete;
    OneEngineThread& operator=(const OneEngineThread&) = delete;

  private:
    int previous_;
};

}  // namespace

TimingOutcome runStepTiming(const SnapshotPtr& snapshot, int repeats,
                            const std::atomic<bool>& stop) {
    TimingOutcome outcome;
    outcome.thread = QThread::currentThread();
    outcome.generation = snapshot->generation;
    try {
        const OneEngineThread oneThread;
        StepTiming timing = timeSteps(*snapshot->network, *snapshot->parameters,
                                      snapshot->output(0), repeats, &stop);
        if (!timing.medianMs.empty())
            outcome.timing = std::make_shared<const StepTiming>(std::move(timing));
    } catch (const Error& e) {
        outcome.error = QCoreApplication::translate("TimingJob", "Could not measure the time: %1")
                            .arg(QString::fromStdString(e.what()));
    } catch (const std::bad_alloc&) {
        outcome.error = QCoreApplication::translate(
            "TimingJob", "Not enough memory to measure the time of this configuration.");
    }
    return outcome;
}

}  // namespace shufflescope::ui
