// Writing all or nothing: the temporary-and-rename writer every output goes through. It follows
// symbolic links to the file they name, refuses to write over anything that is not a regular file,
// reports a failed write with the path, and never leaves its temporary file behind.
// Sections: Writing and replacing · Symbolic links · Refusals · Failed writes

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <string>
#include <vector>

#include "shufflescope/base/atomic_file.h"
#include "shufflescope/base/error.h"
#include "support/error_message.h"
#include "support/file_bytes.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace shufflescope;
using testing_support::errorFrom;
using testing_support::readBytes;
using testing_support::TempDir;
using testing_support::writeBytes;
using Names = std::vector<std::string>;

namespace {

mode_t modeOf(const std::string& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 07777;
}

// Limits the size of any file this process writes (RLIMIT_FSIZE) while it lives, so a write
// fails as on a full disk (EFBIG); SIGXFSZ, which would kill the process, is ignored meanwhile.
class FileSizeLimit {
  public:
    explicit FileSizeLimit(rlim_t bytes) {
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved_) == 0);
        previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = saved_;
        limit.rlim_cur = bytes;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previousHandler_);
    }

  private:
    rlimit saved_{};
    void (*previousHandler_)(int) = SIG_DFL;
};

}  // namespace

// =================================================================================================
// [SECTION] Writing and replacing
// =================================================================================================

TEST_CASE("writeFileAtomically creates and replaces a file and leaves nothing else behind",
          "[atomic_file]") {
    TempDir dir("shufflescope-atomic-test");
    const std::string path = dir.file("out.bin");
    writeFileAtomically(path, "first");
    CHECK(readBytes(path) == "first");
    writeFileAtomically(path, "second, longer");
    CHECK(readBytes(path) == "second, longer");
    writeFileAtomically(path, "");
    CHECK(readBytes(path).empty());
    CHECK(fs::exists(path));
    CHECK(dir.entries() == Names{"out.bin"});
}

TEST_CASE("a replaced file keeps its permission bits", "[atomic_file]") {
    TempDir dir("shufflescope-atomic-test");
    const std::string path = dir.file("shared.bin");
    writeBytes(path, "old");
    fs::permissions(path, fs::perms(0640));
    writeFileAtomically(path, "new");
    CHECK(modeOf(path) == 0640);
}

TEST_CASE("AtomicFile writes in pieces and leaves the old file until commit", "[atomic_file]") {
    TempDir dir("shufflescope-atomic-test");
    const std::string path = dir.file("model.bin");
    writeBytes(path, "old");
    {
        AtomicFile file(path);
        file.write("new ");
        CHECK(readBytes(path) == "old");
        file.write("data");
        file.commit();
    }
    CHECK(readBytes(path) == "new data");
    // Abandoned before commit (an exception on the way): the old file stays, the temporary goes.
    {
        AtomicFile file(path);
        file.write("never committed");
    }
    CHECK(readBytes(path) == "new data");
    CHECK(dir.entries() == Names{"model.bin"});
}

// =================================================================================================
// [SECTION] Symbolic links
// =================================================================================================

TEST_CASE("writing through a symbolic link replaces the file it points to, not the link",
          "[atomic_file]") {
    TempDir dir("shufflescope-atomic-test");
    fs::create_directory(dir.path() / "store");
    const std::string target = dir.file("store/model.bin");
    writeBytes(target, "old");
    // A chain: latest -> current -> store/model.bin, the second one relative.
    const std::string current = dir.file("current");
    const std::string latest = dir.file("latest");
    REQUIRE(::symlink("store/model.bin", current.c_str()) == 0);
    REQUIRE(::symlink(current.c_str(), latest.c_str()) == 0);

    AtomicFile file(latest);
    CHECK(file.target() == dir.file("store/model.bin"));
    file.write("new");
    file.commit();
    CHECK(readBytes(target) == "new");
    CHECK(fs::is_symlink(latest));
    CHECK(fs::is_symlink(current));
    CHECK(dir.entries() == Names{"current", "latest", "store"});
    CHECK(TempDir::entriesOf(dir.path() / "store") == Names{"model.bin"});

    // A link to a file not written yet: the file is created where the link points.
    const std::string dangling = dir.file("next");
    REQUIRE(::symlink("store/next.bin", dangling.c_str()) == 0);
    writeFileAtomically(dangling, "created");
    CHECK(readBytes(dir.file("store/next.bin")) == "created");
    CHECK(fs::is_symlink(dangling));
}

// =================================================================================================
// [SECTION] Refusals
// =================================================================================================

TEST_CASE("writing over a FIFO, a device or a folder is refused and leaves them as they were",
          "[atomic_file]") {
    TempDir dir("shufflescope-atomic-test");
    const std::string fifo = dir.file("pipe.npy");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(errorFrom([&] { writeFileAtomically(fifo, "data"); }) ==
          fifo + ": is a named pipe (FIFO), not a regular file: refusing to write over it");
    CHECK(fs::is_fifo(fifo));

    const std::string folder = dir.file("folder.safetensors");
    fs::create_directory(folder);
    CHECK(errorFrom([&] { writeFileAtomically(folder, "data"); }) ==
          folder + ": is a directory, not a regular file: refusing to write over it");

    // A device through a link: it is not replaced by a regular file. (The node is the test's own
    // copy of the null device when run as root; see TempDir::characterDevice.)
    const std::string device = dir.characterDevice("null-device");
    const std::string link = dir.file("device-link");
    REQUIRE(::symlink(device.c_str(), link.c_str()) == 0);
    CHECK(errorFrom([&] { writeFileAtomically(link, "data"); }) ==
          link + ": its link target " + device +
              " is a character device, not a regular file: refusing to write over it");
    struct stat info {};
    REQUIRE(::stat(device.c_str(), &info) == 0);
    CHECK(S_ISCHR(info.st_mode));
    CHECK(errorFrom([&] { writeFileAtomically(device, "data"); }) ==
          device + ": is a character device, not a regular file: refusing to write over it");
    fs::remove(dir.file("null-device"));
    CHECK(dir.entries() == Names{"device-link", "folder.safetensors", "pipe.npy"});
}

TEST_CASE("a missing folder, a file in place of a folder or a link loop is a message",
          "[atomic_file]") {
    TempDir dir("shufflescope-atomic-test");
    const std::string missing = dir.file("no-such-folder/out.npy");
    CHECK(errorFrom([&] { writeFileAtomically(missing, "x"); }) ==
          missing + ": cannot write: the folder " + dir.file("no-such-folder") + " does not exist");
    const std::string plain = dir.file("plain");
    writeBytes(plain, "x");
    CHECK(errorFrom([&] { writeFileAtomically(plain + "/out.npy", "x"); }) ==
          plain + "/out.npy: cannot write: " + plain + " is not a folder");
    const std::string loop = dir.file("loop");
    REQUIRE(::symlink(loop.c_str(), loop.c_str()) == 0);
    CHECK(errorFrom([&] { writeFileAtomically(loop, "x"); }) ==
          loop + ": cannot write: too many levels of symbolic links");
    CHECK(errorFrom([&] { writeFileAtomically("", "x"); }) ==
          "'': cannot write: no file name given");
    CHECK(errorFrom([&] {
              writeFileAtomically(dir.path().string() + "/", "x");
          }).find("is a directory") != std::string::npos);
    CHECK(dir.entries() == Names{"loop", "plain"});
}

TEST_CASE("an unwritable folder or a read-only file is a message (not as root)", "[atomic_file]") {
    if (::geteuid() == 0) {
        WARN("skipped: root writes to read-only folders and files");
        return;
    }
    TempDir dir("shufflescope-atomic-test");
    const std::string locked = dir.file("locked");
    fs::create_directory(locked);
    writeBytes(locked + "/old.bin", "old");
    fs::permissions(locked, fs::perms(0555));
    CHECK(errorFrom([&] {
              writeFileAtomically(locked + "/old.bin", "new");
          }).find("cannot create a file in the folder " + locked) != std::string::npos);
    fs::permissions(locked, fs::perms(0755));
    CHECK(readBytes(locked + "/old.bin") == "old");

    const std::string readOnly = dir.file("read-only.bin");
    writeBytes(readOnly, "kept");
    fs::permissions(readOnly, fs::perms(0444));
    CHECK(errorFrom([&] { writeFileAtomically(readOnly, "new"); }).find("is read-only") !=
          std::string::npos);
    CHECK(readBytes(readOnly) == "kept");
}

// =================================================================================================
// [SECTION] Failed writes
// =================================================================================================

TEST_CASE("a write that runs out of room names the file and keeps the old one", "[atomic_file]") {
    TempDir dir("shufflescope-atomic-test");
    const std::string path = dir.file("checkpoint.safetensors");
    writeBytes(path, "the previous checkpoint");
    std::string message;
    {
        // The file-size limit fails write() as a full disk does (with EFBIG instead of ENOSPC);
        // the same path reports both.
        const FileSizeLimit limit(4096);
        message = errorFrom([&] { writeFileAtomically(path, std::string(100000, 'x')); });
    }
    CHECK(message == path + ": cannot write: the file is too large for the disk (File too large)");
    CHECK(readBytes(path) == "the previous checkpoint");
    CHECK(dir.entries() == Names{"checkpoint.safetensors"});
}
