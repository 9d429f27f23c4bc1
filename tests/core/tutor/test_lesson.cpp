// Lesson files (tutor/lesson_parser, lesson_text, lesson_walk): a lesson is read, walked against
// the engine, and its numbers filled in; every kind of mistake a teacher can make is refused at
// its line. Values are worked out here from the layers' shapes, not from the engine's cost code.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "shufflescope/model/network.h"
#include "shufflescope/tutor/lesson_parser.h"
#include "shufflescope/tutor/lesson_text.h"
#include "shufflescope/tutor/lesson_walk.h"

using namespace shufflescope;

namespace {

const char* const kLesson = R"(# A small lesson with one of every kind of step.
shufflescope-lesson 1
name: test-lesson
languages: en zh_CN
title: Grouped convolutions
title.zh_CN: 分组卷积
start: preset=imagenet groups=3 shuffle=on scale=1 step=stages.1.0.pw1 view=operation

[step]
highlight: operation groups
text: {step} has {input_channels} input channels
  and costs {macs} multiply-adds.
text.zh_CN: {step} 有 {input_channels} 个输入通道，
  需要 {macs} 次乘加。

[step]
scene: step=stages.1.1.pw1
text: You are about to set g = 8. How many multiply-adds will {step} need?
text.zh_CN: 马上要把 g 设为 8。{step} 将需要多少次乘加？
action: groups=8
ask: macs
after: {answer}: a {dense_ratio} times smaller cost than dense.
after.zh_CN: {answer}：比稠密卷积少 {dense_ratio} 倍。

[step]
scene: step=stages.1.2.relu channel=100
text: Switch the shuffle off: how many channels of stages.1.1.relu reach channel {channel}?
text.zh_CN: 关掉混洗：stages.1.1.relu 有多少个通道能到达第 {channel} 个通道？
action: shuffle=off view=flow
ask: reaching_channels from=stages.1.1.relu
choices: shuffle=on | groups=1
after: {answer}.
after.zh_CN: {answer}。

[step]
text: Now you: press 4.
text.zh_CN: 现在轮到你：按 4。
task: groups=4
hint: The number keys set g.
hint.zh_CN: 数字键设置 g。
)";

Lesson parsed(const std::string& text) {
    return parseLesson(text, "test.lesson");
}

// The message of the LessonError `text` gives, which must name the file and `line`.
std::string refusal(const std::string& text, int line) {
    try {
        walkLesson(parsed(text));
    } catch (const LessonError& e) {
        CAPTURE(e.what());
        CHECK(e.file() == "test.lesson");
        CHECK(e.line() == line);
        CHECK_THAT(e.what(), Catch::StartsWith("test.lesson:" + std::to_string(line) + ": "));
        return e.problem();
    }
    FAIL("no error for:\n" << text);
    return {};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

int lineOf(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return 1 +
           static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

ModelConfig imagenet(int groups, bool shuffle) {
    ModelConfig c = presetConfig("imagenet");
    c.groups = groups;
    c.shuffle = shuffle;
    return c;
}

// H·W·(Cin/g)·Cout of a 1x1 convolution, from its shapes.
long long pointwiseMacs(const ModelConfig& config, const std::string& step) {
    const Network net = Network::build(config);
    const Step& s = net.step(*net.findStep(step));
    const int cin = net.step(s.inputs[0]).out.channels;
    return 1LL * s.out.height * s.out.width * (cin / s.groups) * s.out.channels;
}

}  // namespace

// [SECTION] Reading

TEST_CASE("lesson: the header, the steps and their texts in both languages", "[lesson]") {
    const Lesson lesson = parsed(kLesson);
    CHECK(lesson.name == "test-lesson");
    CHECK(lesson.languages == std::vector<std::string>{"en", "zh_CN"});
    CHECK(lesson.title.in("zh_CN", "en") == "分组卷积");
    CHECK(lesson.title.in("fr", "en") == "Grouped convolutions");
    REQUIRE(lesson.steps.size() == 4);
    CHECK(lesson.steps[0].highlights == std::vector<std::string>{"operation", "groups"});
    // Continuation lines: joined with a space, Chinese without one.
    CHECK(lesson.steps[0].text.byLanguage.at("en") ==
          "{step} has {input_channels} input channels and costs {macs} multiply-adds.");
    CHECK(lesson.steps[0].text.byLanguage.at("zh_CN") ==
          "{step} 有 {input_channels} 个输入通道，需要 {macs} 次乘加。");
    CHECK(lesson.steps[0].text.lines.at("zh_CN") == lineOf(kLesson, "text.zh_CN: {step} 有"));
    CHECK(lesson.steps[1].action == Scene{.groups = 8});
    REQUIRE(lesson.steps[2].question);
    CHECK(lesson.steps[2].question->kind == QuestionKind::ReachingChannels);
    CHECK(lesson.steps[2].question->alternatives.size() == 2);
    REQUIRE(lesson.steps[3].task);
    CHECK(lesson.steps[3].task->goal == Scene{.groups = 4});
}

TEST_CASE("lesson: scenes as lessons write them", "[lesson]") {
    CHECK(
        parseSceneText("preset=fashion groups=8 shuffle=off scale=0.5 step=stem.conv channel=none "
                       "view=flow compare=3") == Scene{.preset = "fashion",
                                                       .groups = 8,
                                                       .shuffle = false,
                                                       .widthScale = 0.5,
                                                       .step = "stem.conv",
                                                       .channel = -1,
                                                       .view = "flow",
                                                       .compare = Comparison::withGroups(3)});
    CHECK(parseSceneText("compare=shuffle").compare == Comparison::shuffleFlipped());
    CHECK(parseSceneText("") == Scene{});
    for (const char* bad : {"groups=eight", "shuffle=yes", "channel=-4", "scale=wide", "colour=red",
                            "groups", "groups=1 groups=2", "compare=maybe", "=3"})
        CHECK_THROWS_AS(parseSceneText(bad), Error);
}

// [SECTION] Walking

TEST_CASE("lesson walk: each step's state, answers and choices come from the engine", "[lesson]") {
    const Lesson lesson = parsed(kLesson);
    const LessonWalk walk = walkLesson(lesson);
    REQUIRE(walk.steps.size() == 4);
    CHECK(walk.steps[0].entry.config == imagenet(3, true));
    CHECK(walk.steps[0].entry.step == "stages.1.0.pw1");
    // The question is about the state after its action (g = 8), asked before it happens.
    CHECK(walk.steps[1].entry.config.groups == 3);
    CHECK(walk.steps[1].after.config.groups == 8);
    REQUIRE(walk.steps[1].answer);
    CHECK(walk.steps[1].answer->value == pointwiseMacs(imagenet(8, true), "stages.1.1.pw1"));
    CHECK(walk.steps[1].choices.empty());
    // Shuffle off at g = 8: only the 1/8 of the channels in channel 100's own group reach it.
    const WalkedStep& reach = walk.steps[2];
    REQUIRE(reach.answer);
    const auto channelsAt = [](int groups) {
        const Network net = Network::build(imagenet(groups, false));
        return static_cast<long long>(net.step(*net.findStep("stages.1.1.relu")).out.channels);
    };
    CHECK(reach.answer->value == channelsAt(8) / 8);
    CHECK(reach.after.view == "flow");
    // Choices: the answer, with the shuffle on (all 768) and at g = 1 (all of g = 1's narrower
    // 288), distinct and ascending.
    CHECK(reach.choices == std::vector<long long>{channelsAt(8) / 8, channelsAt(1), channelsAt(8)});
    CHECK(walk.steps[3].goal == Scene{.groups = 4});
    CHECK(walk.steps[3].after.config.groups == 4);
    CHECK(walk.steps[3].after.config.shuffle == false);  // carried from the step before
}

TEST_CASE("lesson text: placeholders are the engine's numbers for the state shown", "[lesson]") {
    const Lesson lesson = parsed(kLesson);
    const LessonWalk walk = walkLesson(lesson);
    const long long macs = pointwiseMacs(imagenet(3, true), "stages.1.0.pw1");
    CHECK(lessonStepText(lesson, walk, 0, LessonTextKind::Text, "en") ==
          "stages.1.0.pw1 has 240 input channels and costs " + std::to_string(macs / 1000000) +
              "," + std::to_string(macs / 1000 % 1000) + "," +
              std::to_string(1000 + macs % 1000).substr(1) + " multiply-adds.");
    const long long g8 = pointwiseMacs(imagenet(8, true), "stages.1.1.pw1");
    const std::string after = lessonStepText(lesson, walk, 1, LessonTextKind::After, "zh_CN");
    CHECK_THAT(after, Catch::EndsWith("：比稠密卷积少 8.0 倍。"));
    CHECK(after.find(std::to_string(g8 % 1000)) != std::string::npos);
    CHECK(lessonStepText(lesson, walk, 3, LessonTextKind::Hint, "en") == "The number keys set g.");

    SceneState state;
    state.config = imagenet(3, true);
    state.step = "stages.0.0.pw1";
    CHECK(fillLessonText("{groups}, {width}, {output_size}, {{x}}", state) == "3, 1, 56×56, {x}");
    CHECK(fillLessonText("{total_macs:M}", state) == "137.5M");
    // Another configuration's value, without changing the state's.
    CHECK(fillLessonText("{output_channels step=stages.2.0.concat groups=8} at g = {groups}",
                         state) == "1,536 at g = 3");
    CHECK(fillLessonText("{kernel step=stem.conv} {kernel step=stages.0.0.pw1}", state) ==
          "3×3 1×1");
    CHECK_THROWS_WITH(fillLessonText("{macs groups=9}", state), Catch::Contains("group count"));
    CHECK(fillLessonText("{stem_channels} {output_channels step=stages.2.0.concat}", state) ==
          "24 960");
    CHECK_THROWS_WITH(fillLessonText("{macs step=stages.9.0.pw1}", state),
                      Catch::Contains("stages.9.0.pw1"));
    CHECK_THROWS_WITH(fillLessonText("{channel}", state), Catch::Contains("no channel"));
}

TEST_CASE("lesson: answers within the tolerance, tasks done when the state has the goal",
          "[lesson]") {
    LessonQuestion exact;
    CHECK(answerAccepted(exact, 294912, 294912));
    CHECK_FALSE(answerAccepted(exact, 294912, 294913));
    LessonQuestion loose;
    loose.tolerance = 0.05;
    CHECK(answerAccepted(loose, 1000, 1049));
    CHECK_FALSE(answerAccepted(loose, 1000, 1051));
    CHECK_FALSE(answerAccepted(loose, 1000, std::nan("")));

    const Scene current{.preset = "imagenet", .groups = 8, .shuffle = false, .step = "stem.conv"};
    CHECK(goalReached({.groups = 8}, current));
    CHECK(goalReached({.groups = 8, .shuffle = false}, current));
    CHECK_FALSE(goalReached({.groups = 8, .shuffle = true}, current));
    CHECK_FALSE(goalReached({.channel = 7}, current));

    // Only what differs is applied; a new configuration is named whole.
    CHECK(sceneDifference({.groups = 8, .step = "stem.pool"}, current) ==
          Scene{.step = "stem.pool"});
    const Scene regroup = sceneDifference(
        {.preset = "imagenet", .groups = 3, .shuffle = false, .compare = Comparison::off()},
        current);
    CHECK(regroup.preset == "imagenet");
    CHECK(regroup.groups == 3);
    CHECK(regroup.shuffle == false);
    CHECK(regroup.compare == Comparison::off());
}

// [SECTION] Refusals

TEST_CASE("lesson: every kind of mistake is refused with the file and its line", "[lesson]") {
    const std::string good = kLesson;
    struct Bad {
        std::string text;
        int line;
        const char* says;
    };
    const int startLine = lineOf(good, "start:");
    const int askLine = lineOf(good, "ask: macs");
    const int taskLine = lineOf(good, "task:");
    const Bad bad[] = {
        {replaced(good, "shufflescope-lesson 1", "shufflescope-lesson 2"), 2, "version 2"},
        {replaced(good, "shufflescope-lesson 1", "lesson"), 2, "starts with"},
        {replaced(good, "start: preset=imagenet groups=3", "start: preset=imagenet groups=9"),
         startLine, "9 is not a group count"},
        {replaced(good, "groups=3 shuffle=on", "groups=3 shuffle=maybe"), startLine,
         "shuffle is on or off"},
        {replaced(good, "scene: step=stages.1.1.pw1", "scene: step=stages.1.1.pwl"),
         lineOf(good, "scene: step=stages.1.1.pw1"), "no step named 'stages.1.1.pwl'"},
        {replaced(good, "ask: macs", "ask: flops"), askLine, "'flops' is not a question"},
        {replaced(good, "ask: macs", "ask: shuffle_destination"), askLine,
         "the question has no answer"},
        {replaced(good, "after.zh_CN: {answer}：", "# no Chinese\n#"), askLine + 1,
         "no zh_CN text"},
        {replaced(good, "text.zh_CN: 现在轮到你：按 4。\n", ""), lineOf(good, "text: Now you"),
         "no zh_CN text"},
        {replaced(good, "title.zh_CN: 分组卷积", "title.fr: Convolutions"),
         lineOf(good, "title.zh_CN"), "fr is not among"},
        {replaced(good, "highlight: operation groups", "highlight: operation knobs"),
         lineOf(good, "highlight:"), "'knobs' is not a part of the window"},
        {replaced(good, "{macs} multiply", "{flops} multiply"), lineOf(good, "text: {step} has"),
         "'flops' is not a value"},
        {replaced(good, "{macs} multiply", "{macs multiply"), lineOf(good, "text: {step} has"),
         "not closed"},
        {replaced(good, "text: Switch", "text: {answer} Switch"), lineOf(good, "text: Switch"),
         "{answer} is only known"},
        {replaced(good, "choices: shuffle=on | groups=1", "choices: groups=8"),
         lineOf(good, "ask: reaching"), "every choice has the same answer"},
        {replaced(good, "task: groups=4", "task: groups=8"), taskLine, "already done"},
        {replaced(good, "hint: The number keys set g.\nhint.zh_CN: 数字键设置 g。\n", ""), taskLine,
         "a task needs a 'hint'"},
        {replaced(good, "task: groups=4", "task: groups=4\nask: macs"), taskLine + 1, "not both"},
        {replaced(good, "action: groups=8", "action: groups=8\naction: groups=2"),
         lineOf(good, "action: groups=8") + 1, "given twice"},
        {replaced(good, "[step]\nhighlight", "[stap]\nhighlight"), lineOf(good, "[step]"),
         "is not [step]"},
        {replaced(good, "name: test-lesson", "name: Test Lesson"), lineOf(good, "name:"),
         "a-z, 0-9"},
        {replaced(good, "languages: en zh_CN", "languages: en de"), lineOf(good, "languages:"),
         "'de' is not a language"},
    };
    for (const Bad& b : bad) {
        CAPTURE(b.says);
        CHECK_THAT(refusal(b.text, b.line), Catch::Contains(b.says));
    }
    // A lesson with no steps, an empty file, text that is not UTF-8.
    CHECK_THROWS_WITH(parsed(good.substr(0, good.find("[step]"))), Catch::Contains("no [step]"));
    CHECK_THROWS_WITH(parsed(""), Catch::Contains("test.lesson: the file is empty"));
    CHECK_THROWS_WITH(parsed(replaced(good, "分组卷积", "\xC0\xAF")), Catch::Contains("not UTF-8"));
    CHECK_THROWS_WITH(parsed(std::string(kMaxLessonFileBytes + 1, '#')),
                      Catch::Contains("larger than"));
    CHECK_THROWS_WITH(readLessonFile("/nonexistent/x.lesson"),
                      Catch::Equals("/nonexistent/x.lesson: file does not exist"));
}
