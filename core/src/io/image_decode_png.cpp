// PNG decoding with libpng 1.6 (the classic read API, reading from memory).
//
// libpng reports errors by longjmp to the setjmp point of png_jmpbuf. A longjmp must not skip a
// C++ destructor, so every libpng call is made below one of two guards (readHeader, readRows)
// whose only statement after setjmp is a call into plain code with trivially destructible locals;
// they return false after an error, and the C++ around them (the buffers, the libpng structs'
// owner) is only ever entered and left normally. Nothing in the guards' own frames changes after
// setjmp, so nothing there can be clobbered by the longjmp.
//
// Output: 8 bits per sample; palettes expanded to RGB, gray below 8 bits widened, tRNS turned
// into an alpha channel, 16-bit samples scaled to 8 bits. Gamma, colour profiles and the bKGD
// background are ignored (the picture is composited on white, as everywhere else).

#include <png.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "image_decode.h"
#include "shufflescope/base/error.h"

namespace shufflescope::image_decode {
namespace {

// Deflate's maximum expansion (zlib's FAQ, "Maximum compression ratio"): a length-258 match
// coded in two bits, 258 bytes per quarter byte, is 1032:1. The filtered rows (one filter byte
// per row, then the packed samples) cannot be longer than 1032 times the compressed data, which
// is shorter than the file.
constexpr double kDeflateMaxRatio = 1032.0;

// Everything libpng's callbacks reach; trivially destructible, as a longjmp may cross them.
struct PngInput {
    const uint8_t* bytes = nullptr;
    std::size_t size = 0;
    std::size_t position = 0;
    bool truncated = false;
    char message[200] = {};
};

void readFromMemory(png_structp png, png_bytep out, png_size_t length) {
    auto* input = static_cast<PngInput*>(png_get_io_ptr(png));
    if (length > input->size - input->position) {
        input->truncated = true;
        png_error(png, "truncated");
    }
    std::memcpy(out, input->bytes + input->position, length);
    input->position += length;
}

void onError(png_structp png, png_const_charp message) {
    auto* input = static_cast<PngInput*>(png_get_error_ptr(png));
    std::snprintf(input->message, sizeof input->message, "%s", message);
    png_longjmp(png, 1);
}

// libpng's default prints warnings to stderr; they (a bad CRC on an ancillary chunk, a
// superfluous chunk) do not stop the decode, so they are dropped.
void onWarning(png_structp, png_const_charp) {}

struct PngHeader {
    png_uint_32 width = 0, height = 0;
    int fileBitDepth = 0, fileChannels = 0;  // as stored, for the size plausibility bound
    int channels = 0;                        // after the transforms below
    std::size_t rowBytes = 0;
    int passes = 1;
};

// Reads the chunks up to the image data and sets up the transforms.
void readHeaderUnguarded(png_structp png, png_infop info, PngHeader* header) {
    // Only the chunks that change the pixels are read: the others (text, profiles, timestamps)
    // could only cost decompression work.
    png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, nullptr, -1);
    // libpng refuses images over a million pixels a side by default; the size checks after the
    // header apply this program's own limit with a message that says so.
    png_set_user_limits(png, PNG_UINT_31_MAX, PNG_UINT_31_MAX);
    png_read_info(png, info);

    header->width = png_get_image_width(png, info);
    header->height = png_get_image_height(png, info);
    header->fileBitDepth = png_get_bit_depth(png, info);
    header->fileChannels = png_get_channels(png, info);
    const int colorType = png_get_color_type(png, info);
    if (colorType == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (colorType == PNG_COLOR_TYPE_GRAY && header->fileBitDepth < 8) {
        png_set_expand_gray_1_2_4_to_8(png);
    }
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    if (header->fileBitDepth == 16) png_set_scale_16(png);
    header->passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    header->channels = png_get_channels(png, info);
    header->rowBytes = png_get_rowbytes(png, info);
}

// Reads every pass of every row into `pixels` (height rows of rowBytes), then the chunks after
// the image data up to IEND, so a file cut anywhere is refused.
void readRowsUnguarded(png_structp png, png_infop info, const PngHeader* header, uint8_t* pixels) {
    // Row by row rather than png_read_image: that needs an array of row pointers, which for a
    // one-pixel-wide image would be eight times the image.
    for (int pass = 0; pass < header->passes; ++pass) {
        for (png_uint_32 y = 0; y < header->height; ++y) {
            png_read_row(png, pixels + std::size_t(y) * header->rowBytes, nullptr);
        }
    }
    png_read_end(png, info);
}

// The guards: false after a libpng error (its message is in the PngInput).
bool readHeader(png_structp png, png_infop info, PngHeader* header) {
    if (setjmp(png_jmpbuf(png))) return false;
    readHeaderUnguarded(png, info, header);
    return true;
}

bool readRows(png_structp png, png_infop info, const PngHeader* header, uint8_t* pixels) {
    if (setjmp(png_jmpbuf(png))) return false;
    readRowsUnguarded(png, info, header, pixels);
    return true;
}

class PngReader {
  public:
    explicit PngReader(PngInput* input) {
        png_ = png_create_read_struct(PNG_LIBPNG_VER_STRING, input, onError, onWarning);
        if (png_ != nullptr) info_ = png_create_info_struct(png_);
        if (png_ != nullptr && info_ != nullptr) png_set_read_fn(png_, input, readFromMemory);
    }
    ~PngReader() { png_destroy_read_struct(&png_, &info_, nullptr); }
    PngReader(const PngReader&) = delete;
    PngReader& operator=(const PngReader&) = delete;

    bool ready() const { return png_ != nullptr && info_ != nullptr; }
    png_structp png() const { return png_; }
    png_infop info() const { return info_; }

  private:
    png_structp png_ = nullptr;
    png_infop info_ = nullptr;
};

[[noreturn]] void refuse(const std::string& context, const PngInput& input) {
    refuseUnreadable(context, "PNG", input.truncated ? kTruncatedDetail : input.message);
}

}  // namespace

RawImage decodePng(const uint8_t* bytes, std::size_t size, const std::string& context) {
    PngInput input;
    input.bytes = bytes;
    input.size = size;
    PngReader reader(&input);
    if (!reader.ready()) throw Error(context + ": cannot decode the PNG: out of memory");

    PngHeader header;
    if (!readHeader(reader.png(), reader.info(), &header)) refuse(context, input);
    checkDecodedSize(context, header.width, header.height, header.channels);
    const double filteredBytes =
        double(header.height) *
        (1.0 + double((std::uint64_t(header.width) * unsigned(header.fileBitDepth) *
                           unsigned(header.fileChannels) +
                       7) /
                      8));
    if (filteredBytes > kDeflateMaxRatio * double(size)) {
        refuseImplausibleSize(context, "PNG", header.width, header.height, size,
                              "deflate expands data at most 1032 times");
    }
    if (header.rowBytes != std::size_t(header.width) * std::size_t(header.channels)) {
        throw Error(context + ": cannot decode the PNG: unexpected row layout");  // libpng bug
    }

    RawImage image;
    image.width = static_cast<int>(header.width);
    image.height = static_cast<int>(header.height);
    image.channels = header.channels;
    image.pixels.resize(header.rowBytes * header.height);
    if (!readRows(reader.png(), reader.info(), &header, image.pixels.data())) {
        refuse(context, input);
    }
    return image;
}

}  // namespace shufflescope::image_decode
