#pragma once
// The work behind a Snapshot, run off the UI thread: build the network, obtain its parameters
// (a checkpoint, or seeded random weights), load and preprocess the input, run the capture pass
// for the views and the fast pass for the timing. Pure: no Qt objects, no shared state, so any
// number of jobs can run and the session keeps only the newest result.

#include <QString>
#include <functional>

#include "session/parameter_cache.h"
#include "session/snapshot.h"

namespace shufflescope::ui {

struct InferenceRequest {
    ModelConfig config;
    QString inputPath;
    WeightsSource weights;
    quint64 generation = 0;
};

// The same work: equal configuration, input and weights (the generation aside).
bool sameWork(const InferenceRequest& a, const InferenceRequest& b);

struct InferenceOutcome {
    SnapshotPtr snapshot;   // null when the request failed
    QString error;          // the user-facing message when it failed
    bool badInput = false;  // it failed on the input file (the configuration and weights were fine)
    quint64 generation = 0;
};

// `stale`, when given, is asked between the phases (weights, input, the capture pass, each timed
// run): once it says true the job stops and returns an outcome with neither snapshot nor error,
// which the session drops as it drops any result of a replaced request.
InferenceOutcome runInference(const InferenceRequest& request, ParameterCache& cache,
                              const std::function<bool()>& stale = {});

}  // namespace shufflescope::ui
