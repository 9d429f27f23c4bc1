#include "widgets/number_format.h"

#include <QLocale>

namespace shufflescope::ui {

QString formatMacs(long long macs) {
    if (macs >= 1'000'000) return QStringLiteral("%1M").arg(double(macs) / 1e6, 0, 'f', 1);
    if (macs >= 1'000) return QStringLiteral("%1K").arg(double(macs) / 1e3, 0, 'f', 1);
    return QString::number(macs);
}

QString formatCount(long long value) {
    // Fixed English grouping so a number reads the same in every UI language.
    return QLocale(QLocale::English).toString(value);
}

QString formatRatio(double ratio) {
    return QStringLiteral("%1\u00d7").arg(ratio, 0, 'f', 2);
}

}  // namespace shufflescope::ui
