#pragma once
// The answers to the lessons' predict-then-reveal questions, computed by the engine for the
// configuration each question is about — nothing numeric is typed into a lesson. Each answer
// comes with its arithmetic in the layer's own numbers ("H·W·(Cin/g)·Cout = 8·8·(96/8)·384 =
// 294,912"), as sentences (base/sentence.h) the CLI prints in English and the app translates, for
// a student whose prediction was wrong.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shufflescope/base/sentence.h"
#include "shufflescope/model/config.h"

namespace shufflescope {

enum class QuestionKind {
    Macs,                // multiply-adds of `step` (0 for steps that count none)
    DenseMacs,           // the same step with its 1x1 convolution ungrouped
    ParameterCount,      // the step's learnable weights (and BN's affine parameters)
    OutputChannels,      // channels of `step`'s output
    ReachingChannels,    // channels of `fromStep` that can reach `channel` of `step`
    ShuffleDestination,  // where the shuffle `step` sends its input channel `channel`
    StemChannels,        // the stem's width for the configuration
    TotalMacs,           // the whole network's multiply-adds (every convolution and the FC)
};

// "macs", "dense_macs", "parameters", "output_channels", "reaching_channels",
// "shuffle_destination", "stem_channels", "total_macs" (the names lesson files use).
std::string questionKindName(QuestionKind kind);
std::optional<QuestionKind> parseQuestionKind(std::string_view name);

struct Question {
    QuestionKind kind = QuestionKind::Macs;
    ModelConfig config;    // the configuration the question is about
    std::string step;      // by name, e.g. "stages.1.3.pw2" (not for StemChannels, TotalMacs)
    int channel = -1;      // ReachingChannels, ShuffleDestination
    std::string fromStep;  // ReachingChannels: the earlier step whose channels are counted
};

struct ComputedAnswer {
    long long value = 0;
    std::vector<Sentence> arithmetic;  // how the value comes about, in the step's own numbers
};

// Throws Error naming the problem when the question cannot be answered: an invalid configuration,
// no step of that name, a channel outside the step, a shuffle question about a step that is not
// a shuffle, a fromStep that does not come before step.
ComputedAnswer computeAnswer(const Question& question);

}  // namespace shufflescope
