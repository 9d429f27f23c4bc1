// Scenes as lessons and the command line write them ("groups=8 shuffle=off step=stem.conv"),
// parsed and then applied to a state as the app applies them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "shufflescope/base/error.h"
#include "shufflescope/tutor/lesson_parser.h"
#include "shufflescope/tutor/scene.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    using namespace shufflescope;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const Scene scene = parseSceneText(text);
        resolveScene(scene, SceneState{});
    } catch (const Error&) {
    }
    return 0;
}
