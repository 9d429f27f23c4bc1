// shufflescope-cli: the engine from the command line (summary, init, run, bench).
// Errors in user input print one line to stderr and exit with status 1; no stack traces.

#include <exception>
#include <iostream>

#include "commands.h"
#include "options.h"
#include "shufflescope/base/error.h"

int main(int argc, char** argv) {
    using namespace shufflescope::cli;
    try {
        const Options options = parseOptions(std::vector<std::string>(argv + 1, argv + argc));
        if (options.command == "help")
            std::cout << usage();
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
        return 0;
    } catch (const shufflescope::Error& e) {
        std::cerr << "shufflescope-cli: error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "shufflescope-cli: internal error: " << e.what() << "\n";
        return 2;
    }
}
