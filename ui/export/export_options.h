#pragma once
// The desktop app's export options, rows of the one option table (startup_options.h):
//   --export-png FILE [--export-scale 1|2|3|4]   --export-svg FILE   --export-view NAME
//   --export-gif FILE [--gif-size WxH] [--gif-fps N]   --export-table FILE.csv|FILE.md
//   --measure-time (the step times measured first, for the cost panel, the tree and the table)
// and the exports themselves, run once the window shows what the other options ask for.

#include <vector>

#include "startup_options.h"

namespace shufflescope::ui {

class MainWindow;

std::vector<StartupOption> exportStartupOptions();

// Writes every file `request` names, in the order png, svg, gif, table; stops at the first that
// fails, with its message (naming the file or the option).
bool runExports(MainWindow& window, const ExportRequest& request, QString* error);

}  // namespace shufflescope::ui
