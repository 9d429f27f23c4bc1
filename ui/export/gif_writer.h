#pragma once
// Animated GIFs with Debian's giflib: each frame quantised to its own 256-colour palette
// (giflib's median cut, GifQuantizeBuffer — the views are flat colours, so a frame rarely needs
// more), a GIF89 graphics-control block per frame for its delay, and the NETSCAPE2.0 application
// extension so viewers and slide programs loop it. After the first frame, each stores only the
// rectangle that changed, drawn over the frame before.

#include <QImage>
#include <QString>
#include <vector>

namespace shufflescope::ui {

struct GifFrame {
    QImage image;       // every frame the size of the first; any format (converted to RGB)
    int delayMs = 100;  // GIF stores hundredths of a second: rounded, at least 10 ms
};

// Writes `frames` to `path`, looping forever. False with a message naming the file (in the
// interface language) when it cannot be written or there is nothing to write.
bool writeAnimatedGif(const QString& path, const std::vector<GifFrame>& frames, QString* error);

}  // namespace shufflescope::ui
