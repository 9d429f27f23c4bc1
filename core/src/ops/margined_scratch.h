#pragma once
// Two plane-sized buffers with zero margins (depthwise_conv.h: MarginedPlanes) and the column
// masks, one set per thread: how an operator whose planes are packed (CHW without margins) runs
// the margined stride-1 depthwise kernels. It copies a plane between the margins, then the kernel
// runs over the whole plane as one vector loop — no border pixels to take apart, which at 8 x 8
// are almost half of them. The copy is cheap next to the nine multiply-adds per pixel it saves
// branching on.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "shufflescope/base/tensor.h"
#include "shufflescope/ops/depthwise_conv.h"

namespace shufflescope::ops {

class MarginedScratch {
  public:
    // This thread's buffers, shaped for an h x w plane (re-made only when the shape changes).
    static MarginedScratch& forThisThread(int h, int w) {
        thread_local MarginedScratch scratch;
        scratch.shape(h, w);
        return scratch;
    }
    // Copies `plane` between the margins of the input's (or the gradient's) buffer.
    const float* input(const float* plane) { return fill(input_, plane); }
    const float* gradient(const float* plane) { return fill(gradient_, plane); }
    const float* left() const { return masks_.data(); }
    const float* right() const { return masks_.data() + int64_t(height_) * width_; }

  private:
    void shape(int h, int w) {
        if (h == height_ && w == width_) return;
        height_ = h;
        width_ = w;
        const int64_t margin = MarginedPlanes::margin(w), plane = int64_t(h) * w;
        input_.assign(std::size_t(plane + 2 * margin), 0.0f);
        gradient_.assign(input_.size(), 0.0f);
        masks_ = depthwiseColumnMasks(h, w);
    }
    float* fill(std::vector<float>& buffer, const float* plane) {
        float* start = buffer.data() + MarginedPlanes::margin(width_);
        std::copy(plane, plane + int64_t(height_) * width_, start);
        return start;
    }
    int height_ = -1, width_ = -1;
    std::vector<float> input_, gradient_;
    AlignedFloats masks_;
};

}  // namespace shufflescope::ops
