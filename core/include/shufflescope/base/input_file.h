#pragma once
// Opening the user's files for reading. Only regular files are read: a named pipe (FIFO) would
// make a reader wait forever for a writer that never comes, a device can be endless (/dev/zero)
// or have side effects, and a directory is a mistake. Every loader goes through here, so each
// says the same thing for the same problem, naming the path (displayPath) and what it expected.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace shufflescope {

struct InputFileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

struct InputFile {
    std::unique_ptr<std::FILE, InputFileCloser> file;  // positioned at the start, binary
    std::uintmax_t size = 0;                           // bytes, when opened
};

// Opens `path` for reading. Throws FileError naming the path: "file does not exist", "is a
// directory; expected <expected>", "is a named pipe (FIFO), not a regular file; expected
// <expected>" (also sockets and devices), or "cannot open: <reason>". The file is opened without
// blocking and checked again once open, so a FIFO put in its place in between cannot hang it.
// `expected` completes the message: "a safetensors file", "an IDX file".
InputFile openInputFile(const std::string& path, std::string_view expected = "a file");

// The same checks for a reader that opens the file through another library (zlib, Qt, stb):
// throws as openInputFile does and returns the size.
std::uintmax_t requireRegularFile(const std::string& path, std::string_view expected = "a file");

}  // namespace shufflescope
