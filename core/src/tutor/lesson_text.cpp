#include "shufflescope/tutor/lesson_text.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

#include "shufflescope/analysis/cost.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/reporting.h"
#include "shufflescope/model/network.h"
#include "shufflescope/tutor/computed_answer.h"
#include "shufflescope/tutor/lesson_parser.h"

namespace shufflescope {

namespace {

using Placeholder = LessonQuantity;

const std::vector<std::string>& placeholderNames() {
    static const std::vector<std::string> names = {"macs",
                                                   "dense_macs",
                                                   "parameters",
                                                   "output_channels",
                                                   "reaching_channels",
                                                   "shuffle_destination",
                                                   "stem_channels",
                                                   "input_channels",
                                                   "channels_per_group",
                                                   "output_size",
                                                   "kernel",
                                                   "dense_ratio",
                                                   "total_macs",
                                                   "total_parameters",
                                                   "groups",
                                                   "width",
                                                   "step",
                                                   "channel",
                                                   "answer"};
    return names;
}

// One {name:format key=value ...}: a quantity whose name is one a text can show.
Placeholder parsePlaceholder(std::string_view inside) {
    const std::string whole = "{" + std::string(inside) + "}";
    try {
        Placeholder p = parseLessonQuantity(inside);
        const auto& names = placeholderNames();
        if (std::find(names.begin(), names.end(), p.name) == names.end())
            throw Error("'" + p.name + "' is not a value a lesson can show");
        return p;
    } catch (const Error& e) {
        throw Error("'" + whole + "': " + e.what());
    }
}

// Calls `onText` for literal runs and `onPlaceholder` for each {...}.
template <typename OnText, typename OnPlaceholder>
void scan(std::string_view text, OnText onText, OnPlaceholder onPlaceholder) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            onText(std::string_view(&text[i], 1));
            i += 2;
        } else if (c == '{') {
            const std::size_t close = text.find('}', i);
            const std::size_t nested = text.find('{', i + 1);
            if (close == std::string_view::npos ||
                (nested != std::string_view::npos && nested < close))
                throw Error("a '{' is not closed by '}' (write '{{' for a brace)");
            onPlaceholder(parsePlaceholder(text.substr(i + 1, close - i - 1)));
            i = close + 1;
        } else if (c == '}') {
            throw Error("a '}' closes nothing (write '}}' for a brace)");
        } else {
            const std::size_t next = text.find_first_of("{}", i);
            const std::size_t end = next == std::string_view::npos ? text.size() : next;
            onText(text.substr(i, end - i));
            i = end;
        }
    }
}

std::string formatted(long long value, char format) {
    char text[32];
    if (format == 'M') {
        std::snprintf(text, sizeof text, "%.1fM", static_cast<double>(value) / 1e6);
        return text;
    }
    if (format == 'k') {
        std::snprintf(text, sizeof text, "%.1fk", static_cast<double>(value) / 1e3);
        return text;
    }
    return withThousandsSeparators(value);
}

// [SECTION] Values

class Evaluator {
  public:
    Evaluator(const SceneState& state, std::optional<long long> answer)
        : state_(state), answer_(answer), network_(Network::build(state.config)) {}

    std::string value(const Placeholder& p) {
        const std::string stepName = p.step.value_or(state_.step);
        const auto number = [&](long long v) { return formatted(v, p.format); };
        if (p.name == "answer") {
            if (!answer_) throw Error("{answer} has no question to answer here");
            return number(*answer_);
        }
        if (p.name == "groups") return std::to_string(state_.config.groups);
        if (p.name == "width") {
            char text[16];
            std::snprintf(text, sizeof text, "%g", state_.config.widthScale);
            return text;
        }
        if (const auto kind = parseQuestionKind(p.name)) {
            Question q{*kind, state_.config, stepName, p.channel.value_or(state_.channel),
                       p.from.value_or("")};
            return number(computeAnswer(q).value);
        }
        // ({total_macs} is a question kind, answered above.)
        if (p.name == "total_parameters") return number(computeCost(network_).totals.params);
        const auto index = network_.findStep(stepName);
        if (!index) throw Error("no step named '" + stepName + "' in " + describe(state_.config));
        const Step& s = network_.step(*index);
        if (p.name == "step") return s.name;
        if (p.name == "channel") {
            const int c = p.channel.value_or(state_.channel);
            if (c < 0) throw Error("{channel}: no channel is selected here");
            return std::to_string(c);
        }
        if (p.name == "kernel") {
            if (s.kernel <= 1 && s.kind != StepKind::PointwiseConv)
                throw Error("'" + s.name + "' has no kernel");
            return std::to_string(s.kernel) + "×" + std::to_string(s.kernel);
        }
        if (p.name == "output_size")
            return std::to_string(s.out.height) + "×" + std::to_string(s.out.width);
        const int inputChannels =
            s.inputs.empty() ? s.out.channels : network_.step(s.inputs[0]).out.channels;
        if (p.name == "input_channels") return number(inputChannels);
        if (p.name == "channels_per_group") return number(s.out.channels / state_.config.groups);
        if (p.name == "dense_ratio") {
            const StepCost cost = stepCost(network_, *index);
            if (cost.macs == 0)
                throw Error("{dense_ratio}: '" + s.name + "' counts no multiply-adds");
            char text[16];
            std::snprintf(text, sizeof text, "%.1f",
                          static_cast<double>(cost.denseMacs) / cost.macs);
            return text;
        }
        throw Error("'" + p.name + "' has no value");
    }

  private:
    const SceneState& state_;
    std::optional<long long> answer_;
    Network network_;
};

}  // namespace

LessonQuantity parseLessonQuantity(std::string_view text) {
    LessonQuantity q;
    std::vector<std::string_view> parts;
    for (std::size_t i = 0; i < text.size();) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\t') ++j;
        if (j > i) parts.push_back(text.substr(i, j - i));
        i = j;
    }
    if (parts.empty()) throw Error("no value is named");
    std::string_view name = parts[0];
    if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) {
        const std::string_view format = name.substr(colon + 1);
        if (format != "M" && format != "k")
            throw Error("the format after ':' is M (millions) or k (thousands)");
        q.format = format[0];
        name = name.substr(0, colon);
    }
    q.name = std::string(name);
    for (std::size_t k = 1; k < parts.size(); ++k) {
        const std::string_view arg = parts[k];
        const std::size_t eq = arg.find('=');
        const std::string key(arg.substr(0, eq));
        const std::string_view value =
            eq == std::string_view::npos ? std::string_view() : arg.substr(eq + 1);
        if (value.empty()) throw Error("'" + std::string(arg) + "' is not key=value");
        if (key == "step" && !q.step) {
            q.step = std::string(value);
        } else if (key == "from" && !q.from) {
            q.from = std::string(value);
        } else if (key == "channel" && !q.channel) {
            int c = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), c);
            if (ec != std::errc() || end != value.data() + value.size() || c < 0)
                throw Error("'" + std::string(arg) + "': channel is a channel number");
            q.channel = c;
        } else if ((key == "groups" && !q.configuration.groups) ||
                   (key == "shuffle" && !q.configuration.shuffle) ||
                   (key == "scale" && !q.configuration.widthScale)) {
            const Scene one = parseSceneText(arg);  // its Error names the token
            q.configuration.groups = one.groups ? one.groups : q.configuration.groups;
            q.configuration.shuffle = one.shuffle ? one.shuffle : q.configuration.shuffle;
            q.configuration.widthScale =
                one.widthScale ? one.widthScale : q.configuration.widthScale;
        } else {
            throw Error("'" + std::string(arg) +
                        "' is not step=, channel=, from=, groups=, shuffle= or scale= (each once)");
        }
    }
    return q;
}

void checkLessonPlaceholders(std::string_view text, bool answerAllowed) {
    scan(
        text, [](std::string_view) {},
        [&](const Placeholder& p) {
            if (p.name == "answer" && !answerAllowed)
                throw Error("{answer} is only known in a question's 'after' text");
        });
}

std::string fillLessonText(std::string_view text, const SceneState& state,
                           std::optional<long long> answer) {
    std::optional<Evaluator> evaluator;  // built at the first placeholder: most texts have few
    std::string out;
    scan(
        text, [&](std::string_view literal) { out += literal; },
        [&](const Placeholder& p) {
            try {
                if (p.configuration == Scene{}) {
                    if (!evaluator) evaluator.emplace(state, answer);
                    out += evaluator->value(p);
                } else {
                    // The same value in the configuration the placeholder names.
                    const auto other = resolveScene(p.configuration, state);
                    if (const auto* bad = std::get_if<SceneError>(&other))
                        throw Error(bad->message());
                    out += Evaluator(std::get<SceneState>(other), answer).value(p);
                }
            } catch (const Error& e) {
                throw Error("{" + p.name + "}: " + e.what());
            }
        });
    return out;
}

}  // namespace shufflescope
