#pragma once
// The work behind a Snapshot, run off the UI thread: build the network, obtain its parameters
// (a checkpoint, or seeded random weights), load and preprocess the input, run the capture pass
// for the views and the fast pass for the timing. Pure: no Qt objects, no shared state, so any
// number of jobs can run and the session keeps only the newest result.

#include <QString>

#include "session/parameter_cache.h"
#include "session/snapshot.h"

namespace shufflescope::ui {

struct InferenceRequest {
    ModelConfig config;
    QString inputPath;
    WeightsSource weights;
    quint64 generation = 0;
};

struct InferenceOutcome {
    SnapshotPtr snapshot;  // null when the request failed
    QString error;         // the user-facing message when it failed
    quint64 generation = 0;
};

InferenceOutcome runInference(const InferenceRequest& request, ParameterCache& cache);

}  // namespace shufflescope::ui
