#pragma once
// A manual page (man(7) macros) written from the same option tables as --help, so the page and
// the help cannot drift apart: `shufflescope --man` and `shufflescope-cli --man` print one, and
// the build captures them into share/man/man1/ (app/CMakeLists.txt). Plain C++, no Qt: the CLI
// uses it too.

#include <string>
#include <vector>

namespace shufflescope::man {

// One option: "--groups" with value "N", or a flag ("--no-shuffle", value empty).
struct Option {
    std::string name;
    std::string value;
    std::string help;
};

// A titled part of the page: paragraphs of text, then a list of options.
struct Section {
    std::string title;                    // "OPTIONS", "COMMANDS", ...
    std::string subtitle;                 // a .SS heading inside the previous section, if set
    std::vector<std::string> paragraphs;  // plain text, wrapped by man
    std::vector<Option> options;
};

struct Page {
    std::string name;     // "shufflescope-cli"
    std::string version;  // "0.1.0"
    std::string summary;  // the NAME line's text after the dash
    std::vector<std::string> synopsis;
    std::vector<Section> sections;
};

// What both programs' pages say alike: the environment variables they read (ENVIRONMENT) and
// the installed assets, with `extraFiles` after them (FILES).
Section environmentSection();
Section filesSection(std::vector<Option> extraFiles = {});

// The page as man(7) source. Text is escaped (backslashes, hyphens, leading dots and quotes;
// non-ASCII characters become \[uXXXX]), so any help string is safe to put in.
std::string render(const Page& page);

}  // namespace shufflescope::man
