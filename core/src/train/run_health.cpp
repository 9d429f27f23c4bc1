#include "shufflescope/train/run_health.h"

#include <algorithm>
#include <cmath>

namespace shufflescope::train {

void LossWatch::add(double batchLoss) {
    ++batches_;
    if (!std::isfinite(batchLoss)) {
        finite_ = false;
        return;  // kept out of the curve, which stays readable
    }
    average_.add(batchLoss);
    const double now = average_.value();
    if (batches_ <= kStartBatches) {
        startSum_ += batchLoss;
        start_ = startSum_ / ++startCount_;
        peak_ = lowest_ = now;  // until the curve has settled, the peak is where it is now
    } else {
        peak_ = std::max(peak_, now);
        lowest_ = std::min(lowest_, now);
        rebound_ = std::max(rebound_, now - lowest_);
    }
}

RunHealth assessRun(const RunOutcome& run) {
    if (!run.lossFinite || !std::isfinite(run.peakLoss) || !std::isfinite(run.testAccuracy) ||
        run.peakLoss > kDivergedLossRatio * run.startLoss)
        return RunHealth::Diverged;
    // Near chance after a run long enough to have learned: something broke. After a few dozen
    // batches it may simply not have started yet.
    const bool longEnough = run.imagesSeen >= kMinComparableImages;
    if (run.testAccuracy < kNearChanceAccuracy && longEnough) return RunHealth::Diverged;
    if (!longEnough || run.testAccuracy < kMinComparableAccuracy) return RunHealth::TooShort;
    return RunHealth::Usable;
}

PairHealth assessPair(const RunOutcome& first, const RunOutcome& second) {
    const RunHealth a = assessRun(first), b = assessRun(second);
    PairHealth pair;
    pair.health = std::max(a, b);  // the enum runs from best to worst
    if (pair.health != RunHealth::Usable) {
        pair.first = a == pair.health;
        pair.second = b == pair.health;
    }
    return pair;
}

}  // namespace shufflescope::train
