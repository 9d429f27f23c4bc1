#include "desktop_man_page.h"

#include "../man/man_page.h"
#include "startup_options.h"

namespace shufflescope::desktop {

std::string desktopManPage(const std::string& version) {
    man::Page page{.name = "shufflescope",
                   .version = version,
                   .summary = "see ShuffleNet v1 work, step by step",
                   .synopsis = {"shufflescope [OPTION...] [FILE]"}};
    page.sections.push_back(
        {.title = "DESCRIPTION",
         .paragraphs = {
             "ShuffleScope is a desktop visualiser and tutor for the ShuffleNet v1 convolutional "
             "network. Step through the network layer by layer on an image, change the number of "
             "groups (1 to 8) and switch the channel shuffle on and off, and see what changes: "
             "how channels split into groups, how the shuffle permutes them, what each stage's "
             "feature maps look like and what a grouped convolution costs against a dense one. "
             "Guided lessons, in English and Simplified Chinese, come with it.",
             "FILE, given without an option (as a file manager does), is opened by its suffix: a "
             "lesson (.lesson), a saved demo (.json) or a checkpoint (.safetensors).",
             "--screenshot and the --export options render the window in the state the other "
             "options describe, write the files and exit."}});
    man::Section options{.title = "OPTIONS"};
    for (const ui::StartupOption& option : ui::startupOptionTable())
        options.options.push_back({"--" + option.name.toStdString(), option.valueName.toStdString(),
                                   std::string(option.help)});
    options.options.push_back({"-h, --help", "", "Show the options and exit."});
    options.options.push_back({"-v, --version", "", "Show the version and exit."});
    page.sections.push_back(options);
    page.sections.push_back(man::environmentSection());
    page.sections.push_back(
        man::filesSection({{"~/.config/ShuffleScope/ShuffleScope.conf", "",
                            "the saved settings: language, theme, text size, lesson progress"}}));
    page.sections.push_back({.title = "SEE ALSO", .paragraphs = {"shufflescope-cli(1)"}});
    return man::render(page);
}

}  // namespace shufflescope::desktop
