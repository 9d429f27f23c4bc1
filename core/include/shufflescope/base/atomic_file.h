#pragma once
// Writing the user's output files all or nothing: every writer (checkpoints, .npy, PNGs, the
// app's exports and demos) writes a temporary file next to the target and renames it over the
// target only once every byte is on disk. A reader never sees half a file, and a failed or
// interrupted write leaves the previous file as it was.
//
// What the output path may be:
//  - a regular file or nothing yet: replaced or created;
//  - a symbolic link: followed (however many links deep) and the file it points to is replaced,
//    the link itself stays a link; the temporary file goes next to that target, so the rename
//    never crosses file systems;
//  - anything else that exists (a directory, a named pipe, a device, a socket): refused with a
//    message naming the path, before anything is written. (Writing "to" /dev/null or a FIFO
//    through a temporary file would silently replace it with a regular file.)
// Failures are shufflescope::FileError naming the path: a full disk (ENOSPC and its kin are
// checked on every write, on fsync and on close), a folder that does not exist or cannot be
// written. No temporary file is left behind on any failure; only a process killed in the middle
// of a write (SIGKILL, a power cut) can leave one, named ".NAME.tmp-XXXXXXXXXXXXXXXX".
// A replaced file keeps its permission bits; a new one gets 0666 less the umask.

#include <cstddef>
#include <string>
#include <string_view>

namespace shufflescope {

class AtomicFile {
  public:
    // Checks the target and creates the temporary file; throws FileError when either fails.
    explicit AtomicFile(const std::string& path);
    // Removes the temporary file unless commit() succeeded.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Appends bytes; throws FileError (and removes the temporary file) when the disk is full.
    void write(const void* data, std::size_t size);
    void write(std::string_view bytes) { write(bytes.data(), bytes.size()); }
    // Flushes the data to disk and renames the temporary file over the target. Throws FileError
    // (and removes the temporary file) when that fails; the target is then unchanged.
    void commit();

    // The file that is replaced: the path given, or the end of its chain of symbolic links.
    const std::string& target() const { return target_; }

  private:
    [[noreturn]] void fail(const std::string& problem);
    void discard();

    std::string path_;       // as given, named in messages
    std::string target_;     // symbolic links resolved
    std::string temporary_;  // "" once renamed or removed
    int fd_ = -1;
};

// The whole file at once: AtomicFile, write(bytes), commit().
void writeFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace shufflescope
