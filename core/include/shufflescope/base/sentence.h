#pragma once
// Sentences the engine states (why a configuration has the channel widths it has, ...), in a form
// both front ends word from one source: an English template with %1..%9 placeholders and its
// arguments already formatted. The command-line tool fills in the English (englishText); the
// desktop app looks the same template up in its translation catalogue and fills in the
// translation (ui/text/engine_text.h), so a wording change is made here and nowhere else.
//
// Templates are marked SHUFFLESCOPE_TRANSLATE_NOOP(context, text): the app's lupdate run reads
// the core files that hold them with this macro as an alias of QT_TRANSLATE_NOOP
// (ui/CMakeLists.txt), while core itself stays free of Qt.

#include <string>
#include <vector>

#define SHUFFLESCOPE_TRANSLATE_NOOP(context, text) text

namespace shufflescope {

struct Sentence {
    const char* context = "";  // the translation context, e.g. "WidthsNote"
    const char* english = "";  // the template; a continuing sentence starts with its own space
    std::vector<std::string> arguments;  // for %1, %2, ... in order
};

// The sentences, one after another, each template with its arguments filled in.
std::string englishText(const std::vector<Sentence>& sentences);

}  // namespace shufflescope
