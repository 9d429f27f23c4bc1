#pragma once
// Numbers as the interface shows them, one convention everywhere: multiply-adds as MACs with an
// SI prefix ("11.3 M MACs"; the paper calls them FLOPs), counts with thousands separators,
// ratios as "2.75x", probabilities and shares as percentages, times in milliseconds.

#include <QString>

namespace shufflescope::ui {

// The number with its SI prefix, for a column or axis already headed "MACs": "136.5 M",
// "960 k", "0".
QString formatMacs(long long macs);
// The same with the unit, for text that stands alone: "136.5 M MACs", "960 k MACs", "0 MACs".
QString formatMacsWithUnit(long long macs);
QString formatCount(long long value);  // "1,865,728"
QString formatRatio(double ratio);     // "2.75x"
// A measured time, three significant digits at most two decimals short of a microsecond:
// "12.3 ms", "1.25 ms", "0.048 ms".
QString formatMilliseconds(double ms);
// A share of a whole (0..1) as a percentage with one decimal: "12.5%".
QString formatShare(double share);
// A probability (0..1) as a percentage: "99.2%", "4.15%", "0.03%", "<0.01%", "0%".
QString formatProbability(double p);

}  // namespace shufflescope::ui
