#pragma once
// What the desktop app's --export-* options ask for (export_options.h reads them, the app writes
// the files after the window has reached the state the other options describe, and exits).

#include <QString>
#include <optional>

#include "export/animation_export.h"

namespace shufflescope::ui {

struct ExportRequest {
    std::optional<QString> png, svg, gif, table;
    std::optional<QString> view;  // --export-view; default: the view shown in the centre
    double scale = 1.0;           // --export-scale, the PNG's
    GifSettings animation;        // --gif-size, --gif-fps
    bool any() const { return png || svg || gif || table; }
};

}  // namespace shufflescope::ui
