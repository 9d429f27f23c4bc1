#pragma once
// The hand-written inference kernels, one set per instruction set (kernels_<set>.cpp, each
// compiled with its own flags), and the table that picks a set's functions at run time. Only plain
// data crosses this interface: no inline function or template is shared between the sets'
// translation units, so the linker can never substitute one set's copy for another's.

#include <cstdint>

#include "shufflescope/base/instruction_set.h"

namespace shufflescope::ops::kernels {

// One group of a 1x1 convolution over a range of pixels, with its epilogue:
//   y[r][p] = act(bias[r] + sum_k w[r][k] * x[k][p] (+ residual[r][p]))
// for r in [0, rows), p in [begin, end); act = max(0, .) when relu. Rows are planes of pixels
// (CHW: a channel's pixels are contiguous): x's of xStride floats, y's and residual's of yStride;
// x, y and residual point at the group's first channel. The weights come packed (packPointwise) in
// panels of kRows output rows:
//   panels[panel][k][r] = w[panel * kRows + r][k], zero past the last row,
// so the kernel reads one panel's weights in order while its accumulators stay in registers.
struct PointwiseGroup {
    const float* panels;
    const float* bias;      // [rows]
    const float* x;         // [depth][xStride]
    const float* residual;  // [rows][yStride] or nullptr
    float* y;               // [rows][yStride]
    int64_t xStride, yStride;
    int depth, rows;
    bool relu;
};

// One group of a 1x1 convolution's weight gradient, summed over images:
//   dw[r][k] += sum_n sum_p dy_n[r][p] * x_n[k][p]
// for r in [0, rows), k in [0, depth), n in [0, images). Planes are packed (CHW, `pixels` floats
// each); dy and x point at the group's first channel of image 0, image n's at n * dyImageStride
// and n * xImageStride floats further; dw is [rows][depth], row-major.
struct PointwiseWeightGradient {
    const float* dy;  // [images][rows][pixels], strided
    const float* x;   // [images][depth][pixels], strided
    float* dw;        // [rows][depth], accumulated
    int64_t pixels, dyImageStride, xImageStride;
    int images, rows, depth;
};

struct KernelTable {
    InstructionSet set;
    int pointwiseRows;     // output rows per weight panel
    int pointwiseColumns;  // pixels per register tile: ranges split at multiples of this
    void (*pointwise)(const PointwiseGroup& group, int64_t begin, int64_t end);
    void (*pointwiseWeightGradient)(const PointwiseWeightGradient& gradient);

    // One channel each (plane_kernels.inl). Depthwise 3x3, padding 1, stride 1 or 2, + bias.
    void (*depthwise)(const float* src, int inHeight, int inWidth, const float* kernel9, float bias,
                      int stride, float* dst, int outHeight, int outWidth);
    // Depthwise 3x3, stride 1, padding 1 over a plane with w + 1 zeros before and after it;
    // left / right: 1 where the pixel has a neighbour on that side in its row, else 0.
    void (*depthwiseMargined)(const float* src, int h, int w, const float* kernel9, float bias,
                              float* dst, const float* left, const float* right);
    // Its weight gradient (src as above; grad a plain plane): gradWeight[t] += the tap's sum.
    void (*depthwiseWeightGradientMargined)(const float* src, const float* grad, int h, int w,
                                            const float* left, const float* right,
                                            float* gradWeight);
    // 3x3 windows, stride 2, padding 1; rowScratch holds w floats. Average: count_include_pad.
    void (*maxPool)(const float* src, int h, int w, float* dst, int oh, int ow, float* rowScratch);
    void (*averagePool)(const float* src, int h, int w, float* dst, int oh, int ow,
                        float* rowScratch);
    // A 3x3 convolution's (padding 1) columns for output rows [oyBegin, oyEnd): cols is
    // [channels * 9][(oyEnd - oyBegin) * ow], tap (c, ky, kx) per row.
    void (*im2col3x3)(const float* in, int channels, int h, int w, int stride, int oyBegin,
                      int oyEnd, int ow, float* cols);
};

const KernelTable& kernelTable(InstructionSet set);

// One table per set, defined in its kernels_<set>.cpp.
namespace portable {
extern const KernelTable kTable;
}
namespace avx2 {
extern const KernelTable kTable;
}
namespace avx512 {
extern const KernelTable kTable;
}

}  // namespace shufflescope::ops::kernels
