#include "options.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>

#include "help.h"
#include "shufflescope/base/error.h"

namespace shufflescope::cli {

namespace {

long long parseInteger(const std::string& flag, const std::string& text, long long lo,
                       long long hi) {
    long long value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty())
        throw Error(flag + ": '" + text + "' is not an integer");
    if (value < lo || value > hi)
        throw Error(flag + ": " + text + " is out of range (expected " + std::to_string(lo) + ".." +
                    std::to_string(hi) + ")");
    return value;
}

double parseScale(const std::string& text) {
    // Accept "0.5", "0.5x", "1", "2x".
    std::string number = text;
    if (!number.empty() && (number.back() == 'x' || number.back() == 'X')) number.pop_back();
    double value = 0;
    const char* end = number.data() + number.size();
    auto [ptr, ec] = std::from_chars(number.data(), end, value);
    if (ec != std::errc() || ptr != end || number.empty() || !std::isfinite(value))
        throw Error("--scale: '" + text + "' is not a number (expected 0.25, 0.5, 1, 1.5 or 2)");
    const auto& scales = supportedWidthScales();
    if (std::find(scales.begin(), scales.end(), value) == scales.end())
        throw Error("--scale: " + text +
                    " is not a width the paper uses (expected 0.25, 0.5, 1, 1.5 or 2)");
    return value;
}

// "64" or "64x48" (height x width).
std::pair<int, int> parseInputSize(const std::string& text) {
    const auto x = text.find_first_of("xX");
    const std::string h = text.substr(0, x);
    const std::string w = x == std::string::npos ? h : text.substr(x + 1);
    return {int(parseInteger("--input-size", h, 8, 1024)),
            int(parseInteger("--input-size", w, 8, 1024))};
}

// "unknown command 'x' (expected summary, init, ...)", the list from the help table.
std::string unknownCommand(const std::string& name) {
    std::string expected;
    const auto& table = commandTable();
    for (std::size_t i = 0; i < table.size(); ++i)
        expected += (i == 0 ? "" : i + 1 == table.size() ? " or " : ", ") + table[i].name;
    return "unknown command '" + name + "' (expected " + expected + ")";
}

// lesson check FILE... | lesson list [--json]: a subcommand and files, no configuration.
Options parseLessonOptions(const std::vector<std::string>& args, Options& o) {
    if (args.size() < 2 || (args[1] != "check" && args[1] != "list" && args[1] != "show"))
        throw Error(
            "lesson: expected 'lesson check FILE...', 'lesson list [--json]' or 'lesson show "
            "NAME|FILE [--lang en|zh_CN]'");
    o.lessonAction = args[1];
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (o.lessonAction == "list" && args[i] == "--json") {
            o.json = true;
        } else if (o.lessonAction == "show" && args[i] == "--lang") {
            if (i + 1 >= args.size() || (args[i + 1] != "en" && args[i + 1] != "zh_CN"))
                throw Error("--lang: expected en or zh_CN");
            o.lessonLanguage = args[++i];
        } else if (o.lessonAction == "show" && !args[i].empty() && args[i][0] != '-' &&
                   o.lessonFiles.empty()) {
            o.lessonFiles.push_back(args[i]);
        } else if (o.lessonAction == "check" && !args[i].empty() && args[i][0] != '-') {
            o.lessonFiles.push_back(args[i]);
        } else {
            throw Error("lesson " + o.lessonAction + ": unexpected '" + args[i] + "'");
        }
    }
    if (o.lessonAction == "check" && o.lessonFiles.empty())
        throw Error("lesson check: give one or more lesson files");
    if (o.lessonAction == "show" && o.lessonFiles.empty())
        throw Error("lesson show: give a bundled lesson's name or a lesson file");
    return o;
}

}  // namespace

Options parseOptions(const std::vector<std::string>& args) {
    Options o;
    if (args.empty()) throw Error("no command given\n\n" + usage());
    o.command = args[0];
    // --man: the manual page, written from the help tables (captured by the build).
    if (o.command == "--man" && args.size() == 1) return o;
    if (o.command == "help" || o.command == "--help" || o.command == "-h") {
        if (args.size() > 2)
            throw Error("help: expected at most one command, got '" + args[2] + "'");
        if (args.size() == 2)
            o.helpTopic = args[1] == "--help" || args[1] == "-h" ? "help" : args[1];
        o.command = "help";
    } else if (std::find(args.begin() + 1, args.end(), "--help") != args.end() ||
               std::find(args.begin() + 1, args.end(), "-h") != args.end()) {
        // `train --help`, `lesson check --help`: the command's help, whatever else was given.
        o.helpTopic = o.command;
        o.command = "help";
    }
    if (o.command == "help") {
        if (!o.helpTopic.empty() && findCommand(o.helpTopic) == nullptr)
            throw Error(unknownCommand(o.helpTopic));
        return o;
    }
    if (findCommand(o.command) == nullptr) throw Error(unknownCommand(o.command));
    if (o.command == "lesson") return parseLessonOptions(args, o);

    // The preset is the base the other config flags modify, wherever it appears.
    for (std::size_t i = 1; i + 1 < args.size(); ++i)
        if (args[i] == "--preset") o.config = presetConfig(args[i + 1]);

    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& flag = args[i];
        const auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw Error(flag + ": missing value");
            return args[++i];
        };
        const auto noteConfig = [&](const char* name) { o.configFlags.insert(name); };
        // A file or folder name: an empty one ('') would reach the file system as "" and come
        // back as a message that names no file.
        const auto pathValue = [&](const char* expected) -> const std::string& {
            const std::string& text = value();
            if (text.empty()) throw Error(flag + ": the value is empty; expected " + expected);
            return text;
        };

        if (flag == "--preset") {
            value();
            noteConfig("preset");
        } else if (flag == "--groups") {
            o.config.groups = int(parseInteger(flag, value(), 1, 8));
            noteConfig("groups");
        } else if (flag == "--scale") {
            o.config.widthScale = parseScale(value());
            noteConfig("width_scale");
        } else if (flag == "--no-shuffle") {
            o.config.shuffle = false;
            noteConfig("shuffle");
        } else if (flag == "--input-size") {
            std::tie(o.config.inputHeight, o.config.inputWidth) = parseInputSize(value());
            noteConfig("input_height");
            noteConfig("input_width");
        } else if (flag == "--in-channels") {
            o.config.inChannels = int(parseInteger(flag, value(), 1, 64));
            noteConfig("in_channels");
        } else if (flag == "--classes") {
            o.config.classes = int(parseInteger(flag, value(), 1, 100000));
            noteConfig("classes");
        } else if (flag == "--stem") {
            o.config.stem = parseStemKind(value());
            noteConfig("stem");
        } else if (flag == "--group-first-pointwise") {
            o.config.groupFirstPointwise = true;
            noteConfig("group_first_pointwise");
        } else if (flag == "--weights") {
            o.weights = pathValue("FILE.safetensors");
        } else if (flag == "--seed") {
            o.seed = static_cast<unsigned long long>(parseInteger(flag, value(), 0, (1LL << 62)));
        } else if (!commandTakesFlag(o.command, flag)) {
            throw Error("unknown option '" + flag + "' for '" + o.command +
                        "' (see shufflescope-cli help)");
        } else if (flag == "--json") {
            o.json = true;
        } else if (flag == "--csv") {
            o.csv = true;
        } else if (flag == "--markdown") {
            o.markdown = true;
        } else if (flag == "--timing") {
            o.timing = true;
        } else if (flag == "--repeats") {
            o.repeats = int(parseInteger(flag, value(), 1, 100000));
        } else if (flag == "-o" || flag == "--output") {
            o.output = pathValue("FILE.safetensors");
        } else if (flag == "--input") {
            o.input = pathValue("an image or a .npy file");
        } else if (flag == "--dump") {
            o.dumpDir = pathValue("a folder");
        } else if (flag == "--top") {
            o.top = int(parseInteger(flag, value(), 1, 100000));
        } else if (flag == "--threads") {
            o.threads = int(parseInteger(flag, value(), 1, 256));
        } else if (flag == "--iters") {
            o.iterations = int(parseInteger(flag, value(), 1, 1000000));
        } else if (flag == "--warmup") {
            o.warmup = int(parseInteger(flag, value(), 0, 1000000));
        } else if (flag == "--epochs") {
            o.epochs = int(parseInteger(flag, value(), 1, 10000));
        } else if (flag == "--out") {
            o.out = pathValue("FILE.safetensors");
        } else if (flag == "--resume") {
            o.resume = pathValue("a training checkpoint");
        } else if (flag == "--against") {
            o.against = pathValue("FILE.safetensors");
        } else if (flag == "--data") {
            o.dataDir = pathValue("the folder of the Fashion-MNIST files");
        } else if (flag == "--limit") {
            o.limit = int(parseInteger(flag, value(), 2, 100000000));
        } else if (flag == "--batch") {
            o.recipe.batchSize = int(parseInteger(flag, value(), 2, 8192));
            o.recipeFlags.insert(flag);
        } else if (flag == "--lr") {
            const std::string& text = value();
            double lr = 0;
            auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), lr);
            if (ec != std::errc() || ptr != text.data() + text.size() || !(lr > 0 && lr < 100))
                throw Error("--lr: '" + text + "' is not a learning rate in (0, 100)");
            o.recipe.learningRate = float(lr);
            o.recipeFlags.insert(flag);
        } else if (flag == "--warmup-epochs") {
            const std::string& text = value();
            double epochs = -1;
            auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), epochs);
            if (ec != std::errc() || ptr != text.data() + text.size() ||
                !(epochs >= 0 && epochs <= 10000))
                throw Error("--warmup-epochs: '" + text +
                            "' is not a number of epochs (0 or more)");
            o.recipe.warmupEpochs = epochs;
            o.recipeFlags.insert(flag);
        } else if (flag == "--min-warmup-batches") {
            o.recipe.minWarmupBatches = int(parseInteger(flag, value(), 0, 100000000));
            o.recipeFlags.insert(flag);
        } else if (flag == "--clip-grad-norm") {
            const std::string& text = value();
            double norm = -1;
            auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), norm);
            if (ec != std::errc() || ptr != text.data() + text.size() || !(norm >= 0 && norm < 1e6))
                throw Error("--clip-grad-norm: '" + text +
                            "' is not a gradient-norm limit (0 for none, or a positive number)");
            o.recipe.maxGradientNorm = float(norm);
            o.recipeFlags.insert(flag);
        } else if (flag == "--classroom") {
            o.classroom = true;
        } else if (flag == "--test-limit") {
            o.testLimit = int(parseInteger(flag, value(), 1, 100000000));
        } else if (flag == "--dtype") {
            const std::string& text = value();
            if (text == "f32")
                o.storage = StorageType::F32;
            else if (text == "f16")
                o.storage = StorageType::F16;
            else if (text == "bf16")
                o.storage = StorageType::BF16;
            else
                throw Error("--dtype: '" + text + "' is not f32, f16 or bf16");
        } else if (flag == "--no-augment") {
            o.recipe.augment = false;
        }
    }
    if (o.command == "init" && o.output.empty()) throw Error("init: missing -o FILE.safetensors");
    if (o.command == "run" && o.input.empty()) throw Error("run: missing --input IMAGE|FILE.npy");
    if (o.command == "train" && o.epochs == 0 && o.resume.empty())
        throw Error("train: missing --epochs N (or --resume FILE)");
    if (o.classroom && !o.recipeFlags.empty())
        throw Error(
            "--classroom: the Train panel's recipe sets the batch, learning rate, warm-up "
            "and clipping; drop " +
            *o.recipeFlags.begin());
    if (o.classroom && !o.resume.empty())
        throw Error("--classroom: a resumed run keeps the recipe stored in its checkpoint");
    if (o.command == "eval" && !o.weights) throw Error("eval: missing --weights FILE.safetensors");
    if (o.command == "export" && (!o.weights || o.out.empty()))
        throw Error("export: needs --weights TRAINING-CHECKPOINT and --out FILE.safetensors");
    if (o.command == "summary" && !o.timing && (o.repeats > 0 || o.threads > 0))
        throw Error(std::string(o.repeats > 0 ? "--repeats" : "--threads") +
                    " only applies with --timing");
    if (int(o.json) + int(o.csv) + int(o.markdown) > 1)
        throw Error("--json, --csv and --markdown choose one output format; give one");
    validateConfig(o.config);
    return o;
}

}  // namespace shufflescope::cli
