#pragma once
// The four commands of shufflescope-cli. Each prints to stdout and throws shufflescope::Error on
// bad input; main() turns that into a message on stderr and a non-zero exit.

#include "options.h"

namespace shufflescope::cli {

void runSummary(const Options& options);
void runInit(const Options& options);
void runPrediction(const Options& options);
void runBench(const Options& options);
void runTrain(const Options& options);
void runEval(const Options& options);
void runExport(const Options& options);
void runLesson(const Options& options);  // lesson_commands.cpp

}  // namespace shufflescope::cli
