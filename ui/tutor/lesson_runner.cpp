#include "tutor/lesson_runner.h"

#include "session/scene.h"
#include "shufflescope/base/reporting.h"
#include "text/engine_text.h"

namespace shufflescope::ui {

LessonRunner::LessonRunner(Window window, QObject* parent)
    : QObject(parent), window_(std::move(window)) {
    hintTimer_.setSingleShot(true);
    hintTimer_.setInterval(kHintDelayMs);
    connect(&hintTimer_, &QTimer::timeout, this, [this] {
        hintDue_ = true;
        emit changed();
    });
}

void LessonRunner::start(Lesson lesson, LessonWalk walk, const QString& language, int step) {
    lesson_ = std::move(lesson);
    walk_ = std::move(walk);
    language_ = language.toStdString();
    enter(std::clamp(step, 0, stepCount() - 1));
}

void LessonRunner::stop() {
    hintTimer_.stop();
    lesson_.reset();
    walk_ = {};
    emit changed();
}

int LessonRunner::stepCount() const {
    return lesson_ ? static_cast<int>(lesson_->steps.size()) : 0;
}

const LessonStep& LessonRunner::step() const {
    return lesson_->steps.at(static_cast<std::size_t>(index_));
}

const WalkedStep& LessonRunner::walked() const {
    return walk_.steps.at(static_cast<std::size_t>(index_));
}

// [SECTION] Texts

QString LessonRunner::filled(LessonTextKind kind) const {
    // Walked already: every placeholder has a value (walkLesson filled each one to check it).
    return QString::fromStdString(lessonStepText(*lesson_, walk_, index_, kind, language_));
}

QString LessonRunner::title() const {
    return running()
               ? QString::fromStdString(lesson_->title.in(language_, lesson_->languages.front()))
               : QString();
}

QString LessonRunner::text() const {
    return running() ? filled(LessonTextKind::Text) : QString();
}

QString LessonRunner::afterText() const {
    return running() && phase_ == Phase::Revealed && !step().after.empty()
               ? filled(LessonTextKind::After)
               : QString();
}

QString LessonRunner::hintText() const {
    return running() && phase_ == Phase::Waiting && hintDue_ ? filled(LessonTextKind::Hint)
                                                             : QString();
}

// [SECTION] Moving through the lesson

bool LessonRunner::canGoNext() const {
    if (!running()) return false;
    if (phase_ == Phase::Waiting) return false;
    if (phase_ == Phase::Reading && asksQuestion()) return false;
    return true;
}

void LessonRunner::apply(const SceneState& state) {
    const Scene target = sceneOf(state);
    // Only what differs: a view already in front is not laid out again.
    (void)window_.apply(sceneDifference(target, window_.current()));
}

void LessonRunner::enter(int index) {
    index_ = index;
    feedback_.reset();
    hintDue_ = false;
    hintTimer_.stop();
    apply(walked().entry);
    // "From this step on": the latest step up to here that says, however this one was reached
    // (a lesson opened at step 5 measures as one walked through from step 1 would).
    for (int k = index_; k >= 0 && window_.measure; --k)
        if (const auto& measure = lesson_->steps[static_cast<std::size_t>(k)].measure) {
            window_.measure(*measure);
            break;
        }
    phase_ = setsTask() ? Phase::Waiting : Phase::Reading;
    if (phase_ == Phase::Waiting) hintTimer_.start();
    emit changed();
}

void LessonRunner::reveal() {
    if (!running() || phase_ == Phase::Revealed) return;
    if (canSkip()) {
        skip();
        return;
    }
    if (step().action || step().replay) finish();
}

void LessonRunner::finish() {
    hintTimer_.stop();
    apply(walked().after);
    if (step().replay && window_.replay) window_.replay();
    phase_ = Phase::Revealed;
    emit stepCompleted(QString::fromStdString(lesson_->name), index_);
    emit changed();
}

void LessonRunner::next() {
    if (!canGoNext()) return;
    const bool hasAction = step().action.has_value() || step().replay;
    if (phase_ == Phase::Reading && hasAction) {
        finish();
        return;
    }
    if (phase_ == Phase::Reading) emit stepCompleted(QString::fromStdString(lesson_->name), index_);
    if (index_ + 1 < stepCount()) {
        enter(index_ + 1);
    } else {
        const QString name = QString::fromStdString(lesson_->name);
        emit finished(name);
    }
}

void LessonRunner::back() {
    if (canGoBack()) enter(index_ - 1);
}

void LessonRunner::goTo(int step) {
    if (running() && step >= 0 && step < stepCount()) enter(step);
}

void LessonRunner::skip() {
    if (!canSkip()) return;
    if (asksQuestion())
        feedback_ = Feedback{
            false, true,
            tr("The answer is %1.")
                    .arg(QString::fromStdString(withThousandsSeparators(walked().answer->value))) +
                QLatin1Char('\n') + engineText(walked().answer->arithmetic)};
    finish();
}

void LessonRunner::answer(double value) {
    if (!running() || !asksQuestion() || phase_ != Phase::Reading) return;
    const ComputedAnswer& answer = *walked().answer;
    const QString number = QString::fromStdString(withThousandsSeparators(answer.value));
    if (answerAccepted(*step().question, answer.value, value))
        feedback_ = Feedback{true, false, tr("Right: %1.").arg(number)};
    else
        feedback_ = Feedback{false, false,
                             tr("Not quite: the answer is %1.").arg(number) + QLatin1Char('\n') +
                                 engineText(answer.arithmetic)};
    finish();
}

void LessonRunner::stateChanged() {
    if (!running() || phase_ != Phase::Waiting || !walked().goal) return;
    if (goalReached(*walked().goal, window_.current())) finish();
}

}  // namespace shufflescope::ui
