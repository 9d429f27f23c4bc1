#include "style/palette.h"

#include <array>

namespace shufflescope::ui {

QColor groupColor(int group) {
    // Chosen by scripts/palette_search.py: the smallest CIEDE2000 difference between any two is
    // 22.1 with normal vision, 16.2 under simulated protanopia, 16.1 under deuteranopia and 15.8
    // under tritanopia (Machado 2009, severity 1); every colour is at least 20 from the neutral
    // grey and visible on the light and the dark theme. tests/ui/test_palette.cpp re-measures
    // this. The order keeps the old palette's meanings where views use an index: 2 green (the
    // "trained" badge), 4 blue (grouped bars, positive values), 5 orange (off, negative,
    // "untrained").
    static const std::array<QColor, 8> groups = {
        QColor(0x87, 0xB4, 0x78),  // sage green
        QColor(0x69, 0x87, 0xFF),  // periwinkle blue
        QColor(0x00, 0x5A, 0x3C),  // dark green
        QColor(0xD2, 0xD2, 0x0F),  // yellow
        QColor(0x00, 0x4B, 0xD2),  // blue
        QColor(0xD2, 0x5A, 0x00),  // orange
        QColor(0xE1, 0xA5, 0xD2),  // pink
        QColor(0x78, 0x2D, 0x69),  // plum
    };
    if (group < 0) return neutralColor();
    return groups[static_cast<std::size_t>(group) % groups.size()];
}

QColor neutralColor() {
    return QColor(0x80, 0x80, 0x80);
}

bool isDarkTheme(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

}  // namespace shufflescope::ui
