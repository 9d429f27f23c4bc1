#include "shufflescope/base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <system_error>

#include "file_kind.h"
#include "shufflescope/base/error.h"

namespace shufflescope {

namespace {

namespace fs = std::filesystem;

// Linux's own limit on links followed in one path (MAXSYMLINKS).
constexpr int kMaxLinkDepth = 40;

// Why a write, a flush or a close failed, in the user's terms.
std::string writeFailure(int error) {
    const std::string reason = std::strerror(error);
    if (error == ENOSPC) return "cannot write: the disk is full (" + reason + ")";
    if (error == EDQUOT) return "cannot write: the disk quota is used up (" + reason + ")";
    if (error == EFBIG) return "cannot write: the file is too large for the disk (" + reason + ")";
    return "cannot write: " + reason;
}

std::string folderOf(const fs::path& target) {
    const fs::path parent = target.parent_path();
    return parent.empty() ? "." : parent.string();
}

// The end of the chain of symbolic links starting at `path` (the path itself when it is not a
// link, whether or not it exists).
std::string resolveLinks(const std::string& path) {
    fs::path current(path);
    for (int depth = 0;; ++depth) {
        struct stat info {};
        if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return current;
        if (depth == kMaxLinkDepth) {
            throw FileError(path, "cannot write: too many levels of symbolic links");
        }
        std::error_code error;
        const fs::path link = fs::read_symlink(current, error);
        if (error) {
            throw FileError(path, "cannot write: cannot read the symbolic link " +
                                      displayPath(current.string()) + " (" + error.message() + ")");
        }
        current = link.is_absolute() ? link : current.parent_path() / link;
    }
}

std::string temporaryName(const fs::path& target) {
    thread_local std::mt19937_64 generator{
        std::random_device{}() ^
        uint64_t(std::chrono::steady_clock::now().time_since_epoch().count())};
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(generator()));
    return (target.parent_path() / ("." + target.filename().string() + ".tmp-" + hex)).string();
}

}  // namespace

AtomicFile::AtomicFile(const std::string& path) : path_(path) {
    if (path.empty()) throw FileError(path, "cannot write: no file name given");
    target_ = resolveLinks(path);
    const fs::path target(target_);
    const std::string viaLink =
        target_ == path ? "" : "its link target " + displayPath(target_) + " ";

    struct stat existing {};
    bool replacing = false;
    if (::stat(target_.c_str(), &existing) == 0) {
        if (!S_ISREG(existing.st_mode)) {
            throw FileError(path, viaLink + "is " + detail::fileKindName(existing.st_mode) +
                                      ", not a regular file: refusing to write over it");
        }
        // A file its owner made read-only stays protected, as it would from `cp`.
        if (::access(target_.c_str(), W_OK) != 0 && errno == EACCES) {
            throw FileError(
                path, "cannot write: " + viaLink + "is read-only (" + std::strerror(EACCES) + ")");
        }
        replacing = true;
    } else if (errno == ENOTDIR) {
        throw FileError(path,
                        "cannot write: " + displayPath(folderOf(target)) + " is not a folder");
    } else if (errno != ENOENT) {
        throw FileError(path, "cannot write: " + std::string(std::strerror(errno)));
    }
    const std::string name = target.filename().string();
    if (name.empty() || name == "." || name == "..") {
        throw FileError(path, "cannot write: the path names a folder, not a file");
    }

    const std::string folder = folderOf(target);
    for (int attempt = 0; fd_ < 0; ++attempt) {
        temporary_ = temporaryName(target);
        fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd_ >= 0) break;
        const int error = errno;
        temporary_.clear();
        if (error == EEXIST && attempt < 100) continue;
        if (error == ENOENT) {
            throw FileError(path,
                            "cannot write: the folder " + displayPath(folder) + " does not exist");
        }
        if (error == ENOTDIR) {
            throw FileError(path, "cannot write: " + displayPath(folder) + " is not a folder");
        }
        if (error == ENOSPC || error == EDQUOT) throw FileError(path, writeFailure(error));
        throw FileError(path, "cannot write: cannot create a file in the folder " +
                                  displayPath(folder) + " (" + std::strerror(error) + ")");
    }
    // The replaced file's permission bits carry over (a new file has 0666 less the umask).
    if (replacing) (void)::fchmod(fd_, existing.st_mode & 07777);
}

AtomicFile::~AtomicFile() {
    discard();
}

void AtomicFile::discard() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
    temporary_.clear();
}

void AtomicFile::fail(const std::string& problem) {
    discard();
    throw FileError(path_, problem);
}

void AtomicFile::write(const void* data, std::size_t size) {
    if (fd_ < 0) fail("cannot write: the file is already closed");
    const char* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t written = ::write(fd_, bytes, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            fail(writeFailure(errno));
        }
        bytes += written;
        size -= static_cast<std::size_t>(written);
    }
}

void AtomicFile::commit() {
    if (fd_ < 0) fail("cannot write: the file is already closed");
    // A file system may accept write() into its cache and find the disk full only when the data
    // is flushed: fsync and close are where that shows, so both are checked. (EINVAL: a file
    // system that cannot sync; nothing to report.)
    if (::fsync(fd_) != 0 && errno != EINVAL) fail(writeFailure(errno));
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0 && errno != EINTR) fail(writeFailure(errno));
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
        fail(std::string("cannot write: cannot replace the file (") + std::strerror(errno) + ")");
    }
    temporary_.clear();
    // The rename itself is durable once the folder is synced; a failure here loses nothing the
    // caller could act on, so it is not reported.
    const int folder =
        ::open(folderOf(fs::path(target_)).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        (void)::fsync(folder);
        ::close(folder);
    }
}

void writeFileAtomically(const std::string& path, std::string_view bytes) {
    AtomicFile file(path);
    file.write(bytes);
    file.commit();
}

}  // namespace shufflescope
