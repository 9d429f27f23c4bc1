#pragma once
// Reads a lesson file (format: docs/lessons.md) into a Lesson. Line-based on purpose: every
// problem is reported at its line, nothing nests (so no input can make the parser recurse), and a
// teacher can write one in any text editor.
//
// parseLesson checks the form — the header, every key and its value's syntax, each text in every
// language, placeholders by name — and throws LessonError("file:line: problem") at the first
// problem. What needs the engine (step names, channel ranges, whether a question can be answered)
// is checked by walkLesson (tutor/lesson_walk.h).

#include <string>
#include <string_view>

#include "shufflescope/tutor/lesson.h"

namespace shufflescope {

// Limits that keep a hostile file small to handle.
constexpr std::size_t kMaxLessonFileBytes = 1 << 20;
constexpr std::size_t kMaxLessonLineBytes = 8192;
constexpr int kMaxLessonSteps = 200;

Lesson parseLesson(std::string_view text, const std::string& file);
// Reads and parses `path`; LessonError (line 0) for a file that cannot be read or is too large.
Lesson readLessonFile(const std::string& path);

// A scene as lesson files and the command line write it: "groups=8 shuffle=off step=stem.conv".
// Keys: preset, groups, shuffle (on|off), scale, step, channel (N|none), view, compare
// (off|shuffle|G). Throws Error naming the token; ranges are checked when the scene is applied.
Scene parseSceneText(std::string_view text);

}  // namespace shufflescope
