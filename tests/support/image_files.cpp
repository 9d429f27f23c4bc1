#include "support/image_files.h"

#include <gif_lib.h>
#include <png.h>
#include <zlib.h>
#include <catch2/catch.hpp>

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "support/byte_writers.h"

// jpeglib.h needs FILE and size_t declared first.
// clang-format off
#include <jpeglib.h>
// clang-format on

namespace testing_support {
namespace {

// libpng and libjpeg report errors by longjmp; as in core, each guard calls into code whose
// locals are trivially destructible, and the C++ objects live outside it.

// --- PNG ---

void appendToBytes(png_structp png, png_bytep data, png_size_t length) {
    auto* out = static_cast<Bytes*>(png_get_io_ptr(png));
    const std::size_t old = out->size();
    out->resize(old + length);
    std::memcpy(out->data() + old, data, length);
}

void noFlush(png_structp) {}

int channelsOf(PngColour colour) {
    switch (colour) {
        case PngColour::Gray:
        case PngColour::Palette:
            return 1;
        case PngColour::GrayAlpha:
            return 2;
        case PngColour::Rgb:
            return 3;
        case PngColour::Rgba:
            return 4;
    }
    return 0;
}

// The rows as PNG stores them before filtering: samples packed most significant bit first,
// 16-bit samples big-endian.
Bytes packPngRows(const PngSpec& spec) {
    const std::size_t perRow = std::size_t(spec.width) * std::size_t(channelsOf(spec.colour));
    const std::size_t rowBytes = (perRow * std::size_t(spec.bitDepth) + 7) / 8;
    Bytes rows(rowBytes * std::size_t(spec.height), 0);
    for (int y = 0; y < spec.height; ++y) {
        uint8_t* row = rows.data() + std::size_t(y) * rowBytes;
        for (std::size_t i = 0; i < perRow; ++i) {
            const uint16_t v = spec.samples[std::size_t(y) * perRow + i];
            if (spec.bitDepth == 16) {
                row[2 * i] = uint8_t(v >> 8);
                row[2 * i + 1] = uint8_t(v);
            } else {
                const std::size_t bit = i * std::size_t(spec.bitDepth);
                row[bit / 8] |= uint8_t(v << (8 - spec.bitDepth - int(bit % 8)));
            }
        }
    }
    return rows;
}

void writePngUnguarded(png_structp png, png_infop info, const PngSpec* spec, png_bytepp rows,
                       const png_color* palette, const png_color_16* transparent) {
    png_set_IHDR(png, info, png_uint_32(spec->width), png_uint_32(spec->height), spec->bitDepth,
                 int(spec->colour), spec->interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (!spec->palette.empty()) png_set_PLTE(png, info, palette, int(spec->palette.size()));
    if (!spec->paletteAlpha.empty()) {
        png_set_tRNS(png, info, spec->paletteAlpha.data(), int(spec->paletteAlpha.size()), nullptr);
    } else if (transparent != nullptr) {
        png_set_tRNS(png, info, nullptr, 0, transparent);
    }
    png_write_info(png, info);
    png_write_image(png, rows);
    png_write_end(png, nullptr);
}

bool writePng(png_structp png, png_infop info, const PngSpec* spec, png_bytepp rows,
              const png_color* palette, const png_color_16* transparent) {
    if (setjmp(png_jmpbuf(png))) return false;
    writePngUnguarded(png, info, spec, rows, palette, transparent);
    return true;
}

// --- JPEG ---

struct JpegWriter {
    jpeg_compress_struct encoder;
    jpeg_error_mgr errors;
    std::jmp_buf jump;
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    char message[JMSG_LENGTH_MAX] = {};
};

[[noreturn]] void onJpegError(j_common_ptr common) {
    auto* writer = static_cast<JpegWriter*>(common->client_data);
    (*common->err->format_message)(common, writer->message);
    std::longjmp(writer->jump, 1);
}

void writeJpegUnguarded(JpegWriter* writer, const JpegSpec* spec, jpeg_scan_info* scans,
                        int scanCount) {
    jpeg_compress_struct& encoder = writer->encoder;
    jpeg_create_compress(&encoder);
    jpeg_mem_dest(&encoder, &writer->buffer, &writer->size);
    encoder.image_width = JDIMENSION(spec->width);
    encoder.image_height = JDIMENSION(spec->height);
    encoder.input_components = spec->components;
    encoder.in_color_space = spec->components == 1   ? JCS_GRAYSCALE
                             : spec->components == 3 ? JCS_RGB
                                                     : JCS_CMYK;
    jpeg_set_defaults(&encoder);
    jpeg_set_quality(&encoder, spec->quality, TRUE);
    if (spec->progressive) jpeg_simple_progression(&encoder);
    if (scanCount > 0) {
        encoder.scan_info = scans;
        encoder.num_scans = scanCount;
    }
    if (spec->arithmetic) encoder.arith_code = TRUE;
    jpeg_start_compress(&encoder, TRUE);
    const std::size_t rowBytes = std::size_t(spec->width) * std::size_t(spec->components);
    while (encoder.next_scanline < encoder.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(spec->pixels.data() + encoder.next_scanline * rowBytes);
        jpeg_write_scanlines(&encoder, &row, 1);
    }
    jpeg_finish_compress(&encoder);
}

bool writeJpeg(JpegWriter* writer, const JpegSpec* spec, jpeg_scan_info* scans, int scanCount) {
    if (setjmp(writer->jump)) return false;
    writeJpegUnguarded(writer, spec, scans, scanCount);
    return true;
}

// --- GIF ---

int appendGifBytes(GifFileType* gif, const GifByteType* data, int length) {
    auto* out = static_cast<Bytes*>(gif->UserData);
    out->insert(out->end(), data, data + length);
    return length;
}

struct ColourMapDeleter {
    void operator()(ColorMapObject* map) const { GifFreeMapObject(map); }
};
using ColourMap = std::unique_ptr<ColorMapObject, ColourMapDeleter>;

ColourMap makeColourMap(const std::vector<std::array<uint8_t, 3>>& colours) {
    if (colours.empty()) return nullptr;
    std::vector<GifColorType> entries;
    for (const auto& c : colours) entries.push_back({c[0], c[1], c[2]});
    ColourMap map(GifMakeMapObject(int(entries.size()), entries.data()));
    REQUIRE(map != nullptr);  // the count must be a power of two
    return map;
}

// --- BMP ---

void appendLittleEndian(Bytes& out, uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(uint8_t(value >> (8 * i)));
}

}  // namespace

// =================================================================================================

Bytes pngBytes(const PngSpec& spec) {
    REQUIRE(spec.samples.size() == std::size_t(spec.width) * std::size_t(spec.height) *
                                       std::size_t(channelsOf(spec.colour)));
    Bytes packed = packPngRows(spec);
    const std::size_t rowBytes = packed.size() / std::size_t(spec.height);
    std::vector<png_bytep> rows;
    for (int y = 0; y < spec.height; ++y) rows.push_back(packed.data() + std::size_t(y) * rowBytes);
    std::vector<png_color> palette;
    for (const auto& c : spec.palette) palette.push_back({c[0], c[1], c[2]});
    png_color_16 transparent = {};
    if (spec.transparent) {
        transparent.gray = (*spec.transparent)[0];
        transparent.red = (*spec.transparent)[0];
        transparent.green = (*spec.transparent)[1];
        transparent.blue = (*spec.transparent)[2];
    }

    Bytes out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    png_set_write_fn(png, &out, appendToBytes, noFlush);
    const bool ok = writePng(png, info, &spec, rows.data(), palette.data(),
                             spec.transparent ? &transparent : nullptr);
    png_destroy_write_struct(&png, &info);
    REQUIRE(ok);
    return out;
}

void appendPngChunk(Bytes& out, const char* type, const Bytes& data) {
    appendBigEndian32(out, static_cast<uint32_t>(data.size()));
    const std::size_t typeStart = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    appendBigEndian32(out, static_cast<uint32_t>(crc32(0, out.data() + typeStart,
                                                       static_cast<uInt>(out.size() - typeStart))));
}

Bytes pngSignatureAndHeader(uint32_t width, uint32_t height, int bitDepth, PngColour colour,
                            bool interlaced) {
    Bytes png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    Bytes ihdr;
    appendBigEndian32(ihdr, width);
    appendBigEndian32(ihdr, height);
    ihdr.insert(ihdr.end(), {uint8_t(bitDepth), uint8_t(colour), 0, 0, uint8_t(interlaced)});
    appendPngChunk(png, "IHDR", ihdr);
    return png;
}

Bytes zlibCompress(const Bytes& data) {
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    Bytes out(size);
    REQUIRE(compress(out.data(), &size, data.data(), static_cast<uLong>(data.size())) == Z_OK);
    out.resize(size);
    return out;
}

Bytes jpegBytes(const JpegSpec& spec) {
    REQUIRE(spec.pixels.size() ==
            std::size_t(spec.width) * std::size_t(spec.height) * std::size_t(spec.components));
    std::vector<jpeg_scan_info> scans;
    if (spec.minimumScans > 0) {
        REQUIRE(spec.components == 1);
        // DC, then every AC coefficient on its own, each sent as a first pass of all bits but the
        // last and a refinement of the last: 2 x 64 scans.
        for (int band = 0; band < 64; ++band) scans.push_back({1, {0}, band, band, 0, 1});
        for (int band = 0; band < 64; ++band) scans.push_back({1, {0}, band, band, 1, 0});
        REQUIRE(int(scans.size()) >= spec.minimumScans);
    }
    auto writer = std::make_unique<JpegWriter>();
    writer->encoder.err = jpeg_std_error(&writer->errors);
    writer->errors.error_exit = onJpegError;
    writer->encoder.client_data = writer.get();
    const bool ok = writeJpeg(writer.get(), &spec, scans.data(), int(scans.size()));
    jpeg_destroy_compress(&writer->encoder);
    Bytes out;
    if (writer->buffer != nullptr) out.assign(writer->buffer, writer->buffer + writer->size);
    std::free(writer->buffer);
    INFO(writer->message);
    REQUIRE(ok);
    return out;
}

Bytes gifBytes(const GifSpec& spec) {
    Bytes out;
    int error = 0;
    GifFileType* gif = EGifOpen(&out, appendGifBytes, &error);
    REQUIRE(gif != nullptr);
    EGifSetGifVersion(gif, true);
    const ColourMap global = makeColourMap(spec.globalPalette);
    bool ok =
        EGifPutScreenDesc(gif, spec.screenWidth, spec.screenHeight, 8, 0, global.get()) == GIF_OK;
    for (const GifFrame& frame : spec.frames) {
        REQUIRE(frame.indices.size() == std::size_t(frame.width) * std::size_t(frame.height));
        if (frame.transparentIndex >= 0) {
            GraphicsControlBlock control = {};
            control.TransparentColor = frame.transparentIndex;
            GifByteType extension[4];
            EGifGCBToExtension(&control, extension);
            ok = ok && EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, extension) == GIF_OK;
        }
        const ColourMap local = makeColourMap(frame.localPalette);
        ok = ok && EGifPutImageDesc(gif, frame.left, frame.top, frame.width, frame.height,
                                    frame.interlaced, local.get()) == GIF_OK;
        // giflib writes lines in the order given; an interlaced image stores every 8th row from
        // 0, every 8th from 4, every 4th from 2, every 2nd from 1.
        std::vector<int> order;
        if (frame.interlaced) {
            for (int start : {0, 4, 2, 1}) {
                const int step = start == 0 || start == 4 ? 8 : start == 2 ? 4 : 2;
                for (int y = start; y < frame.height; y += step) order.push_back(y);
            }
        } else {
            for (int y = 0; y < frame.height; ++y) order.push_back(y);
        }
        for (int y : order) {
            Bytes line(frame.indices.begin() + std::ptrdiff_t(y) * frame.width,
                       frame.indices.begin() + std::ptrdiff_t(y + 1) * frame.width);
            ok = ok && EGifPutLine(gif, line.data(), frame.width) == GIF_OK;
        }
    }
    ok = EGifCloseFile(gif, &error) == GIF_OK && ok;
    REQUIRE(ok);
    return out;
}

Bytes bmpBytes(const BmpSpec& spec) {
    const bool core = spec.headerBytes == 12;
    const bool masksAfterHeader = spec.compression == 3 && spec.headerBytes == 40;
    const std::size_t paletteEntry = core ? 3 : 4;
    const std::size_t offset =
        14 + spec.headerBytes + (masksAfterHeader ? 12 : 0) + spec.palette.size() * paletteEntry;
    Bytes out = {'B', 'M'};
    appendLittleEndian(out, uint32_t(offset + spec.rows.size()), 4);
    appendLittleEndian(out, 0, 4);
    appendLittleEndian(out, uint32_t(offset), 4);
    appendLittleEndian(out, spec.headerBytes, 4);
    if (core) {
        appendLittleEndian(out, uint32_t(spec.width), 2);
        appendLittleEndian(out, uint32_t(spec.height), 2);
        appendLittleEndian(out, 1, 2);
        appendLittleEndian(out, spec.bitsPerPixel, 2);
    } else {
        appendLittleEndian(out, uint32_t(spec.width), 4);
        appendLittleEndian(out, uint32_t(spec.height), 4);
        appendLittleEndian(out, 1, 2);
        appendLittleEndian(out, spec.bitsPerPixel, 2);
        appendLittleEndian(out, spec.compression, 4);
        appendLittleEndian(out, uint32_t(spec.rows.size()), 4);
        appendLittleEndian(out, 2835, 4);  // 72 dpi
        appendLittleEndian(out, 2835, 4);
        appendLittleEndian(out, uint32_t(spec.palette.size()), 4);
        appendLittleEndian(out, 0, 4);
        // Later headers hold the masks (and colour space fields, left zero) themselves.
        std::size_t written = 40;
        if (spec.headerBytes > 40) {
            for (uint32_t mask : spec.masks) {
                if (written + 4 > spec.headerBytes) break;
                appendLittleEndian(out, mask, 4);
                written += 4;
            }
        }
        out.resize(14 + spec.headerBytes, 0);
        if (masksAfterHeader) {
            for (int i = 0; i < 3; ++i) appendLittleEndian(out, spec.masks[std::size_t(i)], 4);
        }
    }
    for (const auto& c : spec.palette) {
        out.insert(out.end(), {c[2], c[1], c[0]});
        if (!core) out.push_back(0);
    }
    out.insert(out.end(), spec.rows.begin(), spec.rows.end());
    return out;
}

Bytes bmpRows(int width, int height, int bitsPerPixel, const std::vector<uint32_t>& values) {
    REQUIRE(values.size() == std::size_t(width) * std::size_t(height));
    const std::size_t stride = (std::size_t(width) * std::size_t(bitsPerPixel) + 31) / 32 * 4;
    Bytes rows(stride * std::size_t(height), 0);
    for (int y = 0; y < height; ++y) {
        uint8_t* row = rows.data() + std::size_t(y) * stride;
        for (int x = 0; x < width; ++x) {
            const uint32_t v = values[std::size_t(y) * std::size_t(width) + std::size_t(x)];
            if (bitsPerPixel < 8) {
                const std::size_t bit = std::size_t(x) * std::size_t(bitsPerPixel);
                row[bit / 8] |= uint8_t(v << (8 - bitsPerPixel - int(bit % 8)));
            } else {
                for (int i = 0; i < bitsPerPixel / 8; ++i) {
                    row[std::size_t(x) * std::size_t(bitsPerPixel / 8) + std::size_t(i)] =
                        uint8_t(v >> (8 * i));
                }
            }
        }
    }
    return rows;
}

}  // namespace testing_support
