#include "shufflescope/base/asset_paths.h"

#include <cstdlib>
#include <filesystem>

#include "shufflescope/base/error.h"

namespace shufflescope {

namespace {

namespace fs = std::filesystem;

constexpr const char* kOverride = "SHUFFLESCOPE_ASSETS";
// build/app/shufflescope and build/tests/ui/ui_tests reach build/share/shufflescope.
constexpr int kParentLevels = 3;

std::optional<std::string> overrideDirectory() {
    const char* value = std::getenv(kOverride);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

// A folder of assets has the lessons in it: a stray empty share/shufflescope is not one.
bool holdsAssets(const fs::path& folder) {
    std::error_code error;
    return fs::is_directory(folder / "lessons", error);
}

}  // namespace

std::string executableDirectory() {
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    return error ? std::string() : exe.parent_path().string();
}

std::vector<std::string> assetDirectoryCandidates() {
    std::vector<std::string> candidates;
    if (const auto fromEnvironment = overrideDirectory()) candidates.push_back(*fromEnvironment);
    const std::string exeDir = executableDirectory();
    if (exeDir.empty()) return candidates;
    fs::path prefix = fs::path(exeDir);
    for (int level = 0;
         level < kParentLevels && prefix.has_parent_path() && prefix != prefix.root_path();
         ++level) {
        prefix = prefix.parent_path();
        candidates.push_back((prefix / "share" / "shufflescope").string());
    }
    return candidates;
}

std::optional<std::string> findAssetsDirectory() {
    // The override is used alone: a wrong one must be an error, not a quiet fall-back.
    if (const auto fromEnvironment = overrideDirectory())
        return holdsAssets(*fromEnvironment) ? fromEnvironment : std::nullopt;
    for (const std::string& candidate : assetDirectoryCandidates())
        if (holdsAssets(candidate)) return candidate;
    return std::nullopt;
}

std::string bundledAssetsDirectory() {
    if (auto found = findAssetsDirectory()) return *found;
    if (const auto fromEnvironment = overrideDirectory())
        throw Error(std::string(kOverride) + "=" + displayPath(*fromEnvironment) +
                    ": not a folder of ShuffleScope's assets (expected its lessons/ folder there)");
    std::string tried;
    for (const std::string& candidate : assetDirectoryCandidates())
        tried += (tried.empty() ? "" : ", ") + displayPath(candidate);
    throw Error("cannot find the bundled models, samples and lessons (looked in " +
                (tried.empty() ? std::string("no folder: /proc/self/exe cannot be read") : tried) +
                "); set " + kOverride + " to their folder");
}

}  // namespace shufflescope
