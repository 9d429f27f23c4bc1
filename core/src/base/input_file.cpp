#include "shufflescope/base/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "file_kind.h"
#include "shufflescope/base/error.h"

namespace shufflescope {

namespace {

[[noreturn]] void refuseKind(const std::string& path, mode_t mode, std::string_view expected) {
    if (S_ISDIR(mode)) throw FileError(path, "is a directory; expected " + std::string(expected));
    throw FileError(path, std::string("is ") + detail::fileKindName(mode) +
                              ", not a regular file; expected " + std::string(expected));
}

[[noreturn]] void refuseOpen(const std::string& path, int error) {
    if (error == ENOENT) throw FileError(path, "file does not exist");
    if (error == ENOTDIR) {
        throw FileError(path, "file does not exist (a part of the path is not a folder)");
    }
    throw FileError(path, std::string("cannot open: ") + std::strerror(error));
}

}  // namespace

std::uintmax_t requireRegularFile(const std::string& path, std::string_view expected) {
    if (path.empty())
        throw FileError(path, "no file name given; expected " + std::string(expected));
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) refuseOpen(path, errno);
    if (!S_ISREG(info.st_mode)) refuseKind(path, info.st_mode, expected);
    return static_cast<std::uintmax_t>(info.st_size);
}

InputFile openInputFile(const std::string& path, std::string_view expected) {
    // Checked before opening: opening some devices has effects of its own.
    requireRegularFile(path, expected);
    // O_NONBLOCK: if a FIFO took the file's place since the check, open returns at once instead
    // of waiting for a writer; fstat below then refuses it.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) refuseOpen(path, errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        throw FileError(path, std::string("cannot read: ") + std::strerror(error));
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        refuseKind(path, info.st_mode, expected);
    }
    // Back to ordinary blocking reads (regular files ignore the flag, but a reader should not
    // have to think about it).
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    std::FILE* file = ::fdopen(fd, "rb");
    if (file == nullptr) {
        const int error = errno;
        ::close(fd);
        throw FileError(path, std::string("cannot open: ") + std::strerror(error));
    }
    InputFile input;
    input.file.reset(file);
    input.size = static_cast<std::uintmax_t>(info.st_size);
    return input;
}

}  // namespace shufflescope
