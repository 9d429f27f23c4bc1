#pragma once
// Errors by kind:
//  - programmer errors are asserts;
//  - bad user data (an image, a checkpoint, a command-line value, a .npy file) throws
//    shufflescope::Error whose message names the file or field and what was expected.
// Callers (the CLI, the GUI) catch Error, show its message, and keep their previous state.
//
// A path in a message goes through displayPath: a file name is the user's data too, and one
// holding a newline or a terminal escape sequence must not break the message's line or take over
// the terminal it is printed on.

#include <stdexcept>
#include <string>
#include <string_view>

namespace shufflescope {

class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// "PATH: problem", with PATH shown by displayPath. The parts stay available so a caller (the GUI)
// can put them into a translated sentence of its own.
class FileError : public Error {
  public:
    FileError(std::string path, std::string problem);
    const std::string& path() const { return path_; }
    const std::string& problem() const { return problem_; }

  private:
    std::string path_;
    std::string problem_;
};

// The path as a message shows it: unchanged when it is printable UTF-8; otherwise control
// characters become C escapes (\n, \t, \r, \x1b), C1 controls and the bidirectional overrides
// that reorder a line become \u escapes (\u009b, \u202e), and bytes that are not UTF-8 become
// \xHH. The result is always valid UTF-8 (so it can go into JSON). An empty path is shown as ''.
std::string displayPath(std::string_view path);

}  // namespace shufflescope
