// BMP decoding, written here: the format is a header and raw rows, small enough to read with
// every field checked rather than pull in a library for it.
//
// Read: the Windows headers (BITMAPCOREHEADER of 12 bytes, BITMAPINFOHEADER of 40 and its
// 52/56/108/124-byte successors); uncompressed 1, 4 and 8-bit palette images, 16, 24 and 32-bit
// direct colour, and BI_BITFIELDS / BI_ALPHABITFIELDS masks for 16 and 32 bits; rows bottom-up or
// top-down (negative height); RLE8 and RLE4 compression (ImageMagick writes palette BMPs so).
// Refused with a message: embedded JPEG/PNG, OS/2 2.x headers.
//
// Every field is range-checked, and the pixel rows must all be in the file before anything is
// allocated for them: a 54-byte header claiming 30000 x 30000 pixels is refused at once. RLE data
// must be able to cover the image: a record of two bytes gives at most 255 pixels, so an image
// larger than 127.5 pixels per byte of RLE data is refused as damaged (its records could only
// skip most of it), before the canvas is allocated.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include "image_decode.h"
#include "shufflescope/base/error.h"

namespace shufflescope::image_decode {
namespace {

constexpr std::size_t kFileHeaderBytes = 14;
constexpr uint32_t kCoreHeaderBytes = 12, kInfoHeaderBytes = 40;

enum Compression : uint32_t {
    kRgb = 0,
    kRle8 = 1,
    kRle4 = 2,
    kBitfields = 3,
    kJpeg = 4,
    kPng = 5,
    kAlphaBitfields = 6
};

uint32_t read16(const uint8_t* p) {
    return uint32_t(p[0]) | uint32_t(p[1]) << 8;
}
uint32_t read32(const uint8_t* p) {
    return read16(p) | read16(p + 2) << 16;
}

[[noreturn]] void refuse(const std::string& context, const std::string& detail) {
    refuseUnreadable(context, "BMP", detail);
}

// One channel's bit mask in a 16 or 32-bit pixel, and how to widen its value to 8 bits.
struct Channel {
    uint32_t mask = 0;
    int shift = 0;
    uint64_t maximum = 0;  // the largest value under the mask; 0 for an absent channel

    explicit Channel(uint32_t bits) : mask(bits) {
        if (bits == 0) return;
        shift = std::countr_zero(bits);
        maximum = uint64_t(bits) >> shift;
    }
    uint8_t value(uint32_t pixel) const {
        const uint64_t v = (pixel & mask) >> shift;
        return static_cast<uint8_t>((v * 255 + maximum / 2) / maximum);
    }
};

struct Header {
    uint32_t headerBytes = 0;
    long long width = 0, height = 0;  // height is the row count; topDown says which way they run
    bool topDown = false;
    uint32_t bitsPerPixel = 0;
    uint32_t compression = kRgb;
    uint32_t coloursUsed = 0;
    uint32_t masks[4] = {};  // red, green, blue, alpha; for 16 and 32 bits only
    std::size_t paletteStart = 0, paletteEntryBytes = 4;
    std::size_t dataOffset = 0;
};

Header readHeader(const uint8_t* bytes, std::size_t size, const std::string& context) {
    if (size < kFileHeaderBytes + 4) refuse(context, kTruncatedDetail);
    Header h;
    // The file size at offset 2 is not read: writers often get it wrong, and the real size is
    // known. The reserved fields at 6 are ignored as every reader ignores them.
    h.dataOffset = read32(bytes + 10);
    h.headerBytes = read32(bytes + 14);
    const uint32_t n = h.headerBytes;
    if (n != kCoreHeaderBytes && n != kInfoHeaderBytes && n != 52 && n != 56 && n != 108 &&
        n != 124) {
        refuse(context, "unsupported header of " + std::to_string(n) + " bytes");
    }
    if (size < kFileHeaderBytes + n) refuse(context, kTruncatedDetail);
    const uint8_t* info = bytes + kFileHeaderBytes;
    uint32_t planes = 0;
    if (n == kCoreHeaderBytes) {
        h.width = read16(info + 4);
        h.height = read16(info + 6);
        planes = read16(info + 8);
        h.bitsPerPixel = read16(info + 10);
        h.paletteEntryBytes = 3;
    } else {
        h.width = static_cast<int32_t>(read32(info + 4));
        const auto height = static_cast<int32_t>(read32(info + 8));
        // In 64 bits, so INT32_MIN has a magnitude.
        h.topDown = height < 0;
        h.height = h.topDown ? -static_cast<long long>(height) : height;
        planes = read16(info + 12);
        h.bitsPerPixel = read16(info + 14);
        h.compression = read32(info + 16);
        h.coloursUsed = read32(info + 32);
    }
    if (planes != 1) refuse(context, "the header gives " + std::to_string(planes) + " planes");
    const uint32_t bpp = h.bitsPerPixel;
    if (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32) {
        refuse(context, std::to_string(bpp) + " bits per pixel is not a BMP pixel size");
    }
    if (n == kCoreHeaderBytes && bpp != 1 && bpp != 4 && bpp != 8 && bpp != 24) {
        refuse(context, std::to_string(bpp) + " bits per pixel in a BITMAPCOREHEADER file");
    }
    if ((h.compression == kRle8 && bpp != 8) || (h.compression == kRle4 && bpp != 4)) {
        refuse(context, std::string(h.compression == kRle8 ? "RLE8" : "RLE4") +
                            " compression with " + std::to_string(bpp) + " bits per pixel");
    }
    if ((h.compression == kRle8 || h.compression == kRle4) && h.topDown) {
        refuse(context, "RLE-compressed rows cannot be stored top-down");
    }
    if (h.compression == kJpeg || h.compression == kPng) {
        refuse(context, "BMP files holding a JPEG or PNG are not supported");
    }
    if (h.compression != kRgb && h.compression != kBitfields && h.compression != kAlphaBitfields &&
        h.compression != kRle8 && h.compression != kRle4) {
        refuse(context, "unknown compression " + std::to_string(h.compression));
    }
    const bool bitfields = h.compression == kBitfields || h.compression == kAlphaBitfields;
    if (bitfields && bpp != 16 && bpp != 32) {
        refuse(context, "bit masks with " + std::to_string(bpp) + " bits per pixel");
    }

    // The masks follow a 40-byte header; later headers hold them.
    h.paletteStart = kFileHeaderBytes + n;
    if (bitfields) {
        const std::size_t count = h.compression == kAlphaBitfields || n >= 56 ? 4 : 3;
        const std::size_t start = n == kInfoHeaderBytes ? h.paletteStart : kFileHeaderBytes + 40;
        if (n == kInfoHeaderBytes) h.paletteStart += count * 4;
        if (size < start + count * 4) refuse(context, kTruncatedDetail);
        for (std::size_t i = 0; i < count; ++i) h.masks[i] = read32(bytes + start + 4 * i);
    } else if (bpp == 16) {
        h.masks[0] = 0x7c00, h.masks[1] = 0x03e0, h.masks[2] = 0x001f;  // 5-5-5
    } else if (bpp == 32) {
        // The fourth byte is alpha when any pixel sets it (see decodeBmp), as stb_image (the
        // decoder used before) read it, so such files look as they did.
        h.masks[0] = 0xff0000, h.masks[1] = 0xff00, h.masks[2] = 0xff, h.masks[3] = 0xff000000u;
    }
    for (uint32_t mask : h.masks) {
        if (bpp < 32 && (mask >> bpp) != 0) {
            refuse(context, "a bit mask reaches past the " + std::to_string(bpp) + "-bit pixel");
        }
        // Contiguous: shifted down to bit 0, the mask plus one is a power of two.
        const uint64_t shifted = mask == 0 ? 0 : uint64_t(mask) >> std::countr_zero(mask);
        if (!std::has_single_bit(shifted + 1)) refuse(context, "a bit mask is not contiguous");
    }
    if (h.dataOffset < h.paletteStart || h.dataOffset > size) {
        refuse(context, "the pixel data offset " + std::to_string(h.dataOffset) +
                            " is outside the file's pixel area");
    }
    return h;
}

// Up to 2^bpp colours (fewer if the header says so, or if fewer fit before the pixel data);
// indices past the end are black.
std::vector<uint8_t> readPalette(const uint8_t* bytes, const Header& h) {
    std::vector<uint8_t> rgb(3 * 256, 0);
    const std::size_t capacity = std::size_t(1) << h.bitsPerPixel;
    std::size_t count =
        h.coloursUsed != 0 ? std::min<std::size_t>(h.coloursUsed, capacity) : capacity;
    count = std::min(count, (h.dataOffset - h.paletteStart) / h.paletteEntryBytes);
    for (std::size_t i = 0; i < count; ++i) {
        const uint8_t* bgr = bytes + h.paletteStart + i * h.paletteEntryBytes;
        rgb[3 * i] = bgr[2];
        rgb[3 * i + 1] = bgr[1];
        rgb[3 * i + 2] = bgr[0];
    }
    return rgb;
}

// Windows' run-length encodings of 8 and 4-bit palette images, as records of two bytes:
//   n > 0, c      n pixels of index c (RLE4: alternating c's high and low nibble)
//   0, 0          end of the row          0, 1  end of the image
//   0, 2, dx, dy  move dx right and dy rows on (up the picture)
//   0, n >= 3     n literal indices follow (RLE4: two per byte), padded to an even byte count
// Pixels the records skip are transparent — white here, as they would be composited. Runs past
// the row's end are cut off. Work: the canvas, plus at most 255 pixels per two bytes read.
RawImage decodeRle(const uint8_t* bytes, std::size_t size, const Header& h,
                   const std::vector<uint8_t>& palette, const std::string& context) {
    const bool rle8 = h.compression == kRle8;
    RawImage image;
    image.width = static_cast<int>(h.width);
    image.height = static_cast<int>(h.height);
    image.channels = 3;
    image.pixels.assign(std::size_t(h.width) * std::size_t(h.height) * 3, 255);
    long long x = 0, row = 0;  // row 0 is the bottom one
    auto put = [&](uint32_t index) {
        if (x < h.width) {
            const std::size_t y = std::size_t(h.height - 1 - row);
            std::copy_n(palette.data() + 3 * index, 3,
                        image.pixels.data() + (y * std::size_t(h.width) + std::size_t(x)) * 3);
        }
        ++x;
    };
    // Index i of literal data: a byte each (RLE8) or a nibble each, high first (RLE4).
    auto literal = [&](const uint8_t* data, uint32_t i) -> uint32_t {
        return rle8         ? data[i]
               : i % 2 == 0 ? uint32_t(data[i / 2] >> 4)
                            : uint32_t(data[i / 2] & 15);
    };
    const uint8_t* p = bytes + h.dataOffset;
    const uint8_t* end = bytes + size;
    bool ended = false;
    while (row < h.height && !ended) {
        if (end - p < 2) break;
        const uint8_t count = p[0], code = p[1];
        p += 2;
        if (count > 0) {
            for (uint32_t i = 0; i < count; ++i) {
                put(rle8 ? code : i % 2 == 0 ? uint32_t(code >> 4) : uint32_t(code & 15));
            }
        } else if (code == 0) {
            x = 0;
            ++row;
        } else if (code == 1) {
            ended = true;
        } else if (code == 2) {
            if (end - p < 2) break;
            x += p[0];
            row += p[1];
            p += 2;
        } else {
            const std::size_t dataBytes = rle8 ? code : (code + 1u) / 2;
            const std::size_t padded = dataBytes + dataBytes % 2;
            if (std::size_t(end - p) < padded) break;
            for (uint32_t i = 0; i < code; ++i) put(literal(p, i));
            p += padded;
        }
    }
    // Data that stops before the last row and without an end-of-image record was cut short.
    if (!ended && row < h.height) refuse(context, kTruncatedDetail);
    return image;
}

}  // namespace

RawImage decodeBmp(const uint8_t* bytes, std::size_t size, const std::string& context) {
    const Header h = readHeader(bytes, size, context);
    const bool alpha = h.masks[3] != 0;
    const int channels = alpha ? 4 : 3;
    checkDecodedSize(context, h.width, h.height, channels);
    const std::size_t dataBytes = size - h.dataOffset;

    if (h.compression == kRle8 || h.compression == kRle4) {
        if (double(h.width) * double(h.height) > 127.5 * double(dataBytes)) {
            refuseImplausibleSize(context, "BMP", h.width, h.height, size,
                                  "an RLE record of two bytes gives at most 255 pixels");
        }
        return decodeRle(bytes, size, h, readPalette(bytes, h), context);
    }
    // Rows are padded to 4 bytes; the last row's padding may be missing.
    const uint64_t rowBits = uint64_t(h.width) * h.bitsPerPixel;
    const uint64_t stride = (rowBits + 31) / 32 * 4;
    const uint64_t needed = stride * uint64_t(h.height - 1) + (rowBits + 7) / 8;
    if (needed > dataBytes) {
        refuse(context, "the file is truncated: its " + std::to_string(h.width) + " x " +
                            std::to_string(h.height) + " pixels need " + std::to_string(needed) +
                            " bytes of rows, " + std::to_string(dataBytes) + " follow the header");
    }

    const std::vector<uint8_t> palette =
        h.bitsPerPixel <= 8 ? readPalette(bytes, h) : std::vector<uint8_t>();
    const Channel masks[4] = {Channel(h.masks[0]), Channel(h.masks[1]), Channel(h.masks[2]),
                              Channel(h.masks[3])};
    RawImage image;
    image.width = static_cast<int>(h.width);
    image.height = static_cast<int>(h.height);
    image.channels = channels;
    image.pixels.resize(std::size_t(h.width) * std::size_t(h.height) * std::size_t(channels));
    bool anyAlpha = false;
    for (long long fileRow = 0; fileRow < h.height; ++fileRow) {
        const uint8_t* in = bytes + h.dataOffset + std::size_t(fileRow) * stride;
        const long long y = h.topDown ? fileRow : h.height - 1 - fileRow;
        uint8_t* out = image.pixels.data() + std::size_t(y) * std::size_t(h.width) * channels;
        for (long long x = 0; x < h.width; ++x, out += channels) {
            switch (h.bitsPerPixel) {
                case 1:
                case 4:
                case 8: {
                    const uint32_t perByte = 8 / h.bitsPerPixel;
                    const uint32_t slot = uint32_t(x % perByte);
                    const uint32_t index = (in[x / perByte] >> (8 - h.bitsPerPixel * (slot + 1))) &
                                           ((1u << h.bitsPerPixel) - 1);
                    std::copy_n(palette.data() + 3 * index, 3, out);
                    break;
                }
                case 24:
                    out[0] = in[3 * x + 2], out[1] = in[3 * x + 1], out[2] = in[3 * x];
                    break;
                default: {
                    const uint32_t pixel =
                        h.bitsPerPixel == 16 ? read16(in + 2 * x) : read32(in + 4 * x);
                    for (int c = 0; c < 3; ++c) {
                        out[c] = masks[c].maximum != 0 ? masks[c].value(pixel) : 0;
                    }
                    if (alpha) {
                        out[3] = masks[3].value(pixel);
                        anyAlpha = anyAlpha || out[3] != 0;
                    }
                    break;
                }
            }
        }
    }
    // Many writers leave the fourth byte of 32-bit pixels zero; an image with no alpha anywhere
    // is opaque, not invisible.
    if (alpha && !anyAlpha) {
        for (std::size_t i = 3; i < image.pixels.size(); i += 4) image.pixels[i] = 255;
    }
    return image;
}

}  // namespace shufflescope::image_decode
