// Opening the user's files: only regular files are read. A named pipe, a device or a folder is
// refused at once with the path and what was expected, instead of a reader waiting forever.

#include <sys/stat.h>
#include <sys/types.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "shufflescope/base/error.h"
#include "shufflescope/base/input_file.h"
#include "support/error_message.h"
#include "support/file_bytes.h"
#include "support/temp_dir.h"

using namespace shufflescope;
using testing_support::errorFrom;
using testing_support::TempDir;
using testing_support::writeBytes;

TEST_CASE("openInputFile opens a regular file at its start and gives its size", "[input_file]") {
    TempDir dir("shufflescope-input-test");
    const std::string path = dir.file("data.bin");
    writeBytes(path, "hello");
    const InputFile input = openInputFile(path, "a test file");
    CHECK(input.size == 5);
    char text[8] = {};
    CHECK(std::fread(text, 1, sizeof text, input.file.get()) == 5);
    CHECK(std::string(text) == "hello");
    CHECK(requireRegularFile(path) == 5);
    // Through a symbolic link: the file it points to.
    const std::string link = dir.file("link.bin");
    REQUIRE(symlink(path.c_str(), link.c_str()) == 0);
    CHECK(openInputFile(link).size == 5);
}

TEST_CASE("openInputFile refuses what is not a regular file, naming the path", "[input_file]") {
    TempDir dir("shufflescope-input-test");
    const std::string missing = dir.file("missing.idx");
    CHECK(errorFrom([&] { openInputFile(missing, "an IDX file"); }) ==
          missing + ": file does not exist");
    CHECK(errorFrom([&] { openInputFile(dir.path().string(), "an IDX file"); }) ==
          dir.path().string() + ": is a directory; expected an IDX file");
    CHECK(errorFrom([&] { openInputFile("", "an IDX file"); }) ==
          "'': no file name given; expected an IDX file");
    const std::string notFolder = dir.file("plain");
    writeBytes(notFolder, "x");
    CHECK(errorFrom([&] { openInputFile(notFolder + "/inside", "an IDX file"); }) ==
          notFolder + "/inside: file does not exist (a part of the path is not a folder)");

    // A FIFO with no writer: reading it would block forever; it is refused at once.
    const std::string fifo = dir.file("pipe.idx");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(errorFrom([&] { openInputFile(fifo, "an IDX file"); }) ==
          fifo + ": is a named pipe (FIFO), not a regular file; expected an IDX file");
    CHECK(errorFrom([&] { requireRegularFile(fifo, "a lesson file"); }) ==
          fifo + ": is a named pipe (FIFO), not a regular file; expected a lesson file");
    // An endless device, directly and through a link.
    CHECK(errorFrom([&] { openInputFile("/dev/zero", "a .npy file"); }) ==
          "/dev/zero: is a character device, not a regular file; expected a .npy file");
    const std::string link = dir.file("zero.npy");
    REQUIRE(symlink("/dev/zero", link.c_str()) == 0);
    CHECK(errorFrom([&] { openInputFile(link); }) ==
          link + ": is a character device, not a regular file; expected a file");
}

TEST_CASE("openInputFile shows a path with control characters as escapes", "[input_file]") {
    TempDir dir("shufflescope-input-test");
    const std::string path = dir.file("evil\n\x1b[2Jname");
    CHECK(errorFrom([&] { openInputFile(path); }) ==
          dir.path().string() + "/evil\\n\\x1b[2Jname: file does not exist");
}
