#include "shufflescope/tutor/lesson_library.h"

#include <algorithm>
#include <filesystem>

#include "shufflescope/base/error.h"

namespace shufflescope {

std::vector<std::string> lessonFilesIn(const std::string& directory) {
    namespace fs = std::filesystem;
    std::error_code error;
    std::vector<std::string> files;
    fs::directory_iterator it(directory, error);
    if (error)
        throw Error(displayPath(directory) + ": cannot list the lessons (" + error.message() + ")");
    for (const fs::directory_entry& entry : it)
        if (entry.path().extension() == ".lesson" && entry.is_regular_file(error))
            files.push_back(entry.path().string());
    std::sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
        return fs::path(a).filename() < fs::path(b).filename();
    });
    return files;
}

}  // namespace shufflescope
