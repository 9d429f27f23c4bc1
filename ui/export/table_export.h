#pragma once
// The per-step table of the snapshot shown, to a .csv or .md file: the same function as
// `shufflescope-cli summary --csv|--markdown` (io/step_table.h), so the bytes are the CLI's, with
// the measured times when the app has measured them (Model → Measure time per step).

#include <QString>
#include <optional>
#include <string>

#include "session/snapshot.h"
#include "shufflescope/exec/step_timing.h"

namespace shufflescope::ui {

// The format a file name asks for: true for .md / .markdown, false for .csv; nullopt otherwise.
std::optional<bool> markdownFor(const QString& path);

// The table as text; `timing` may be null.
std::string stepTableText(const Snapshot& snapshot, const StepTiming* timing, bool markdown);

// Writes the table in the format `path`'s suffix names. False with a message naming the file.
bool exportStepTable(const Snapshot& snapshot, const StepTiming* timing, const QString& path,
                     QString* error);

}  // namespace shufflescope::ui
