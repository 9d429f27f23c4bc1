#pragma once
// The operation view's animation of the current step (the group split, the shuffle's reshape,
// transpose and flatten, the depthwise sweep, add / concat) as an animated GIF for slides: an
// off-screen copy of the view at the asked size draws each moment (setAnimationProgress), and
// gif_writer.h writes the frames. The last frame is held so the result stays before it loops.

#include <QSize>
#include <QString>

namespace shufflescope::ui {

class OperationView;

struct GifSettings {
    QSize size{960, 540};
    int fps = 12;
};
inline constexpr int kGifHoldLastMs = 1500;

// Frames for an animation of `durationMs` at `fps`: the moments 0, 1/(n-1), ..., 1, one every
// 1/fps second (at least 2).
int animationFrameCount(int durationMs, int fps);

// Writes the current step of `source` (its snapshot, step, channel, theme and text size) to
// `path`. False with a message naming the file. `frames` (optional) receives the frame count.
bool exportAnimationGif(const OperationView& source, const QString& path,
                        const GifSettings& settings, QString* error, int* frames = nullptr);

}  // namespace shufflescope::ui
