#pragma once
// What a path that is not a regular file is, in words, for input_file.cpp's and atomic_file.cpp's
// refusals ("is a named pipe (FIFO), not a regular file").

#include <sys/stat.h>

namespace shufflescope::detail {

inline const char* fileKindName(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "a special file";
}

}  // namespace shufflescope::detail
