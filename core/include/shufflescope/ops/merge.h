#pragma once
// Joining the two branches of a ShuffleNet unit.
// addFeatureMaps: out = a + b, all [C, H, W] (out may alias a or b)   — stride-1 units
// concatChannels: out = [a, b] along channels: a [Ca, H, W], b [Cb, H, W] -> out [Ca+Cb, H, W]
//                 — stride-2 units, a = the average-pooled shortcut, b = the main branch.

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

void addFeatureMaps(ConstFeatureMap a, ConstFeatureMap b, FeatureMap out);
void concatChannels(ConstFeatureMap a, ConstFeatureMap b, FeatureMap out);

}  // namespace shufflescope::ops
