#pragma once
// Whether a training run went well enough to be read: its loss curve (the smoothed batch losses,
// the curve the Train panel draws), and a verdict on a run and on a pair of runs compared — a run
// whose loss climbed far above where it started, or that ends near chance, diverged; a run that
// saw too few images, or still gets too few test images right, is too short to say anything about
// the network it trained. Only two runs that are neither are worth comparing.

#include <string>

namespace shufflescope::train {

// An exponential moving average with weight 0.9 on the past (about the last 10 values), divided
// by the weights' sum so that the first values are not pulled toward 0.
class MovingAverage {
  public:
    void add(double x) {
        sum_ = kPast * sum_ + (1 - kPast) * x;
        weight_ = kPast * weight_ + (1 - kPast);
    }
    double value() const { return weight_ > 0 ? sum_ / weight_ : 0; }

  private:
    static constexpr double kPast = 0.9;
    double sum_ = 0, weight_ = 0;
};

// Follows a run's batch losses: the smoothed curve, where it started and the highest it went.
// One batch is a noisy sample (batches of 32 from the same fresh network differ by +-0.2 around
// 2.6), so the start is the mean of the first kStartBatches batches, taken while the warm-up's
// learning rate is still small, and the peak is the highest the smoothed curve goes once it
// averages about that many.
class LossWatch {
  public:
    static constexpr long long kStartBatches = 10;
    void add(double batchLoss);
    double smoothed() const { return average_.value(); }
    // The mean loss of the first kStartBatches batches (of all of them in a shorter run).
    double start() const { return start_; }
    // The highest smoothed value from batch kStartBatches on (the last one in a shorter run).
    double peak() const { return peak_; }
    bool finite() const { return finite_; }  // no batch loss was NaN or infinite
    long long batches() const { return batches_; }
    // peak / start (1 before any batch): how far the curve rose above where it started.
    double peakRatio() const { return start_ > 0 ? peak_ / start_ : 1.0; }
    // The largest climb of the smoothed curve above its lowest point before it, from batch
    // kStartBatches on: a run that learned and then got worse again (0 if it never did).
    double rebound() const { return rebound_; }

  private:
    MovingAverage average_;
    double startSum_ = 0;
    int startCount_ = 0;
    double start_ = 0, peak_ = 0, lowest_ = 0, rebound_ = 0;
    bool finite_ = true;
    long long batches_ = 0;
};

// What the verdict needs of a finished run.
struct RunOutcome {
    long long imagesSeen = 0;  // finished epochs x training images per epoch
    double startLoss = 0;      // LossWatch::start
    double peakLoss = 0;       // LossWatch::peak
    bool lossFinite = true;    // LossWatch::finite
    double testAccuracy = 0;   // after the last epoch, a fraction
};

enum class RunHealth {
    Usable,    // learned, and long enough to compare
    TooShort,  // stable, but too few images or too low an accuracy to mean anything yet
    Diverged,  // the loss blew up (or went NaN), or the network ends near chance
};

// The thresholds (documented in the README's "Train it yourself"):
// diverged: the smoothed loss rose above kDivergedLossRatio x its start, or a loss was not finite,
// or the final test accuracy is below kNearChanceAccuracy (chance is 10%) after at least
// kMinComparableImages images (a shorter run near chance is only too short);
inline constexpr double kDivergedLossRatio = 1.5;
inline constexpr double kNearChanceAccuracy = 0.20;
// too short: fewer than kMinComparableImages training images seen, or a test accuracy below
// kMinComparableAccuracy (the bundled full-length models reach about 92%; the Train panel's
// default, 3 epochs of 6,000 images, about 80%). A stable run's loss stays within ~5% of its
// start (scripts/check_classroom_recipe.py), so 1.5x is far outside normal noise.
inline constexpr long long kMinComparableImages = 10000;
inline constexpr double kMinComparableAccuracy = 0.70;

RunHealth assessRun(const RunOutcome& run);

// A pair of runs (e.g. shuffle on, shuffle off): the worse of the two verdicts, and which runs
// have it.
struct PairHealth {
    RunHealth health = RunHealth::Usable;
    bool first = false, second = false;  // each run that has `health` (none when Usable)
};
PairHealth assessPair(const RunOutcome& first, const RunOutcome& second);

}  // namespace shufflescope::train
