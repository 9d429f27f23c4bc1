#pragma once
// A lesson: a guided walk through the app, as a teacher writes it in a lesson file
// (docs/lessons.md; the bundled ones are in assets/lessons/). This header is the parsed value;
// tutor/lesson_parser.h reads a file into it and tutor/lesson_walk.h checks it against the engine
// and works out every step's state, answer and text.
//
// A step is read in this order, so the view never changes while the student is reading:
//   1. on entering it, `scene` is applied and `text` shown;
//   2. `action` (a scene change) happens on Space / Next — after the student has answered `ask`
//      when there is a question, or `task` is what the student must do themselves;
//   3. `after` is shown with the result; the next Space / Next goes to the next step.
// Every number in a text is a placeholder the engine fills in (tutor/lesson_text.h); nothing
// numeric is typed into a lesson except the configurations its scenes and questions name.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shufflescope/base/error.h"
#include "shufflescope/tutor/computed_answer.h"
#include "shufflescope/tutor/scene.h"

namespace shufflescope {

// The lesson file version this engine reads.
constexpr int kLessonFormatVersion = 1;

// A malformed or unworkable lesson: what() is "file:line: problem" (line 0: the file as a whole).
class LessonError : public Error {
  public:
    LessonError(std::string file, int line, const std::string& problem);
    const std::string& file() const { return file_; }
    int line() const { return line_; }
    const std::string& problem() const { return problem_; }

  private:
    std::string file_;
    int line_;
    std::string problem_;
};

// One text in every language of the lesson, each with the line it was written on.
struct LocalText {
    std::map<std::string, std::string> byLanguage;  // "en" -> "A 1×1 convolution ..."
    std::map<std::string, int> lines;
    bool empty() const { return byLanguage.empty(); }
    // The text in `language`, else in `fallback` (the lesson's first language).
    const std::string& in(const std::string& language, const std::string& fallback) const;
};

// A predict-then-reveal question: its answer is computed for the state after the step's action.
struct LessonQuestion {
    QuestionKind kind = QuestionKind::Macs;
    std::optional<std::string> step;      // default: the step selected then
    std::optional<int> channel;           // default: the channel selected then
    std::optional<std::string> fromStep;  // reaching_channels: the earlier step
    // Multiple choice: each alternative is the same question in another configuration (a scene
    // applied to the question's state); the choices are the distinct answers. None: a number field.
    std::vector<Scene> alternatives;
    double tolerance = 0;  // a relative error accepted as right (0.05 = 5%); 0: exact
    int line = 0;
};

// A "try it yourself" step: done when the app's state has every field of `goal`.
struct LessonTask {
    Scene goal;
    bool costliestStep = false;  // step=@costliest: the step with the most MACs
    int line = 0;
};

struct LessonStep {
    int line = 0;  // the [step] line
    Scene scene;   // applied on entering the step
    int sceneLine = 0;
    LocalText text;
    std::vector<std::string> highlights;  // parts of the window (lessonHighlightTargets())
    std::optional<Scene> action;
    bool replay = false;  // the action replays the step's animation
    int actionLine = 0;
    std::optional<LessonQuestion> question;
    std::optional<LessonTask> task;
    LocalText after;
    LocalText hint;  // a task's hint, shown after a while
    // Measure time per step on (or off) from this step on (lesson 8's times need it): a window
    // setting, not part of the scene.
    std::optional<bool> measure;
};

struct Lesson {
    int version = kLessonFormatVersion;
    std::string file;                    // as given to the parser: messages name it
    std::string name;                    // e.g. "channel-shuffle": settings and --lesson use it
    std::vector<std::string> languages;  // the first is the default
    LocalText title;
    LocalText summary;
    Scene start;  // the configuration (all four fields) and step the lesson starts from
    int startLine = 0;
    std::vector<LessonStep> steps;
};

// The languages a lesson may be written in (the app's interface languages).
const std::vector<std::string>& lessonLanguages();
// The parts of the window a step may highlight: "groups", "shuffle", "width", "preset",
// "compare", "play", "network", "operation", "flow", "features", "cost", "prediction", "train".
const std::vector<std::string>& lessonHighlightTargets();

}  // namespace shufflescope
