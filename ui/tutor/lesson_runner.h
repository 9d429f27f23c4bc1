#pragma once
// LessonRunner: where a student is in a lesson and what happens on Next, Back, Skip and an
// answer — the lesson's logic without its widgets (LessonPanel draws it; tests drive it).
//
// Each step, as tutor/lesson.h describes it:
//   Reading   the step's entry state applied, its text shown; a question waits for an answer,
//             a task for the student to do it (Waiting); otherwise Next performs the action.
//   Revealed  the action done (or the answer given, or the task done): the `after` text and,
//             for a question, whether the answer was right and the arithmetic when it was not.
// Next from Revealed (or from a step with nothing to do) enters the next step; Back re-enters
// the previous one. Every state applied is the one walkLesson worked out, so Back and Next land
// on the same state however the student wandered in between.

#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <optional>

#include "shufflescope/tutor/lesson.h"
#include "shufflescope/tutor/lesson_walk.h"

namespace shufflescope::ui {

class LessonRunner : public QObject {
    Q_OBJECT
  public:
    // How the runner reaches the window: apply a scene (all or nothing, as MainWindow::applyScene)
    // and read the current one.
    struct Window {
        std::function<std::optional<SceneError>(const Scene&)> apply;
        std::function<Scene()> current;
        std::function<void()> replay;       // the selected step's animation from its start
        std::function<void(bool)> measure;  // Measure time per step on or off
    };
    enum class Phase { Reading, Waiting, Revealed };
    struct Feedback {
        bool correct = false;
        bool skipped = false;
        QString message;  // "Right: 294,912." / "Not quite: ... H·W·(Cin/g)·Cout = ..."
    };
    static constexpr int kHintDelayMs = 20000;

    LessonRunner(Window window, QObject* parent = nullptr);

    // Starts `lesson` (walked already) at `step`; texts in `language` ("en", "zh_CN"), falling
    // back to the lesson's first language.
    void start(Lesson lesson, LessonWalk walk, const QString& language, int step = 0);
    void stop();
    bool running() const { return lesson_.has_value(); }

    const Lesson& lesson() const { return *lesson_; }
    int stepIndex() const { return index_; }
    int stepCount() const;
    Phase phase() const { return phase_; }
    const LessonStep& step() const;
    const WalkedStep& walked() const;

    QString title() const;
    QString text() const;       // the step's text, numbers filled in
    QString afterText() const;  // once Revealed (empty when the step has none)
    QString hintText() const;   // once the hint is due (a Waiting task)
    std::optional<Feedback> feedback() const { return feedback_; }
    bool asksQuestion() const { return step().question.has_value(); }
    bool setsTask() const { return step().task.has_value(); }
    // What Next does now: false while a question waits for its answer or a task for the
    // student (Skip is there for both).
    bool canGoNext() const;
    bool canGoBack() const { return running() && index_ > 0; }
    bool canSkip() const {
        return running() && phase_ != Phase::Revealed && (asksQuestion() || setsTask());
    }

  public slots:
    void next();
    void back();
    // A question: revealed without an answer. A task: done for the student.
    void skip();
    void answer(double value);
    // The window's state changed: a Waiting task may be done.
    void stateChanged();
    void goTo(int step);
    // The step as it is once done: a question skipped (its answer shown), an action performed, a
    // task done. Nothing for a step with nothing to reveal.
    void reveal();

  signals:
    void changed();
    // The student finished `step` of the lesson (revealed it, or read it and went on).
    void stepCompleted(const QString& lesson, int step);
    void finished(const QString& lesson);

  private:
    void enter(int step);
    void finish();
    void apply(const SceneState& state);
    QString filled(LessonTextKind kind) const;

    Window window_;
    std::optional<Lesson> lesson_;
    LessonWalk walk_;
    std::string language_;
    int index_ = 0;
    Phase phase_ = Phase::Reading;
    std::optional<Feedback> feedback_;
    bool hintDue_ = false;
    QTimer hintTimer_;
};

}  // namespace shufflescope::ui
