#pragma once
// Command-line parsing for shufflescope-cli. Every value is checked; anything unknown or
// malformed throws shufflescope::Error naming the flag and what was expected.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "shufflescope/model/config.h"
#include "shufflescope/train/fashion_mnist.h"
#include "shufflescope/train/training_run.h"

namespace shufflescope::cli {

struct Options {
    std::string command;    // summary | init | run | bench | train | eval | export | lesson | help
                            // | --man (the manual page)
    std::string helpTopic;  // help: the command to explain (empty: the overview)
    ModelConfig config;
    std::set<std::string>
        configFlags;  // config flags given explicitly (checked against a checkpoint)
    std::optional<std::string> weights;
    unsigned long long seed = 1;
    bool json = false;
    bool csv = false, markdown = false;  // summary: the per-step table as CSV or Markdown
    bool timing = false;                 // summary: measure each step's time
    int repeats = 0;                     // summary --timing: runs per step (0: the default, 20)
    std::string output;                  // init -o
    std::string input;                   // run --input
    std::string dumpDir;                 // run --dump
    int top = 5;
    int threads = 0;  // bench, summary --timing, train, eval; 0 = the machine's default
    int iterations = 50;
    int warmup = 5;
    // train / eval
    int epochs = 0;      // train: required unless --resume
    std::string out;     // train: checkpoint written after every epoch
    std::string resume;  // train: continue a run from its checkpoint
    int limit = 0;       // train: first N training images; eval: first N test images
    std::optional<std::string> against;  // eval: a second model compared image by image
    // train: batch size, peak learning rate, warm-up, clipping and augmentation (defaults: the
    // recipe's), and which of those flags were given
    train::TrainingRecipe recipe;
    std::set<std::string> recipeFlags;
    bool classroom = false;  // train: the Train panel's recipe (train::classroomRecipe)
    int testLimit = 0;       // train: test images evaluated after every epoch (0: all)
    // train, eval, export: the folder of the Fashion-MNIST IDX files
    std::string dataDir = train::defaultFashionMnistDirectory();
    StorageType storage = StorageType::F16;  // export
    // lesson check FILE... | lesson list [--json]
    std::string lessonAction;
    std::vector<std::string> lessonFiles;
    std::string lessonLanguage = "en";  // lesson show --lang
};

// Any --help or -h after a command asks for that command's help (command "help").
Options parseOptions(const std::vector<std::string>& args);

}  // namespace shufflescope::cli
