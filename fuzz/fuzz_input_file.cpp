#include "fuzz_input_file.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace shufflescope::fuzz {

namespace {

// One folder per process (parallel fuzzing jobs share the temporary directory), removed at exit.
const std::filesystem::path& inputFolder() {
    static const std::filesystem::path folder = [] {
        auto path = std::filesystem::temp_directory_path() /
                    ("shufflescope-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(inputFolder(), ignored);
        });
        return path;
    }();
    return folder;
}

}  // namespace

std::string writeFuzzInput(const uint8_t* data, std::size_t size, const std::string& name) {
    const std::string path = (inputFolder() / name).string();
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) {
        std::perror(path.c_str());
        std::abort();  // the harness itself failed: not a finding about the code under test
    }
    if (size > 0 && std::fwrite(data, 1, size, file) != size) {
        std::perror(path.c_str());
        std::abort();
    }
    std::fclose(file);
    return path;
}

}  // namespace shufflescope::fuzz
