#include "shufflescope/tutor/computed_answer.h"

#include <cstdlib>

#include "shufflescope/analysis/cost.h"
#include "shufflescope/analysis/reachability.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/reporting.h"
#include "shufflescope/model/channel_widths.h"
#include "shufflescope/model/network.h"
#include "shufflescope/ops/channel_shuffle.h"

namespace shufflescope {

namespace {

constexpr const char* kContext = "ComputedAnswer";

constexpr std::pair<QuestionKind, const char*> kNames[] = {
    {QuestionKind::Macs, "macs"},
    {QuestionKind::DenseMacs, "dense_macs"},
    {QuestionKind::ParameterCount, "parameters"},
    {QuestionKind::OutputChannels, "output_channels"},
    {QuestionKind::ReachingChannels, "reaching_channels"},
    {QuestionKind::ShuffleDestination, "shuffle_destination"},
    {QuestionKind::StemChannels, "stem_channels"},
    {QuestionKind::TotalMacs, "total_macs"},
};

std::string str(long long value) {
    return std::to_string(value);
}

int stepNamed(const Network& network, const std::string& name, const char* field) {
    const std::optional<int> index = network.findStep(name);
    if (!index)
        throw Error(std::string(field) + ": no step named '" + name + "' in " +
                    describe(network.config()));
    return *index;
}

void checkChannel(const Network& network, int step, int channel) {
    const int channels = network.step(step).out.channels;
    if (channel < 0 || channel >= channels)
        throw Error("channel: step '" + network.step(step).name + "' has channels 0 to " +
                    str(channels - 1) + "; there is no channel " + str(channel));
}

// The multiply-adds of a convolution step (grouped, or as if dense), term by term.
ComputedAnswer convolutionMacs(const Network& network, int index, bool dense) {
    const Step& s = network.step(index);
    const StepShape& in = network.step(s.inputs[0]).out;
    const StepCost cost = stepCost(network, index);
    const long long value = dense ? cost.denseMacs : cost.macs;
    const std::string hw = str(s.out.height) + "·" + str(s.out.width);
    switch (s.kind) {
        case StepKind::PointwiseConv:
            if (s.groups > 1 && !dense)
                return {value,
                        {{kContext,
                          SHUFFLESCOPE_TRANSLATE_NOOP("ComputedAnswer",
                                                      "H·W·(Cin/g)·Cout = %1·(%2/%3)·%4 = %5"),
                          {hw, str(in.channels), str(s.groups), str(s.out.channels),
                           withThousandsSeparators(value)}}}};
            return {
                value,
                {{kContext,
                  SHUFFLESCOPE_TRANSLATE_NOOP("ComputedAnswer", "H·W·Cin·Cout = %1·%2·%3 = %4"),
                  {hw, str(in.channels), str(s.out.channels), withThousandsSeparators(value)}}}};
        case StepKind::DepthwiseConv:
            return {value,
                    {{kContext,
                      SHUFFLESCOPE_TRANSLATE_NOOP("ComputedAnswer", "H·W·C·3·3 = %1·%2·3·3 = %3"),
                      {hw, str(s.out.channels), withThousandsSeparators(value)}}}};
        case StepKind::Conv:
            return {value,
                    {{kContext,
                      SHUFFLESCOPE_TRANSLATE_NOOP("ComputedAnswer",
                                                  "H·W·Cin·Cout·K·K = %1·%2·%3·%4·%4 = %5"),
                      {hw, str(in.channels), str(s.out.channels), str(s.kernel),
                       withThousandsSeparators(value)}}}};
        case StepKind::FullyConnected:
            return {value,
                    {{kContext,
                      SHUFFLESCOPE_TRANSLATE_NOOP("ComputedAnswer", "Cin·Cout = %1·%2 = %3"),
                      {str(in.channels), str(s.out.channels), withThousandsSeparators(value)}}}};
        default:
            return {value,
                    {{kContext,
                      SHUFFLESCOPE_TRANSLATE_NOOP(
                          "ComputedAnswer",
                          "%1 multiplies nothing by a weight: no multiply-adds are counted."),
                      {s.name}}}};
    }
}

ComputedAnswer parameters(const Network& network, int index) {
    const Step& s = network.step(index);
    const StepShape& in = network.step(s.inputs[0]).out;
    const long long value = stepCost(network, index).params;
    switch (s.kind) {
        case StepKind::PointwiseConv:
        case StepKind::Conv:
        case StepKind::DepthwiseConv:
            return {value,
                    {{kContext,
                      SHUFFLESCOPE_TRANSLATE_NOOP("ComputedAnswer",
                                                  "Cout·(Cin/g)·K·K = %1·(%2/%3)·%4·%4 = %5"),
                      {str(s.out.channels), str(in.channels), str(s.groups), str(s.kernel),
                       withThousandsSeparators(value)}}}};
        default:
            return {value,
                    {{kContext,
                      SHUFFLESCOPE_TRANSLATE_NOOP("ComputedAnswer", "%1 has %2 learnable values."),
                      {s.name, withThousandsSeparators(value)}}}};
    }
}

ComputedAnswer shuffleDestination(const Network& network, int index, int channel) {
    const Step& s = network.step(index);
    if (s.kind != StepKind::ChannelShuffle)
        throw Error("step: '" + s.name + "' is not a channel shuffle");
    checkChannel(network, index, channel);
    const int channels = s.out.channels, g = s.groups, n = channels / g;
    if (!(s.enabled && g > 1))
        return {channel,
                {{kContext,
                  SHUFFLESCOPE_TRANSLATE_NOOP(
                      "ComputedAnswer", "The shuffle is off (or g = 1): channel %1 stays at %1."),
                  {str(channel)}}}};
    const int destination = ops::channelShuffleDestination(channel, channels, g);
    return {destination,
            {{kContext,
              SHUFFLESCOPE_TRANSLATE_NOOP("ComputedAnswer",
                                          "%1 = i·n + j with n = %2/%3 = %4: group i = %5, index "
                                          "j = %6; it goes to j·g + i = %6·%3 + %5 = %7."),
              {str(channel), str(channels), str(g), str(n), str(channel / n), str(channel % n),
               str(destination)}}}};
}

}  // namespace

std::string questionKindName(QuestionKind kind) {
    for (const auto& [k, name] : kNames)
        if (k == kind) return name;
    return "unknown";
}

std::optional<QuestionKind> parseQuestionKind(std::string_view name) {
    for (const auto& [k, text] : kNames)
        if (name == text) return k;
    return std::nullopt;
}

ComputedAnswer computeAnswer(const Question& q) {
    const Network network = Network::build(q.config);  // throws Error for an invalid configuration
    if (q.kind == QuestionKind::TotalMacs) {
        // Part by part, as the cost panel's chart shows it: stem, Stages 2-4, classifier.
        const StageBars bars = stageBars(network, computeCost(network));
        long long total = 0;
        for (const long long part : bars.macs) total += part;
        return {total,
                {{kContext,
                  SHUFFLESCOPE_TRANSLATE_NOOP(
                      "ComputedAnswer",
                      "stem %1 + Stage 2 %2 + Stage 3 %3 + Stage 4 %4 + classifier %5 = %6"),
                  {withThousandsSeparators(bars.macs[0]), withThousandsSeparators(bars.macs[1]),
                   withThousandsSeparators(bars.macs[2]), withThousandsSeparators(bars.macs[3]),
                   withThousandsSeparators(bars.macs[4]), withThousandsSeparators(total)}}}};
    }
    if (q.kind == QuestionKind::StemChannels) {
        // One line a student can check (the cost panel's note gives the whole story).
        const int stem = network.widths().stem, paper = paperStemChannels(q.config.widthScale),
                  g = q.config.groups;
        if (stem == paper)
            return {stem,
                    {{kContext,
                      SHUFFLESCOPE_TRANSLATE_NOOP("ComputedAnswer",
                                                  "%1 channels split into g = %2 groups of %3."),
                      {str(stem), str(g), str(stem / g)}}}};
        return {stem,
                {{kContext,
                  SHUFFLESCOPE_TRANSLATE_NOOP(
                      "ComputedAnswer",
                      "%1 does not divide %2: the nearest multiple of %1 is %3 (%4 away)."),
                  {str(g), str(paper), str(stem), str(std::abs(stem - paper))}}}};
    }
    const int step = stepNamed(network, q.step, "step");
    switch (q.kind) {
        case QuestionKind::Macs:
            return convolutionMacs(network, step, false);
        case QuestionKind::DenseMacs:
            return convolutionMacs(network, step, true);
        case QuestionKind::ParameterCount:
            return parameters(network, step);
        case QuestionKind::OutputChannels: {
            const StepShape& o = network.step(step).out;
            return {o.channels,
                    {{kContext,
                      SHUFFLESCOPE_TRANSLATE_NOOP("ComputedAnswer",
                                                  "%1 outputs %2 channels of %3 × %4."),
                      {q.step, str(o.channels), str(o.height), str(o.width)}}}};
        }
        case QuestionKind::ReachingChannels: {
            checkChannel(network, step, q.channel);
            const int from = stepNamed(network, q.fromStep, "from_step");
            if (from >= step)
                throw Error("from_step: '" + q.fromStep + "' does not come before '" + q.step +
                            "'");
            const long long count =
                static_cast<long long>(reachingChannels(network, step, q.channel, from).size());
            return {
                count,
                {{kContext,
                  SHUFFLESCOPE_TRANSLATE_NOOP(
                      "ComputedAnswer", "%1 of the %2 channels of %3 can reach channel %4 of %5."),
                  {withThousandsSeparators(count), str(network.step(from).out.channels), q.fromStep,
                   str(q.channel), q.step}}}};
        }
        case QuestionKind::ShuffleDestination:
            return shuffleDestination(network, step, q.channel);
        case QuestionKind::StemChannels:
        case QuestionKind::TotalMacs:
            break;
    }
    throw Error("question: unknown kind");
}

}  // namespace shufflescope
