#pragma once
// Helpers for GUI tests: waiting for the session's worker jobs while the event loop runs.

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QSet>
#include <QThread>
#include <functional>

namespace ui_testing {

// Processes events until `done` or the timeout; returns done().
// QTest's default of 5 s for a window to be exposed is too short on a loaded 2-core CI machine
// (Xvfb, Mesa and four test processes share it).
inline constexpr int kExposeTimeoutMs = 60000;

inline bool waitFor(const std::function<bool()>& done, int timeoutMs = 60000) {
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return done();
}

inline void settle(int ms) {
    waitFor([] { return false; }, ms);
}

// Distinct colours in an image, counted on a coarse grid (a blank image has one or two).
inline int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4) colours.insert(image.pixel(x, y));
    return int(colours.size());
}

// Fraction of sampled pixels that differ between two images of the same size.
inline double differingFraction(const QImage& a, const QImage& b) {
    if (a.size() != b.size()) return 1.0;
    long differ = 0, total = 0;
    for (int y = 0; y < a.height(); y += 2)
        for (int x = 0; x < a.width(); x += 2, ++total) differ += a.pixel(x, y) != b.pixel(x, y);
    return total ? double(differ) / double(total) : 0.0;
}

}  // namespace ui_testing
