#pragma once
// A lesson checked against the engine and worked out step by step: the state each step shows,
// each question's answer and choices, each task's goal. The app walks a lesson once when it opens
// it and then only applies these states (Back and Next land on the same state however the student
// got there); `shufflescope-cli lesson check` reports the same errors.

#include <optional>
#include <string>
#include <vector>

#include "shufflescope/tutor/lesson.h"

namespace shufflescope {

struct WalkedStep {
    SceneState entry;  // after the step's `scene`: what the student sees while reading `text`
    SceneState after;  // after the action, or with the task done: what `after` talks about
    std::optional<Question> question;  // resolved: the configuration, step and channel asked about
    std::optional<ComputedAnswer> answer;
    std::vector<long long> choices;  // multiple choice: distinct, ascending, the answer among them
    std::optional<Scene> goal;       // a task's goal, @costliest resolved to the step's name
};

struct LessonWalk {
    std::vector<WalkedStep> steps;  // parallel to Lesson::steps
};

// Throws LessonError at the line of the first scene that cannot be applied, question that cannot
// be answered, text whose placeholder has no value, or task that is already done when it starts.
LessonWalk walkLesson(const Lesson& lesson);

enum class LessonTextKind { Text, After, Hint };
// The step's text in `language` with its numbers filled in for the state it is shown in.
std::string lessonStepText(const Lesson& lesson, const LessonWalk& walk, int step,
                           LessonTextKind kind, const std::string& language);

// Whether `given` counts as the answer (exact, or within the question's tolerance).
bool answerAccepted(const LessonQuestion& question, long long answer, double given);

// Whether `current` (the app's scene, every field set) has every field `goal` names.
bool goalReached(const Scene& goal, const Scene& current);

// The fields of `target` that differ from `current`: what to apply to get from one to the other
// without touching (or re-laying out) what is already right.
Scene sceneDifference(const Scene& target, const Scene& current);

}  // namespace shufflescope
