// JPEG decoding with libjpeg-turbo's libjpeg API, reading from memory.
//
// libjpeg's default error handler prints and calls exit(); here error_exit longjmps back to a
// guard instead (the same discipline as image_decode_png.cpp: each guard's only statement after
// setjmp is a call into plain code with trivially destructible locals, and the C++ objects live
// outside the guards). Warnings that mean pixels are missing or invented — the data ends early, a
// bad Huffman code, a scan that refines coefficients never sent — are treated as errors too:
// libjpeg would otherwise fill the gap with gray and report success.
//
// Output: gray stays one channel, everything else becomes RGB; CMYK and YCCK (Adobe) JPEGs are
// converted naively (no colour profile), taking Adobe's inverted ink values into account.
//
// Work is bounded before any pixel is allocated: the decoded size limit, a ceiling on the pixels
// the file's bytes can describe (below), arithmetic coding refused, at most kMaxScans scans, and
// libjpeg's own working memory (a progressive image keeps every coefficient) capped at the
// decoded size limit.

// jpeglib.h needs FILE and size_t declared first.
#include <cstddef>
#include <cstdio>
// clang-format off
#include <jpeglib.h>
#include <jerror.h>
// clang-format on

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "image_decode.h"
#include "shufflescope/base/error.h"
#include "shufflescope/io/image_input.h"

namespace shufflescope::image_decode {
namespace {

// A progressive JPEG pays one pass over its coefficients per scan, whatever the scan holds, so a
// small file of many near-empty scans could cost minutes. libjpeg, mozjpeg and Photoshop write at
// most a few dozen scans; libjpeg-turbo's documentation suggests a limit of 100 to 500.
constexpr int kMaxScans = 100;

// The plausibility bound: every 8x8 block of a component that appears in a scan costs at least
// one bit — a Huffman code is never shorter, and a DC refinement is one raw bit — and a file whose
// data ends early is refused (the warnings above). Components may be missing from the scans, so
// the least-sampled component gives the honest ceiling: its block count cannot exceed 8 blocks
// per byte of the file. Arithmetic coding can spend a small fraction of a bit on a block, which
// would make any size plausible; it is refused (browsers and stb_image never supported it).
constexpr double kBlocksPerByte = 8.0;

// Everything the callbacks reach; trivially destructible, as a longjmp may cross it.
struct JpegSession {
    jpeg_decompress_struct decoder;
    jpeg_error_mgr errors;
    jpeg_progress_mgr progress;
    std::jmp_buf jump;
    bool created = false;
    bool truncated = false;
    bool tooManyScans = false;
    char message[JMSG_LENGTH_MAX] = {};
};

JpegSession* sessionOf(j_common_ptr common) {
    return static_cast<JpegSession*>(common->client_data);
}

[[noreturn]] void onError(j_common_ptr common) {
    JpegSession* session = sessionOf(common);
    (*common->err->format_message)(common, session->message);
    std::longjmp(session->jump, 1);
}

// Level -1 is a warning, 0 and above trace output (never printed here).
void onMessage(j_common_ptr common, int level) {
    if (level >= 0) return;
    const int code = common->err->msg_code;
    if (code == JWRN_JPEG_EOF) sessionOf(common)->truncated = true;
    if (code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER || code == JWRN_HUFF_BAD_CODE ||
        code == JWRN_MUST_RESYNC || code == JWRN_BOGUS_PROGRESSION) {
        onError(common);
    }
    // The rest (stray bytes between markers, an unknown Adobe transform code, a damaged ICC
    // marker) leave the pixels intact; libjpeg decodes on, and so does this.
}

void onProgress(j_common_ptr common) {
    auto* decoder = reinterpret_cast<j_decompress_ptr>(common);
    if (decoder->input_scan_number > kMaxScans) {
        sessionOf(common)->tooManyScans = true;
        onError(common);
    }
}

void readHeaderUnguarded(JpegSession* session, const uint8_t* bytes, std::size_t size) {
    jpeg_decompress_struct& decoder = session->decoder;
    jpeg_create_decompress(&decoder);
    session->created = true;
    decoder.progress = &session->progress;
    // libjpeg-turbo has no backing store: arrays beyond this limit end the decode with an error
    // instead of allocating. Set after creation, so it also overrides the JPEGMEM variable.
    decoder.mem->max_memory_to_use = static_cast<long>(kMaxDecodedImageBytes);
    jpeg_mem_src(&decoder, bytes, static_cast<unsigned long>(size));
    jpeg_read_header(&decoder, TRUE);
    switch (decoder.jpeg_color_space) {
        case JCS_GRAYSCALE:
            decoder.out_color_space = JCS_GRAYSCALE;
            break;
        case JCS_CMYK:
        case JCS_YCCK:
            decoder.out_color_space = JCS_CMYK;
            break;
        default:
            decoder.out_color_space = JCS_RGB;
            break;
    }
    jpeg_calc_output_dimensions(&decoder);
}

// Decodes every scanline into `pixels` (output_height rows of output_width x channels); CMYK rows
// pass through `inkRow` (output_width x 4) and are converted to RGB.
void readRowsUnguarded(JpegSession* session, uint8_t* pixels, uint8_t* inkRow) {
    jpeg_decompress_struct& decoder = session->decoder;
    jpeg_start_decompress(&decoder);
    const std::size_t width = decoder.output_width;
    const bool cmyk = decoder.out_color_space == JCS_CMYK;
    const std::size_t rowBytes = width * (decoder.out_color_space == JCS_GRAYSCALE ? 1 : 3);
    // Photoshop writes Adobe CMYK with every ink value inverted (0 = full ink); the Adobe marker
    // is how readers know.
    const bool inverted = decoder.saw_Adobe_marker;
    while (decoder.output_scanline < decoder.output_height) {
        uint8_t* out = pixels + std::size_t(decoder.output_scanline) * rowBytes;
        JSAMPROW row = cmyk ? inkRow : out;
        if (jpeg_read_scanlines(&decoder, &row, 1) != 1) {
            session->truncated = true;
            std::longjmp(session->jump, 1);
        }
        if (!cmyk) continue;
        for (std::size_t x = 0; x < width; ++x) {
            const uint8_t* ink = inkRow + 4 * x;
            const unsigned k = inverted ? ink[3] : 255u - ink[3];
            for (int c = 0; c < 3; ++c) {
                const unsigned v = inverted ? ink[c] : 255u - ink[c];
                out[3 * x + std::size_t(c)] = static_cast<uint8_t>((v * k + 127) / 255);
            }
        }
    }
    jpeg_finish_decompress(&decoder);
}

// The guards: false after a libjpeg error (its message is in the session).
bool readHeader(JpegSession* session, const uint8_t* bytes, std::size_t size) {
    if (setjmp(session->jump)) return false;
    readHeaderUnguarded(session, bytes, size);
    return true;
}

bool readRows(JpegSession* session, uint8_t* pixels, uint8_t* inkRow) {
    if (setjmp(session->jump)) return false;
    readRowsUnguarded(session, pixels, inkRow);
    return true;
}

// Owns the session; destroys the libjpeg object however the decode ends.
struct SessionDeleter {
    void operator()(JpegSession* session) const {
        if (session->created) jpeg_destroy_decompress(&session->decoder);
        delete session;
    }
};

[[noreturn]] void refuse(const std::string& context, const JpegSession& session) {
    if (session.tooManyScans) {
        refuseUnreadable(context, "JPEG",
                         "more than " + std::to_string(kMaxScans) + " progressive scans");
    }
    if (session.truncated) refuseUnreadable(context, "JPEG", kTruncatedDetail);
    if (session.errors.msg_code == JERR_NO_BACKING_STORE) {
        refuseUnreadable(context, "JPEG",
                         "decoding it would need more than " +
                             std::to_string(kMaxDecodedImageBytes >> 30) + " GiB of memory");
    }
    refuseUnreadable(context, "JPEG", session.message);
}

}  // namespace

RawImage decodeJpeg(const uint8_t* bytes, std::size_t size, const std::string& context) {
    std::unique_ptr<JpegSession, SessionDeleter> session(new JpegSession{});
    // jpeg_create_decompress keeps these two and clears the rest.
    session->decoder.err = jpeg_std_error(&session->errors);
    session->decoder.client_data = session.get();
    session->errors.error_exit = onError;
    session->errors.emit_message = onMessage;
    session->progress.progress_monitor = onProgress;
    if (!readHeader(session.get(), bytes, size)) refuse(context, *session);

    const jpeg_decompress_struct& decoder = session->decoder;
    if (decoder.arith_code) refuseUnreadable(context, "JPEG", "arithmetic coding is not supported");
    const int channels = decoder.out_color_space == JCS_GRAYSCALE ? 1 : 3;
    checkDecodedSize(context, decoder.output_width, decoder.output_height, channels);
    double fewestBlocks = -1;
    for (int c = 0; c < decoder.num_components; ++c) {
        const jpeg_component_info& component = decoder.comp_info[c];
        const double blocks =
            double(component.width_in_blocks) * double(component.height_in_blocks);
        if (fewestBlocks < 0 || blocks < fewestBlocks) fewestBlocks = blocks;
    }
    if (fewestBlocks > kBlocksPerByte * double(size)) {
        refuseImplausibleSize(context, "JPEG", decoder.output_width, decoder.output_height, size,
                              "each 8x8 block takes at least one bit");
    }

    RawImage image;
    image.width = static_cast<int>(decoder.output_width);
    image.height = static_cast<int>(decoder.output_height);
    image.channels = channels;
    image.pixels.resize(std::size_t(image.width) * std::size_t(image.height) *
                        std::size_t(channels));
    std::vector<uint8_t> inkRow;
    if (decoder.out_color_space == JCS_CMYK) inkRow.resize(std::size_t(image.width) * 4);
    if (!readRows(session.get(), image.pixels.data(), inkRow.data())) refuse(context, *session);
    return image;
}

}  // namespace shufflescope::image_decode
