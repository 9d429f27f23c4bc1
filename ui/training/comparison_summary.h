#pragma once
// The line the Train panel shows when a "Shuffle on vs off" pair has finished, as a pure function
// (no widgets, so tests can give it any pair of runs without training them).
//
// It first asks whether the pair can be read at all (train::assessPair): when a run diverged, or
// the runs are too short to mean anything, it says so and gives no verdict — and no McNemar
// p-value, which would lend a number's authority to a blow-up or to a network still at its
// start. Only for a usable pair does it state the accuracies, the image-by-image split with
// McNemar's p, and that one pair of runs with one seed is not evidence that the shuffle helps or
// hurts in general (the README found the seed-to-seed spread larger than the gaps).

#include <QString>
#include <optional>
#include <vector>

#include "shufflescope/train/paired_comparison.h"
#include "shufflescope/train/run_health.h"

namespace shufflescope::ui {

struct ComparedRun {
    int epochs = 0;          // finished epochs
    int imagesPerEpoch = 0;  // training images per epoch
    train::RunOutcome outcome;
    std::vector<int> predictions;  // on the test images, after the last finished epoch
    std::vector<uint8_t> labels;   // the test images' true classes
};

struct ShuffleComparisonSummary {
    QString text;
    train::PairHealth health;
    // The image-by-image split, only for a usable pair (the one whose p-value the text states).
    std::optional<train::PairedComparison> paired;
};

// `on` trained with the shuffle, `off` without, both at `groups` and on the same `testImages`.
ShuffleComparisonSummary summarizeShuffleComparison(int groups, const ComparedRun& on,
                                                    const ComparedRun& off, int testImages);

}  // namespace shufflescope::ui
