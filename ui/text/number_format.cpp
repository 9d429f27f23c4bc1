#include "text/number_format.h"

#include <QCoreApplication>
#include <QLocale>

namespace shufflescope::ui {

QString formatMacs(long long macs) {
    const auto scaled = [](double value, const char* prefix) {
        return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(prefix));
    };
    if (macs >= 1'000'000'000) return scaled(double(macs) / 1e9, "G");
    if (macs >= 1'000'000) return scaled(double(macs) / 1e6, "M");
    if (macs >= 1'000) return scaled(double(macs) / 1e3, "k");
    return QString::number(macs);
}

QString formatMacsWithUnit(long long macs) {
    //: A number of multiply-adds; %1 is the number with its SI prefix, "11.3 M"
    return QCoreApplication::translate("NumberFormat", "%1 MACs").arg(formatMacs(macs));
}

QString formatCount(long long value) {
    // Fixed English grouping so a number reads the same in every UI language.
    return QLocale(QLocale::English).toString(value);
}

QString formatRatio(double ratio) {
    return QStringLiteral("%1\u00d7").arg(ratio, 0, 'f', 2);
}

QString formatMilliseconds(double ms) {
    const int decimals = ms >= 100 ? 0 : ms >= 10 ? 1 : ms >= 1 ? 2 : 3;
    //: A measured time; %1 is the number of milliseconds, "1.25"
    return QCoreApplication::translate("NumberFormat", "%1 ms").arg(ms, 0, 'f', decimals);
}

QString formatShare(double share) {
    return QStringLiteral("%1%").arg(100.0 * share, 0, 'f', 1);
}

QString formatProbability(double p) {
    if (!(p > 0.0)) return QStringLiteral("0%");
    const double percent = 100.0 * p;
    if (percent < 0.005) return QStringLiteral("<0.01%");
    // One decimal is enough for the large ones; small ones keep two so they are not all "0.0%".
    return QStringLiteral("%1%").arg(percent, 0, 'f', percent >= 10.0 ? 1 : 2);
}

}  // namespace shufflescope::ui
