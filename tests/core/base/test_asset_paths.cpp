// The bundled assets are found from the executable's own place, never from a path compiled in:
// in the build tree through build/share/shufflescope (a link to assets/), installed through
// <prefix>/share/shufflescope; $SHUFFLESCOPE_ASSETS overrides both, and a wrong one is an error
// naming it rather than a quiet fall-back.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "shufflescope/base/asset_paths.h"
#include "shufflescope/base/error.h"
#include "support/temp_dir.h"

using namespace shufflescope;
namespace fs = std::filesystem;

namespace {

// Sets or clears $SHUFFLESCOPE_ASSETS for one test, and puts the old value back.
struct AssetsVariable {
    std::string old;
    bool had = false;
    explicit AssetsVariable(const char* value) {
        if (const char* current = std::getenv("SHUFFLESCOPE_ASSETS")) {
            old = current;
            had = true;
        }
        if (value)
            ::setenv("SHUFFLESCOPE_ASSETS", value, 1);
        else
            ::unsetenv("SHUFFLESCOPE_ASSETS");
    }
    ~AssetsVariable() {
        if (had)
            ::setenv("SHUFFLESCOPE_ASSETS", old.c_str(), 1);
        else
            ::unsetenv("SHUFFLESCOPE_ASSETS");
    }
};

}  // namespace

TEST_CASE("assets: found beside the executable's folder, which is the build tree's link",
          "[assets]") {
    const AssetsVariable unset(nullptr);
    REQUIRE_FALSE(executableDirectory().empty());
    const std::string found = bundledAssetsDirectory();
    CAPTURE(found);
    CHECK(fs::path(found).filename() == "shufflescope");
    CHECK(fs::path(found).parent_path().filename() == "share");
    // The same files as the source's assets/, not a copy that could be stale.
    CHECK(fs::equivalent(found, SHUFFLESCOPE_ASSETS_DIR));
    CHECK(fs::exists(fs::path(found) / "models" / "fashion-g3-shuffle.safetensors"));
}

TEST_CASE("assets: $SHUFFLESCOPE_ASSETS overrides, and a wrong one is an error naming it",
          "[assets]") {
    {
        const AssetsVariable set(SHUFFLESCOPE_ASSETS_DIR);
        CHECK(bundledAssetsDirectory() == SHUFFLESCOPE_ASSETS_DIR);
        CHECK(assetDirectoryCandidates().front() == SHUFFLESCOPE_ASSETS_DIR);
    }
    const testing_support::TempDir empty("shufflescope-assets-test");
    const AssetsVariable wrong(empty.path().c_str());
    CHECK_FALSE(findAssetsDirectory());
    CHECK_THROWS_WITH(bundledAssetsDirectory(),
                      "SHUFFLESCOPE_ASSETS=" + empty.path().string() +
                          ": not a folder of ShuffleScope's assets (expected its lessons/ folder "
                          "there)");
}
