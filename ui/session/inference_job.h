#pragma once
// The work behind a Snapshot, run off the UI thread: build the network, obtain its parameters
// (a checkpoint, or seeded random weights), load and preprocess the input, run the capture pass
// for the views; and, once the snapshot is shown, time the fast pass on its input (a job of its
// own, so a key's result never waits for the timing). Pure: no Qt objects, no shared state, so any
// number of jobs can run and the session keeps only the newest result.

#include <QString>
#include <functional>
#include <optional>

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

// `stale`, when given, is asked between the phases (weights, input, the capture pass): once it
// says true the job stops and returns an outcome with neither snapshot nor error, which the
// session drops as it drops any result of a replaced request. The logits are the capture's.
InferenceOutcome runInference(const InferenceRequest& request, ParameterCache& cache,
                              const std::function<bool()>& stale = {});

// The fast path's time on a snapshot's input (outputs[0]) with its weights: one untimed run
// first (the first touches of the weights and buffers made the first figure ten times the real
// one), then the median of up to five runs within a fifth of a second. nullopt when `stale`
// (asked between the runs) stopped it first.
std::optional<ForwardTime> timeForwardPass(const Snapshot& snapshot,
                                           const std::function<bool()>& stale = {});

}  // namespace shufflescope::ui
