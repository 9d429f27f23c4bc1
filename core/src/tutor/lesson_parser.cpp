// Reading a lesson file into a Lesson: see tutor/lesson_parser.h and docs/lessons.md.
// Sections: Small readers · Scenes · The file's keys · The header and the steps · Entry points

#include "shufflescope/tutor/lesson_parser.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "shufflescope/base/input_file.h"
#include "shufflescope/tutor/lesson_text.h"

namespace shufflescope {

namespace {

// [SECTION] Small readers

std::string_view trimmed(std::string_view s) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t'; };
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::optional<int> integer(std::string_view s) {
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return value;
}

std::optional<double> decimal(std::string_view s) {
    // from_chars for double is in GCC 11+; strtod needs a terminated copy.
    const std::string copy(s);
    if (copy.empty() || copy.size() > 32) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !(value == value)) return std::nullopt;
    return value;
}

// Whether the UTF-8 text ends (or starts) with a CJK character: lines of Chinese text are joined
// without a space.
bool isCjkCodePoint(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F);
}
char32_t lastCodePoint(std::string_view s) {
    std::size_t i = s.size();
    while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
    if (i == 0) return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i - 1;
    const std::size_t n = s.size() - (i - 1);
    if (p[0] < 0x80) return p[0];
    if ((p[0] & 0xE0) == 0xC0 && n >= 2) return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    if ((p[0] & 0xF0) == 0xE0 && n >= 3)
        return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 0;
}
char32_t firstCodePoint(std::string_view s) {
    if (s.empty()) return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    if (p[0] < 0x80) return p[0];
    if ((p[0] & 0xE0) == 0xC0 && s.size() >= 2) return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    if ((p[0] & 0xF0) == 0xE0 && s.size() >= 3)
        return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 0;
}

// Valid UTF-8 (no overlong forms, no surrogates): texts go to the screen as they are.
bool isUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80             ? 0
                    : (c & 0xE0) == 0xC0 ? 1
                    : (c & 0xF0) == 0xE0 ? 2
                    : (c & 0xF8) == 0xF0 ? 3
                                         : -1;
        if (extra < 0 || (extra == 1 && c < 0xC2) || i + extra >= s.size()) return false;
        char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += extra + 1;
    }
    return true;
}

// [SECTION] Scenes

}  // namespace

Scene parseSceneText(std::string_view text) {
    Scene scene;
    std::set<std::string> seen;
    for (const std::string_view token : words(text)) {
        const std::size_t eq = token.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == token.size())
            throw Error("'" + std::string(token) + "' is not key=value");
        const std::string key(token.substr(0, eq));
        const std::string_view value = token.substr(eq + 1);
        if (!seen.insert(key).second) throw Error("'" + key + "' is given twice");
        const auto bad = [&](const char* expected) {
            return Error("'" + std::string(token) + "': " + expected);
        };
        if (key == "preset") {
            scene.preset = std::string(value);
        } else if (key == "groups") {
            const auto g = integer(value);
            if (!g) throw bad("groups is a number 1..8");
            scene.groups = *g;
        } else if (key == "shuffle") {
            if (value != "on" && value != "off") throw bad("shuffle is on or off");
            scene.shuffle = value == "on";
        } else if (key == "scale") {
            const auto s = decimal(value);
            if (!s) throw bad("scale is 0.25, 0.5, 1, 1.5 or 2");
            scene.widthScale = *s;
        } else if (key == "step") {
            scene.step = std::string(value);
        } else if (key == "channel") {
            const auto c = value == "none" ? std::optional<int>(-1) : integer(value);
            if (!c || *c < -1) throw bad("channel is a channel number or none");
            scene.channel = *c;
        } else if (key == "view") {
            scene.view = std::string(value);
        } else if (key == "compare") {
            if (value == "off") {
                scene.compare = Comparison::off();
            } else if (value == "shuffle") {
                scene.compare = Comparison::shuffleFlipped();
            } else if (const auto g = integer(value)) {
                scene.compare = Comparison::withGroups(*g);
            } else {
                throw bad("compare is off, shuffle or a group count");
            }
        } else {
            throw Error("'" + key +
                        "' is not one of preset, groups, shuffle, scale, step, channel, view, "
                        "compare");
        }
    }
    return scene;
}

namespace {

// [SECTION] The file's keys

// One `key: value` (continuation lines joined) with the line it started on.
struct Entry {
    std::string key;       // "text"
    std::string language;  // "zh_CN" for "text.zh_CN"; empty: the lesson's first language
    std::string value;
    int line = 0;
};

struct Block {
    int line = 0;  // the [step] line; 0 for the header
    std::vector<Entry> entries;
};

class Parser {
  public:
    Parser(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

    Lesson parse() {
        if (text_.size() > kMaxLessonFileBytes)
            fail(0, "the file is larger than " + std::to_string(kMaxLessonFileBytes >> 20) +
                        " MB; a lesson is a few kilobytes");
        if (!isUtf8(text_)) fail(0, "the file is not UTF-8 text");
        split();
        lesson_.file = file_;
        readHeader(blocks_.front());
        for (std::size_t b = 1; b < blocks_.size(); ++b)
            lesson_.steps.push_back(readStep(blocks_[b]));
        if (lesson_.steps.empty()) fail(lastLine_, "the lesson has no [step]");
        return lesson_;
    }

  private:
    [[noreturn]] void fail(int line, const std::string& problem) const {
        throw LessonError(file_, line, problem);
    }

    // Lines into the header block and one block per [step]; continuation lines joined.
    void split() {
        blocks_.push_back({});
        bool sawVersion = false;
        int number = 0;
        std::size_t pos = 0;
        while (pos <= text_.size()) {
            std::size_t end = text_.find('\n', pos);
            if (end == std::string_view::npos) end = text_.size();
            std::string_view line = text_.substr(pos, end - pos);
            pos = end + 1;
            ++number;
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line.size() > kMaxLessonLineBytes)
                fail(number,
                     "the line is longer than " + std::to_string(kMaxLessonLineBytes) + " bytes");
            if (number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
            if (trimmed(line).empty() || line.front() == '#') continue;
            lastLine_ = number;
            if (!sawVersion) {
                readVersion(line, number);
                sawVersion = true;
                continue;
            }
            if (line.front() == ' ' || line.front() == '\t') {
                Block& block = blocks_.back();
                if (block.entries.empty() || block.entries.back().line < lastKeyLine_)
                    fail(number, "an indented line continues the key above it, and there is none");
                std::string& value = block.entries.back().value;
                const std::string_view more = trimmed(line);
                // Chinese runs on without spaces; between Chinese and a number, a Latin word or
                // a placeholder, a space, as Chinese technical writing has it.
                const bool joinTight =
                    isCjkCodePoint(lastCodePoint(value)) && isCjkCodePoint(firstCodePoint(more));
                if (!value.empty() && !joinTight) value += ' ';
                value += more;
                continue;
            }
            if (trimmed(line) == "[step]") {
                if (static_cast<int>(blocks_.size()) > kMaxLessonSteps)
                    fail(number, "more than " + std::to_string(kMaxLessonSteps) + " steps");
                blocks_.push_back({number, {}});
                lastKeyLine_ = number;
                continue;
            }
            if (line.front() == '[')
                fail(number, "'" + std::string(trimmed(line)) + "' is not [step]");
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos)
                fail(number, "expected 'key: value' or [step], found '" +
                                 std::string(trimmed(line).substr(0, 40)) + "'");
            Entry entry;
            const std::string_view fullKey = trimmed(line.substr(0, colon));
            const std::size_t dot = fullKey.find('.');
            entry.key = std::string(fullKey.substr(0, dot));
            if (dot != std::string_view::npos) {
                entry.language = std::string(fullKey.substr(dot + 1));
                if (entry.language.empty())
                    fail(number, "'" + std::string(fullKey) + "' has no language after the dot");
            }
            entry.value = std::string(trimmed(line.substr(colon + 1)));
            entry.line = number;
            lastKeyLine_ = number;
            blocks_.back().entries.push_back(std::move(entry));
        }
        if (!sawVersion)
            fail(0, "the file is empty; a lesson starts with 'shufflescope-lesson " +
                        std::to_string(kLessonFormatVersion) + "'");
    }

    void readVersion(std::string_view line, int number) {
        const auto parts = words(line);
        if (parts.size() != 2 || parts[0] != "shufflescope-lesson")
            fail(number, "a lesson file starts with 'shufflescope-lesson " +
                             std::to_string(kLessonFormatVersion) + "'");
        const auto version = integer(parts[1]);
        if (!version || *version < 1)
            fail(number, "'" + std::string(parts[1]) + "' is not a version number");
        if (*version > kLessonFormatVersion)
            fail(number, "the lesson is in format version " + std::to_string(*version) +
                             "; this ShuffleScope reads version " +
                             std::to_string(kLessonFormatVersion) +
                             " (a newer ShuffleScope wrote it)");
        lesson_.version = *version;
    }

    // The keys a block may hold; texts may carry a language suffix, the rest may not.
    void checkKeys(const Block& block, const std::set<std::string>& allowed,
                   const std::set<std::string>& texts) const {
        std::set<std::pair<std::string, std::string>> seen;
        for (const Entry& e : block.entries) {
            if (!allowed.count(e.key)) {
                std::string list;
                for (const std::string& k : allowed) list += (list.empty() ? "" : ", ") + k;
                fail(e.line, "'" + e.key + "' is not a key " +
                                 (block.line ? "of a [step]" : "of the lesson's header") + " (" +
                                 list + ")");
            }
            if (!e.language.empty() && !texts.count(e.key))
                fail(e.line, "'" + e.key + "' is not a text; it takes no language");
            if (!seen.insert({e.key, e.language}).second)
                fail(e.line, "'" + e.key + (e.language.empty() ? "" : "." + e.language) +
                                 "' is given twice in this " + (block.line ? "step" : "header"));
        }
    }

    const Entry* find(const Block& block, const std::string& key) const {
        for (const Entry& e : block.entries)
            if (e.key == key) return &e;
        return nullptr;
    }

    // A text in every language, placeholders checked; `required`: it must be there.
    LocalText readText(const Block& block, const std::string& key, bool required,
                       bool answerAllowed) const {
        LocalText text;
        for (const Entry& e : block.entries) {
            if (e.key != key) continue;
            const std::string language =
                e.language.empty() ? lesson_.languages.front() : e.language;
            if (std::find(lesson_.languages.begin(), lesson_.languages.end(), language) ==
                lesson_.languages.end())
                fail(e.line, "'" + key + "." + language + "': " + language +
                                 " is not among the lesson's languages (" + joinedLanguages() +
                                 ")");
            if (text.byLanguage.count(language))
                fail(e.line, "'" + key + "' is given twice in " + language);
            if (e.value.empty()) fail(e.line, "'" + key + "' is empty");
            try {
                checkLessonPlaceholders(e.value, answerAllowed);
            } catch (const Error& error) {
                fail(e.line, error.what());
            }
            text.byLanguage[language] = e.value;
            text.lines[language] = e.line;
        }
        if (text.empty() && !required) return text;
        const int where = text.empty() ? block.line : text.lines.begin()->second;
        for (const std::string& language : lesson_.languages)
            if (!text.byLanguage.count(language))
                fail(where, "'" + key + "' has no " + language + " text" +
                                (text.empty() ? "" : " (every language of the lesson needs one)"));
        return text;
    }

    std::string joinedLanguages() const {
        std::string out;
        for (const std::string& l : lesson_.languages) out += (out.empty() ? "" : " ") + l;
        return out;
    }

    Scene scene(const Entry& e) const {
        try {
            return parseSceneText(e.value);
        } catch (const Error& error) {
            fail(e.line, "'" + e.key + "': " + error.what());
        }
    }

    // [SECTION] The header and the steps

    void readHeader(const Block& header) {
        checkKeys(header, {"name", "languages", "title", "summary", "start"}, {"title", "summary"});
        const Entry* name = find(header, "name");
        if (!name) fail(1, "the header has no 'name'");
        const bool nameOk = !name->value.empty() && name->value.size() <= 64 &&
                            std::all_of(name->value.begin(), name->value.end(), [](char c) {
                                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                            });
        if (!nameOk)
            fail(name->line,
                 "the name '" + name->value + "' must be 1-64 characters of a-z, 0-9 and '-'");
        lesson_.name = name->value;
        const Entry* languages = find(header, "languages");
        if (!languages) fail(1, "the header has no 'languages' (e.g. 'languages: en zh_CN')");
        for (const std::string_view l : words(languages->value)) {
            const std::string language(l);
            const auto& known = lessonLanguages();
            if (std::find(known.begin(), known.end(), language) == known.end())
                fail(languages->line,
                     "'" + language + "' is not a language ShuffleScope speaks (en, zh_CN)");
            if (std::find(lesson_.languages.begin(), lesson_.languages.end(), language) !=
                lesson_.languages.end())
                fail(languages->line, "'" + language + "' is listed twice");
            lesson_.languages.push_back(language);
        }
        if (lesson_.languages.empty()) fail(languages->line, "'languages' lists none");
        lesson_.title = readText(header, "title", true, false);
        lesson_.summary = readText(header, "summary", false, false);
        const Entry* start = find(header, "start");
        if (!start)
            fail(1,
                 "the header has no 'start' (the configuration and step the lesson starts from)");
        lesson_.start = scene(*start);
        lesson_.startLine = start->line;
        const Scene& s = lesson_.start;
        if (!s.preset || !s.groups || !s.shuffle || !s.widthScale || !s.step)
            fail(start->line,
                 "'start' names preset, groups, shuffle, scale and step (the lesson must not "
                 "depend on what the app showed before)");
    }

    LessonStep readStep(const Block& block) {
        checkKeys(block,
                  {"scene", "text", "highlight", "action", "ask", "choices", "tolerance", "after",
                   "task", "hint", "measure"},
                  {"text", "after", "hint"});
        LessonStep step;
        step.line = block.line;
        if (const Entry* e = find(block, "scene")) {
            step.scene = scene(*e);
            step.sceneLine = e->line;
        }
        const Entry* ask = find(block, "ask");
        const Entry* task = find(block, "task");
        step.text = readText(block, "text", true, false);
        step.after = readText(block, "after", false, ask != nullptr);
        step.hint = readText(block, "hint", false, false);
        if (const Entry* e = find(block, "measure")) {
            if (e->value != "on" && e->value != "off")
                fail(e->line, "'measure' is on or off (Measure time per step)");
            step.measure = e->value == "on";
        }
        if (const Entry* e = find(block, "highlight")) {
            const auto& targets = lessonHighlightTargets();
            for (const std::string_view t : words(e->value)) {
                if (std::find(targets.begin(), targets.end(), t) == targets.end()) {
                    std::string list;
                    for (const std::string& k : targets) list += (list.empty() ? "" : ", ") + k;
                    fail(e->line, "'" + std::string(t) +
                                      "' is not a part of the window a lesson can highlight (" +
                                      list + ")");
                }
                step.highlights.emplace_back(t);
            }
        }
        if (const Entry* e = find(block, "action")) {
            std::string rest;
            for (const std::string_view w : words(e->value)) {
                if (w == "replay")
                    step.replay = true;
                else
                    rest += std::string(rest.empty() ? "" : " ") + std::string(w);
            }
            Entry sceneEntry = *e;
            sceneEntry.value = rest;
            step.action = scene(sceneEntry);
            step.actionLine = e->line;
            if (!step.replay && *step.action == Scene{})
                fail(e->line, "'action' changes nothing (give scene fields or 'replay')");
        }
        if (ask) step.question = readQuestion(block, *ask);
        for (const char* key : {"choices", "tolerance"})
            if (!ask)
                if (const Entry* e = find(block, key))
                    fail(e->line, "'" + std::string(key) + "' belongs to a question ('ask')");
        if (task) {
            if (ask)
                fail(std::max(ask->line, task->line),
                     "a step either asks a question or sets a task, not both");
            if (step.action) fail(task->line, "a task step has no 'action': the student does it");
            step.task = readTask(*task);
            if (step.hint.empty())
                fail(
                    task->line,
                    "a task needs a 'hint' (shown when the student has not done it after a while)");
        } else if (!step.hint.empty()) {
            fail(step.hint.lines.begin()->second, "'hint' belongs to a task");
        }
        if (!step.after.empty() && !step.action && !ask && !task)
            fail(step.after.lines.begin()->second,
                 "'after' follows an action, a question or a task, and this step has none");
        return step;
    }

    LessonQuestion readQuestion(const Block& block, const Entry& ask) const {
        LessonQuestion q;
        q.line = ask.line;
        if (trimmed(ask.value).empty())
            fail(ask.line, "'ask' names what is asked (e.g. 'ask: macs')");
        LessonQuantity asked;
        try {
            asked = parseLessonQuantity(ask.value);
        } catch (const Error& e) {
            fail(ask.line, "'ask': " + std::string(e.what()));
        }
        const auto kind = parseQuestionKind(asked.name);
        if (!kind)
            fail(ask.line,
                 "'" + asked.name +
                     "' is not a question (macs, dense_macs, parameters, output_channels, "
                     "reaching_channels, shuffle_destination, stem_channels, total_macs)");
        // A question is about the state after the step's action: that is where its
        // configuration is set, not here.
        if (asked.format || asked.configuration != Scene{})
            fail(ask.line,
                 "'ask' takes step=, channel= and from=; the configuration it asks about is the "
                 "one the step's 'action' sets");
        q.kind = *kind;
        q.step = asked.step;
        q.channel = asked.channel;
        q.fromStep = asked.from;
        if (q.kind == QuestionKind::ReachingChannels && !q.fromStep)
            fail(ask.line, "reaching_channels needs from=STEP (whose channels are counted)");
        if (q.kind != QuestionKind::ReachingChannels && q.fromStep)
            fail(ask.line, "from= belongs to reaching_channels");
        if (const Entry* e = find(block, "choices")) {
            std::string_view rest = e->value;
            while (true) {
                const std::size_t bar = rest.find('|');
                Entry alternative = *e;
                alternative.value = std::string(trimmed(rest.substr(0, bar)));
                if (alternative.value.empty())
                    fail(e->line, "'choices' has an empty alternative between '|'");
                q.alternatives.push_back(scene(alternative));
                if (bar == std::string_view::npos) break;
                rest = rest.substr(bar + 1);
            }
        }
        if (const Entry* e = find(block, "tolerance")) {
            std::string_view v = e->value;
            const bool percent = !v.empty() && v.back() == '%';
            if (percent) v.remove_suffix(1);
            const auto t = decimal(v);
            if (!percent || !t || *t < 0 || *t > 50)
                fail(e->line, "'tolerance' is a percentage 0%..50%, e.g. 'tolerance: 5%'");
            q.tolerance = *t / 100;
        }
        return q;
    }

    LessonTask readTask(const Entry& e) const {
        LessonTask task;
        task.line = e.line;
        std::string rest;
        for (const std::string_view w : words(e.value)) {
            if (w == "step=@costliest")
                task.costliestStep = true;
            else
                rest += std::string(rest.empty() ? "" : " ") + std::string(w);
        }
        Entry goal = e;
        goal.value = rest;
        task.goal = scene(goal);
        if (task.costliestStep && task.goal.step) fail(e.line, "'step' is given twice");
        if (!task.costliestStep && task.goal == Scene{})
            fail(e.line, "'task' names what the student must do (e.g. 'task: groups=8')");
        return task;
    }

    std::string_view text_;
    std::string file_;
    std::vector<Block> blocks_;
    Lesson lesson_;
    int lastLine_ = 0;
    int lastKeyLine_ = 0;
};

}  // namespace

// [SECTION] Entry points

LessonError::LessonError(std::string file, int line, const std::string& problem)
    : Error(displayPath(file) + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " +
            problem),
      file_(std::move(file)),
      line_(line),
      problem_(problem) {}

const std::string& LocalText::in(const std::string& language, const std::string& fallback) const {
    static const std::string none;
    if (const auto it = byLanguage.find(language); it != byLanguage.end()) return it->second;
    if (const auto it = byLanguage.find(fallback); it != byLanguage.end()) return it->second;
    return none;
}

const std::vector<std::string>& lessonLanguages() {
    static const std::vector<std::string> languages = {"en", "zh_CN"};
    return languages;
}

const std::vector<std::string>& lessonHighlightTargets() {
    static const std::vector<std::string> targets = {
        "groups",    "shuffle", "width",    "preset", "compare",    "play", "network",
        "operation", "flow",    "features", "cost",   "prediction", "train"};
    return targets;
}

Lesson parseLesson(std::string_view text, const std::string& file) {
    return Parser(text, file).parse();
}

Lesson readLessonFile(const std::string& path) {
    // A named pipe would make the read below wait forever, a device could never end.
    try {
        requireRegularFile(path, "a lesson file");
    } catch (const FileError& e) {
        throw LessonError(path, 0, e.problem());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LessonError(path, 0, "cannot open the file");
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxLessonFileBytes)
            throw LessonError(path, 0, "the file is larger than 1 MB; a lesson is a few kilobytes");
    }
    if (in.bad()) throw LessonError(path, 0, "cannot read the file");
    return parseLesson(text, path);
}

}  // namespace shufflescope
