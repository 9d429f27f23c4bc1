// shufflescope-cli lesson check | list: lesson files checked exactly as the app opens them
// (tutor/lesson_parser + lesson_walk), and the bundled ones listed.

#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "output.h"
#include "shufflescope/base/asset_paths.h"
#include "shufflescope/base/reporting.h"
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

// The bundled lessons' folder, found from the executable's place (base/asset_paths.h).
std::string bundledLessonsDirectory() {
    return bundledAssetsDirectory() + "/lessons";
}

// A bundled lesson's file by its name, or the path as given.
std::string lessonPath(const std::string& nameOrFile) {
    for (const std::string& path : lessonFilesIn(bundledLessonsDirectory()))
        if (readLessonFile(path).name == nameOrFile) return path;
    return nameOrFile;
}

// The lesson as a teacher's script: what the students read, and what the app will answer.
void showLesson(const std::string& nameOrFile, const std::string& language) {
    const Lesson lesson = readLessonFile(lessonPath(nameOrFile));
    const LessonWalk walk = walkLesson(lesson);
    std::cout << "# " << lesson.title.in(language, lesson.languages.front()) << "\n\n";
    for (int i = 0; i < static_cast<int>(lesson.steps.size()); ++i) {
        const LessonStep& step = lesson.steps[static_cast<std::size_t>(i)];
        const WalkedStep& walked = walk.steps[static_cast<std::size_t>(i)];
        const auto text = [&](LessonTextKind kind) {
            return lessonStepText(lesson, walk, i, kind, language);
        };
        std::cout << "## " << i + 1 << ". " << walked.entry.step << " ("
                  << describe(walked.entry.config) << ")\n\n"
                  << text(LessonTextKind::Text) << "\n";
        if (walked.answer) {
            std::cout << "\n- answer: " << withThousandsSeparators(walked.answer->value) << " ("
                      << englishText(walked.answer->arithmetic) << ")\n";
            if (!walked.choices.empty()) {
                std::cout << "- choices:";
                for (const long long c : walked.choices)
                    std::cout << " " << withThousandsSeparators(c);
                std::cout << "\n";
            }
        }
        if (walked.goal)
            std::cout << "\n- task: the student reaches " << walked.after.step << ", "
                      << describe(walked.after.config) << "\n- hint: " << text(LessonTextKind::Hint)
                      << "\n";
        if (!step.after.empty()) std::cout << "\n" << text(LessonTextKind::After) << "\n";
        std::cout << "\n";
    }
}

// Parsed and walked: every error the app would give, at its line.
Lesson checkedLesson(const std::string& path) {
    Lesson lesson = readLessonFile(path);
    (void)walkLesson(lesson);
    return lesson;
}

}  // namespace

void runLesson(const Options& options) {
    if (options.lessonAction == "show") {
        showLesson(options.lessonFiles.front(), options.lessonLanguage);
        return;
    }
    if (options.lessonAction == "check") {
        // The first error stops the run: it names the file and the line, as the app would.
        for (const std::string& path : options.lessonFiles)
            std::cout << summaryLine(checkedLesson(path)) << "\n";
        return;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const std::string& path : lessonFilesIn(bundledLessonsDirectory())) {
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
    if (options.json) std::cout << jsonText(list) << "\n";
}

}  // namespace shufflescope::cli
