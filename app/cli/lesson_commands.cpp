// shufflescope-cli lesson check | list: lesson files checked exactly as the app opens them
// (tutor/lesson_parser + lesson_walk), and the bundled ones listed.

#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "shufflescope/tutor/lesson_library.h"
#include "shufflescope/tutor/lesson_parser.h"
#include "shufflescope/tutor/lesson_walk.h"

namespace shufflescope::cli {

namespace {

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// "channel-shuffle: 11 steps (3 questions, 1 task), en zh_CN — The channel shuffle"
std::string summaryLine(const Lesson& lesson) {
    int questions = 0, tasks = 0;
    for (const LessonStep& step : lesson.steps) {
        questions += step.question ? 1 : 0;
        tasks += step.task ? 1 : 0;
    }
    const auto count = [](int n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    return lesson.name + ": " + count(static_cast<int>(lesson.steps.size()), "step", "steps") +
           " (" + count(questions, "question", "questions") + ", " + count(tasks, "task", "tasks") +
           "), " + joined(lesson.languages) + " - " +
           lesson.title.in("en", lesson.languages.front());
}

// Parsed and walked: every error the app would give, at its line.
Lesson checkedLesson(const std::string& path) {
    Lesson lesson = readLessonFile(path);
    (void)walkLesson(lesson);
    return lesson;
}

}  // namespace

void runLesson(const Options& options) {
    if (options.lessonAction == "check") {
        // The first error stops the run: it names the file and the line, as the app would.
        for (const std::string& path : options.lessonFiles)
            std::cout << summaryLine(checkedLesson(path)) << "\n";
        return;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const std::string& path : lessonFilesIn(SHUFFLESCOPE_ASSETS_DIR "/lessons")) {
        const Lesson lesson = checkedLesson(path);
        if (options.json)
            list.push_back({{"name", lesson.name},
                            {"title", lesson.title.in("en", lesson.languages.front())},
                            {"steps", lesson.steps.size()},
                            {"languages", lesson.languages},
                            {"file", path}});
        else
            std::cout << summaryLine(lesson) << "\n    " << path << "\n";
    }
    if (options.json) std::cout << list.dump(2) << "\n";
}

}  // namespace shufflescope::cli
