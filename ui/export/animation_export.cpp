#include "export/animation_export.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <vector>

#include "export/gif_writer.h"
#include "views/operation/operation_view.h"

namespace shufflescope::ui {

int animationFrameCount(int durationMs, int fps) {
    return std::max(2, int(std::lround(double(durationMs) * double(fps) / 1000.0)) + 1);
}

bool exportAnimationGif(const OperationView& source, const QString& path,
                        const GifSettings& settings, QString* error, int* frames) {
    if (!source.snapshot()) {
        *error = QCoreApplication::translate("AnimationExport",
                                             "Cannot write '%1': no network is shown yet")
                     .arg(path);
        return false;
    }
    // A copy at the GIF's size, never shown: the window's own view keeps its size and animation.
    OperationView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.setPalette(source.palette());
    view.setFont(source.font());
    view.setAnimationEnabled(false);
    view.setFontScale(source.fontScale());
    view.setShowDenseGhost(source.showDenseGhost());
    view.setSnapshot(source.snapshot(), source.step());
    view.setSelectedChannel(source.selectedChannel());
    view.resize(settings.size);
    const int count = animationFrameCount(view.animationDurationMs(), settings.fps);
    const int delayMs = 1000 / std::max(1, settings.fps);
    std::vector<GifFrame> gif;
    gif.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        view.setAnimationProgress(double(i) / double(count - 1));
        QImage image(settings.size, QImage::Format_RGB32);
        image.fill(source.palette().color(QPalette::Window));
        view.render(&image);
        gif.push_back({std::move(image), i + 1 == count ? kGifHoldLastMs : delayMs});
    }
    if (frames) *frames = count;
    return writeAnimatedGif(path, gif, error);
}

}  // namespace shufflescope::ui
