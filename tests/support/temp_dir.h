#pragma once
// A fresh directory under the system temp directory for a test's files, removed with everything
// in it when the test ends (pass or fail).

#include <filesystem>
#include <string>
#include <vector>

namespace testing_support {

class TempDir {
  public:
    // The directory is named `prefix` plus a random suffix, e.g. "shufflescope-npy-test-12345".
    explicit TempDir(const std::string& prefix);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // The path of `name` inside the directory (the file need not exist).
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }
    // The names of everything directly inside the directory, sorted.
    std::vector<std::string> entries() const { return entriesOf(path_); }
    // The same for any directory.
    static std::vector<std::string> entriesOf(const std::filesystem::path& directory);

    // A character device for tests of what writers refuse. As root, a new node `name` in the
    // directory for the null device: a writer that wrongly replaced it would replace this copy,
    // not the system's /dev/null (a QSaveFile through a link did exactly that). Otherwise
    // /dev/null itself, which an unprivileged process cannot replace.
    std::string characterDevice(const std::string& name) const;

  private:
    std::filesystem::path path_;
};

}  // namespace testing_support
