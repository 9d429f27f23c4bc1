#pragma once
// shufflescope-cli's help: one table of commands and their flags that --help, `help COMMAND`,
// `COMMAND --help`, the manual page (--man) and the parser's check of which flags a command takes
// all read, so none of them can say something the others do not.

#include <string>
#include <vector>

namespace shufflescope::cli {

struct FlagHelp {
    std::string flag;   // "--epochs"; "-o, --output" lists two spellings of one flag
    std::string value;  // "N", empty for a switch
    std::string help;
};

struct CommandHelp {
    std::string name;                   // "train"
    std::vector<std::string> synopsis;  // the arguments after the name, one usage line each
    std::string summary;                // one line
    std::string description;            // more, for `help COMMAND` and the manual page
    std::vector<FlagHelp> flags;        // the command's own flags
    bool takesConfigFlags = true;       // --preset, --groups, ... (every command but lesson)
    bool alternatives = false;          // synopsis lines are alternatives (lesson check|list|show),
                                        // not one line continued
};

const std::vector<CommandHelp>& commandTable();
const std::vector<FlagHelp>& configFlagTable();
// The command's row, or nullptr.
const CommandHelp* findCommand(const std::string& name);
// Whether `command` takes `flag` as one of its own flags (config flags are checked apart).
bool commandTakesFlag(const std::string& command, const std::string& flag);

std::string usage();                                   // every command, one line each
std::string commandUsage(const CommandHelp& command);  // one command, every flag explained
std::string manPage(const std::string& version);       // man(7) source of shufflescope-cli(1)

}  // namespace shufflescope::cli
