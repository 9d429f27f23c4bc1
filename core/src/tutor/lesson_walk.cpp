#include "shufflescope/tutor/lesson_walk.h"

#include <algorithm>
#include <cmath>

#include "shufflescope/analysis/cost.h"
#include "shufflescope/model/network.h"
#include "shufflescope/tutor/lesson_text.h"

namespace shufflescope {

namespace {

SceneState applied(const Lesson& lesson, int line, const Scene& scene, const SceneState& state,
                   const char* what) {
    const auto result = resolveScene(scene, state);
    if (const auto* error = std::get_if<SceneError>(&result))
        throw LessonError(lesson.file, line, std::string(what) + ": " + error->message());
    return std::get<SceneState>(result);
}

// The step with the most multiply-adds (the first of equals).
std::string costliestStep(const ModelConfig& config) {
    const Network network = Network::build(config);
    const CostReport cost = computeCost(network);
    const auto most =
        std::max_element(cost.steps.begin(), cost.steps.end(),
                         [](const StepCost& a, const StepCost& b) { return a.macs < b.macs; });
    return network.step(static_cast<int>(most - cost.steps.begin())).name;
}

const LocalText& textOf(const LessonStep& step, LessonTextKind kind) {
    return kind == LessonTextKind::Text    ? step.text
           : kind == LessonTextKind::After ? step.after
                                           : step.hint;
}

// Every language of every text of the step filled in, so a placeholder without a value is found
// now, at its line, rather than in front of a class.
void checkTexts(const Lesson& lesson, const LessonWalk& walk, int index) {
    const LessonStep& step = lesson.steps[static_cast<std::size_t>(index)];
    for (const LessonTextKind kind :
         {LessonTextKind::Text, LessonTextKind::After, LessonTextKind::Hint})
        for (const auto& [language, line] : textOf(step, kind).lines) {
            try {
                (void)lessonStepText(lesson, walk, index, kind, language);
            } catch (const Error& e) {
                throw LessonError(lesson.file, line, e.what());
            }
        }
}

void walkQuestion(const Lesson& lesson, const LessonStep& step, WalkedStep& walked) {
    const LessonQuestion& q = *step.question;
    const SceneState& about = walked.after;
    Question question{q.kind, about.config, q.step.value_or(about.step),
                      q.channel.value_or(about.channel), q.fromStep.value_or("")};
    try {
        walked.answer = computeAnswer(question);
    } catch (const Error& e) {
        throw LessonError(lesson.file, q.line,
                          std::string("the question has no answer: ") + e.what());
    }
    walked.question = question;
    if (q.alternatives.empty()) return;
    walked.choices.push_back(walked.answer->value);
    for (const Scene& alternative : q.alternatives) {
        Question other = question;
        other.config = applied(lesson, q.line, alternative, about, "a choice").config;
        try {
            walked.choices.push_back(computeAnswer(other).value);
        } catch (const Error& e) {
            throw LessonError(lesson.file, q.line,
                              std::string("a choice has no answer: ") + e.what());
        }
    }
    std::sort(walked.choices.begin(), walked.choices.end());
    walked.choices.erase(std::unique(walked.choices.begin(), walked.choices.end()),
                         walked.choices.end());
    if (walked.choices.size() < 2)
        throw LessonError(lesson.file, q.line,
                          "every choice has the same answer as the question; choose alternatives "
                          "that differ");
}

}  // namespace

LessonWalk walkLesson(const Lesson& lesson) {
    LessonWalk walk;
    SceneState base;
    base.config = presetConfig(lesson.start.preset.value_or("imagenet"));
    SceneState state = applied(lesson, lesson.startLine, lesson.start, base, "start");
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        const LessonStep& step = lesson.steps[i];
        WalkedStep walked;
        walked.entry = applied(lesson, step.sceneLine ? step.sceneLine : step.line, step.scene,
                               state, "scene");
        walked.after = walked.entry;
        if (step.action)
            walked.after = applied(lesson, step.actionLine, *step.action, walked.entry, "action");
        if (step.question) walkQuestion(lesson, step, walked);
        if (step.task) {
            Scene goal = step.task->goal;
            if (step.task->costliestStep) goal.step = costliestStep(walked.entry.config);
            walked.after = applied(lesson, step.task->line, goal, walked.entry, "task");
            if (goalReached(goal, sceneOf(walked.entry)))
                throw LessonError(lesson.file, step.task->line,
                                  "the task is already done when the step starts; the student "
                                  "would have nothing to do");
            walked.goal = goal;
        }
        walk.steps.push_back(walked);
        checkTexts(lesson, walk, static_cast<int>(i));
        state = walked.after;
    }
    return walk;
}

std::string lessonStepText(const Lesson& lesson, const LessonWalk& walk, int index,
                           LessonTextKind kind, const std::string& language) {
    const LessonStep& step = lesson.steps.at(static_cast<std::size_t>(index));
    const WalkedStep& walked = walk.steps.at(static_cast<std::size_t>(index));
    const std::string& text = textOf(step, kind).in(language, lesson.languages.front());
    const SceneState& state = kind == LessonTextKind::After ? walked.after : walked.entry;
    const std::optional<long long> answer =
        walked.answer ? std::optional<long long>(walked.answer->value) : std::nullopt;
    return fillLessonText(text, state, kind == LessonTextKind::After ? answer : std::nullopt);
}

bool answerAccepted(const LessonQuestion& question, long long answer, double given) {
    if (!std::isfinite(given)) return false;
    const double a = static_cast<double>(answer);
    if (question.tolerance <= 0) return given == a;
    return std::abs(given - a) <= question.tolerance * std::max(std::abs(a), 1.0);
}

bool goalReached(const Scene& goal, const Scene& current) {
    const auto holds = [](const auto& want, const auto& have) { return !want || want == have; };
    return holds(goal.preset, current.preset) && holds(goal.groups, current.groups) &&
           holds(goal.shuffle, current.shuffle) && holds(goal.widthScale, current.widthScale) &&
           holds(goal.step, current.step) && holds(goal.channel, current.channel) &&
           holds(goal.view, current.view) && holds(goal.compare, current.compare);
}

Scene sceneDifference(const Scene& target, const Scene& current) {
    Scene out;
    const auto differing = [](const auto& want, const auto& have) {
        return want && want != have ? want : std::decay_t<decltype(want)>();
    };
    out.preset = differing(target.preset, current.preset);
    out.groups = differing(target.groups, current.groups);
    out.shuffle = differing(target.shuffle, current.shuffle);
    out.widthScale = differing(target.widthScale, current.widthScale);
    out.step = differing(target.step, current.step);
    out.channel = differing(target.channel, current.channel);
    out.view = differing(target.view, current.view);
    out.compare = differing(target.compare, current.compare);
    // A new configuration is named whole: another preset starts from its own defaults, and a B
    // named relative to A ("A with g = 2") means another B once A has changed.
    if (out.preset || out.groups || out.shuffle || out.widthScale) {
        out.preset = target.preset;
        out.groups = target.groups;
        out.shuffle = target.shuffle;
        out.widthScale = target.widthScale;
        out.compare = target.compare;
    }
    return out;
}

}  // namespace shufflescope
