#include "export/gif_writer.h"

#include <gif_lib.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QRect>
#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

#include "export/file_output.h"

namespace shufflescope::ui {

namespace {

QString gifReason(int code) {
    const char* text = GifErrorString(code);
    return text ? QString::fromLatin1(text) : QString::number(code);
}

struct ColorMapDeleter {
    void operator()(ColorMapObject* map) const { GifFreeMapObject(map); }
};

// The frame's pixels as 256 palette indices (giflib's median cut) and its palette.
bool quantise(const QImage& frame, std::unique_ptr<ColorMapObject, ColorMapDeleter>& map,
              std::vector<GifByteType>& indices) {
    const QImage rgb = frame.convertToFormat(QImage::Format_RGB888);
    const int w = rgb.width(), h = rgb.height();
    const std::size_t pixels = std::size_t(w) * std::size_t(h);
    std::vector<GifByteType> r(pixels), g(pixels), b(pixels);
    for (int y = 0; y < h; ++y) {
        const uchar* line = rgb.constScanLine(y);
        for (int x = 0; x < w; ++x) {
            const std::size_t i = std::size_t(y) * std::size_t(w) + std::size_t(x);
            r[i] = line[3 * x];
            g[i] = line[3 * x + 1];
            b[i] = line[3 * x + 2];
        }
    }
    int size = 256;
    map.reset(GifMakeMapObject(size, nullptr));
    if (!map) return false;
    indices.assign(pixels, 0);
    return GifQuantizeBuffer(unsigned(w), unsigned(h), &size, r.data(), g.data(), b.data(),
                             indices.data(), map->Colors) == GIF_OK;
}

// giflib's output function: the encoded bytes go to the QByteArray given to EGifOpen. Nothing may
// be thrown through giflib's C frames: a buffer that cannot grow is a short write (0 bytes),
// which giflib reports as a write error.
int appendToBuffer(GifFileType* gif, const GifByteType* data, int length) {
    try {
        static_cast<QByteArray*>(gif->UserData)
            ->append(reinterpret_cast<const char*>(data), length);
        return length;
    } catch (...) {
        return 0;
    }
}

// The NETSCAPE2.0 block: loop count 0, forever.
bool putLoopExtension(GifFileType* gif) {
    static const GifByteType netscape[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    static const GifByteType loopForever[] = {1, 0, 0};
    return EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_OK &&
           EGifPutExtensionBlock(gif, sizeof netscape, netscape) == GIF_OK &&
           EGifPutExtensionBlock(gif, sizeof loopForever, loopForever) == GIF_OK &&
           EGifPutExtensionTrailer(gif) == GIF_OK;
}

// The part of `current` that differs from `previous` (both RGB32, one size); a 1x1 corner when
// nothing does (a GIF frame cannot be empty).
QRect changedRect(const QImage& previous, const QImage& current) {
    int left = current.width(), right = -1, top = current.height(), bottom = -1;
    for (int y = 0; y < current.height(); ++y) {
        const auto* a = reinterpret_cast<const QRgb*>(previous.constScanLine(y));
        const auto* b = reinterpret_cast<const QRgb*>(current.constScanLine(y));
        for (int x = 0; x < current.width(); ++x)
            if (a[x] != b[x]) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
    }
    return right < 0 ? QRect(0, 0, 1, 1) : QRect(QPoint(left, top), QPoint(right, bottom));
}

// Only the rectangle that changed since the previous frame is stored, over it (DISPOSE_DO_NOT):
// most of a view — titles, labels, the parts already in place — stays still while one part
// moves, and whole frames made the GIFs several times larger.
bool putFrame(GifFileType* gif, const QImage& image, const QRect& rect, int delayMs) {
    std::unique_ptr<ColorMapObject, ColorMapDeleter> map;
    std::vector<GifByteType> indices;
    if (!quantise(image.copy(rect), map, indices)) return false;
    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.DelayTime = std::max(1, (delayMs + 5) / 10);
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const size_t length = EGifGCBToExtension(&control, extension);
    if (EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, int(length), extension) != GIF_OK)
        return false;
    const int w = rect.width(), h = rect.height();
    if (EGifPutImageDesc(gif, rect.left(), rect.top(), w, h, false, map.get()) != GIF_OK)
        return false;
    for (int y = 0; y < h; ++y)
        if (EGifPutLine(gif, indices.data() + std::size_t(y) * std::size_t(w), w) != GIF_OK)
            return false;
    return true;
}

}  // namespace

bool writeAnimatedGif(const QString& path, const std::vector<GifFrame>& frames, QString* error) {
    if (frames.empty() || frames.front().image.isNull()) {
        *error = cannotWriteMessage(path, QCoreApplication::translate("GifWriter", "no frames"));
        return false;
    }
    const QSize size = frames.front().image.size();
    for (const GifFrame& frame : frames)
        if (frame.image.size() != size) {
            *error = cannotWriteMessage(
                path, QCoreApplication::translate("GifWriter", "frames of different sizes"));
            return false;
        }
    // Encoded in memory, then written all or nothing (export/file_output.h): a failed export
    // leaves no half-written GIF, and a named pipe or a device at the path is refused. (A new
    // file gets 0666 less the umask, as the PNGs beside it; EGifOpenFileName would make it 0600.)
    QByteArray bytes;
    int code = 0;
    GifFileType* gif = EGifOpen(&bytes, appendToBuffer, &code);
    if (!gif) {
        *error = cannotWriteMessage(path, gifReason(code));
        return false;
    }
    EGifSetGifVersion(gif, true);  // GIF89a: delays and looping
    bool ok = EGifPutScreenDesc(gif, size.width(), size.height(), 8, 0, nullptr) == GIF_OK &&
              putLoopExtension(gif);
    QImage previous;
    for (std::size_t i = 0; ok && i < frames.size(); ++i) {
        QImage image = frames[i].image.convertToFormat(QImage::Format_RGB32);
        const QRect rect = i == 0 ? image.rect() : changedRect(previous, image);
        ok = putFrame(gif, image, rect, frames[i].delayMs);
        previous = std::move(image);
    }
    const int writeError = gif->Error;
    if (EGifCloseFile(gif, &code) != GIF_OK && ok) {
        ok = false;
    } else if (!ok) {
        code = writeError;
    }
    if (!ok) {
        *error = cannotWriteMessage(path, gifReason(code));
        return false;
    }
    if (std::optional<QString> message = writeOrMessage(path, bytes)) {
        *error = std::move(*message);
        return false;
    }
    return true;
}

}  // namespace shufflescope::ui
