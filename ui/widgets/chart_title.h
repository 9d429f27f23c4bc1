#pragma once
// A Qt Charts title in two lines: the name in the title font (bold where the caller sets it), the
// detail below in plain type. One line cut the detail off in narrow docks and at projector text
// sizes ("MFLOPs per stage (C1 = stem co...").

#include <QString>

namespace shufflescope::ui {

inline QString twoLineChartTitle(const QString& name, const QString& detail) {
    return QStringLiteral("%1<br><span style=\"font-weight:normal\">%2</span>").arg(name, detail);
}

}  // namespace shufflescope::ui
