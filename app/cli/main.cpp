// shufflescope-cli: the engine from the command line (summary, init, run, bench, train, eval,
// export, lesson).
// Errors in user input print one line to stderr and exit with status 1; no stack traces. Running
// out of memory, a file system error nothing worded and a failed write to standard output are
// messages too (exit 1); "internal error" (exit 2) is left for the program's own mistakes.

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>

#include "commands.h"
#include "help.h"
#include "options.h"
#include "output.h"
#include "shufflescope/base/error.h"

int main(int argc, char** argv) {
    using namespace shufflescope::cli;
    const std::string command = argc > 1 ? argv[1] : "";
    try {
        const Options options = parseOptions(std::vector<std::string>(argv + 1, argv + argc));
        if (options.command == "help")
            std::cout << (options.helpTopic.empty()
                              ? usage()
                              : commandUsage(*findCommand(options.helpTopic)));
        else if (options.command == "--man")
            std::cout << manPage(SHUFFLESCOPE_VERSION);
        else if (options.command == "summary")
            runSummary(options);
        else if (options.command == "init")
            runInit(options);
        else if (options.command == "run")
            runPrediction(options);
        else if (options.command == "bench")
            runBench(options);
        else if (options.command == "train")
            runTrain(options);
        else if (options.command == "eval")
            runEval(options);
        else if (options.command == "export")
            runExport(options);
        else if (options.command == "lesson")
            runLesson(options);
        // Output to a full disk or a closed pipe fails quietly inside the stream: said here.
        errno = 0;
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "shufflescope-cli: error: cannot write the output (standard output)"
                      << (errno != 0 ? std::string(": ") + std::strerror(errno) : "") << "\n";
            return 1;
        }
        return 0;
    } catch (const shufflescope::Error& e) {
        std::cerr << "shufflescope-cli: error: " << e.what() << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        const std::string& activity = currentActivity();
        std::cerr << "shufflescope-cli: error: out of memory while "
                  << (activity.empty() ? "running '" + command + "'" : activity) << "\n";
        return 1;
    } catch (const std::filesystem::filesystem_error& e) {
        std::cerr << "shufflescope-cli: error: "
                  << (e.path1().empty() ? std::string()
                                        : shufflescope::displayPath(e.path1().string()) + ": ")
                  << e.code().message() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "shufflescope-cli: internal error: " << e.what() << "\n";
        return 2;
    }
}
