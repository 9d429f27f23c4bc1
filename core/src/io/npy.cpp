// NumPy .npy reading and writing. The format (numpy/lib/format.py): the magic "\x93NUMPY", a
// major and minor version byte, a little-endian header length (2 bytes in 1.0, 4 bytes in 2.0 and
// 3.0), then a Python dict literal {'descr': ..., 'fortran_order': ..., 'shape': (...), } padded
// with spaces and ending in '\n', then the raw array data.
//
// The header is user data, so it is parsed by a small recursive-descent parser for the few
// literal forms numpy writes (strings, True/False/None, integers, tuples, lists) rather than
// trusted: every malformed or surprising header becomes an Error naming the file.
// Sections: Constants and small helpers · Header dict parser · Header interpretation · Byte order ·
//   readNpy · writeNpy

#include "shufflescope/io/npy.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "shufflescope/base/atomic_file.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/input_file.h"

namespace shufflescope {
namespace {

// =================================================================================================
// [SECTION] Constants and small helpers
// =================================================================================================

constexpr char kMagic[] = "\x93NUMPY";
constexpr std::size_t kMagicSize = 6;
// numpy refuses headers over 10000 bytes by default (max_header_size) to stop a hostile header
// from costing unbounded parse time; this is a little more generous but keeps the same idea.
constexpr uint32_t kMaxHeaderBytes = 1u << 16;
// Element counts must fit the int-indexed code downstream (image planes, Eigen maps).
constexpr int64_t kMaxElements = int64_t(1) << 31;
constexpr int kMaxRank = 4;
// Nesting deeper than this is not a header numpy would write; refusing it bounds the recursion.
constexpr int kMaxNesting = 8;

[[noreturn]] void fail(const std::string& path, const std::string& message) {
    throw FileError(path, message);
}

// =================================================================================================
// [SECTION] Header dict parser
// =================================================================================================

// A Python literal as it can appear in an .npy header.
struct PyValue {
    enum class Kind { String, Bool, None, Int, Tuple, List };
    Kind kind = Kind::None;
    std::string text;            // String
    bool flag = false;           // Bool
    int64_t integer = 0;         // Int
    std::vector<PyValue> items;  // Tuple, List
};

std::string describeValue(const PyValue& value) {
    switch (value.kind) {
        case PyValue::Kind::String:
            return "'" + value.text + "'";
        case PyValue::Kind::Bool:
            return value.flag ? "True" : "False";
        case PyValue::Kind::None:
            return "None";
        case PyValue::Kind::Int:
            return std::to_string(value.integer);
        case PyValue::Kind::Tuple:
        case PyValue::Kind::List: {
            const bool tuple = value.kind == PyValue::Kind::Tuple;
            std::string text = tuple ? "(" : "[";
            for (std::size_t i = 0; i < value.items.size(); ++i) {
                if (i > 0) text += ", ";
                text += describeValue(value.items[i]);
            }
            if (tuple && value.items.size() == 1) text += ",";
            return text + (tuple ? ")" : "]");
        }
    }
    return "?";
}

class HeaderParser {
  public:
    HeaderParser(std::string_view text, const std::string& path) : text_(text), path_(path) {}

    // dict := '{' [ string ':' value { ',' string ':' value } [ ',' ] ] '}'
    std::vector<std::pair<std::string, PyValue>> parseDict() {
        std::vector<std::pair<std::string, PyValue>> entries;
        skipSpace();
        expect('{');
        skipSpace();
        while (!atEnd() && peek() != '}') {
            if (peek() != '\'' && peek() != '"') malformed("expected a quoted key");
            std::string key = parseString();
            skipSpace();
            expect(':');
            skipSpace();
            PyValue value = parseValue(0);
            for (const auto& entry : entries) {
                if (entry.first == key) malformed("key '" + key + "' appears twice");
            }
            entries.emplace_back(std::move(key), std::move(value));
            skipSpace();
            if (atEnd() || peek() != ',') break;
            ++pos_;
            skipSpace();
        }
        expect('}');
        // numpy pads with spaces and ends with '\n'; anything else after the dict is not a header
        // numpy would write, so it is refused rather than ignored.
        skipSpace();
        if (!atEnd()) malformed("unexpected text after the closing '}'");
        return entries;
    }

  private:
    bool atEnd() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }

    [[noreturn]] void malformed(const std::string& what) const {
        fail(path_, "malformed .npy header (" + what + " at offset " + std::to_string(pos_) + ")");
    }

    void skipSpace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++pos_;
        }
    }

    void expect(char c) {
        if (atEnd() || peek() != c) malformed(std::string("expected '") + c + "'");
        ++pos_;
    }

    bool consumeWord(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        // "Truex" is a name, not True.
        const std::size_t after = pos_ + word.size();
        if (after < text_.size() &&
            (std::isalnum(static_cast<unsigned char>(text_[after])) || text_[after] == '_')) {
            return false;
        }
        pos_ = after;
        return true;
    }

    std::string parseString() {
        const char quote = peek();
        ++pos_;
        std::string out;
        while (true) {
            if (atEnd()) malformed("unterminated string");
            const char c = peek();
            ++pos_;
            if (c == quote) break;
            if (c == '\n') malformed("unterminated string");
            if (c == '\\') {
                // dtype strings never need escapes; taking the next character literally is
                // enough to keep the parser in step with a string that has one.
                if (atEnd()) malformed("unterminated string");
                out += peek();
                ++pos_;
                continue;
            }
            out += c;
        }
        return out;
    }

    int64_t parseInteger() {
        bool negative = false;
        if (peek() == '-' || peek() == '+') {
            negative = peek() == '-';
            ++pos_;
        }
        if (atEnd() || !std::isdigit(static_cast<unsigned char>(peek()))) {
            malformed("expected a digit");
        }
        int64_t value = 0;
        while (!atEnd() && std::isdigit(static_cast<unsigned char>(peek()))) {
            const int digit = peek() - '0';
            if (value > (std::numeric_limits<int64_t>::max() - digit) / 10) {
                malformed("integer too large");
            }
            value = value * 10 + digit;
            ++pos_;
        }
        // Python 2's numpy wrote longs in shapes as "3L".
        if (!atEnd() && (peek() == 'L' || peek() == 'l')) ++pos_;
        return negative ? -value : value;
    }

    // value := string | True | False | None | integer | '(' items ')' | '[' items ']'
    PyValue parseValue(int depth) {
        if (depth > kMaxNesting) malformed("nesting too deep");
        if (atEnd()) malformed("expected a value");
        PyValue value;
        const char c = peek();
        if (c == '\'' || c == '"') {
            value.kind = PyValue::Kind::String;
            value.text = parseString();
        } else if (consumeWord("True")) {
            value.kind = PyValue::Kind::Bool;
            value.flag = true;
        } else if (consumeWord("False")) {
            value.kind = PyValue::Kind::Bool;
        } else if (consumeWord("None")) {
            value.kind = PyValue::Kind::None;
        } else if (c == '-' || c == '+' || std::isdigit(static_cast<unsigned char>(c))) {
            value.kind = PyValue::Kind::Int;
            value.integer = parseInteger();
        } else if (c == '(' || c == '[') {
            const char close = c == '(' ? ')' : ']';
            ++pos_;
            skipSpace();
            bool sawComma = false;
            while (!atEnd() && peek() != close) {
                value.items.push_back(parseValue(depth + 1));
                skipSpace();
                if (atEnd() || peek() != ',') break;
                sawComma = true;
                ++pos_;
                skipSpace();
            }
            expect(close);
            if (c == '[') {
                value.kind = PyValue::Kind::List;
            } else if (value.items.size() == 1 && !sawComma) {
                // "(3)" is a parenthesised 3 in Python, not a tuple; numpy writes "(3,)".
                return std::move(value.items.front());
            } else {
                value.kind = PyValue::Kind::Tuple;
            }
        } else {
            malformed(std::string("unexpected character '") + c + "'");
        }
        return value;
    }

    std::string_view text_;
    const std::string& path_;
    std::size_t pos_ = 0;
};

// =================================================================================================
// [SECTION] Header interpretation
// =================================================================================================

enum class DType { Float32, Float64 };

struct NpyHeader {
    DType dtype = DType::Float32;
    std::vector<int64_t> shape;
    int64_t elements = 0;
};

NpyHeader interpretHeader(std::string_view text, const std::string& path) {
    HeaderParser parser(text, path);
    const auto entries = parser.parseDict();

    const PyValue* descr = nullptr;
    const PyValue* fortranOrder = nullptr;
    const PyValue* shape = nullptr;
    for (const auto& [key, value] : entries) {
        if (key == "descr") {
            descr = &value;
        } else if (key == "fortran_order") {
            fortranOrder = &value;
        } else if (key == "shape") {
            shape = &value;
        } else {
            // numpy itself refuses headers with extra keys.
            fail(path, "malformed .npy header (unexpected key '" + key +
                           "'; expected 'descr', 'fortran_order' and 'shape')");
        }
    }
    for (const auto& [name, value] :
         {std::pair{"descr", descr}, std::pair{"fortran_order", fortranOrder},
          std::pair{"shape", shape}}) {
        if (value == nullptr) {
            fail(path, std::string("malformed .npy header (no '") + name + "' key)");
        }
    }

    NpyHeader header;
    if (descr->kind != PyValue::Kind::String) {
        // A list here is a structured (record) dtype.
        fail(path,
             "dtype " + describeValue(*descr) + " is not supported; expected float32 ('<f4')");
    }
    if (descr->text == "<f4") {
        header.dtype = DType::Float32;
    } else if (descr->text == "<f8") {
        header.dtype = DType::Float64;
    } else {
        fail(path, "dtype '" + descr->text + "' is not supported; expected float32 ('<f4')");
    }

    if (fortranOrder->kind != PyValue::Kind::Bool) {
        fail(path, "malformed .npy header ('fortran_order' is " + describeValue(*fortranOrder) +
                       "; expected True or False)");
    }
    if (fortranOrder->flag) {
        fail(path,
             "the array is stored in Fortran (column-major) order; save it in C order, e.g. "
             "np.save(path, np.ascontiguousarray(a))");
    }

    const std::string shapeText = describeValue(*shape);
    if (shape->kind != PyValue::Kind::Tuple) {
        fail(path, "malformed .npy header ('shape' is " + shapeText + "; expected a tuple)");
    }
    const int rank = static_cast<int>(shape->items.size());
    if (rank < 1 || rank > kMaxRank) {
        fail(path, "shape " + shapeText + " has rank " + std::to_string(rank) +
                       "; expected rank 1 to " + std::to_string(kMaxRank));
    }
    header.elements = 1;
    for (const PyValue& extent : shape->items) {
        if (extent.kind != PyValue::Kind::Int || extent.integer < 0) {
            fail(path, "shape " + shapeText + " is not a tuple of non-negative integers");
        }
        // Checked per factor so the product cannot overflow before the limit test sees it.
        if (extent.integer >= kMaxElements ||
            (extent.integer > 0 &&
             header.elements >= (kMaxElements + extent.integer - 1) / extent.integer)) {
            fail(path, "shape " + shapeText + " has too many elements (limit 2^31 - 1)");
        }
        header.elements *= extent.integer;
        header.shape.push_back(extent.integer);
    }
    return header;
}

// =================================================================================================
// [SECTION] Byte order
// =================================================================================================

// .npy data here is little-endian; on a big-endian host each element is reassembled by hand.
template <typename T, typename Bits>
T fromLittleEndian(const unsigned char* bytes) {
    if constexpr (std::endian::native == std::endian::little) {
        T value;
        std::memcpy(&value, bytes, sizeof(T));
        return value;
    } else {
        Bits bits = 0;
        for (std::size_t i = 0; i < sizeof(T); ++i) bits |= Bits(bytes[i]) << (8 * i);
        return std::bit_cast<T>(bits);
    }
}

void appendLittleEndian(std::string& out, uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

}  // namespace

// numpy prints shapes as Python tuples; messages use the same spelling so users recognise them.
std::string npyShapeString(const std::vector<int64_t>& shape) {
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0) text += ", ";
        text += std::to_string(shape[i]);
    }
    if (shape.size() == 1) text += ",";
    return text + ")";
}

// =================================================================================================
// [SECTION] readNpy
// =================================================================================================

Tensor readNpy(const std::string& path) {
    return readNpy(path, NpyShapeExpectation{});
}

Tensor readNpy(const std::string& path, const NpyShapeExpectation& expected) {
    // The file size is known up front so truncated or over-long data is refused before the
    // tensor is allocated.
    const InputFile input = openInputFile(path, "a NumPy .npy file");
    std::FILE* file = input.file.get();
    const std::uintmax_t fileSize = input.size;

    auto readExactly = [&](void* out, std::size_t bytes, const char* what) {
        if (std::fread(out, 1, bytes, file) != bytes) {
            fail(path, std::string("truncated: the file ends inside the ") + what);
        }
    };

    unsigned char prefix[kMagicSize + 2];
    if (fileSize < sizeof(prefix) ||
        std::fread(prefix, 1, sizeof(prefix), file) != sizeof(prefix) ||
        std::memcmp(prefix, kMagic, kMagicSize) != 0) {
        fail(path, "not a NumPy .npy file (missing the \\x93NUMPY magic)");
    }
    const int major = prefix[kMagicSize];
    const int minor = prefix[kMagicSize + 1];
    if (minor != 0 || major < 1 || major > 3) {
        fail(path, ".npy format version " + std::to_string(major) + "." + std::to_string(minor) +
                       " is not supported; expected 1.0, 2.0 or 3.0");
    }

    const int lengthBytes = major == 1 ? 2 : 4;
    unsigned char lengthField[4] = {0, 0, 0, 0};
    readExactly(lengthField, static_cast<std::size_t>(lengthBytes), "header length");
    const uint32_t headerLength = uint32_t(lengthField[0]) | uint32_t(lengthField[1]) << 8 |
                                  uint32_t(lengthField[2]) << 16 | uint32_t(lengthField[3]) << 24;
    if (headerLength > kMaxHeaderBytes) {
        fail(path, "malformed .npy header (it claims " + std::to_string(headerLength) +
                       " bytes; limit " + std::to_string(kMaxHeaderBytes) + ")");
    }
    const std::uintmax_t dataOffset = sizeof(prefix) + std::uintmax_t(lengthBytes) + headerLength;
    if (fileSize < dataOffset) fail(path, "truncated: the file ends inside the header");
    std::string headerText(headerLength, '\0');
    readExactly(headerText.data(), headerLength, "header");

    // Everything the header promises is checked before the data is allocated: its dtype and
    // shape (interpretHeader), the shape the caller wants, and the bytes the file really holds.
    const NpyHeader header = interpretHeader(headerText, path);
    const std::string shapeText = npyShapeString(header.shape);
    if (!expected.shapes.empty() && std::find(expected.shapes.begin(), expected.shapes.end(),
                                              header.shape) == expected.shapes.end()) {
        fail(path, "shape " + shapeText + " does not match " + expected.what + " " +
                       npyShapeString(expected.shapes.front()));
    }
    const std::uintmax_t itemSize = header.dtype == DType::Float32 ? 4 : 8;
    const std::uintmax_t expectedBytes = std::uintmax_t(header.elements) * itemSize;
    const std::uintmax_t actualBytes = fileSize - dataOffset;
    if (actualBytes < expectedBytes) {
        fail(path, "truncated: shape " + shapeText + " needs " + std::to_string(expectedBytes) +
                       " bytes of data but the file has " + std::to_string(actualBytes));
    }
    if (actualBytes > expectedBytes) {
        fail(path, std::to_string(actualBytes - expectedBytes) +
                       " unexpected bytes after the data (shape " + shapeText + " needs " +
                       std::to_string(expectedBytes) + " bytes)");
    }

    Tensor tensor(header.shape);
    float* out = tensor.data();
    const std::size_t count = static_cast<std::size_t>(header.elements);
    if (header.dtype == DType::Float32 && std::endian::native == std::endian::little) {
        if (count > 0) readExactly(out, count * sizeof(float), "data");
        return tensor;
    }

    // Converted in chunks so a float64 file never needs a second full-size buffer.
    constexpr std::size_t kChunkElements = 1 << 16;
    std::vector<unsigned char> chunk(kChunkElements * itemSize);
    for (std::size_t done = 0; done < count;) {
        const std::size_t n = std::min(kChunkElements, count - done);
        readExactly(chunk.data(), n * itemSize, "data");
        for (std::size_t i = 0; i < n; ++i) {
            const unsigned char* bytes = chunk.data() + i * itemSize;
            if (header.dtype == DType::Float32) {
                out[done + i] = fromLittleEndian<float, uint32_t>(bytes);
                continue;
            }
            const double wide = fromLittleEndian<double, uint64_t>(bytes);
            const float narrow = static_cast<float>(wide);
            // Narrowing must not invent infinities: a finite value that float32 cannot hold is
            // refused rather than silently becoming inf.
            if (std::isfinite(wide) && !std::isfinite(narrow)) {
                std::ostringstream message;
                message << "value " << wide << " at flat index " << done + i
                        << " is outside float32's range (the file is float64, '<f8')";
                fail(path, message.str());
            }
            out[done + i] = narrow;
        }
        done += n;
    }
    return tensor;
}

// =================================================================================================
// [SECTION] writeNpy
// =================================================================================================

void writeNpy(const std::string& path, const Tensor& tensor) {
    std::string dict =
        "{'descr': '<f4', 'fortran_order': False, 'shape': " + npyShapeString(tensor.shape()) +
        ", }";
    // numpy aligns the data to 64 bytes so it can be memory-mapped efficiently; the header is
    // padded with spaces and always ends in '\n'.
    auto build = [&](int major, int lengthBytes) {
        const std::size_t prefixSize = kMagicSize + 2 + std::size_t(lengthBytes);
        const std::size_t unpadded = prefixSize + dict.size() + 1;
        const std::size_t padding = (64 - unpadded % 64) % 64;
        const std::size_t headerLength = dict.size() + padding + 1;
        std::string bytes(kMagic, kMagicSize);
        bytes += static_cast<char>(major);
        bytes += '\0';
        appendLittleEndian(bytes, static_cast<uint32_t>(headerLength), lengthBytes);
        bytes += dict;
        bytes.append(padding, ' ');
        bytes += '\n';
        return std::pair{bytes, headerLength};
    };
    auto [prefix, headerLength] = build(1, 2);
    // Only an absurd rank overflows version 1.0's 16-bit header length; 2.0 lifts that limit.
    if (headerLength > 0xffff) prefix = build(2, 4).first;

    // All or nothing (base/atomic_file.h): a reader never sees a half-written file and a failed
    // write leaves any previous file intact.
    AtomicFile file(path);
    file.write(prefix);
    const std::size_t count = static_cast<std::size_t>(tensor.size());
    if constexpr (std::endian::native == std::endian::little) {
        if (count > 0) file.write(tensor.data(), count * sizeof(float));
    } else {
        std::string bytes;
        bytes.reserve(count * 4);
        for (std::size_t i = 0; i < count; ++i) {
            appendLittleEndian(bytes, std::bit_cast<uint32_t>(tensor.data()[i]), 4);
        }
        file.write(bytes);
    }
    file.commit();
}

}  // namespace shufflescope
