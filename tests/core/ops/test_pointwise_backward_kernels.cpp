// The 1x1 convolution's backward kernels (pointwise_conv_backward.h) against plain double-precision
// sums, for every instruction set this CPU runs and one and two threads: the weight gradient summed
// over a range of a batch's images (tiles that do not fill the register tile, pixel counts that do
// not fill a vector, runs of images longer than the kernel's cache-sized chunk), and the input
// gradient, overwritten and accumulated.

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "shufflescope/base/instruction_set.h"
#include "shufflescope/base/tensor.h"
#include "shufflescope/base/threading.h"
#include "shufflescope/ops/pointwise_conv_backward.h"
#include "support/feature_maps.h"
#include "support/kernel_variants.h"
#include "support/tensor_compare.h"
#include "support/tensor_values.h"

using namespace shufflescope;
using namespace testing_support;

namespace {

struct Shape {
    int cin, cout, groups, h, w, images;
};

Tensor batchOf(int images, int channels, int h, int w, uint32_t seed) {
    Tensor t({images, channels, h, w});
    const std::vector<float> values = randomValues(std::size_t(t.size()), seed);
    std::copy(values.begin(), values.end(), t.data());
    return t;
}

// dw[o][i] = start + sum over images [first, last) and pixels of dy[n][o][p] * x[n][k][p], where k
// is input channel i of o's group.
std::vector<float> expectedWeightGradient(const Shape& s, const Tensor& x, const Tensor& dy,
                                          int first, int last, const std::vector<float>& start) {
    const int depth = s.cin / s.groups, rows = s.cout / s.groups;
    const int64_t pixels = int64_t(s.h) * s.w;
    std::vector<float> dw(start.size());
    for (int o = 0; o < s.cout; ++o)
        for (int i = 0; i < depth; ++i) {
            const int k = o / rows * depth + i;
            double sum = start[std::size_t(o * depth + i)];
            for (int n = first; n < last; ++n)
                for (int64_t p = 0; p < pixels; ++p)
                    sum += double(imageOf(dy, n).channel(o)[p]) * imageOf(x, n).channel(k)[p];
            dw[std::size_t(o * depth + i)] = float(sum);
        }
    return dw;
}

// dx[k][p] = start + sum over o of k's group of w[o][i] * dy[o][p].
std::vector<float> expectedInputGradient(const Shape& s, const std::vector<float>& weight,
                                         ConstFeatureMap dy, const std::vector<float>& start) {
    const int depth = s.cin / s.groups, rows = s.cout / s.groups;
    const int64_t pixels = int64_t(s.h) * s.w;
    std::vector<float> dx(start.size());
    for (int k = 0; k < s.cin; ++k)
        for (int64_t p = 0; p < pixels; ++p) {
            const int g = k / depth, i = k % depth;
            double sum = start[std::size_t(k * pixels + p)];
            for (int r = 0; r < rows; ++r)
                sum += double(weight[std::size_t((g * rows + r) * depth + i)]) *
                       dy.channel(g * rows + r)[p];
            dx[std::size_t(k * pixels + p)] = float(sum);
        }
    return dx;
}

}  // namespace

TEST_CASE("1x1 convolution backward kernels match plain sums in every instruction set", "[ops]") {
    // Rows and depths around the weight-gradient tiles (2, 3 and 4) and ShuffleNet's (10 and 40:
    // stage 2 of the small network at g = 3); pixels around the vector widths (4, 8, 16) and real
    // planes (7 x 7, 4 x 4, 16 x 16); 13 images of 16 x 16 x (30 + 120) floats span several of the
    // kernel's chunks.
    const std::vector<Shape> shapes = {{1, 1, 1, 1, 1, 1},    {3, 5, 1, 1, 7, 2},
                                       {5, 9, 1, 3, 5, 3},    {8, 8, 8, 4, 4, 2},
                                       {12, 20, 4, 1, 17, 3}, {30, 120, 3, 16, 16, 13},
                                       {120, 30, 3, 4, 4, 9}, {16, 36, 2, 7, 7, 2},
                                       {48, 96, 8, 1, 33, 2}, {9, 7, 1, 2, 9, 4}};
    forEachKernelVariant([&](InstructionSet set, int) {
        for (const Shape& s : shapes) {
            CAPTURE(s.cin, s.cout, s.groups, s.h, s.w, s.images, instructionSetName(set),
                    threadCount());
            const Tensor x = batchOf(s.images, s.cin, s.h, s.w, 31);
            const Tensor dy = batchOf(s.images, s.cout, s.h, s.w, 32);
            const std::vector<float> weight =
                randomValues(std::size_t(s.cout * s.cin / s.groups), 33);
            const ops::PointwiseConvBackward backward(weight.data(), s.cin, s.cout, s.groups, set);

            // The weight gradient accumulates: over the whole batch, and over a sub-range.
            const std::vector<float> start = randomValues(weight.size(), 34);
            std::vector<float> dw = start;
            backward.weightGradient(x, dy, 0, s.images, dw.data());
            REQUIRE_CLOSE(dw, expectedWeightGradient(s, x, dy, 0, s.images, start));
            const int first = s.images / 3, last = s.images - s.images / 4;
            dw = start;
            backward.weightGradient(x, dy, first, last, dw.data());
            REQUIRE_CLOSE(dw, expectedWeightGradient(s, x, dy, first, last, start));
            // One image's maps, as the single-image call takes them.
            dw = start;
            backward.weightGradient(imageOf(x, s.images - 1), imageOf(dy, s.images - 1), dw.data());
            REQUIRE_CLOSE(dw, expectedWeightGradient(s, x, dy, s.images - 1, s.images, start));

            // The input gradient of the last image: overwritten (whatever was there), then
            // accumulated onto a start.
            const ConstFeatureMap g = imageOf(dy, s.images - 1);
            const std::vector<float> zeros(std::size_t(s.cin * s.h * s.w), 0.0f);
            std::vector<float> dx(zeros.size(), NAN);
            backward.inputGradient(g, mapOf(dx, s.cin, s.h, s.w));
            REQUIRE_CLOSE(dx, expectedInputGradient(s, weight, g, zeros));
            const std::vector<float> dxStart = randomValues(zeros.size(), 35);
            dx = dxStart;
            backward.inputGradient(g, mapOf(dx, s.cin, s.h, s.w), true);
            REQUIRE_CLOSE(dx, expectedInputGradient(s, weight, g, dxStart));
        }
    });
}
