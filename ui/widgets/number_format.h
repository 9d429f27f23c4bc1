#pragma once
// Numbers as the interface shows them: MACs as "136.5M" (the paper's MFLOPs), counts with
// thousands separators, ratios as "2.7x".

#include <QString>

namespace shufflescope::ui {

QString formatMacs(long long macs);    // "136.5M", "960K", "0"
QString formatCount(long long value);  // "1,865,728"
QString formatRatio(double ratio);     // "2.75x"

}  // namespace shufflescope::ui
