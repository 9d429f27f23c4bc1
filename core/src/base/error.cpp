#include "shufflescope/base/error.h"

#include <cstdint>
#include <cstdio>

namespace shufflescope {

namespace {

void appendHexByte(std::string& out, unsigned char byte) {
    char text[8];
    std::snprintf(text, sizeof text, "\\x%02x", byte);
    out += text;
}

// The length of the well-formed UTF-8 sequence at text[at] (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8SequenceLength(std::string_view text, std::size_t at, uint32_t& codePoint) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    uint32_t minimum = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2, minimum = 0x80, codePoint = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3, minimum = 0x800, codePoint = lead & 0x0f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4, minimum = 0x10000, codePoint = lead & 0x07;
    } else {
        return 0;
    }
    if (at + length > text.size()) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xc0) != 0x80) return 0;
        codePoint = (codePoint << 6) | (byte(i) & 0x3f);
    }
    if (codePoint < minimum || codePoint > 0x10ffff ||
        (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
        return 0;
    }
    return length;
}

// C1 controls (U+0080-U+009F: U+009B is a one-character CSI to some terminals) and the
// bidirectional embeddings, overrides and isolates, which make a line read in another order.
bool hiddenCodePoint(uint32_t c) {
    return (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

FileError::FileError(std::string path, std::string problem)
    : Error(displayPath(path) + ": " + problem),
      path_(std::move(path)),
      problem_(std::move(problem)) {}

std::string displayPath(std::string_view path) {
    if (path.empty()) return "''";
    std::string out;
    out.reserve(path.size());
    for (std::size_t i = 0; i < path.size();) {
        const auto c = static_cast<unsigned char>(path[i]);
        if (c < 0x80) {
            if (c == '\n') {
                out += "\\n";
            } else if (c == '\t') {
                out += "\\t";
            } else if (c == '\r') {
                out += "\\r";
            } else if (c < 0x20 || c == 0x7f) {
                appendHexByte(out, c);
            } else {
                out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        uint32_t codePoint = 0;
        const std::size_t length = utf8SequenceLength(path, i, codePoint);
        if (length == 0) {
            appendHexByte(out, c);
            ++i;
        } else if (hiddenCodePoint(codePoint)) {
            char text[12];
            std::snprintf(text, sizeof text, "\\u%04x", static_cast<unsigned>(codePoint));
            out += text;
            i += length;
        } else {
            out.append(path.substr(i, length));
            i += length;
        }
    }
    return out;
}

}  // namespace shufflescope
