#include "canvas/canvas_text.h"

namespace shufflescope::ui {

QString elideToWidth(const QString& text, float width, const QString& dots,
                     const std::function<float(const QString&)>& measure) {
    if (measure(text) <= width) return text;
    // The longest prefix that fits with the ellipsis: a bisection over the characters.
    int lo = 0, hi = int(text.size());
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (measure(text.left(mid).trimmed() + dots) <= width)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo > 0 ? text.left(lo).trimmed() + dots : QString();
}

}  // namespace shufflescope::ui
