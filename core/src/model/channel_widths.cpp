#include "shufflescope/model/channel_widths.h"

#include <cassert>
#include <cmath>
#include <cstdlib>
#include <map>
#include <mutex>
#include <sstream>

#include "shufflescope/analysis/cost.h"
#include "shufflescope/model/network.h"

namespace shufflescope {

namespace {

struct Key {
    int groups;
    double scale;
    bool operator<(const Key& o) const {
        return groups != o.groups ? groups < o.groups : scale < o.scale;
    }
};

// Table 1 of the paper (1x): stem 24, Stages 2-4.
const std::map<int, std::array<int, 3>>& paperTable1() {
    static const std::map<int, std::array<int, 3>> table = {{1, {144, 288, 576}},
                                                            {2, {200, 400, 800}},
                                                            {3, {240, 480, 960}},
                                                            {4, {272, 544, 1088}},
                                                            {8, {384, 768, 1536}}};
    return table;
}

// The official code's lists for g = 3 and 8 at the other published widths: {stem, stages}.
const std::map<Key, ChannelWidths>& officialLists() {
    static const std::map<Key, ChannelWidths> lists = {
        {{3, 0.5}, {12, {120, 240, 480}, WidthSource::OfficialCode}},
        {{3, 1.5}, {24, {360, 720, 1440}, WidthSource::OfficialCode}},
        {{3, 2.0}, {48, {480, 960, 1920}, WidthSource::OfficialCode}},
        {{8, 0.5}, {16, {192, 384, 768}, WidthSource::OfficialCode}},
        {{8, 1.5}, {24, {576, 1152, 2304}, WidthSource::OfficialCode}},
        {{8, 2.0}, {48, {768, 1536, 3072}, WidthSource::OfficialCode}},
    };
    return lists;
}

long long paperGeometryMacs(int groups, double scale, const ChannelWidths& widths) {
    ModelConfig config = presetConfig("imagenet");
    config.groups = groups;
    config.widthScale = scale;
    return computeCost(Network::build(config, widths)).totals.macs;
}

std::string mflops(long long macs) {
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << double(macs) / 1e6 << "M";
    return out.str();
}

ChannelWidths withNote(ChannelWidths w, std::vector<Sentence> note) {
    w.note = englishText(note);
    w.noteSentences = std::move(note);
    return w;
}

// A width scale as the note shows it: "0.5", "1.5".
std::string scaleText(double s) {
    std::ostringstream out;
    out << s;
    return out.str();
}

// Why the rule chose these widths (and, for g = 5 and 7, this stem).
std::vector<Sentence> ruleNote(const ChannelWidths& w, int g, double s) {
    std::vector<Sentence> note{
        {"WidthsNote",
         SHUFFLESCOPE_TRANSLATE_NOOP("WidthsNote",
                                     "No published widths for g=%1 at %2x; the project's rule "
                                     "picked Stage 2-4 widths (%3, %4, %5), multiples of 4g near "
                                     "the paper's 1:2:4 ratio, closest to its %6 budget (%7 on the "
                                     "paper's geometry)."),
         {std::to_string(g), scaleText(s), std::to_string(w.stages[0]), std::to_string(w.stages[1]),
          std::to_string(w.stages[2]), mflops(paperBudgetMacs(s)), mflops(w.paperGeometryMacs)}}};
    if (w.stem != paperStemChannels(s)) {
        note.push_back(
            {"WidthsNote",
             SHUFFLESCOPE_TRANSLATE_NOOP(
                 "WidthsNote",
                 " The stem has %1 channels, not 24 × %2 = %3: each stride-2 unit's main branch "
                 "(out - in) and bottleneck (out/4) must split into %4 groups, which needs g to "
                 "divide the stem width, and %4 does not divide %3."),
             {std::to_string(w.stem), scaleText(s), std::to_string(paperStemChannels(s)),
              std::to_string(g)}});
        if (!paperStemSplitsInto(g))
            note.push_back(
                {"WidthsNote",
                 SHUFFLESCOPE_TRANSLATE_NOOP(
                     "WidthsNote",
                     " The paper evaluates only g = 1, 2, 3, 4 and 8 without saying why; 24 also "
                     "splits into 6 groups, so the stem alone does not explain the choice."),
                 {}});
    }
    return note;
}

ChannelWidths ruleWidths(int g, double s) {
    ChannelWidths w;
    w.source = WidthSource::Rule;
    // Stem: the multiple of g nearest to 24*s, ties upward.
    const double target = 24.0 * s;
    const int below = std::max(g, int(std::floor(target / g)) * g);
    const int above = below + g;
    w.stem = (target - below < above - target) ? below : above;

    // Stage widths follow the paper's doubling, each rounded to a multiple of 4g. Rounding each
    // stage separately (rather than doubling a rounded Stage 2) gives steps fine enough to land
    // near the budget even at 0.25x, where 4g is a large fraction of a stage's width.
    const int unit = 4 * g;
    const auto roundToUnit = [unit](double x) {
        return std::max(unit, int(std::lround(x / unit)) * unit);
    };
    const long long budget = paperBudgetMacs(s);
    long long bestGap = -1;
    std::array<int, 3> previous{};
    for (int base = w.stem + 1;; ++base) {
        ChannelWidths candidate = w;
        candidate.stages = {roundToUnit(base), roundToUnit(2.0 * base), roundToUnit(4.0 * base)};
        const auto& c = candidate.stages;
        if (c == previous || c[0] <= w.stem || c[1] <= c[0] || c[2] <= c[1]) continue;
        previous = candidate.stages;
        const long long macs = paperGeometryMacs(g, s, candidate);
        const long long gap = std::llabs(macs - budget);
        if (bestGap < 0 || gap < bestGap) {
            bestGap = gap;
            w.stages = candidate.stages;
        }
        if (macs > budget) break;  // complexity grows with the base: the rest are further away
    }

    w.paperGeometryMacs = paperGeometryMacs(g, s, w);
    return withNote(w, ruleNote(w, g, s));
}

}  // namespace

long long paperBudgetMacs(double s) {
    if (s == 0.25) return 13'000'000;
    if (s == 0.5) return 38'000'000;
    if (s == 1.0) return 140'000'000;
    if (s == 1.5) return 292'000'000;
    assert(s == 2.0);
    return 524'000'000;
}

std::string widthSourceName(WidthSource source) {
    switch (source) {
        case WidthSource::PaperTable1:
            return "paper Table 1";
        case WidthSource::OfficialCode:
            return "official code";
        case WidthSource::Rule:
            return "project rule";
    }
    return "unknown";
}

ChannelWidths channelWidths(int groups, double scale) {
    assert(groups >= 1 && groups <= 8);
    if (scale == 1.0) {
        auto it = paperTable1().find(groups);
        if (it != paperTable1().end())
            return withNote(
                {24, it->second, WidthSource::PaperTable1},
                {{"WidthsNote",
                  SHUFFLESCOPE_TRANSLATE_NOOP("WidthsNote", "Widths from the paper's Table 1.")}});
    }
    if (auto it = officialLists().find({groups, scale}); it != officialLists().end()) {
        ChannelWidths w = it->second;
        return withNote(w, {{"WidthsNote", SHUFFLESCOPE_TRANSLATE_NOOP(
                                               "WidthsNote",
                                               "Widths from the official ShuffleNet v1 code (the "
                                               "paper lists only 1x).")}});
    }
    // The rule builds a few dozen candidate networks; remember the answer.
    static std::mutex mutex;
    static std::map<Key, ChannelWidths> cache;
    std::lock_guard lock(mutex);
    auto [it, inserted] = cache.try_emplace({groups, scale});
    if (inserted) it->second = ruleWidths(groups, scale);
    return it->second;
}

}  // namespace shufflescope
