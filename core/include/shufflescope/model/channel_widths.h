#pragma once
// Channel widths of ShuffleNet v1 for a (groups, width scale) pair.
//
// Sources, in order of precedence:
//  1. 1x, g in {1,2,3,4,8}: the paper's Table 1 (stem 24).
//  2. g in {3,8} at 0.5x/1.5x/2x: the official code's lists (see the spec).
//  3. Every other pair: the rule
//       stem  = the multiple of g nearest to 24*s (ties upward, at least g)
//       Stage widths (b, 2b, 4b), each rounded to a multiple of 4g, for the base b whose total
//       complexity on the paper's geometry (3x224x224, 1000-way FC) comes closest to the paper's
//       budget for s: 13 / 38 / 140 / 292 / 524 MFLOPs for s = 0.25 / 0.5 / 1 / 1.5 / 2.
//     Why multiples: the bottleneck (out/4) must split into g groups, and a stride-2 unit's main
//     branch (out - in) must too, so out = 4g*k and the stem must be a multiple of g. With the
//     paper's 24-channel stem that fails for g = 5 and 7 (g must divide 24), so the rule changes
//     the stem for them; the paper only evaluates g in {1, 2, 3, 4, 8}.

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "shufflescope/base/sentence.h"

namespace shufflescope {

enum class WidthSource { PaperTable1, OfficialCode, Rule };

struct ChannelWidths {
    int stem = 24;
    std::array<int, 3> stages{};  // output channels of Stages 2, 3, 4
    WidthSource source = WidthSource::PaperTable1;
    // Why these widths (shown in summaries): e.g. why g = 5 needs a 25-channel stem. The desktop
    // app words noteSentences in the interface language (sentence.h); `note` is their English,
    // as the CLI prints it.
    std::vector<Sentence> noteSentences;
    std::string note;
    // WidthSource::Rule: the MACs these widths cost on the paper's 224x224 geometry (0 otherwise).
    long long paperGeometryMacs = 0;
};

// Asserts groups in 1..8 and a supported scale (validateConfig() checks user input first).
ChannelWidths channelWidths(int groups, double widthScale);

// The paper's 24-channel stem at a width scale (24 * s); the rule moves the stem off it when g
// does not divide it.
inline int paperStemChannels(double widthScale) {
    return int(std::lround(24.0 * widthScale));
}

// Whether the paper's 24-channel stem splits into `groups` groups (false for g = 5, 7: the reason
// the paper evaluates only g = 1, 2, 3, 4, 8).
inline bool paperStemSplitsInto(int groups) {
    return 24 % groups == 0;
}

// The paper's complexity budget for a width scale, in MACs (13M, 38M, 140M, 292M, 524M).
long long paperBudgetMacs(double widthScale);

std::string widthSourceName(WidthSource source);

}  // namespace shufflescope
