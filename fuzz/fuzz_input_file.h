#pragma once
// The fuzzer's bytes as a file. The loaders under test read files, as the app and the CLI do, so
// the file is what is fuzzed: the header-first reading, the size checks against the real size,
// and the parsing behind them.

#include <cstddef>
#include <cstdint>
#include <string>

namespace shufflescope::fuzz {

// Writes `size` bytes to `name` (its extension chooses the loader where that matters) in a folder
// private to this process, replacing the previous input of that name.
std::string writeFuzzInput(const uint8_t* data, std::size_t size, const std::string& name);

}  // namespace shufflescope::fuzz
