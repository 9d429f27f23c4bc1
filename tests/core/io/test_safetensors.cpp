// The safetensors reader and writer: every malformed-file rule of safetensors.h has a case that
// must throw shufflescope::Error naming the key, truncated and corrupted files never crash, and
// the half / bfloat16 conversions are checked bit by bit.
// Sections: Reading valid files · Malformed files · Half and bfloat16 conversions · Writing

#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "shufflescope/base/error.h"
#include "shufflescope/io/safetensors.h"
#include "support/byte_writers.h"
#include "support/file_bytes.h"
#include "support/temp_dir.h"

using namespace shufflescope;
using Catch::Contains;
using Catch::StartsWith;
using testing_support::littleEndianBytes;
using testing_support::safetensorsBytes;
using testing_support::TempDir;
using testing_support::writeBytes;

namespace {

const std::string kContext = "test.safetensors";

std::vector<std::byte> toBytes(const std::string& s) {
    std::vector<std::byte> bytes(s.size());
    std::memcpy(bytes.data(), s.data(), s.size());
    return bytes;
}

// 8-byte little-endian length, header, data: a file laid out by hand.
std::vector<std::byte> fileBytes(const std::string& header, const std::string& data,
                                 uint64_t headerLength) {
    return toBytes(safetensorsBytes(header, data, headerLength));
}
std::vector<std::byte> fileBytes(const std::string& header, const std::string& data) {
    return fileBytes(header, data, header.size());
}

SafetensorsContent parse(const std::vector<std::byte>& bytes) {
    return parseSafetensors(bytes, kContext);
}

Tensor filled(std::vector<int64_t> shape, float seed) {
    Tensor t(std::move(shape));
    for (int64_t i = 0; i < t.size(); ++i) t[i] = seed + 0.37f * float(i) - 0.01f * float(i * i);
    return t;
}

bool sameBits(float a, float b) {
    return std::bit_cast<uint32_t>(a) == std::bit_cast<uint32_t>(b);
}

// A small valid file: two F32 tensors and metadata.
std::vector<std::byte> smallValidFile() {
    const std::map<std::string, Tensor> tensors = {{"a.weight", filled({2, 3}, 1.0f)},
                                                   {"b", filled({4}, -2.0f)}};
    return toBytes(serializeSafetensors(tensors, {{"note", "small"}}));
}

}  // namespace

// =================================================================================================
// [SECTION] Reading valid files
// =================================================================================================

TEST_CASE("safetensors: a hand-written F32 file loads values and metadata", "[safetensors]") {
    const std::string header =
        R"({"__metadata__":{"k":"v"},"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    const SafetensorsContent content =
        parse(fileBytes(header, littleEndianBytes<float>({1.0f, -2.5f})));
    REQUIRE(content.tensors.size() == 1);
    const Tensor& w = content.tensors.at("w");
    REQUIRE(w.shape() == std::vector<int64_t>{2});
    CHECK(w[0] == 1.0f);
    CHECK(w[1] == -2.5f);
    CHECK(content.metadata == std::map<std::string, std::string>{{"k", "v"}});
}

TEST_CASE("safetensors: F16 and BF16 tensors are widened to float", "[safetensors]") {
    // F16 1.0 = 0x3C00, -2 = 0xC000; BF16 1.0 = 0x3F80, 0.5 = 0x3F00 (little-endian bytes).
    const std::string header = R"({"b":{"dtype":"BF16","shape":[2],"data_offsets":[4,8]},)"
                               R"("h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}})";
    const std::string data("\x00\x3C\x00\xC0\x80\x3F\x00\x3F", 8);
    const SafetensorsContent content = parse(fileBytes(header, data));
    CHECK(content.tensors.at("h")[0] == 1.0f);
    CHECK(content.tensors.at("h")[1] == -2.0f);
    CHECK(content.tensors.at("b")[0] == 1.0f);
    CHECK(content.tensors.at("b")[1] == 0.5f);
}

TEST_CASE("safetensors: scalars and empty tensors are valid", "[safetensors]") {
    const std::string header = R"({"empty":{"dtype":"F32","shape":[0,3],"data_offsets":[4,4]},)"
                               R"("s":{"dtype":"F32","shape":[],"data_offsets":[0,4]}})";
    const SafetensorsContent content = parse(fileBytes(header, littleEndianBytes<float>({7.0f})));
    CHECK(content.tensors.at("s").shape().empty());
    CHECK(content.tensors.at("s")[0] == 7.0f);
    CHECK(content.tensors.at("empty").shape() == std::vector<int64_t>{0, 3});
    CHECK(content.tensors.at("empty").size() == 0);
}

TEST_CASE("safetensors: an empty file with a {} header is valid", "[safetensors]") {
    const SafetensorsContent content = parse(fileBytes("{}", ""));
    CHECK(content.tensors.empty());
    CHECK(content.metadata.empty());
}

// =================================================================================================
// [SECTION] Malformed files
// =================================================================================================

TEST_CASE("safetensors: every malformed header is refused with a message naming the key",
          "[safetensors]") {
    const auto f32 = [](const std::string& key, const std::string& shape, int begin, int end) {
        return "\"" + key + R"(":{"dtype":"F32","shape":)" + shape + R"(,"data_offsets":[)" +
               std::to_string(begin) + "," + std::to_string(end) + "]}";
    };
    struct Case {
        const char* what;
        std::string header;
        std::string data;
        std::string expected;
    };
    const std::string eight(8, '\0');
    const std::vector<Case> cases = {
        {"non-JSON header", "{not json", "", "header is not valid JSON"},
        {"header is an array", "[1, 2]", "", "header should be a JSON object, found array"},
        {"header is a string", R"("text")", "", "header should be a JSON object, found string"},
        {"entry is a number", R"({"w": 5})", "", "key 'w' should be an object"},
        {"missing dtype", R"({"w":{"shape":[2],"data_offsets":[0,8]}})", eight,
         "key 'w' has no \"dtype\""},
        {"missing shape", R"({"w":{"dtype":"F32","data_offsets":[0,8]}})", eight,
         "key 'w' has no \"shape\""},
        {"missing offsets", R"({"w":{"dtype":"F32","shape":[2]}})", eight,
         "key 'w' has no \"data_offsets\""},
        {"dtype not a string", R"({"w":{"dtype":32,"shape":[2],"data_offsets":[0,8]}})", eight,
         "key 'w': dtype should be a string"},
        {"unknown dtype", R"({"w":{"dtype":"F33","shape":[2],"data_offsets":[0,8]}})", eight,
         "unknown dtype 'F33' of key 'w' (expected F32, F16 or BF16)"},
        {"unsupported I64", R"({"w":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}})", eight,
         "dtype I64 of key 'w' is not supported (expected F32, F16 or BF16)"},
        {"unsupported F64", R"({"w":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}})", eight,
         "dtype F64 of key 'w' is not supported (expected F32, F16 or BF16)"},
        {"unsupported U8", R"({"w":{"dtype":"U8","shape":[8],"data_offsets":[0,8]}})", eight,
         "dtype U8 of key 'w' is not supported"},
        {"unsupported BOOL", R"({"w":{"dtype":"BOOL","shape":[8],"data_offsets":[0,8]}})", eight,
         "dtype BOOL of key 'w' is not supported"},
        {"unsupported F8_E4M3", R"({"w":{"dtype":"F8_E4M3","shape":[8],"data_offsets":[0,8]}})",
         eight, "dtype F8_E4M3 of key 'w' is not supported"},
        {"negative extent", "{" + f32("w", "[-1]", 0, 8) + "}", eight,
         "shape of key 'w' must be an array of non-negative integers, found [-1]"},
        {"fractional extent", "{" + f32("w", "[2.5]", 0, 8) + "}", eight,
         "shape of key 'w' must be an array of non-negative integers, found [2.5]"},
        {"shape not an array", "{" + f32("w", "2", 0, 8) + "}", eight,
         "shape of key 'w' must be an array of non-negative integers, found 2"},
        {"shape overflows", "{" + f32("w", "[4294967296,4294967296,4294967296]", 0, 8) + "}", eight,
         "shape [4294967296, 4294967296, 4294967296] of key 'w' has more elements"},
        {"extent beyond int64", "{" + f32("w", "[18446744073709551615]", 0, 8) + "}", eight,
         "shape of key 'w' must be an array of non-negative integers"},
        {"offsets not a pair", R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0]}})", eight,
         "key 'w': data_offsets should be [begin, end]"},
        {"offsets reversed", R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}})", eight,
         "key 'w': data_offsets should be [begin, end] with 0 <= begin <= end, found [8, 0]"},
        {"negative offset", R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}})", eight,
         "key 'w': data_offsets should be [begin, end]"},
        {"offset past end", "{" + f32("w", "[4]", 0, 16) + "}", eight,
         "key 'w': data_offsets [0, 16] run past the end of the data section (8 bytes)"},
        {"shape/size mismatch", "{" + f32("w", "[3]", 0, 8) + "}", eight,
         "key 'w' has shape [3] of F32, which needs 3 x 4 bytes, but its data_offsets span 8"},
        {"unaligned",
         R"({"h":{"dtype":"F16","shape":[1],"data_offsets":[0,2]},)" + f32("w", "[1]", 2, 6) + "}",
         std::string(6, '\0'),
         "key 'w' is unaligned: its data starts at 2, expected a multiple of 4"},
        {"overlapping tensors", "{" + f32("a", "[2]", 0, 8) + "," + f32("b", "[2]", 4, 12) + "}",
         std::string(12, '\0'), "tensors 'a' [0, 8) and 'b' [4, 12) overlap"},
        {"same range twice", "{" + f32("a", "[2]", 0, 8) + "," + f32("b", "[2]", 0, 8) + "}", eight,
         "tensors 'a' [0, 8) and 'b' [0, 8) overlap"},
        {"gap between tensors", "{" + f32("a", "[1]", 0, 4) + "," + f32("b", "[1]", 8, 12) + "}",
         std::string(12, '\0'),
         "4 bytes of the data section belong to no tensor (the first at offset 4"},
        {"trailing bytes", "{" + f32("a", "[1]", 0, 4) + "}", std::string(6, '\0'),
         "2 bytes of the data section belong to no tensor (the first at offset 4"},
        {"data but no tensors", "{}", eight, "8 bytes of the data section belong to no tensor"},
        {"metadata not an object", R"({"__metadata__":[1]})", "",
         "__metadata__ should be an object of string values, found [1]"},
        {"metadata value not a string", R"({"__metadata__":{"k":1}})", "",
         "__metadata__ entry 'k' should be a string, found 1"},
        {"metadata value null", R"({"__metadata__":{"k":null}})", "",
         "__metadata__ entry 'k' should be a string, found null"},
        {"duplicate key", "{" + f32("a", "[1]", 0, 4) + "," + f32("a", "[1]", 0, 4) + "}",
         std::string(4, '\0'), "key 'a' appears twice in the header"},
        {"invalid UTF-8 in header", "{\"\xff\":1}", "", "header is not valid JSON"},
    };
    for (const Case& c : cases) {
        INFO(c.what << "\nheader: " << c.header);
        REQUIRE_THROWS_AS(parse(fileBytes(c.header, c.data)), Error);
        REQUIRE_THROWS_WITH(parse(fileBytes(c.header, c.data)),
                            StartsWith(kContext + ": ") && Contains(c.expected));
    }
}

TEST_CASE("safetensors: a header length that does not fit the file is refused", "[safetensors]") {
    const std::string header = "{}";
    struct Case {
        uint64_t length;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {3, "header length 3 runs past the end of the file (2 bytes follow the length"},
        {1'000'000, "header length 1000000 runs past the end of the file"},
        {std::numeric_limits<uint64_t>::max(), "header length 18446744073709551615 runs past"},
        {uint64_t(1) << 63, "runs past the end of the file"},
    };
    for (const Case& c : cases) {
        INFO("length " << c.length);
        REQUIRE_THROWS_WITH(parse(fileBytes(header, "", c.length)),
                            StartsWith(kContext + ": ") && Contains(c.expected));
    }
    for (std::size_t size = 0; size < 8; ++size) {
        INFO("file of " << size << " bytes");
        REQUIRE_THROWS_WITH(parse(std::vector<std::byte>(size)),
                            Contains("too short for the 8-byte header length"));
    }
}

TEST_CASE("safetensors: a header over 100 MB is refused before it is parsed", "[safetensors]") {
    const uint64_t length = 100'000'001;
    std::vector<std::byte> bytes = fileBytes("", "", length);
    bytes.resize(8 + length, std::byte('{'));
    REQUIRE_THROWS_WITH(parse(bytes), Contains("header length 100000001 is implausible"));
}

TEST_CASE("safetensors: deeply nested JSON is refused without exhausting the stack",
          "[safetensors]") {
    const std::size_t depth = 1'000'000;
    const std::string nested = std::string(depth, '[') + std::string(depth, ']');
    struct Case {
        const char* what;
        std::string header;
        std::string expected;
    };
    const std::vector<Case> cases = {
        // Refused by the header's shape, before anything is built for it.
        {"as the entry", R"({"w":)" + nested + "}", "the header nests deeper than 8 levels"},
        {"as the shape", R"({"w":{"dtype":"F32","shape":)" + nested + R"(,"data_offsets":[0,0]}})",
         "the header nests deeper than 8 levels"},
        {"as a metadata value", R"({"__metadata__":{"k":)" + nested + "}}",
         "the header nests deeper than 8 levels"},
        {"unterminated", std::string(depth, '['), "the header nests deeper than 8 levels"},
        // Shallow enough to pass the shape check, still the wrong kind of value.
        {"an array entry", R"({"w":[[1]]})", "key 'w' should be an object"},
        {"a nested shape", R"({"w":{"dtype":"F32","shape":[[1]],"data_offsets":[0,0]}})",
         "shape of key 'w' must be an array of non-negative integers"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        REQUIRE_THROWS_WITH(parse(fileBytes(c.header, "")), Contains(c.expected));
    }
}

TEST_CASE("safetensors: a header with too many entries or a key twice is refused by its shape",
          "[safetensors]") {
    // 200,000 empty objects once took 9 s (checks inside the parser's callback rescanned the
    // parent at every closing brace); one pass of O(1) events now refuses them at the 100,001st.
    std::string many = "{";
    for (int i = 0; i < 200'000; ++i) many += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":{}";
    many += "}";
    REQUIRE_THROWS_WITH(parse(fileBytes(many, "")), Contains("lists more than 100000 entries"));
    // A key given twice is found by the same pass.
    REQUIRE_THROWS_WITH(parse(fileBytes(R"({"a":{},"b":{},"a":{}})", "")),
                        Contains("key 'a' appears twice in the header"));
}

TEST_CASE("safetensors: long keys are shortened in messages", "[safetensors]") {
    const std::string key(10'000, 'k');
    const std::string header =
        R"({")" + key + R"(":{"dtype":"I8","shape":[0],"data_offsets":[0,0]}})";
    try {
        parse(fileBytes(header, ""));
        FAIL("expected an Error");
    } catch (const Error& e) {
        CHECK_THAT(e.what(), Contains("dtype I8 of key 'kkkk") && Contains("...'"));
        CHECK(std::string(e.what()).size() < 300);
    }
}

TEST_CASE("safetensors: every truncation of a valid file throws Error", "[safetensors]") {
    const std::vector<std::byte> whole = smallValidFile();
    REQUIRE_NOTHROW(parse(whole));
    for (std::size_t size = 0; size < whole.size(); ++size) {
        INFO("prefix of " << size << " of " << whole.size() << " bytes");
        // A copy of exactly `size` bytes, so that an out-of-bounds read is a real one.
        const std::vector<std::byte> prefix(whole.begin(), whole.begin() + std::ptrdiff_t(size));
        REQUIRE_THROWS_AS(parse(prefix), Error);
    }
}

TEST_CASE("safetensors: random corruption either loads or throws Error, never crashes",
          "[safetensors]") {
    const std::vector<std::byte> original = smallValidFile();
    const uint64_t headerEnd =
        8 + std::to_integer<uint64_t>(original[0]) + (std::to_integer<uint64_t>(original[1]) << 8);
    std::mt19937 random(20240611);
    std::string interesting = "{}[]\":,0123456789-.eE ";
    interesting += '\0';
    interesting += '\xff';
    int loaded = 0, refused = 0;
    for (int trial = 0; trial < 600; ++trial) {
        std::vector<std::byte> bytes = original;
        const int edits = 1 + int(random() % 3);
        for (int e = 0; e < edits; ++e) {
            // Most edits land in the header, where the parser's decisions are.
            const std::size_t limit = random() % 4 == 0 ? bytes.size() : headerEnd;
            const std::size_t at = random() % limit;
            bytes[at] = random() % 2 == 0 ? std::byte(random() % 256)
                                          : std::byte(interesting[random() % interesting.size()]);
        }
        CAPTURE(trial);
        try {
            const SafetensorsContent content = parse(bytes);
            for (const auto& [name, tensor] : content.tensors) (void)tensor.values();
            ++loaded;
        } catch (const Error&) {
            ++refused;
        }
    }
    // Both outcomes occur: the test exercises the checks, not only the JSON parser.
    CHECK(loaded > 0);
    CHECK(refused > 0);
    CHECK(loaded + refused == 600);
}

// =================================================================================================
// [SECTION] Half and bfloat16 conversions
// =================================================================================================

TEST_CASE("safetensors: half bit patterns decode and encode exactly", "[safetensors]") {
    struct Case {
        uint16_t bits;
        float value;
    };
    const std::vector<Case> cases = {
        {0x0000, 0.0f},
        {0x3C00, 1.0f},
        {0xBC00, -1.0f},
        {0xC000, -2.0f},
        {0x3555, 0.333251953125f},
        {0x7BFF, 65504.0f},                  // largest finite half
        {0x0400, std::ldexp(1.0f, -14)},     // smallest normal
        {0x0001, std::ldexp(1.0f, -24)},     // smallest subnormal
        {0x03FF, std::ldexp(1023.0f, -24)},  // largest subnormal
        {0x8001, -std::ldexp(1.0f, -24)},
        {0x7C00, std::numeric_limits<float>::infinity()},
        {0xFC00, -std::numeric_limits<float>::infinity()},
    };
    for (const Case& c : cases) {
        INFO("bits 0x" << std::hex << c.bits << " value " << c.value);
        CHECK(halfToFloat(c.bits) == c.value);
        CHECK(floatToHalf(c.value) == c.bits);
    }
    CHECK(std::signbit(halfToFloat(0x8000)));
    CHECK(floatToHalf(-0.0f) == 0x8000);
    CHECK(std::isnan(halfToFloat(0x7E00)));
    CHECK(std::isnan(halfToFloat(0x7C01)));
}

TEST_CASE("safetensors: float to half rounds to nearest, ties to even", "[safetensors]") {
    struct Case {
        const char* what;
        float value;
        uint16_t bits;
    };
    const float ulp1 = std::ldexp(1.0f, -10);  // spacing of halves in [1, 2)
    const float sub = std::ldexp(1.0f, -24);   // spacing of subnormal halves
    const std::vector<Case> cases = {
        {"tie below 1 + ulp goes to even 1", 1.0f + ulp1 / 2, 0x3C00},
        {"just above the tie goes up", 1.0f + ulp1 / 2 + std::ldexp(1.0f, -20), 0x3C01},
        {"tie above 1 + ulp goes to even 1 + 2 ulp", 1.0f + 3 * ulp1 / 2, 0x3C02},
        {"65519 rounds down to 65504", 65519.0f, 0x7BFF},
        {"65520 ties to even: infinity", 65520.0f, 0x7C00},
        {"1e6 overflows to infinity", 1e6f, 0x7C00},
        {"-1e6 overflows to -infinity", -1e6f, 0xFC00},
        {"FLT_MAX overflows", std::numeric_limits<float>::max(), 0x7C00},
        {"half the smallest subnormal ties to zero", sub / 2, 0x0000},
        {"just above half the smallest subnormal", sub / 2 * 1.0001f, 0x0001},
        {"1.5 subnormal ulps ties to even 2", sub * 1.5f, 0x0002},
        {"2.5 subnormal ulps ties to even 2", sub * 2.5f, 0x0002},
        {"largest subnormal + half ulp ties to smallest normal", sub * 1023.5f, 0x0400},
        {"tiny negative keeps the sign", -1e-30f, 0x8000},
        {"float subnormal flushes", std::numeric_limits<float>::denorm_min(), 0x0000},
    };
    for (const Case& c : cases) {
        INFO(c.what << ": " << c.value);
        CHECK(floatToHalf(c.value) == c.bits);
    }
}

TEST_CASE("safetensors: every half survives a round trip through float", "[safetensors]") {
    int nans = 0;
    for (uint32_t bits = 0; bits <= 0xFFFF; ++bits) {
        const float value = halfToFloat(uint16_t(bits));
        if (std::isnan(value)) {
            ++nans;
            const uint16_t back = floatToHalf(value);
            REQUIRE((back & 0x7C00) == 0x7C00);
            REQUIRE((back & 0x03FF) != 0);
            continue;
        }
        INFO("bits 0x" << std::hex << bits);
        REQUIRE(floatToHalf(value) == bits);
    }
    CHECK(nans == 2 * 1023);
}

TEST_CASE("safetensors: bfloat16 bit patterns, rounding and round trip", "[safetensors]") {
    struct Case {
        uint16_t bits;
        float value;
    };
    const std::vector<Case> exact = {
        {0x3F80, 1.0f},
        {0xC000, -2.0f},
        {0x3F00, 0.5f},
        {0x7F80, std::numeric_limits<float>::infinity()},
        {0xFF80, -std::numeric_limits<float>::infinity()},
        {0x7F7F, std::bit_cast<float>(0x7F7F0000u)},  // largest finite bfloat16
        {0x0001, std::bit_cast<float>(0x00010000u)},  // smallest subnormal
    };
    for (const Case& c : exact) {
        INFO("bits 0x" << std::hex << c.bits);
        CHECK(sameBits(bfloat16ToFloat(c.bits), c.value));
        CHECK(floatToBfloat16(c.value) == c.bits);
    }
    const float ulp1 = std::ldexp(1.0f, -7);
    CHECK(floatToBfloat16(1.0f + ulp1 / 2) == 0x3F80);      // tie to even
    CHECK(floatToBfloat16(1.0f + 3 * ulp1 / 2) == 0x3F82);  // tie to even
    CHECK(floatToBfloat16(1.0f + ulp1 / 2 + std::ldexp(1.0f, -20)) == 0x3F81);
    CHECK(floatToBfloat16(std::numeric_limits<float>::max()) == 0x7F80);
    // A NaN whose payload sits in the low bits must not round into infinity.
    const uint16_t nan = floatToBfloat16(std::bit_cast<float>(0x7F800001u));
    CHECK(std::isnan(bfloat16ToFloat(nan)));
    CHECK(floatToBfloat16(std::bit_cast<float>(0xFFC00000u)) == 0xFFC0);

    for (uint32_t bits = 0; bits <= 0xFFFF; ++bits) {
        const float value = bfloat16ToFloat(uint16_t(bits));
        if (std::isnan(value)) {
            REQUIRE(std::isnan(bfloat16ToFloat(floatToBfloat16(value))));
            continue;
        }
        INFO("bits 0x" << std::hex << bits);
        REQUIRE(floatToBfloat16(value) == bits);
    }
}

// =================================================================================================
// [SECTION] Writing
// =================================================================================================

TEST_CASE("safetensors: serialised files follow the reference layout", "[safetensors]") {
    const std::map<std::string, Tensor> tensors = {
        {"z", filled({3}, 1.0f)}, {"a", filled({2, 2}, 2.0f)}, {"M", filled({1}, 3.0f)}};
    for (StorageType storage : {StorageType::F32, StorageType::F16, StorageType::BF16}) {
        const std::size_t elementSize = storage == StorageType::F32 ? 4 : 2;
        const std::string bytes = serializeSafetensors(tensors, {{"k", "v"}}, storage);
        uint64_t headerLength = 0;
        for (int i = 7; i >= 0; --i) headerLength = (headerLength << 8) | uint8_t(bytes[i]);
        INFO("header length " << headerLength);
        CHECK(headerLength % 8 == 0);
        REQUIRE(bytes.size() == 8 + headerLength + 8 * elementSize);
        const std::string header = bytes.substr(8, headerLength);
        CHECK_THAT(header, StartsWith(R"({"__metadata__":{"k":"v"},"M":)"));
        CHECK(header.find(R"("a":)") < header.find(R"("z":)"));
        CHECK(header.find_last_not_of(' ') == header.find_last_of('}'));
        const nlohmann::json parsed = nlohmann::json::parse(header);
        CHECK(parsed["a"]["data_offsets"] == nlohmann::json::array({elementSize, 5 * elementSize}));
    }
}

TEST_CASE("safetensors: write then read returns the same tensors and metadata", "[safetensors]") {
    TempDir dir("shufflescope-st-test");
    const std::map<std::string, Tensor> tensors = {
        {"conv.weight", filled({4, 2, 3, 3}, 0.25f)},
        {"bias", filled({4}, -1.0f)},
        {"scalar", filled({}, 3.5f)},
        {"empty", Tensor(std::vector<int64_t>{0, 5})},
        {"specials", Tensor({4})},
    };
    std::map<std::string, Tensor> withSpecials = tensors;
    withSpecials["specials"][0] = std::numeric_limits<float>::infinity();
    withSpecials["specials"][1] = -0.0f;
    withSpecials["specials"][2] = 1e-7f;  // subnormal in half
    withSpecials["specials"][3] = -65504.0f;
    const std::map<std::string, std::string> metadata = {{"a", "1"}, {"unicode", "Größe ✓"}};

    for (StorageType storage : {StorageType::F32, StorageType::F16, StorageType::BF16}) {
        INFO("storage " << int(storage));
        const std::string path = dir.file("model.safetensors");
        writeSafetensors(path, withSpecials, metadata, storage);
        const SafetensorsContent content = readSafetensors(path);
        CHECK(content.metadata == metadata);
        REQUIRE(content.tensors.size() == withSpecials.size());
        for (const auto& [name, expected] : withSpecials) {
            INFO("tensor " << name);
            const Tensor& actual = content.tensors.at(name);
            REQUIRE(actual.shape() == expected.shape());
            for (int64_t i = 0; i < expected.size(); ++i) {
                float want = expected[i];
                if (storage == StorageType::F16) want = halfToFloat(floatToHalf(want));
                if (storage == StorageType::BF16) want = bfloat16ToFloat(floatToBfloat16(want));
                INFO("element " << i);
                REQUIRE(sameBits(actual[i], want));
            }
        }
    }
}

TEST_CASE("safetensors: writing leaves no temporary files behind", "[safetensors]") {
    TempDir dir("shufflescope-st-test");
    const std::string path = dir.file("model.safetensors");
    const std::map<std::string, Tensor> tensors = {{"w", filled({8}, 1.0f)}};
    writeSafetensors(path, tensors, {});
    writeSafetensors(path, tensors, {{"second", "write"}});  // replaces the first file
    CHECK(dir.entries() == std::vector<std::string>{"model.safetensors"});
    CHECK(readSafetensors(path).metadata.at("second") == "write");
}

TEST_CASE("safetensors: a checkpoint written through a symbolic link replaces the file it names",
          "[safetensors]") {
    TempDir dir("shufflescope-st-test");
    const std::map<std::string, Tensor> tensors = {{"w", filled({8}, 1.0f)}};
    std::filesystem::create_directory(dir.path() / "runs");
    const std::string target = dir.file("runs/epoch-3.safetensors");
    writeSafetensors(target, tensors, {{"epoch", "3"}});
    const std::string latest = dir.file("latest.safetensors");
    std::filesystem::create_symlink("runs/epoch-3.safetensors", latest);
    // The rename used to land on the link itself, turning it into a plain file.
    writeSafetensors(latest, tensors, {{"epoch", "4"}});
    CHECK(std::filesystem::is_symlink(latest));
    CHECK(readSafetensors(target).metadata.at("epoch") == "4");
    CHECK(dir.entries() == std::vector<std::string>{"latest.safetensors", "runs"});
}

TEST_CASE("safetensors: a failed write names the path and keeps the old file", "[safetensors]") {
    TempDir dir("shufflescope-st-test");
    const std::string path = dir.file("model.safetensors");
    const std::map<std::string, Tensor> tensors = {{"w", filled({8}, 1.0f)}};
    writeSafetensors(path, tensors, {{"version", "old"}});

    SECTION("invalid UTF-8 in metadata is refused before the disk is touched") {
        REQUIRE_THROWS_WITH(writeSafetensors(path, tensors, {{"bad", "\xff\xfe"}}),
                            StartsWith(path + ": ") && Contains("metadata value of 'bad'") &&
                                Contains("not valid UTF-8"));
    }
    SECTION("'__metadata__' cannot name a tensor") {
        REQUIRE_THROWS_WITH(writeSafetensors(path, {{"__metadata__", filled({1}, 0.0f)}}, {}),
                            StartsWith(path + ": ") && Contains("reserved"));
    }
    SECTION("the target is a directory") {
        const std::string directory = dir.file("folder.safetensors");
        std::filesystem::create_directory(directory);
        REQUIRE_THROWS_WITH(writeSafetensors(directory, tensors, {}),
                            StartsWith(directory + ": ") &&
                                Contains("is a directory, not a regular file: refusing"));
        CHECK(dir.entries() == std::vector<std::string>{"folder.safetensors", "model.safetensors"});
    }
    SECTION("the directory does not exist") {
        const std::string missing = dir.file("no-such-dir/model.safetensors");
        REQUIRE_THROWS_WITH(
            writeSafetensors(missing, tensors, {}),
            StartsWith(missing + ": ") &&
                Contains("the folder " + dir.file("no-such-dir") + " does not exist"));
    }
    CHECK(readSafetensors(path).metadata.at("version") == "old");
    CHECK(std::filesystem::exists(path));
}

TEST_CASE("safetensors: reading a missing file or a directory names the path", "[safetensors]") {
    TempDir dir("shufflescope-st-test");
    const std::string missing = dir.file("absent.safetensors");
    REQUIRE_THROWS_WITH(readSafetensors(missing),
                        StartsWith(missing + ": ") && Contains("does not exist"));
    REQUIRE_THROWS_WITH(readSafetensors(dir.file("")), Contains("is a directory"));

    const std::string garbage = dir.file("garbage.safetensors");
    writeBytes(garbage, "not a safetensors file at all");
    REQUIRE_THROWS_WITH(readSafetensors(garbage),
                        StartsWith(garbage + ": ") && Contains("runs past the end of the file"));
}
