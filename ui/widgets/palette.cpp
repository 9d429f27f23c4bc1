#include "widgets/palette.h"

#include <array>

namespace shufflescope::ui {

QColor groupColor(int group) {
    static const std::array<QColor, 8> okabeIto = {
        QColor(0xE6, 0x9F, 0x00),  // orange
        QColor(0x56, 0xB4, 0xE9),  // sky blue
        QColor(0x00, 0x9E, 0x73),  // bluish green
        QColor(0xF0, 0xE4, 0x42),  // yellow
        QColor(0x00, 0x72, 0xB2),  // blue
        QColor(0xD5, 0x5E, 0x00),  // vermillion
        QColor(0xCC, 0x79, 0xA7),  // reddish purple
        QColor(0x99, 0x99, 0x99),  // grey
    };
    if (group < 0) return neutralColor();
    return okabeIto[static_cast<std::size_t>(group) % okabeIto.size()];
}

QColor neutralColor() {
    return QColor(0x80, 0x80, 0x80);
}

bool isDarkTheme(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

}  // namespace shufflescope::ui
