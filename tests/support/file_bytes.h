#pragma once
// Whole files as bytes: what a test writes by hand (malformed files, fixtures it builds) and
// reads back.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace testing_support {

// The file's bytes; "" if it cannot be read.
std::string readBytes(const std::string& path);

// Writes `bytes` to `path`, replacing it; REQUIREs that the write succeeded.
void writeBytes(const std::string& path, std::string_view bytes);
void writeBytes(const std::string& path, const std::vector<uint8_t>& bytes);

}  // namespace testing_support
