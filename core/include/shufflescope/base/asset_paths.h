#pragma once
// Where the bundled assets (models, samples, lessons) are, found at run time from the running
// executable's own location, so that a copy installed under any prefix, or unpacked anywhere with
// `dpkg -x`, finds its own — no path is baked in at build time:
//   1. $SHUFFLESCOPE_ASSETS when it is set (an override for development and odd layouts);
//   2. share/shufflescope beside the executable's folder: <prefix>/bin/X finds
//      <prefix>/share/shufflescope. In a build tree CMake links build/share/shufflescope to the
//      source's assets/, and executables sit one to three folders deep in build/ (app/,
//      tests/ui/), so the parents of the executable's folder are tried up to three levels.
// Plain C++ (/proc/self/exe): the CLI and the core know nothing of Qt.

#include <optional>
#include <string>
#include <vector>

namespace shufflescope {

// The running executable's folder (from /proc/self/exe); empty when it cannot be read.
std::string executableDirectory();
// The folders tried, in order (the environment override first when it is set).
std::vector<std::string> assetDirectoryCandidates();
// The first candidate that is a folder holding lessons/; nullopt when none is.
std::optional<std::string> findAssetsDirectory();
// findAssetsDirectory's folder, or Error naming $SHUFFLESCOPE_ASSETS when it is set and wrong, or
// every folder tried when it is not.
std::string bundledAssetsDirectory();

}  // namespace shufflescope
