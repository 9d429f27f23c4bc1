#pragma once
// Errors by kind:
//  - programmer errors are asserts;
//  - bad user data (an image, a checkpoint, a command-line value, a .npy file) throws
//    shufflescope::Error whose message names the file or field and what was expected.
// Callers (the CLI, the GUI) catch Error, show its message, and keep their previous state.

#include <stdexcept>
#include <string>

namespace shufflescope {

class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace shufflescope
