// Sections: Half and bfloat16 · Dtypes · Reading · Writing

#include "shufflescope/io/safetensors.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <unordered_set>
#include <vector>

#include "shufflescope/base/atomic_file.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/input_file.h"

namespace shufflescope {

using nlohmann::json;

// =================================================================================================
// [SECTION] Half and bfloat16
// =================================================================================================

float halfToFloat(uint16_t bits) {
    const uint32_t sign = uint32_t(bits & 0x8000u) << 16;
    const uint32_t exponent = (bits >> 10) & 0x1Fu;
    const uint32_t mantissa = bits & 0x3FFu;
    if (exponent == 0) {
        // Zero or subnormal: mantissa x 2^-24 is exact in float.
        const float magnitude = std::ldexp(float(mantissa), -24);
        return sign ? -magnitude : magnitude;
    }
    if (exponent == 0x1F)  // inf or NaN; the payload is kept so NaNs stay NaNs
        return std::bit_cast<float>(sign | 0x7F800000u | (mantissa << 13));
    return std::bit_cast<float>(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
}

uint16_t floatToHalf(float value) {
    const uint32_t bits = std::bit_cast<uint32_t>(value);
    const auto sign = uint16_t((bits >> 16) & 0x8000u);
    const uint32_t magnitude = bits & 0x7FFFFFFFu;
    if (magnitude >= 0x7F800000u) {
        if (magnitude == 0x7F800000u) return uint16_t(sign | 0x7C00u);
        // Quiet NaN keeping the top payload bits; the quiet bit guarantees it stays a NaN.
        return uint16_t(sign | 0x7E00u | ((magnitude >> 13) & 0x3FFu));
    }
    // Rounds |value| / 2^shift to nearest, ties to even.
    const auto roundShift = [](uint32_t m, int shift) {
        const uint32_t quotient = m >> shift;
        const uint32_t remainder = m & ((1u << shift) - 1);
        const uint32_t halfway = 1u << (shift - 1);
        const bool up = remainder > halfway || (remainder == halfway && (quotient & 1u));
        return quotient + (up ? 1u : 0u);
    };
    const int exponent = int(magnitude >> 23);                  // biased float exponent
    if (exponent >= 127 + 16) return uint16_t(sign | 0x7C00u);  // >= 65536: overflows half
    if (exponent >= 127 - 14) {
        // Normal half. A carry out of the mantissa bumps the exponent, which is the right answer
        // (and turns 65520 and above into infinity).
        const uint32_t rebased = magnitude - uint32_t(127 - 15) * (1u << 23);
        return uint16_t(sign | roundShift(rebased, 13));
    }
    // Subnormal half (or zero): count units of 2^-24. Float subnormals are far below half's
    // smallest subnormal and round to zero.
    if (exponent == 0) return sign;
    const uint32_t significand = (magnitude & 0x7FFFFFu) | 0x800000u;
    const int shift = 126 - exponent;  // significand x 2^(exponent-150) / 2^-24
    if (shift > 24) return sign;       // below half of the smallest subnormal
    return uint16_t(sign | roundShift(significand, shift));
}

float bfloat16ToFloat(uint16_t bits) {
    return std::bit_cast<float>(uint32_t(bits) << 16);
}

uint16_t floatToBfloat16(float value) {
    const uint32_t bits = std::bit_cast<uint32_t>(value);
    if ((bits & 0x7FFFFFFFu) > 0x7F800000u)  // NaN: rounding could carry it into infinity
        return uint16_t((bits >> 16) | 0x0040u);
    const uint32_t roundingBias = 0x7FFFu + ((bits >> 16) & 1u);
    return uint16_t((bits + roundingBias) >> 16);
}

// =================================================================================================
// [SECTION] Dtypes
// =================================================================================================

namespace {

struct DtypeInfo {
    std::string_view name;
    std::size_t size;                    // bytes per element
    std::optional<StorageType> storage;  // empty: recognised but not loadable
};

// Every dtype the reference implementation defines, so that the message can tell "not supported"
// from "unknown"; only the float ones load. Sizes of the sub-byte types (F4, F6_*) are nominal.
constexpr DtypeInfo kDtypes[] = {
    {"F32", 4, StorageType::F32}, {"F16", 2, StorageType::F16}, {"BF16", 2, StorageType::BF16},
    {"F64", 8, std::nullopt},     {"I64", 8, std::nullopt},     {"U64", 8, std::nullopt},
    {"I32", 4, std::nullopt},     {"U32", 4, std::nullopt},     {"I16", 2, std::nullopt},
    {"U16", 2, std::nullopt},     {"I8", 1, std::nullopt},      {"U8", 1, std::nullopt},
    {"BOOL", 1, std::nullopt},    {"F8_E4M3", 1, std::nullopt}, {"F8_E5M2", 1, std::nullopt},
    {"F8_E8M0", 1, std::nullopt}, {"F6_E2M3", 1, std::nullopt}, {"F6_E3M2", 1, std::nullopt},
    {"F4", 1, std::nullopt},      {"C64", 8, std::nullopt},
};

const DtypeInfo* findDtype(std::string_view name) {
    for (const DtypeInfo& info : kDtypes)
        if (info.name == name) return &info;
    return nullptr;
}

std::string_view storageName(StorageType storage) {
    switch (storage) {
        case StorageType::F32:
            return "F32";
        case StorageType::F16:
            return "F16";
        case StorageType::BF16:
            return "BF16";
    }
    return "F32";
}

std::size_t storageSize(StorageType storage) {
    return storage == StorageType::F32 ? 4 : 2;
}

// =================================================================================================
// [SECTION] Reading
// =================================================================================================

// The reference implementation's limit; a larger header is corrupt or hostile.
constexpr uint64_t kMaxHeaderBytes = 100'000'000;
constexpr uint64_t kMaxFileBytes = uint64_t(4) << 30;
constexpr std::string_view kMetadataKey = "__metadata__";

// Keys and JSON values are quoted from a possibly hostile header: keep messages readable.
std::string excerpt(std::string_view text, std::size_t limit = 80) {
    if (text.size() <= limit) return std::string(text);
    return std::string(text.substr(0, limit)) + "...";
}
// Built by appending: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + std::string&&.
std::string quoteKey(std::string_view key) {
    std::string quoted(1, '\'');
    quoted += excerpt(key);
    quoted += '\'';
    return quoted;
}
// json::dump recurses, and a hostile header can nest arrays a million deep: the preview stops at a
// small depth and length instead.
void appendPreview(const json& value, std::string& out, int depth) {
    constexpr std::size_t kLimit = 80;
    if (!value.is_structured()) {
        out += excerpt(value.dump(-1, ' ', false, json::error_handler_t::replace), kLimit);
        return;
    }
    const bool isObject = value.is_object();
    if (depth >= 3) {
        out += isObject ? "{...}" : "[...]";
        return;
    }
    out += isObject ? '{' : '[';
    bool first = true;
    for (const auto& item : value.items()) {
        if (!first) out += ", ";
        first = false;
        if (out.size() > kLimit) {
            out += "...";
            break;
        }
        if (isObject)
            out += json(item.key()).dump(-1, ' ', false, json::error_handler_t::replace) + ": ";
        appendPreview(item.value(), out, depth + 1);
    }
    out += isObject ? '}' : ']';
}
std::string jsonExcerpt(const json& value) {
    std::string out;
    appendPreview(value, out, 0);
    return excerpt(out, 120);
}

uint64_t readLittleEndian(const std::byte* p, int bytes) {
    uint64_t value = 0;
    for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | uint64_t(p[i]);
    return value;
}

// A JSON value that must be a non-negative integer that fits in int64 (shape extents, offsets).
std::optional<uint64_t> nonNegativeInteger(const json& value) {
    if (value.is_number_unsigned()) {
        const auto v = value.get<uint64_t>();
        if (v > uint64_t(std::numeric_limits<int64_t>::max())) return std::nullopt;
        return v;
    }
    if (value.is_number_integer() && value.get<int64_t>() >= 0) return value.get<uint64_t>();
    return std::nullopt;
}

struct Entry {
    std::string key;
    const DtypeInfo* dtype = nullptr;
    std::vector<int64_t> shape;
    uint64_t begin = 0, end = 0;  // relative to the data section
};

std::vector<int64_t> parseShape(const json& value, const std::string& key,
                                const std::string& context) {
    const auto fail = [&] {
        return Error(displayPath(context) + ": shape of key " + quoteKey(key) +
                     " must be an array of non-negative integers, found " + jsonExcerpt(value));
    };
    if (!value.is_array()) throw fail();
    std::vector<int64_t> shape;
    shape.reserve(value.size());
    for (const json& extent : value) {
        const std::optional<uint64_t> v = nonNegativeInteger(extent);
        if (!v) throw fail();
        shape.push_back(int64_t(*v));
    }
    return shape;
}

// Element count, refusing any shape whose running product overflows — even one with a zero extent
// later on, so that no code downstream can overflow while multiplying extents in order.
uint64_t checkedElementCount(const std::vector<int64_t>& shape, const std::string& key,
                             const std::string& context) {
    uint64_t count = 1;
    for (int64_t extent : shape) {
        if (extent != 0 && count > uint64_t(std::numeric_limits<int64_t>::max()) / uint64_t(extent))
            throw Error(displayPath(context) + ": shape " + shapeToString(shape) + " of key " +
                        quoteKey(key) + " has more elements than fit in 64 bits");
        count *= uint64_t(extent);
    }
    return count;
}

Entry parseEntry(const std::string& key, const json& value, uint64_t dataSize,
                 const std::string& context) {
    const std::string where = displayPath(context) + ": key " + quoteKey(key);
    if (!value.is_object())
        throw Error(where +
                    " should be an object {\"dtype\", \"shape\", \"data_offsets\"}, found " +
                    jsonExcerpt(value));
    for (const char* field : {"dtype", "shape", "data_offsets"})
        if (!value.contains(field))
            throw Error(where + " has no \"" + field +
                        "\" (expected dtype, shape and data_offsets)");

    Entry entry;
    entry.key = key;
    const json& dtype = value.at("dtype");
    if (!dtype.is_string())
        throw Error(where + ": dtype should be a string such as \"F32\", found " +
                    jsonExcerpt(dtype));
    const auto& dtypeName = dtype.get_ref<const std::string&>();
    entry.dtype = findDtype(dtypeName);
    if (!entry.dtype)
        throw Error(displayPath(context) + ": unknown dtype " + quoteKey(dtypeName) + " of key " +
                    quoteKey(key) + " (expected F32, F16 or BF16)");

    entry.shape = parseShape(value.at("shape"), key, context);

    const json& offsets = value.at("data_offsets");
    std::optional<uint64_t> begin, end;
    if (offsets.is_array() && offsets.size() == 2) {
        begin = nonNegativeInteger(offsets[0]);
        end = nonNegativeInteger(offsets[1]);
    }
    if (!begin || !end || *begin > *end)
        throw Error(where + ": data_offsets should be [begin, end] with 0 <= begin <= end, found " +
                    jsonExcerpt(offsets));
    entry.begin = *begin;
    entry.end = *end;
    if (entry.end > dataSize)
        throw Error(where + ": data_offsets [" + std::to_string(entry.begin) + ", " +
                    std::to_string(entry.end) + "] run past the end of the data section (" +
                    std::to_string(dataSize) + " bytes)");
    return entry;
}

// Size and alignment need the dtype size, so they are checked only for dtypes that load (and for
// entries the caller skips, whose layout must still be sound).
void checkLayout(const Entry& entry, const std::string& context) {
    const std::size_t elementSize = entry.dtype->size;
    const uint64_t count = checkedElementCount(entry.shape, entry.key, context);
    const uint64_t bytes = entry.end - entry.begin;
    if (count > std::numeric_limits<uint64_t>::max() / elementSize || count * elementSize != bytes)
        throw Error(displayPath(context) + ": key " + quoteKey(entry.key) + " has shape " +
                    shapeToString(entry.shape) + " of " + std::string(entry.dtype->name) +
                    ", which needs " + std::to_string(count) + " x " + std::to_string(elementSize) +
                    " bytes, but its data_offsets span " + std::to_string(bytes) + " bytes");
    if (entry.begin % elementSize != 0)
        throw Error(displayPath(context) + ": key " + quoteKey(entry.key) +
                    " is unaligned: its data starts at " + std::to_string(entry.begin) +
                    ", expected a multiple of " + std::to_string(elementSize) + " (the size of " +
                    std::string(entry.dtype->name) + ")");
}

// Every byte of the data section belongs to exactly one tensor: no overlaps, no gaps.
void checkCoverage(std::vector<const Entry*> entries, uint64_t dataSize,
                   const std::string& context) {
    std::erase_if(entries, [](const Entry* e) { return e->begin == e->end; });
    std::sort(entries.begin(), entries.end(), [](const Entry* a, const Entry* b) {
        return a->begin != b->begin ? a->begin < b->begin : a->key < b->key;
    });
    const auto range = [](const Entry* e) {
        std::string text(1, '[');
        text += std::to_string(e->begin) + ", " + std::to_string(e->end) + ")";
        return text;
    };
    uint64_t cursor = 0, covered = 0;
    std::optional<uint64_t> firstGap;
    const Entry* previous = nullptr;
    for (const Entry* e : entries) {
        if (previous && e->begin < previous->end)
            throw Error(
                context + ": tensors " + quoteKey(previous->key) + " " + range(previous) + " and " +
                quoteKey(e->key) + " " + range(e) +
                " overlap (expected each byte of the data section to belong to one tensor)");
        if (e->begin > cursor && !firstGap) firstGap = cursor;
        cursor = e->end;
        covered += e->end - e->begin;
        previous = e;
    }
    if (cursor < dataSize && !firstGap) firstGap = cursor;
    if (covered != dataSize)
        throw Error(displayPath(context) + ": " + std::to_string(dataSize - covered) +
                    " bytes of the data section belong to no tensor (the first at offset " +
                    std::to_string(firstGap.value_or(0)) +
                    "; expected the tensors to cover it exactly)");
}

std::map<std::string, std::string> parseMetadata(const json& value, const std::string& context) {
    if (!value.is_object())
        throw Error(displayPath(context) +
                    ": __metadata__ should be an object of string values, found " +
                    jsonExcerpt(value));
    std::map<std::string, std::string> metadata;
    for (const auto& [key, item] : value.items()) {
        if (!item.is_string())
            throw Error(displayPath(context) + ": __metadata__ entry " + quoteKey(key) +
                        " should be a string, found " + jsonExcerpt(item));
        metadata.emplace(key, item.get<std::string>());
    }
    return metadata;
}

// One pass over the header's JSON without building it: its shape is checked before anything is
// allocated for it. A safetensors header is an object of objects holding short arrays, so nesting
// deeper than kMaxHeaderDepth, more than kMaxHeaderEntries tensors or kMaxHeaderValues values in
// all is refused; duplicate top-level keys too (nlohmann would keep the last one silently). Every
// event is O(1), so the pass is linear in the header's length — checks run inside nlohmann's
// parser callback instead made it rescan containers and take hours on a hostile header.
class HeaderShape : public nlohmann::json_sax<json> {
  public:
    explicit HeaderShape(const std::string& context) : context_(context) {}

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return open(); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(); }
    bool end_array() override { return close(); }
    bool key(string_t& key) override {
        if (depth_ != 1) return true;
        if (++entries_ > kMaxHeaderEntries)
            return fail("the header lists more than " + std::to_string(kMaxHeaderEntries) +
                        " entries; a checkpoint has a few thousand at most");
        if (!keys_.insert(key).second)
            return fail("key " + quoteKey(key) + " appears twice in the header");
        return true;
    }
    bool parse_error(std::size_t, const std::string&,
                     const nlohmann::detail::exception& e) override {
        return fail("header is not valid JSON (" + excerpt(e.what(), 200) + ")");
    }
    const std::optional<std::string>& problem() const { return problem_; }

  private:
    bool value() {
        if (++values_ <= kMaxHeaderValues) return true;
        return fail("the header holds more than " + std::to_string(kMaxHeaderValues) +
                    " values; a checkpoint's header is far smaller");
    }
    bool open() {
        if (++depth_ <= kMaxHeaderDepth) return value();
        return fail("the header nests deeper than " + std::to_string(kMaxHeaderDepth) +
                    " levels; a safetensors header nests 3");
    }
    bool close() {
        --depth_;
        return true;
    }
    bool fail(const std::string& problem) {
        if (!problem_) problem_ = displayPath(context_) + ": " + problem;
        return false;  // stops the parse
    }

    static constexpr int kMaxHeaderDepth = 8;
    static constexpr std::size_t kMaxHeaderEntries = 100'000;
    static constexpr std::size_t kMaxHeaderValues = 2'000'000;
    const std::string& context_;
    int depth_ = 0;
    std::size_t entries_ = 0, values_ = 0;
    std::unordered_set<std::string> keys_;
    std::optional<std::string> problem_;
};

json parseHeader(std::span<const std::byte> text, const std::string& context) {
    const auto* first = reinterpret_cast<const char*>(text.data());
    HeaderShape shape(context);
    bool shapeOk = false;
    try {
        shapeOk = json::sax_parse(first, first + text.size(), &shape);
    } catch (const json::exception& e) {
        throw Error(displayPath(context) + ": header is not valid JSON (" + excerpt(e.what(), 200) +
                    ")");
    }
    if (!shapeOk)
        throw Error(shape.problem().value_or(displayPath(context) + ": header is not valid JSON"));
    json header;
    try {
        header = json::parse(first, first + text.size());
    } catch (const json::exception& e) {
        throw Error(displayPath(context) + ": header is not valid JSON (" + excerpt(e.what(), 200) +
                    ")");
    }
    if (!header.is_object())
        throw Error(displayPath(context) + ": header should be a JSON object, found " +
                    std::string(header.type_name()));
    return header;
}

void decode(const Entry& entry, const std::byte* data, Tensor& tensor, const std::string& context) {
    const std::span<float> values = tensor.values();
    const StorageType storage = *entry.dtype->storage;
    const std::size_t elementSize = storageSize(storage);
    if (uint64_t(values.size()) * elementSize != entry.end - entry.begin)
        throw Error(displayPath(context) + ": key " + quoteKey(entry.key) + ": shape " +
                    shapeToString(entry.shape) + " does not give a tensor of the expected size");
    const std::byte* p = data + entry.begin;
    for (std::size_t i = 0; i < values.size(); ++i, p += elementSize) {
        switch (storage) {
            case StorageType::F32:
                values[i] = std::bit_cast<float>(uint32_t(readLittleEndian(p, 4)));
                break;
            case StorageType::F16:
                values[i] = halfToFloat(uint16_t(readLittleEndian(p, 2)));
                break;
            case StorageType::BF16:
                values[i] = bfloat16ToFloat(uint16_t(readLittleEndian(p, 2)));
                break;
        }
    }
}

}  // namespace

namespace {

// The header length from the file's first 8 bytes, checked against what follows it.
uint64_t checkedHeaderLength(const std::byte* first8, uint64_t available,
                             const std::string& context) {
    const uint64_t headerSize = readLittleEndian(first8, 8);
    if (headerSize > available)
        throw Error(displayPath(context) + ": header length " + std::to_string(headerSize) +
                    " runs past the end of the file (" + std::to_string(available) +
                    " bytes follow the length; is this a safetensors file?)");
    if (headerSize > kMaxHeaderBytes)
        throw Error(displayPath(context) + ": header length " + std::to_string(headerSize) +
                    " is implausible (expected at most " + std::to_string(kMaxHeaderBytes) +
                    " bytes)");
    return headerSize;
}

// Everything the header says, checked against the data section's real size before any tensor
// byte is read or any tensor allocated.
struct HeaderSection {
    std::map<std::string, std::string> metadata;
    std::vector<Entry> entries;
};

HeaderSection readHeaderSection(std::span<const std::byte> text, uint64_t dataSize,
                                const std::string& context, SkipKey skip) {
    const json header = parseHeader(text, context);
    HeaderSection section;
    section.entries.reserve(header.size());
    for (const auto& [key, value] : header.items()) {
        if (key == kMetadataKey) {
            section.metadata = parseMetadata(value, context);
            continue;
        }
        section.entries.push_back(parseEntry(key, value, dataSize, context));
        Entry& entry = section.entries.back();
        const bool skipped = skip && skip(key);
        if (!entry.dtype->storage && !skipped)
            throw Error(displayPath(context) + ": dtype " + std::string(entry.dtype->name) +
                        " of key " + quoteKey(key) +
                        " is not supported (expected F32, F16 or BF16)");
        checkLayout(entry, context);
    }
    std::vector<const Entry*> pointers;
    pointers.reserve(section.entries.size());
    for (const Entry& entry : section.entries) pointers.push_back(&entry);
    checkCoverage(std::move(pointers), dataSize, context);
    return section;
}

SafetensorsContent decodeTensors(HeaderSection section, const std::byte* data,
                                 const std::string& context, SkipKey skip) {
    SafetensorsContent content;
    content.metadata = std::move(section.metadata);
    for (const Entry& entry : section.entries) {
        if (!entry.dtype->storage) continue;  // only skipped keys get here
        if (skip && skip(entry.key)) continue;
        try {
            Tensor tensor(entry.shape);
            decode(entry, data, tensor, context);
            content.tensors.emplace(entry.key, std::move(tensor));
        } catch (const std::bad_alloc&) {
            throw Error(displayPath(context) + ": not enough memory for key " +
                        quoteKey(entry.key) + " (shape " + shapeToString(entry.shape) + ")");
        }
    }
    return content;
}

}  // namespace

SafetensorsContent parseSafetensors(std::span<const std::byte> bytes, const std::string& context,
                                    SkipKey skip) {
    if (bytes.size() < 8)
        throw Error(displayPath(context) + ": file is " + std::to_string(bytes.size()) +
                    " bytes, too short for the 8-byte header length of a safetensors file");
    const uint64_t available = bytes.size() - 8;
    const uint64_t headerSize = checkedHeaderLength(bytes.data(), available, context);
    HeaderSection section =
        readHeaderSection(bytes.subspan(8, headerSize), available - headerSize, context, skip);
    return decodeTensors(std::move(section), bytes.data() + 8 + headerSize, context, skip);
}

SafetensorsContent readSafetensors(const std::string& path, SkipKey skip) {
    // Only regular files: a pipe or a device is refused before anything waits on it.
    const InputFile input = openInputFile(path, "a safetensors file");
    const uintmax_t size = input.size;
    if (size > kMaxFileBytes)
        throw Error(displayPath(path) + ": file is " + std::to_string(size) +
                    " bytes; files larger than 4 GiB are not supported");
    if (size < 8)
        throw Error(displayPath(path) + ": file is " + std::to_string(size) +
                    " bytes, too short for the 8-byte header length of a safetensors file");

    // Read in the order the file can be trusted: the length, the header it announces (checked
    // against the file's real size), and only then the tensor bytes the checked header covers.
    const auto readExactly = [&](std::vector<std::byte>& into, const char* what) {
        const std::size_t got = std::fread(into.data(), 1, into.size(), input.file.get());
        if (got != into.size())
            throw Error(displayPath(path) + ": read " + std::to_string(got) + " of " +
                        std::to_string(into.size()) + " bytes of the " + what +
                        " (file changed while reading?)");
    };
    std::vector<std::byte> length(8);
    readExactly(length, "header length");
    const uint64_t available = size - 8;
    const uint64_t headerSize = checkedHeaderLength(length.data(), available, path);
    std::vector<std::byte> headerText(static_cast<std::size_t>(headerSize));
    readExactly(headerText, "header");
    HeaderSection section = readHeaderSection(headerText, available - headerSize, path, skip);
    headerText = {};
    std::vector<std::byte> data;
    try {
        data.resize(static_cast<std::size_t>(available - headerSize));
    } catch (const std::bad_alloc&) {
        throw Error(displayPath(path) + ": not enough memory for its " +
                    std::to_string(available - headerSize) + " bytes of tensors");
    }
    readExactly(data, "tensor data");
    return decodeTensors(std::move(section), data.data(), path, skip);
}

// =================================================================================================
// [SECTION] Writing
// =================================================================================================

namespace {

std::string jsonString(const std::string& text, const std::string& what,
                       const std::string& context) {
    try {
        return json(text).dump();
    } catch (const json::type_error&) {
        throw Error(displayPath(context) + ": " + what + " " + quoteKey(text) +
                    " is not valid UTF-8");
    }
}

void appendLittleEndian(std::string& out, uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(char((value >> (8 * i)) & 0xFFu));
}

std::string serialize(const std::map<std::string, Tensor>& tensors,
                      const std::map<std::string, std::string>& metadata, StorageType storage,
                      const std::string& context) {
    const std::size_t elementSize = storageSize(storage);
    std::string header = "{";
    if (!metadata.empty()) {
        header += "\"__metadata__\":{";
        bool first = true;
        for (const auto& [key, value] : metadata) {
            if (!first) header += ',';
            first = false;
            header += jsonString(key, "metadata key", context) + ':' +
                      jsonString(value, "metadata value of " + quoteKey(key), context);
        }
        header += '}';
    }
    uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {  // std::map: already sorted by name
        if (name == kMetadataKey)
            throw Error(displayPath(context) +
                        ": '__metadata__' is reserved and cannot name a tensor");
        if (header.size() > 1) header += ',';
        const uint64_t bytes = uint64_t(tensor.size()) * elementSize;
        header += jsonString(name, "tensor name", context) + ":{\"dtype\":\"" +
                  std::string(storageName(storage)) +
                  "\",\"shape\":" + json(tensor.shape()).dump() + ",\"data_offsets\":[" +
                  std::to_string(offset) + ',' + std::to_string(offset + bytes) + "]}";
        offset += bytes;
    }
    header += '}';
    // Padding keeps the data section 8-byte aligned for readers that map the file.
    header.append((8 - header.size() % 8) % 8, ' ');

    std::string out;
    out.reserve(8 + header.size() + offset);
    appendLittleEndian(out, header.size(), 8);
    out += header;
    for (const auto& [name, tensor] : tensors) {
        for (float value : tensor.values()) {
            switch (storage) {
                case StorageType::F32:
                    appendLittleEndian(out, std::bit_cast<uint32_t>(value), 4);
                    break;
                case StorageType::F16:
                    appendLittleEndian(out, floatToHalf(value), 2);
                    break;
                case StorageType::BF16:
                    appendLittleEndian(out, floatToBfloat16(value), 2);
                    break;
            }
        }
    }
    return out;
}

}  // namespace

std::string serializeSafetensors(const std::map<std::string, Tensor>& tensors,
                                 const std::map<std::string, std::string>& metadata,
                                 StorageType storage) {
    return serialize(tensors, metadata, storage, "safetensors");
}

void writeSafetensors(const std::string& path, const std::map<std::string, Tensor>& tensors,
                      const std::map<std::string, std::string>& metadata, StorageType storage) {
    // Serialising first means a bad name or value fails before the disk is touched.
    const std::string bytes = serialize(tensors, metadata, storage, path);
    writeFileAtomically(path, bytes);
}

}  // namespace shufflescope
