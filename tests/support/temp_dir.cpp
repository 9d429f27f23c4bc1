#include "support/temp_dir.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <system_error>

namespace testing_support {

TempDir::TempDir(const std::string& prefix) {
    std::random_device device;
    const std::filesystem::path base = std::filesystem::temp_directory_path();
    // create_directory reports whether it made the directory, so a name already taken (by an
    // earlier run that crashed, or a parallel test) is never shared: draw another.
    do {
        path_ = base / (prefix + "-" + std::to_string(device()) + std::to_string(device()));
    } while (!std::filesystem::create_directory(path_));
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::vector<std::string> TempDir::entriesOf(const std::filesystem::path& directory) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string TempDir::characterDevice(const std::string& name) const {
    if (::geteuid() != 0) return "/dev/null";
    const std::string path = file(name);
    if (::mknod(path.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
        throw std::runtime_error("cannot make the device node " + path);
    }
    return path;
}

}  // namespace testing_support
