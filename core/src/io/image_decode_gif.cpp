// GIF decoding with giflib's low-level reader (DGifOpen on a memory read function): the records
// are walked up to the first image, whose lines are decoded one at a time with DGifGetLine. The
// high-level DGifSlurp is not used, as it would decode every frame of an animation.
//
// The first frame is drawn on the logical screen; pixels it does not cover, and its transparent
// ones, are white (what compositing a transparent pixel on white gives). A screen smaller than
// the frame is enlarged to hold it, so no decoded pixel is lost.

#include <gif_lib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "image_decode.h"
#include "shufflescope/base/error.h"

namespace shufflescope::image_decode {
namespace {

// The plausibility bound. While LZW codes are b bits wide the string table holds fewer than 2^b
// strings, and each string is at most one longer than the one it extends, so no code yields more
// than 2^b pixels: 2^b / b pixels per bit, largest at GIF's 12-bit maximum (a full table keeps
// codes at 12 bits), 4096 pixels per 12 bits = 2731 pixels per byte. The file's size bounds the
// image data, so it bounds the frame; the screen around the frame is described by no data at
// all, and a screen larger than any frame the file could hold marks a broken or hostile header.
constexpr double kPixelsPerByte = 4096.0 / 1.5;

struct GifInput {
    const uint8_t* bytes = nullptr;
    std::size_t size = 0;
    std::size_t position = 0;
};

int readFromMemory(GifFileType* gif, GifByteType* out, int length) {
    auto* input = static_cast<GifInput*>(gif->UserData);
    const std::size_t count =
        std::min(std::size_t(std::max(length, 0)), input->size - input->position);
    std::memcpy(out, input->bytes + input->position, count);
    input->position += count;
    return static_cast<int>(count);
}

struct GifCloser {
    void operator()(GifFileType* gif) const {
        int ignored = 0;
        DGifCloseFile(gif, &ignored);
    }
};
using GifFile = std::unique_ptr<GifFileType, GifCloser>;

[[noreturn]] void refuse(const std::string& context, int error) {
    // A read past the end is how giflib sees a file cut short.
    if (error == D_GIF_ERR_READ_FAILED) refuseUnreadable(context, "GIF", kTruncatedDetail);
    const char* text = GifErrorString(error);
    refuseUnreadable(context, "GIF", text != nullptr ? text : "unknown error");
}

void checkPlausible(const std::string& context, long long width, long long height,
                    std::size_t size) {
    if (double(width) * double(height) > kPixelsPerByte * double(size)) {
        refuseImplausibleSize(context, "GIF", width, height, size,
                              "LZW data gives at most 2731 pixels per byte");
    }
}

// Skips the records before the first image; returns the palette index the last graphic control
// extension before it marks transparent, or -1. Throws when the file ends without an image.
int walkToFirstImage(GifFileType* gif, const std::string& context) {
    int transparent = NO_TRANSPARENT_COLOR;
    for (;;) {
        GifRecordType type = UNDEFINED_RECORD_TYPE;
        if (DGifGetRecordType(gif, &type) == GIF_ERROR) refuse(context, gif->Error);
        if (type == IMAGE_DESC_RECORD_TYPE) return transparent;
        if (type == TERMINATE_RECORD_TYPE) throw Error(context + ": the GIF holds no image");
        if (type != EXTENSION_RECORD_TYPE) refuse(context, D_GIF_ERR_WRONG_RECORD);
        int code = 0;
        GifByteType* block = nullptr;
        if (DGifGetExtension(gif, &code, &block) == GIF_ERROR) refuse(context, gif->Error);
        if (code == GRAPHICS_EXT_FUNC_CODE && block != nullptr && block[0] >= 4) {
            GraphicsControlBlock control;
            if (DGifExtensionToGCB(block[0], block + 1, &control) == GIF_OK) {
                transparent = control.TransparentColor;
            }
        }
        while (block != nullptr) {
            if (DGifGetExtensionNext(gif, &block) == GIF_ERROR) refuse(context, gif->Error);
        }
    }
}

}  // namespace

RawImage decodeGif(const uint8_t* bytes, std::size_t size, const std::string& context) {
    GifInput input{bytes, size, 0};
    int openError = 0;
    GifFile gif(DGifOpen(&input, readFromMemory, &openError));
    if (!gif) refuse(context, openError);
    // The screen alone may already be too large; said before any record is read.
    if (gif->SWidth > 0 && gif->SHeight > 0) {
        checkDecodedSize(context, gif->SWidth, gif->SHeight, 3);
        checkPlausible(context, gif->SWidth, gif->SHeight, size);
    }

    const int transparent = walkToFirstImage(gif.get(), context);
    if (DGifGetImageDesc(gif.get()) == GIF_ERROR) refuse(context, gif->Error);
    const GifImageDesc& frame = gif->Image;
    if (frame.Width < 1 || frame.Height < 1) {
        throw Error(context + ": the GIF's first image is " + std::to_string(frame.Width) + " x " +
                    std::to_string(frame.Height) + " pixels; both sides must be at least 1");
    }
    const ColorMapObject* palette = frame.ColorMap != nullptr ? frame.ColorMap : gif->SColorMap;
    if (palette == nullptr || palette->Colors == nullptr) {
        refuseUnreadable(context, "GIF", "the image has no colour table");
    }
    const long long canvasW = std::max<long long>(gif->SWidth, frame.Left + frame.Width);
    const long long canvasH = std::max<long long>(gif->SHeight, frame.Top + frame.Height);
    checkDecodedSize(context, canvasW, canvasH, 3);
    checkPlausible(context, canvasW, canvasH, size);

    RawImage image;
    image.width = static_cast<int>(canvasW);
    image.height = static_cast<int>(canvasH);
    image.channels = 3;
    image.pixels.assign(std::size_t(canvasW) * std::size_t(canvasH) * 3, 255);
    std::vector<GifPixelType> line(std::size_t(frame.Width));
    // Interlaced images store every 8th row from 0, every 8th from 4, every 4th from 2, then
    // every 2nd from 1.
    static constexpr int kPassStart[4] = {0, 4, 2, 1}, kPassStep[4] = {8, 8, 4, 2};
    const int passes = frame.Interlace ? 4 : 1;
    for (int pass = 0; pass < passes; ++pass) {
        const int start = frame.Interlace ? kPassStart[pass] : 0;
        const int step = frame.Interlace ? kPassStep[pass] : 1;
        for (int row = start; row < frame.Height; row += step) {
            if (DGifGetLine(gif.get(), line.data(), frame.Width) == GIF_ERROR) {
                refuse(context, gif->Error);
            }
            uint8_t* out =
                image.pixels.data() +
                (std::size_t(frame.Top + row) * std::size_t(canvasW) + std::size_t(frame.Left)) * 3;
            for (int x = 0; x < frame.Width; ++x, out += 3) {
                const int index = line[std::size_t(x)];
                if (index == transparent) continue;
                // An index past the palette's end shows black, as browsers show it.
                if (index >= palette->ColorCount) {
                    out[0] = out[1] = out[2] = 0;
                    continue;
                }
                const GifColorType& colour = palette->Colors[index];
                out[0] = colour.Red;
                out[1] = colour.Green;
                out[2] = colour.Blue;
            }
        }
    }
    return image;
}

}  // namespace shufflescope::image_decode
