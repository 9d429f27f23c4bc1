// Lesson files: the line-based format, its limits and UTF-8 check; a lesson that parses is then
// walked against the engine (every scene applied, every question answered, every placeholder
// filled) and its text rendered in each language, as the app and `lesson check` do.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "shufflescope/base/error.h"
#include "shufflescope/tutor/lesson_parser.h"
#include "shufflescope/tutor/lesson_walk.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    using namespace shufflescope;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const Lesson lesson = parseLesson(text, "fuzz.lesson");
        const LessonWalk walk = walkLesson(lesson);
        for (int step = 0; step < static_cast<int>(lesson.steps.size()); ++step)
            for (const std::string& language : lesson.languages)
                for (LessonTextKind kind :
                     {LessonTextKind::Text, LessonTextKind::After, LessonTextKind::Hint})
                    lessonStepText(lesson, walk, step, kind, language);
    } catch (const Error&) {
    }
    return 0;
}
