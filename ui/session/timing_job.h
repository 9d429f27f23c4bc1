#pragma once
// The measured time of every step (exec/step_timing.h) for a snapshot already on screen, run off
// the UI thread at the user's request (Model → Measure time per step). It is kept apart from the
// inference job on purpose: timing repeats the whole capture pass many times, and the normal path
// (a key press, a new picture) must never wait for it.
// Measured on one engine thread, so the figures do not depend on what else the machine runs in
// parallel with the app's own jobs, and on the image shown (the snapshot's input).

#include <QString>
#include <QThread>
#include <atomic>
#include <memory>

#include "session/snapshot.h"
#include "shufflescope/exec/step_timing.h"

namespace shufflescope::ui {

inline constexpr int kTimingRepeats = 15;

struct TimingOutcome {
    std::shared_ptr<const StepTiming> timing;  // null when stopped or failed
    QString error;                             // the user-facing message when it failed
    quint64 generation = 0;                    // the snapshot's
    QThread* thread = nullptr;                 // the thread it ran on (tests: never the GUI's)
};

// Times every step of `snapshot`'s network on its input, `repeats` runs each (median), one
// thread; `stop` (read between rounds) ends it early with no timing.
TimingOutcome runStepTiming(const SnapshotPtr& snapshot, int repeats,
                            const std::atomic<bool>& stop);

}  // namespace shufflescope::ui
