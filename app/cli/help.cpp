#include "help.h"

#include <algorithm>

#include "../man/man_page.h"
#include "shufflescope/train/fashion_mnist.h"

namespace shufflescope::cli {

namespace {

constexpr std::size_t kWidth = 100;      // help lines fit a 100-column terminal
constexpr std::size_t kHelpColumn = 36;  // where a flag's explanation starts

FlagHelp threads(const char* what) {
    return {"--threads", "N", what};
}
FlagHelp data() {
    return {"--data", "DIR",
            "the folder of the Fashion-MNIST IDX files ({train,t10k}-{images-idx3,labels-idx1}"
            "-ubyte.gz, or unpacked); default " +
                train::defaultFashionMnistDirectory() + " (Debian's dataset-fashion-mnist)"};
}

std::vector<CommandHelp> buildCommandTable() {
    return {
        {"summary",
         {"[--json|--csv|--markdown] [--timing [--repeats N] [--threads N]]"},
         "per-step table: output shape, MACs, dense MACs, parameters",
         "Prints every step of the configured network with its output shape, its multiply-adds "
         "(MACs), what a dense (ungrouped) layer would cost, and its parameters; then the totals.",
         {{"--json", "", "the table and totals as JSON"},
          {"--csv", "", "name,kind,out_shape,macs,dense_macs,params,time_ms, one row per step"},
          {"--markdown", "", "the same table as Markdown"},
          {"--timing", "",
           "each step's measured time (the capture pass on a random image, the median of "
           "--repeats runs)"},
          {"--repeats", "N", "runs per step with --timing (default 20)"},
          threads("engine threads with --timing (default: the machine's)")}},
        {"init",
         {"-o FILE.safetensors"},
         "write a deterministic random checkpoint for the configuration",
         "Writes the configuration's parameters, drawn from --seed, as a safetensors file with "
         "the configuration in its metadata.",
         {{"-o, --output", "FILE", "the checkpoint to write (.safetensors)"}}},
        {"run",
         {"--input IMAGE|FILE.npy [--json] [--dump DIR] [--top N]"},
         "top-N prediction for an image",
         "Runs the network on an image (PNG, JPEG, GIF or BMP) or a .npy tensor and prints the "
         "most likely classes.",
         {{"--input", "FILE", "the image or .npy file to classify"},
          {"--json", "", "the prediction as JSON"},
          {"--dump", "DIR", "write every step's output to DIR as .npy and .png"},
          {"--top", "N", "how many classes to list (default 5)"}}},
        {"bench",
         {"[--threads N] [--iters N] [--warmup N] [--json]"},
         "latency of the fast forward path at batch 1 (median, min)",
         "Times the fused forward pass on a random image.",
         {threads("engine threads (default: the machine's)"),
          {"--iters", "N", "timed runs (default 50)"},
          {"--warmup", "N", "untimed runs first (default 5)"},
          {"--json", "", "the timings as JSON"}}},
        {"train",
         {"--epochs N [--out FILE] [--resume FILE] [--limit N] [--batch N]",
          "[--lr X] [--warmup-epochs X] [--min-warmup-batches N]",
          "[--clip-grad-norm X] [--classroom] [--test-limit N] [--no-augment]",
          "[--threads N] [--data DIR]"},
         "train on Fashion-MNIST (the fashion preset)",
         "Trains the configured network on Fashion-MNIST and writes a checkpoint after every "
         "epoch; Ctrl-C stops and keeps the last one, which --resume continues.",
         {{"--epochs", "N", "epochs to train (required unless --resume)"},
          {"--out", "FILE", "the checkpoint written after every epoch"},
          {"--resume", "FILE", "continue the run stored in a training checkpoint"},
          {"--limit", "N", "train on the first N training images only"},
          {"--batch", "N", "batch size"},
          {"--lr", "X", "peak learning rate"},
          {"--warmup-epochs", "X", "epochs of linear learning-rate warm-up"},
          {"--min-warmup-batches", "N", "at least this many batches of warm-up"},
          {"--clip-grad-norm", "X", "clip the gradient norm to X (0: no clipping)"},
          {"--classroom", "",
           "the Train panel's recipe (batch, learning rate, warm-up, clipping) for --epochs and "
           "--limit"},
          {"--test-limit", "N", "evaluate on the first N test images after every epoch"},
          {"--no-augment", "", "no random crops and flips"},
          threads("engine threads (default: the machine's)"),
          data()}},
        {"eval",
         {"--weights FILE [--against FILE] [--json] [--limit N]", "[--threads N] [--data DIR]"},
         "test-set accuracy, per-class accuracy, confusion matrix",
         "Evaluates --weights on the Fashion-MNIST test set. With --against, compares two "
         "models image by image (McNemar's exact test); the config flags describe --weights only.",
         {{"--against", "FILE", "a second model, compared image by image"},
          {"--json", "", "the results as JSON"},
          {"--limit", "N", "the first N test images only"},
          threads("engine threads (default: the machine's)"),
          data()}},
        {"export",
         {"--weights RUN --out FILE [--dtype f16|bf16|f32]", "[--threads N] [--data DIR]"},
         "a finished training run as a compact weights file",
         "Writes a training checkpoint's weights without the optimiser state (default f16) and "
         "measures the test accuracy again with the stored weights.",
         {{"--out", "FILE", "the weights file to write (.safetensors)"},
          {"--dtype", "f16|bf16|f32", "the stored number format (default f16)"},
          threads("engine threads (default: the machine's)"),
          data()}},
        {"lesson",
         {"check FILE...", "list [--json]", "show NAME|FILE [--lang en|zh_CN]"},
         "check, list and print lessons",
         "check: checks lesson files (docs/lessons.md) as the app opens them: a summary line per "
         "lesson, or FILE:LINE: problem and exit status 1. list: the bundled lessons with their "
         "name, title, steps, languages and file. show: a lesson as a script, every text with its "
         "numbers, each question's answer and arithmetic, each task's goal.",
         {{"--json", "", "list: the lessons as JSON"},
          {"--lang", "en|zh_CN", "show: the language of the script (default en)"}},
         false,
         true},
        {"help",
         {"[COMMAND]"},
         "this overview, or a command's flags",
         "Without a command, lists the commands; with one, explains its flags (as COMMAND "
         "--help does).",
         {},
         false},
    };
}

// "  left" padded to the help column, then `text` wrapped to the width (a long left part gets
// its text on the next line).
std::string twoColumns(const std::string& left, const std::string& text) {
    std::string out = "  " + left;
    std::size_t column = out.size();
    const auto newLine = [&] {
        out += "\n" + std::string(kHelpColumn, ' ');
        column = kHelpColumn;
    };
    if (column + 2 > kHelpColumn) newLine();
    out += std::string(kHelpColumn - column, ' ');
    column = kHelpColumn;
    bool first = true;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!first && column + 1 + word.size() > kWidth)
            newLine();
        else if (!first)
            out += ' ', ++column;
        out += word;
        column += word.size();
        first = false;
        start = end + 1;
    }
    return out + "\n";
}

std::string flagLine(const FlagHelp& flag) {
    return flag.flag + (flag.value.empty() ? "" : " " + flag.value);
}

// A paragraph wrapped to the width.
std::string wrapped(const std::string& text) {
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && line.size() + 1 + word.size() > kWidth) {
            out += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    return out + line + "\n";
}

std::vector<man::Option> manOptions(const std::vector<FlagHelp>& flags) {
    std::vector<man::Option> options;
    for (const FlagHelp& f : flags) options.push_back({f.flag, f.value, f.help});
    return options;
}

}  // namespace

const std::vector<CommandHelp>& commandTable() {
    static const std::vector<CommandHelp> table = buildCommandTable();
    return table;
}

const std::vector<FlagHelp>& configFlagTable() {
    static const std::vector<FlagHelp> table = {
        {"--preset", "imagenet|fashion", "base configuration (default imagenet)"},
        {"--groups", "N", "groups g, 1..8"},
        {"--scale", "S", "width 0.25, 0.5, 1, 1.5 or 2"},
        {"--no-shuffle", "", "switch the channel shuffle off"},
        {"--input-size", "H[xW]", "input resolution, 8..1024"},
        {"--in-channels", "C", "input channels"},
        {"--classes", "N", "number of classes"},
        {"--stem", "paper|small-input", "stem variant (the preset chooses one)"},
        {"--group-first-pointwise", "",
         "group Stage 2's first 1x1 conv (the seed's Keras variant)"},
        {"--weights", "FILE.safetensors",
         "load a checkpoint (its stored configuration wins; flags that contradict it are an "
         "error)"},
        {"--seed", "N", "seed of the random weights when no --weights (default 1)"},
    };
    return table;
}

const CommandHelp* findCommand(const std::string& name) {
    const auto& table = commandTable();
    const auto it = std::find_if(table.begin(), table.end(),
                                 [&](const CommandHelp& c) { return c.name == name; });
    return it == table.end() ? nullptr : &*it;
}

bool commandTakesFlag(const std::string& command, const std::string& flag) {
    const CommandHelp* row = findCommand(command);
    if (row == nullptr) return false;
    for (const FlagHelp& f : row->flags) {
        // "-o, --output": each spelling.
        std::size_t start = 0;
        while (start < f.flag.size()) {
            std::size_t end = f.flag.find(", ", start);
            if (end == std::string::npos) end = f.flag.size();
            if (f.flag.compare(start, end - start, flag) == 0) return true;
            start = end + 2;
        }
    }
    return false;
}

std::string usage() {
    std::string out =
        "usage: shufflescope-cli COMMAND [config flags] [command flags]\n\nCommands:\n";
    for (const CommandHelp& c : commandTable()) out += twoColumns(c.name, c.summary);
    out += "\nConfig flags (every command but lesson and help):\n";
    for (const FlagHelp& f : configFlagTable()) out += twoColumns(flagLine(f), f.help);
    out +=
        "\n'shufflescope-cli help COMMAND' (or 'shufflescope-cli COMMAND --help') explains a "
        "command's flags.\n";
    return out;
}

std::string commandUsage(const CommandHelp& command) {
    const std::string head = "usage: shufflescope-cli " + command.name + " ";
    std::string out;
    for (std::size_t i = 0; i < command.synopsis.size(); ++i)
        out += (i == 0 || command.alternatives ? head : std::string(head.size(), ' ')) +
               command.synopsis[i] + "\n";
    out += "\n" + wrapped(command.description);
    if (!command.flags.empty()) {
        out += "\nFlags:\n";
        for (const FlagHelp& f : command.flags) out += twoColumns(flagLine(f), f.help);
    }
    if (command.takesConfigFlags) {
        out += "\nConfig flags:\n";
        for (const FlagHelp& f : configFlagTable()) out += twoColumns(flagLine(f), f.help);
    }
    return out;
}

std::string manPage(const std::string& version) {
    man::Page page{.name = "shufflescope-cli",
                   .version = version,
                   .summary = "the ShuffleNet v1 engine of ShuffleScope from the command line",
                   .synopsis = {"shufflescope-cli COMMAND [config flags] [command flags]",
                                "shufflescope-cli help [COMMAND]"}};
    page.sections.push_back(
        {.title = "DESCRIPTION",
         .paragraphs = {"shufflescope-cli runs ShuffleScope's engine, a full ShuffleNet v1 on the "
                        "CPU, without the desktop app: per-step cost tables, predictions, "
                        "timings, training on Fashion-MNIST, evaluation, and the lessons' checks.",
                        "Bad input gives one line on standard error naming the file or flag, "
                        "and exit status 1."}});
    bool first = true;
    for (const CommandHelp& c : commandTable()) {
        man::Section section{.title = first ? "COMMANDS" : "", .subtitle = c.name};
        std::string synopsis;
        for (const std::string& line : c.synopsis) {
            if (synopsis.empty() || c.alternatives) {
                if (!synopsis.empty()) section.paragraphs.push_back(synopsis);
                synopsis = "shufflescope-cli " + c.name;
            }
            synopsis += " " + line;
        }
        section.paragraphs.push_back(synopsis);
        section.paragraphs.push_back(c.description);
        section.options = manOptions(c.flags);
        page.sections.push_back(section);
        first = false;
    }
    page.sections.push_back({.title = "CONFIG FLAGS",
                             .paragraphs = {"Every command but lesson and help takes these; "
                                            "they describe the network."},
                             .options = manOptions(configFlagTable())});
    page.sections.push_back(man::environmentSection());
    page.sections.push_back(man::filesSection());
    page.sections.push_back({.title = "SEE ALSO", .paragraphs = {"shufflescope(1)"}});
    return man::render(page);
}

}  // namespace shufflescope::cli
