#pragma once
// The committed fixture files a parity test walks through.

#include <filesystem>
#include <vector>

namespace testing_support {

// The .safetensors files directly in `directory`, sorted by path.
std::vector<std::filesystem::path> safetensorsFilesIn(const std::filesystem::path& directory);

}  // namespace testing_support
