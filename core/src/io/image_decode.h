#pragma once
// What the image decoders (image_decode_png/jpeg/gif/bmp.cpp) share with image_input.cpp: the
// image they hand back before alpha is composited, and the checks each applies to its header
// before it allocates any pixels — the decoded size limit, and a ceiling on the pixels the file's
// bytes can honestly describe, so a tiny file claiming a huge image is refused at once instead of
// costing seconds and gigabytes.
// Every decoder throws Error naming `context` for anything it cannot decode.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace shufflescope::image_decode {

// 8-bit samples, HWC, row-major. channels: 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA.
struct RawImage {
    int width = 0, height = 0;
    int channels = 0;
    std::vector<uint8_t> pixels;
};

// Each decoder gets the whole file, its format already recognised from the magic bytes.
RawImage decodePng(const uint8_t* bytes, std::size_t size, const std::string& context);
RawImage decodeJpeg(const uint8_t* bytes, std::size_t size, const std::string& context);
// The first frame, drawn on the logical screen; transparent and uncovered pixels are white.
RawImage decodeGif(const uint8_t* bytes, std::size_t size, const std::string& context);
RawImage decodeBmp(const uint8_t* bytes, std::size_t size, const std::string& context);

// Throws unless width, height >= 1 and width x height x channels bytes fit
// kMaxDecodedImageBytes; the message gives the size and the memory it would need.
void checkDecodedSize(const std::string& context, long long width, long long height, int channels);

// Throws: the header claims width x height pixels, more than `fileSize` bytes of `format` can
// describe; `bound` says why (which compression limit was exceeded).
[[noreturn]] void refuseImplausibleSize(const std::string& context, const char* format,
                                        long long width, long long height, std::size_t fileSize,
                                        const std::string& bound);

// Throws "<context>: not a readable image (<format>: <detail>)".
[[noreturn]] void refuseUnreadable(const std::string& context, const char* format,
                                   const std::string& detail);

// The detail for a file that ends before its image data does.
inline constexpr const char* kTruncatedDetail = "the file is truncated";

}  // namespace shufflescope::image_decode
