// The Lesson panel as a student uses it: keys delivered to the focused widget, answers typed into
// the field that has the focus, a task done with the app's own keys. And the bundled lessons:
// every one opens in both languages and every step's state is reachable.

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <fstream>

#include "shown_main_window.h"
#include "shufflescope/tutor/lesson_library.h"
#include "shufflescope/tutor/lesson_parser.h"
#include "shufflescope/tutor/lesson_walk.h"
#include "support/temp_dir.h"
#include "tutor/highlight_overlay.h"
#include "tutor/lesson_panel.h"
#include "tutor/lesson_runner.h"
#include "views/cost_panel.h"
#include "views/timeline_view.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using ui_testing::ShownMainWindow;

namespace {

const char* const kLesson = R"(shufflescope-lesson 1
name: ui-test-lesson
languages: en zh_CN
title: Grouped convolutions
title.zh_CN: 分组卷积
start: preset=fashion groups=1 shuffle=on scale=0.5 step=stages.1.1.pw1 view=operation

[step]
highlight: groups
text: {step} reads all {input_channels} channels.
text.zh_CN: {step} 读取全部 {input_channels} 个通道。

[step]
text: You are about to set g = 8. How many multiply-adds will {step} need?
text.zh_CN: 马上要把 g 设为 8。{step} 将需要多少次乘加？
action: groups=8
ask: macs
after: Each output channel reads one group.
after.zh_CN: 每个输出通道只读取一组。

[step]
text: Now you: switch the channel shuffle off.
text.zh_CN: 现在轮到你：关掉通道混洗。
task: shuffle=off
hint: Press S.
hint.zh_CN: 按 S 键。
)";

struct LessonWindow : ShownMainWindow {
    testing_support::TempDir dir{"shufflescope-lesson-ui"};
    std::string file = dir.file("test.lesson");
    LessonRunner& runner() { return *window.lessonRunner(); }
    LessonPanel& panel() { return *window.lessonPanel(); }
    LessonWindow() {
        std::ofstream(file) << kLesson;
        idle();
        const auto error = window.openLesson(QString::fromStdString(file));
        CAPTURE(error.value_or(QString()).toStdString());
        REQUIRE_FALSE(error);
        REQUIRE(ui_testing::waitFor([&] { return panel().isVisible(); }));
        panel().activateWindow();
        panel().nextButton()->setFocus();
        REQUIRE(
            ui_testing::waitFor([&] { return panel().isAncestorOf(QApplication::focusWidget()); }));
    }
    // A key as a student presses it: to whatever has the focus.
    void press(Qt::Key key) {
        QWidget* focus = QApplication::focusWidget();
        REQUIRE(focus);
        QTest::keyClick(focus, key);
    }
};

}  // namespace

TEST_CASE("lesson panel: Space and the Page keys walk the lesson while it has the focus",
          "[lesson]") {
    LessonWindow w;
    CHECK(w.runner().stepIndex() == 0);
    CHECK(w.window.scene().groups == 1);
    CHECK_THAT(w.panel().shownText().toStdString(), Catch::Contains("stages.1.1.pw1 reads all"));
    // The step outlines the g buttons.
    const QList<QRect> outlined = w.window.highlightOverlay()->outlinedRects();
    REQUIRE(outlined.size() == 1);
    QToolButton* g8 = nullptr;
    for (QToolButton* b : w.window.findChildren<QToolButton*>())
        if (b->defaultAction() == w.window.action(QStringLiteral("groups.8"))) g8 = b;
    REQUIRE(g8);
    CHECK(outlined[0].contains(QRect(g8->mapTo(&w.window, QPoint(0, 0)), g8->size())));

    const SnapshotPtr before = w.session().snapshot();
    w.press(Qt::Key_Space);  // the lesson's, not the window's play
    CHECK(w.runner().stepIndex() == 1);
    CHECK_FALSE(w.window.action(QStringLiteral("play"))->isChecked());
    CHECK(w.window.scene().groups == 1);  // asked before it happens
    CHECK(w.window.highlightOverlay()->outlinedRects().isEmpty());
    w.window.lessonPanel()->backButton()->setFocus();
    w.press(Qt::Key_PageUp);
    CHECK(w.runner().stepIndex() == 0);
    w.press(Qt::Key_PageDown);
    CHECK(w.runner().stepIndex() == 1);
    (void)before;
}

TEST_CASE("lesson panel: predict, then reveal, with the arithmetic for a wrong answer",
          "[lesson]") {
    LessonWindow w;
    w.press(Qt::Key_Space);
    REQUIRE(w.runner().stepIndex() == 1);
    // The costs that would give the answer away are out of sight until it is given.
    CHECK(w.window.timeline()->costsHidden());
    CHECK_FALSE(w.window.costPanel()->isVisibleTo(&w.window));
    // The answer field has the focus; Next waits for an answer.
    REQUIRE(ui_testing::waitFor(
        [&] { return QApplication::focusWidget() == w.panel().answerField(); }));
    CHECK_FALSE(w.panel().nextButton()->isEnabled());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("1000"));
    w.press(Qt::Key_Return);
    CHECK(w.runner().phase() == LessonRunner::Phase::Revealed);
    // The change happened after the answer: g = 8 now.
    CHECK(w.window.scene().groups == 8);
    CHECK_FALSE(w.window.timeline()->costsHidden());
    CHECK(w.window.costPanel()->isVisibleTo(&w.window));
    const std::string shown = w.panel().shownText().toStdString();
    const long long answer = w.runner().walked().answer->value;
    CHECK(answer ==
          computeAnswer({QuestionKind::Macs, w.session().config(), "stages.1.1.pw1"}).value);
    CHECK_THAT(shown, Catch::Contains("Not quite"));
    CHECK_THAT(shown, Catch::Contains("H·W·(Cin/g)·Cout"));
    CHECK_THAT(shown, Catch::Contains("Each output channel reads one group."));
    CHECK(w.panel().nextButton()->isEnabled());

    // Back and again, the right answer this time.
    w.runner().back();
    w.runner().next();
    CHECK(w.window.scene().groups == 1);
    w.panel().answerField()->setFocus();
    QTest::keyClicks(QApplication::focusWidget(), QString::number(answer));
    w.press(Qt::Key_Return);
    CHECK_THAT(w.panel().shownText().toStdString(), Catch::Contains("Right"));
}

TEST_CASE("lesson panel: a try-it step completes when the student does it with the app's keys",
          "[lesson]") {
    LessonWindow w;
    w.runner().goTo(2);
    CHECK(w.runner().phase() == LessonRunner::Phase::Waiting);
    CHECK_FALSE(w.panel().nextButton()->isEnabled());
    CHECK(w.panel().skipButton()->isVisible());
    CHECK(w.window.scene().shuffle == true);
    // S, with the focus in the lesson panel: the window's shortcut, which the lesson notices.
    w.press(Qt::Key_S);
    REQUIRE(
        ui_testing::waitFor([&] { return w.runner().phase() == LessonRunner::Phase::Revealed; }));
    CHECK(w.window.scene().shuffle == false);
    CHECK(w.panel().completedSteps(QStringLiteral("ui-test-lesson")).isEmpty());  // not persistent
    CHECK(w.panel().nextButton()->text() == QStringLiteral("Finish"));
}

// Found by reading Session::submit: it announced a request before handing it to its job, and a
// task done finishes the step, whose state (g = 8 here, the student chose 1 on the way) is then
// asked for from inside the announcement — both jobs ran that second request, and its result
// was shown twice.
TEST_CASE("lesson panel: a task done together with another change starts one result, not two",
          "[lesson]") {
    LessonWindow w;
    w.runner().goTo(2);
    w.idle();
    REQUIRE(w.runner().phase() == LessonRunner::Phase::Waiting);
    w.press(Qt::Key_1);  // g = 1: not the task, which is the shuffle
    w.idle();
    REQUIRE(w.session().config().groups == 1);
    REQUIRE(w.runner().phase() == LessonRunner::Phase::Waiting);
    QSignalSpy shown(&w.session(), &Session::snapshotChanged);
    const int runs = w.session().inferencesRun();
    w.press(Qt::Key_S);
    REQUIRE(w.runner().phase() == LessonRunner::Phase::Revealed);
    w.idle();
    CHECK(w.session().config().groups == 8);  // the step's state after the task
    CHECK_FALSE(w.session().config().shuffle);
    CHECK(w.session().snapshot()->config() == w.session().config());
    CHECK(shown.count() == 1);
    CHECK(w.session().inferencesRun() - runs <= 2);  // S's own request may have begun
}

TEST_CASE("lesson panel: a bad lesson file is refused with its line, and nothing changes",
          "[lesson]") {
    LessonWindow w;
    w.runner().goTo(1);
    const Scene before = w.window.scene();
    const std::string bad = w.dir.file("bad.lesson");
    std::string text = kLesson;
    text.replace(text.find("ask: macs"), 9, "ask: flops");
    std::ofstream(bad) << text;
    const auto error = w.window.openLesson(QString::fromStdString(bad));
    REQUIRE(error);
    CHECK_THAT(error->toStdString(), Catch::StartsWith(bad + ":17: 'flops' is not a question"));
    CHECK(w.window.scene() == before);
    CHECK(w.runner().running());
    CHECK(w.runner().stepIndex() == 1);
    CHECK(w.runner().lesson().name == "ui-test-lesson");
    // A step the lesson does not have.
    CHECK(w.window.openLesson(QString::fromStdString(w.file), 7));
    CHECK(w.runner().stepIndex() == 1);
}
TEST_CASE("bundled lessons: every one opens in both languages and every step's state is reached",
          "[lesson]") {
    const std::vector<std::string> files = lessonFilesIn(SHUFFLESCOPE_ASSETS_DIR "/lessons");
    REQUIRE(files.size() == 8);
    ShownMainWindow w;
    w.idle();
    for (const std::string& file : files) {
        CAPTURE(file);
        const Lesson lesson = readLessonFile(file);
        CHECK(lesson.languages == std::vector<std::string>{"en", "zh_CN"});
        CHECK(lesson.steps.size() >= 6);
        CHECK(lesson.steps.size() <= 15);
        int questions = 0;
        for (const LessonStep& s : lesson.steps) questions += s.question ? 1 : 0;
        CHECK(questions >= 2);
        const LessonWalk walk = walkLesson(lesson);
        REQUIRE_FALSE(w.window.openLesson(QString::fromStdString(file)));
        LessonRunner& runner = *w.window.lessonRunner();
        for (int i = 0; i < runner.stepCount(); ++i) {
            CAPTURE(i);
            runner.goTo(i);
            CHECK(w.window.scene() == sceneOf(walk.steps[std::size_t(i)].entry));
            for (const std::string& language : lesson.languages)
                CHECK_FALSE(
                    lessonStepText(lesson, walk, i, LessonTextKind::Text, language).empty());
            runner.reveal();
            CHECK(w.window.scene() == sceneOf(walk.steps[std::size_t(i)].after));
        }
    }
}

TEST_CASE("lesson in presenter mode: the text is the caption, Space reveals and goes on",
          "[lesson]") {
    LessonWindow w;
    w.window.setPresenterUsesFullScreen(false);
    w.window.setPresenterMode(true);
    ui_testing::settle(100);
    CHECK_FALSE(w.window.findChild<QDockWidget*>(QStringLiteral("LessonDock"))->isVisible());
    auto* caption = w.window.findChild<QLabel*>(QStringLiteral("PresenterCaption"));
    REQUIRE(caption);
    CHECK(caption->isVisible());
    CHECK_THAT(caption->text().toStdString(), Catch::Contains("stages.1.1.pw1 reads all"));
    // Space and Page Down are the lesson's now (play and the unit keys are off meanwhile).
    w.press(Qt::Key_Space);
    CHECK(w.runner().stepIndex() == 1);
    CHECK_FALSE(w.window.action(QStringLiteral("play"))->isChecked());
    // A question: the class answers aloud, Space shows the answer with the change.
    w.press(Qt::Key_PageDown);
    CHECK(w.runner().phase() == LessonRunner::Phase::Revealed);
    CHECK(w.window.scene().groups == 8);
    CHECK_THAT(caption->text().toStdString(), Catch::Contains("The answer is"));
    w.press(Qt::Key_PageUp);
    CHECK(w.runner().stepIndex() == 0);
    // Leaving, the lesson's dock and the window's own keys come back.
    w.press(Qt::Key_Escape);
    ui_testing::settle(100);
    CHECK(w.window.findChild<QDockWidget*>(QStringLiteral("LessonDock"))->isVisible());
    CHECK(w.window.action(QStringLiteral("play"))->isEnabled());
    CHECK_FALSE(w.window.action(QStringLiteral("lesson.next"))->isEnabled());
}

TEST_CASE("lesson panel: the steps a student completed are kept and shown in the lesson list",
          "[lesson]") {
    LessonWindow w;
    QSettings().remove(QStringLiteral("lessons/ui-test-lesson"));
    w.panel().setPersistent(true);
    w.runner().next();  // step 1 read
    w.runner().skip();  // step 2 revealed
    CHECK(w.panel().completedSteps(QStringLiteral("ui-test-lesson")) == QList<int>{0, 1});
    // The bundled lessons' list reads the same settings: a lesson's line says how far it got.
    w.panel().setLibrary({QString::fromStdString(w.file)});
    REQUIRE(w.panel().lessonList()->count() == 1);
    CHECK_THAT(w.panel().lessonList()->item(0)->text().toStdString(),
               Catch::Contains("2 of 3 steps done"));
    QSettings().remove(QStringLiteral("lessons/ui-test-lesson"));
}
