#include "training/comparison_summary.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

#include "training/train_panel.h"

namespace shufflescope::ui {

// Every string is in TrainPanel's translation context (TrainPanel::tr), with the panel's other
// text.

namespace {

QString percent(double fraction) {
    return QString::number(100.0 * fraction, 'f', 1);
}

QString count(long long n) {
    return QLocale().toString(n);
}

// Why a run counts as diverged (train::assessRun), as a clause: "its loss rose from 2.7 to 17.3".
QString divergence(const train::RunOutcome& r) {
    if (!r.lossFinite || !std::isfinite(r.peakLoss) || !std::isfinite(r.testAccuracy))
        return TrainPanel::tr("its loss stopped being a number");
    if (r.peakLoss > train::kDivergedLossRatio * r.startLoss)
        return TrainPanel::tr("its loss rose from %1 to %2")
            .arg(r.startLoss, 0, 'f', 1)
            .arg(r.peakLoss, 0, 'f', 1);
    return TrainPanel::tr("it ends at %1% test accuracy, near chance (10%)")
        .arg(percent(r.testAccuracy));
}

// " Of the 212 images only one of them gets right, ...": the split and McNemar's p-value.
QString pairedSentence(const train::PairedComparison& p) {
    if (p.onlyFirstRight + p.onlySecondRight == 0)
        return TrainPanel::tr(" Both get exactly the same test images right.");
    const QString verdict = p.pValue < train::kSignificanceLevel
                                ? TrainPanel::tr("more than these test images' sampling noise")
                                : TrainPanel::tr("within these test images' sampling noise");
    return TrainPanel::tr(
               " Of the %1 images only one of them gets right, %2 favour the shuffle and %3 do "
               "not: McNemar's test %4, %5.")
        .arg(p.onlyFirstRight + p.onlySecondRight)
        .arg(p.onlyFirstRight)
        .arg(p.onlySecondRight)
        .arg(QString::fromStdString(train::formatPValue(p.pValue)))
        .arg(verdict);
}

}  // namespace

ShuffleComparisonSummary summarizeShuffleComparison(int groups, const ComparedRun& on,
                                                    const ComparedRun& off, int testImages) {
    ShuffleComparisonSummary summary;
    summary.health = train::assessPair(on.outcome, off.outcome);
    const double accuracyOn = on.outcome.testAccuracy, accuracyOff = off.outcome.testAccuracy;
    QString text =
        TrainPanel::tr("Shuffle on vs off at g=%1, %2 epochs of %3 training images each: ")
            .arg(groups)
            .arg(on.epochs)
            .arg(count(on.imagesPerEpoch));

    switch (summary.health.health) {
        case train::RunHealth::Diverged:
            // No verdict and no p-value: the accuracies measure the blow-up, not the shuffle.
            if (summary.health.first && summary.health.second)
                text += TrainPanel::tr(
                            "no verdict. Both runs diverged (with the shuffle, %1; without, %2).")
                            .arg(divergence(on.outcome), divergence(off.outcome));
            else if (summary.health.first)
                text += TrainPanel::tr("no verdict. The run with the shuffle on diverged (%1).")
                            .arg(divergence(on.outcome));
            else
                text += TrainPanel::tr("no verdict. The run with the shuffle off diverged (%1).")
                            .arg(divergence(off.outcome));
            text += TrainPanel::tr(
                        " Their test accuracies (%1% with the shuffle, %2% without) say nothing "
                        "about the shuffle; nothing can be concluded from this pair.")
                        .arg(percent(accuracyOn), percent(accuracyOff));
            break;
        case train::RunHealth::TooShort: {
            text += TrainPanel::tr("too short to compare.");
            const long long seen = std::min(on.outcome.imagesSeen, off.outcome.imagesSeen);
            if (seen < train::kMinComparableImages)
                text += TrainPanel::tr(
                            " Each run saw %1 training images; a comparison needs at least %2.")
                            .arg(count(seen), count(train::kMinComparableImages));
            else
                text += TrainPanel::tr(" A comparison needs both runs above %1% test accuracy.")
                            .arg(std::lround(100 * train::kMinComparableAccuracy));
            text += TrainPanel::tr(
                        " This early the test accuracies (%1% with the shuffle, %2% without) "
                        "mostly show which network happened to start learning faster, not what "
                        "the shuffle does: train longer (more epochs or images) before reading "
                        "anything into the gap.")
                        .arg(percent(accuracyOn), percent(accuracyOff));
            break;
        }
        case train::RunHealth::Usable:
            text +=
                TrainPanel::tr(
                    "in this one pair of runs (one seed), test accuracy is %1% with the shuffle "
                    "and %2% without (%3 points) on %4 test images.")
                    .arg(percent(accuracyOn), percent(accuracyOff))
                    .arg(QString::asprintf("%+.1f", 100.0 * (accuracyOn - accuracyOff)))
                    .arg(count(testImages));
            if (!on.labels.empty() && on.labels == off.labels) {
                try {
                    summary.paired =
                        train::comparePredictions(on.predictions, off.predictions, on.labels);
                    text += pairedSentence(*summary.paired);
                } catch (const std::exception&) {
                    // A run without a prediction for every image: say nothing rather than guess.
                }
            }
            text += TrainPanel::tr(
                " Another seed can move the gap by as much, so this is not evidence that the "
                "shuffle helps or hurts in general.");
            break;
    }
    summary.text = text;
    return summary;
}

}  // namespace shufflescope::ui
