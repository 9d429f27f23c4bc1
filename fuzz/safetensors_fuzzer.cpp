// The safetensors container from memory: header length, the header's JSON (depth, entry and value
// limits, duplicate keys), dtypes, shapes, offsets against the data, F16/BF16 widening. Faster per
// input than checkpoint_fuzzer, so it reaches deeper into the header's grammar.
#include <cstddef>
#include <cstdint>
#include <span>

#include "shufflescope/base/error.h"
#include "shufflescope/io/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    using namespace shufflescope;
    const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data), size);
    try {
        parseSafetensors(bytes, "fuzz.safetensors");
    } catch (const Error&) {
    }
    try {
        // The skip path validates a key's layout without decoding it.
        parseSafetensors(bytes, "fuzz.safetensors",
                         [](std::string_view key) { return key.size() % 2 == 0; });
    } catch (const Error&) {
    }
    return 0;
}
