#include "presenter/presenter_mode.h"

namespace shufflescope::ui {

QPalette presenterPalette(const QPalette& theme) {
    QPalette p = theme;
    const bool dark = theme.color(QPalette::Window).lightness() < 128;
    const QColor background = dark ? QColor(0, 0, 0) : QColor(255, 255, 255);
    const QColor text = dark ? QColor(255, 255, 255) : QColor(0, 0, 0);
    for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base})
        p.setColor(role, background);
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::BrightText})
        p.setColor(role, text);
    return p;
}

}  // namespace shufflescope::ui
