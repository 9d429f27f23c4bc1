#include "session/timing_job.h"

#include <QCoreApplication>

#include "shufflescope/base/error.h"
#include "shufflescope/base/threading.h"

namespace shufflescope::ui {

TimingOutcome runStepTiming(const SnapshotPtr& snapshot, int repeats,
                            const std::atomic<bool>& stop) {
    TimingOutcome outcome;
    outcome.thread = QThread::currentThread();
    outcome.generation = snapshot->generation;
    try {
        // One engine thread for the measurement; this pool thread's count comes back after it.
        const ScopedThreadCount oneThread(1);
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
