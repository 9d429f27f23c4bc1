#pragma once
// The numbers in a lesson's texts, filled in by the engine for the state the text is shown in.
// A text holds placeholders, never typed numbers:
//
//   {macs}                          the selected step's multiply-adds, "294,912"
//   {macs step=stages.1.0.pw1}      another step's
//   {total_macs:M}                  the network's, in millions: "137.5M" (":k": thousands)
//   {reaching_channels channel=100 from=stages.1.2.relu}
//   {output_channels groups=8}      the same step at g = 8 (groups=, shuffle=, scale=)
//
// Names: the question kinds (macs, dense_macs, parameters, output_channels, reaching_channels,
// shuffle_destination, stem_channels) and input_channels, channels_per_group, output_size, kernel,
// dense_ratio, total_macs, total_parameters, groups, width, step, channel; `answer` (the
// question's answer) in a question step's `after` text. Arguments: step=, channel=, from=, and
// groups=, shuffle=, scale= for the value in another configuration.
// "{{" and "}}" are literal braces.

#include <optional>
#include <string>
#include <string_view>

#include "shufflescope/tutor/scene.h"

namespace shufflescope {

// A value a lesson names — in a text as "{macs:M step=stages.1.0.pw1 groups=8}", for a question as
// "ask: reaching_channels channel=100 from=stages.1.2.relu": a name, a format (M or k) and the
// step, channel, earlier step and configuration it is about.
struct LessonQuantity {
    std::string name;
    char format = 0;  // 0, 'M' or 'k'
    std::optional<std::string> step;
    std::optional<int> channel;
    std::optional<std::string> from;
    Scene configuration;  // groups=, shuffle=, scale=: the value in another configuration
};
// Parses "name[:M|:k] [step=…] [channel=…] [from=…] [groups=…] [shuffle=…] [scale=…]" (the name
// is not checked); throws Error naming the part that is malformed or given twice.
LessonQuantity parseLessonQuantity(std::string_view text);

// Throws Error naming the first placeholder that is malformed or unknown (`answer` only when
// `answerAllowed`).
void checkLessonPlaceholders(std::string_view text, bool answerAllowed);

// `text` with every placeholder replaced by its value in `state` (its configuration, selected
// step and channel); `answer`: the question's. Throws Error naming the placeholder that has no
// value there (a step the network lacks, a channel out of range).
std::string fillLessonText(std::string_view text, const SceneState& state,
                           std::optional<long long> answer = std::nullopt);

}  // namespace shufflescope
