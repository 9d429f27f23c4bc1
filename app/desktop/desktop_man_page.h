#pragma once
// shufflescope(1), written from the desktop app's option table (ui/startup_options.h) — the
// table --help prints — by `shufflescope --man` (captured by the build into share/man/man1/).

#include <string>

namespace shufflescope::desktop {

std::string desktopManPage(const std::string& version);

}  // namespace shufflescope::desktop
