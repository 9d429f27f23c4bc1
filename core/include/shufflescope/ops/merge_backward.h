#pragma once
// Backward passes of the branch joins (merge.h), one image. Both are copies, and a trainer can
// usually avoid them: the gradient of each addend IS gradOut, and the gradients of the concat's
// parts are the channel ranges [0, Ca) and [Ca, Ca+Cb) of gradOut (contiguous in CHW). These
// functions are for when separate buffers are wanted. Outputs are OVERWRITTEN; nullptr skips.
// addFeatureMapsBackward: gradOut [C, H, W] -> gradA, gradB [C, H, W]
// concatChannelsBackward: gradOut [Ca + Cb, H, W] -> gradA [Ca, H, W], gradB [Cb, H, W]

#include "shufflescope/base/tensor.h"

namespace shufflescope::ops {

void addFeatureMapsBackward(ConstFeatureMap gradOut, float* gradA, float* gradB);
void concatChannelsBackward(ConstFeatureMap gradOut, int channelsA, float* gradA, float* gradB);

}  // namespace shufflescope::ops
