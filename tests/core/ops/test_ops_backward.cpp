// Backward passes against finite differences. For every operator, a scalar loss
// L = sum(r * forward(x)) with a fixed random r (so dL/d(out) = r is the gradOut fed to the
// backward), evaluated in DOUBLE by the loops-only forwards of tests/reference/naive_backward.h;
// the float backward's dL/dx, dL/dweight, ... must match the central differences
// (L(x + h e_i) - L(x - h e_i)) / 2h at the same float point.
//
// Why double and this tolerance: with h = 1e-4, a double central difference is exact up to
// rounding (~1e-12 |L| / h) for the linear operators and within h^2 |L'''| ~ 1e-8 for batch norm
// and softmax, so the numeric side is ~1e-8 accurate and every reported mismatch is the float
// backward's. The float side rounds ~1e-7 per operation over sums of up to a few thousand terms,
// so |analytic - numeric| <= 1e-4 * max|numeric| + 1e-6 passes every correct gradient with a wide
// margin, while any wrong index, tap or scale is off by O(max|numeric|). Non-smooth operators are
// probed away from their kinks: ReLU inputs satisfy |x| >= 0.01 and max-pool inputs are distinct
// values 0.01 apart, far beyond h.
//
// Every test also pins the shared conventions: input gradients are OVERWRITTEN (their buffers
// start as NaN, so a missed cell fails), parameter gradients ACCUMULATE (their buffers start at a
// random offset that is subtracted before the check), and a null gradIn skips the input gradient
// without changing the parameter gradients.
// Big shapes that cross the operators' OpenMP thresholds probe an even spread of ~24 indices per
// tensor; small ones probe every index.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <span>
#include <sstream>
#include <string>

#include <omp.h>

#include "reference/naive_backward.h"
#include "shufflescope/ops/activation.h"
#include "shufflescope/ops/activation_backward.h"
#include "shufflescope/ops/batch_norm_train.h"
#include "shufflescope/ops/channel_shuffle.h"
#include "shufflescope/ops/channel_shuffle_backward.h"
#include "shufflescope/ops/convolution.h"
#include "shufflescope/ops/convolution_backward.h"
#include "shufflescope/ops/depthwise_conv_backward.h"
#include "shufflescope/ops/linear_backward.h"
#include "shufflescope/ops/merge_backward.h"
#include "shufflescope/ops/pointwise_conv_backward.h"
#include "shufflescope/ops/pooling_backward.h"
#include "shufflescope/ops/softmax_cross_entropy.h"
#include "support/tensor_compare.h"

using namespace shufflescope;
using naive64::dot;
using naive64::DVec;
using naive64::toDouble;
using testing_support::compareClose;
using testing_support::randomValues;

namespace {

// [SECTION] Finite differences

constexpr double kStep = 1e-4;
constexpr double kRelative = 1e-4;
constexpr double kAbsolute = 1e-6;
constexpr std::size_t kAllProbes = 100000;  // small shapes: every index
constexpr std::size_t kFewProbes = 24;      // shapes sized to cross the OpenMP thresholds
const float kNaN = std::numeric_limits<float>::quiet_NaN();

struct GradientCheck {
    bool ok = true;
    std::string report;
};

// Every index when there are at most maxProbes, otherwise an even spread including both ends.
std::vector<std::size_t> probeIndices(std::size_t count, std::size_t maxProbes) {
    std::vector<std::size_t> probes;
    if (count <= maxProbes) {
        probes.resize(count);
        std::iota(probes.begin(), probes.end(), std::size_t(0));
    } else {
        for (std::size_t k = 0; k < maxProbes; ++k)
            probes.push_back(k * (count - 1) / (maxProbes - 1));
    }
    return probes;
}

// Central differences of loss (a double function of all of x) against the analytic gradient.
template <typename Loss>
GradientCheck checkGradient(const std::vector<float>& x, std::span<const float> analytic, Loss loss,
                            std::size_t maxProbes) {
    GradientCheck check;
    if (analytic.size() != x.size()) {
        check.ok = false;
        check.report = "gradient has " + std::to_string(analytic.size()) + " values, expected " +
                       std::to_string(x.size());
        return check;
    }
    DVec point = toDouble(x);
    const std::vector<std::size_t> probes = probeIndices(x.size(), maxProbes);
    std::vector<double> numeric(probes.size());
    double scale = 0;
    for (std::size_t k = 0; k < probes.size(); ++k) {
        const std::size_t i = probes[k];
        const double saved = point[i];
        point[i] = saved + kStep;
        const double plus = loss(point);
        point[i] = saved - kStep;
        const double minus = loss(point);
        point[i] = saved;
        numeric[k] = (plus - minus) / (2 * kStep);
        scale = std::max(scale, std::fabs(numeric[k]));
    }
    const double bound = kRelative * scale + kAbsolute;
    double maxDiff = 0;
    std::ptrdiff_t firstBad = -1;
    for (std::size_t k = 0; k < probes.size(); ++k) {
        const double d = std::fabs(double(analytic[probes[k]]) - numeric[k]);
        if (!(d <= bound) && firstBad < 0) firstBad = std::ptrdiff_t(k);
        maxDiff = std::isnan(d) ? INFINITY : std::max(maxDiff, d);
    }
    check.ok = firstBad < 0;
    std::ostringstream out;
    out << "probed " << probes.size() << " of " << x.size() << "; max |analytic - numeric| "
        << maxDiff << " (bound " << bound << ", max |numeric| " << scale << ")";
    if (!check.ok) {
        const std::size_t k = std::size_t(firstBad);
        out << "; first bad index " << probes[k] << ": analytic " << analytic[probes[k]]
            << ", numeric " << numeric[k];
    }
    check.report = out.str();
    return check;
}

#define REQUIRE_GRADIENT(what, x, analytic, loss, maxProbes)                              \
    do {                                                                                  \
        const GradientCheck check_ = checkGradient((x), (analytic), (loss), (maxProbes)); \
        INFO(what << ": " << check_.report);                                              \
        REQUIRE(check_.ok);                                                               \
    } while (0)

// [SECTION] Helpers

FeatureMap mapOf(std::vector<float>& v, int c, int h, int w) {
    return {v.data(), c, h, w};
}
ConstFeatureMap mapOf(const std::vector<float>& v, int c, int h, int w) {
    return {v.data(), c, h, w};
}

std::size_t count(int c, int h, int w) {
    return std::size_t(c) * std::size_t(h) * std::size_t(w);
}

// An accumulated gradient minus the value its buffer started at.
std::vector<float> minus(const std::vector<float>& accumulated, const std::vector<float>& start) {
    std::vector<float> d(accumulated.size());
    for (std::size_t i = 0; i < d.size(); ++i) d[i] = accumulated[i] - start[i];
    return d;
}

Tensor tensorOf(const std::vector<float>& values, std::vector<int64_t> shape) {
    Tensor t(std::move(shape));
    std::copy(values.begin(), values.end(), t.data());
    return t;
}

std::vector<float> valuesOf(const Tensor& t) {
    return {t.data(), t.data() + t.size()};
}

// Random values with |x| >= 0.01: ReLU's kink at 0 stays far from x +- h.
std::vector<float> awayFromZero(std::size_t n, uint32_t seed) {
    std::vector<float> v = randomValues(n, seed);
    for (float& x : v) x = x < 0 ? x - 0.01f : x + 0.01f;
    return v;
}

// Distinct values 0.01 apart in random order: no window of a max pool has a tie within x +- h.
std::vector<float> distinctValues(std::size_t n, uint32_t seed) {
    std::vector<float> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = 0.01f * float(i) - 0.005f * float(n);
    std::shuffle(v.begin(), v.end(), std::mt19937(seed));
    return v;
}

int extent(int size, int kernel, int stride, int padding) {
    return ops::convOutputExtent(size, kernel, stride, padding);
}

}  // namespace

// [SECTION] Convolutions

TEST_CASE("pointwise convolution backward matches finite differences", "[backward]") {
    struct Case {
        int cin, cout, groups, h, w;
        std::size_t probes;
    };
    const std::vector<Case> cases = {
        {1, 1, 1, 1, 1, kAllProbes},       {3, 5, 1, 7, 5, kAllProbes},
        {8, 8, 8, 4, 3, kAllProbes},       {16, 32, 2, 5, 1, kAllProbes},
        {12, 24, 4, 3, 5, kAllProbes},     {30, 60, 5, 2, 2, kAllProbes},
        {36, 72, 6, 3, 3, kAllProbes},     {56, 112, 7, 2, 3, kAllProbes},
        {48, 96, 8, 3, 3, kAllProbes},     {6, 9, 3, 5, 5, kAllProbes},
        {120, 120, 3, 14, 14, kFewProbes},  // parallel: 40*40*196*3 MACs > 65536
        {48, 80, 1, 11, 13, kFewProbes}};   // parallel, several row blocks and column blocks
    for (const Case& c : cases) {
        CAPTURE(c.cin, c.cout, c.groups, c.h, c.w);
        const std::vector<float> in = randomValues(count(c.cin, c.h, c.w), 101);
        const std::vector<float> weight = randomValues(std::size_t(c.cout * c.cin / c.groups), 102);
        const std::vector<float> r = randomValues(count(c.cout, c.h, c.w), 103);
        const std::vector<float> start = randomValues(weight.size(), 104);
        std::vector<float> gradIn(in.size(), kNaN), gradWeight = start;
        ops::pointwiseConvBackward(mapOf(in, c.cin, c.h, c.w), weight.data(), c.groups,
                                   mapOf(r, c.cout, c.h, c.w), gradIn.data(), gradWeight.data());

        const DVec rd = toDouble(r), xd = toDouble(in), wd = toDouble(weight);
        auto lossOfInput = [&](const DVec& x) {
            return dot(rd, naive64::conv2d(x, c.cin, c.h, c.w, wd, c.cout, c.groups, 1, 1, 0));
        };
        auto lossOfWeight = [&](const DVec& wv) {
            return dot(rd, naive64::conv2d(xd, c.cin, c.h, c.w, wv, c.cout, c.groups, 1, 1, 0));
        };
        REQUIRE_GRADIENT("dL/din", in, gradIn, lossOfInput, c.probes);
        REQUIRE_GRADIENT("dL/dweight (accumulated)", weight, minus(gradWeight, start), lossOfWeight,
                         c.probes);

        std::vector<float> weightOnly = start;
        ops::pointwiseConvBackward(mapOf(in, c.cin, c.h, c.w), weight.data(), c.groups,
                                   mapOf(r, c.cout, c.h, c.w), nullptr, weightOnly.data());
        REQUIRE(weightOnly == gradWeight);
    }
}

TEST_CASE("depthwise 3x3 convolution backward matches finite differences", "[backward]") {
    struct Case {
        int c, h, w, stride;
        std::size_t probes;
    };
    const std::vector<Case> cases = {
        {1, 1, 1, 1, kAllProbes},    {1, 1, 1, 2, kAllProbes},  {3, 2, 2, 1, kAllProbes},
        {3, 2, 3, 2, kAllProbes},    {5, 7, 5, 1, kAllProbes},  {5, 7, 5, 2, kAllProbes},
        {4, 8, 8, 2, kAllProbes},    {6, 9, 13, 2, kAllProbes}, {7, 3, 17, 1, kAllProbes},
        {3, 5, 1, 1, kAllProbes},    {3, 5, 1, 2, kAllProbes},  {2, 1, 6, 2, kAllProbes},
        {2, 2, 9, 2, kAllProbes},    {2, 28, 28, 1, 300},       {2, 28, 28, 2, 300},
        {24, 28, 28, 1, kFewProbes},    // parallel: 24*28*28 > 16384
        {120, 23, 23, 2, kFewProbes}};  // parallel at stride 2: 120*12*12 > 16384
    for (const Case& c : cases) {
        CAPTURE(c.c, c.h, c.w, c.stride);
        const int oh = (c.h - 1) / c.stride + 1, ow = (c.w - 1) / c.stride + 1;
        const std::vector<float> in = randomValues(count(c.c, c.h, c.w), 111);
        const std::vector<float> weight = randomValues(std::size_t(c.c * 9), 112);
        const std::vector<float> r = randomValues(count(c.c, oh, ow), 113);
        const std::vector<float> start = randomValues(weight.size(), 114);
        std::vector<float> gradIn(in.size(), kNaN), gradWeight = start;
        ops::depthwiseConv3x3Backward(mapOf(in, c.c, c.h, c.w), weight.data(), c.stride,
                                      mapOf(r, c.c, oh, ow), gradIn.data(), gradWeight.data());

        const DVec rd = toDouble(r), xd = toDouble(in), wd = toDouble(weight);
        auto lossOfInput = [&](const DVec& x) {
            return dot(rd, naive64::conv2d(x, c.c, c.h, c.w, wd, c.c, c.c, 3, c.stride, 1));
        };
        auto lossOfWeight = [&](const DVec& wv) {
            return dot(rd, naive64::conv2d(xd, c.c, c.h, c.w, wv, c.c, c.c, 3, c.stride, 1));
        };
        REQUIRE_GRADIENT("dL/din", in, gradIn, lossOfInput, c.probes);
        REQUIRE_GRADIENT("dL/dweight (accumulated)", weight, minus(gradWeight, start), lossOfWeight,
                         c.probes);

        std::vector<float> weightOnly = start;
        ops::depthwiseConv3x3Backward(mapOf(in, c.c, c.h, c.w), weight.data(), c.stride,
                                      mapOf(r, c.c, oh, ow), nullptr, weightOnly.data());
        REQUIRE(weightOnly == gradWeight);
    }
}

TEST_CASE("depthwise backward with a source-channel map is the backward of shuffle then convolve",
          "[backward]") {
    for (int g : {2, 3, 4, 8})
        for (int stride : {1, 2}) {
            const int c = 2 * g, h = 6, w = 7;
            const int oh = (h - 1) / stride + 1, ow = (w - 1) / stride + 1;
            CAPTURE(g, stride);
            const std::vector<float> in = randomValues(count(c, h, w), 121);
            const std::vector<float> weight = randomValues(std::size_t(c * 9), 122);
            const std::vector<float> r = randomValues(count(c, oh, ow), 123);
            const std::vector<int> source = ops::channelShufflePermutation(c, g);
            std::vector<float> gradIn(in.size(), kNaN), gradWeight(weight.size(), 0.0f);
            ops::depthwiseConv3x3Backward(mapOf(in, c, h, w), weight.data(), stride,
                                          mapOf(r, c, oh, ow), gradIn.data(), gradWeight.data(),
                                          source.data());

            const DVec rd = toDouble(r), xd = toDouble(in), wd = toDouble(weight);
            auto lossOfInput = [&](const DVec& x) {
                const DVec shuffled = naive64::channelShuffle(x, c, h * w, g);
                return dot(rd, naive64::conv2d(shuffled, c, h, w, wd, c, c, 3, stride, 1));
            };
            auto lossOfWeight = [&](const DVec& wv) {
                const DVec shuffled = naive64::channelShuffle(xd, c, h * w, g);
                return dot(rd, naive64::conv2d(shuffled, c, h, w, wv, c, c, 3, stride, 1));
            };
            REQUIRE_GRADIENT("dL/din", in, gradIn, lossOfInput, kAllProbes);
            REQUIRE_GRADIENT("dL/dweight", weight, gradWeight, lossOfWeight, kAllProbes);
        }
}

TEST_CASE("dense and grouped KxK convolution backward matches finite differences", "[backward]") {
    struct Case {
        int cin, cout, groups, h, w, kernel, stride, padding;
        std::size_t probes;
    };
    const std::vector<Case> cases = {
        {1, 1, 1, 1, 1, 3, 1, 1, kAllProbes},    {3, 24, 1, 9, 9, 3, 2, 1, kAllProbes},
        {1, 12, 1, 7, 5, 3, 2, 1, kAllProbes},   {4, 6, 2, 8, 6, 3, 1, 1, kAllProbes},
        {6, 6, 6, 5, 5, 3, 2, 1, kAllProbes},    {5, 7, 1, 6, 7, 1, 1, 0, kAllProbes},
        {3, 8, 1, 10, 9, 5, 2, 2, kAllProbes},   {8, 16, 4, 7, 7, 2, 3, 0, kAllProbes},
        {3, 24, 1, 72, 72, 3, 2, 1, kFewProbes},   // the stem's shape class, parallel im2col
        {6, 40, 2, 40, 40, 3, 1, 1, kFewProbes}};  // parallel, grouped, several row blocks
    for (const Case& c : cases) {
        CAPTURE(c.cin, c.cout, c.groups, c.h, c.w, c.kernel, c.stride, c.padding);
        const int oh = extent(c.h, c.kernel, c.stride, c.padding);
        const int ow = extent(c.w, c.kernel, c.stride, c.padding);
        const std::vector<float> in = randomValues(count(c.cin, c.h, c.w), 131);
        const std::vector<float> weight =
            randomValues(std::size_t(c.cout * c.cin / c.groups * c.kernel * c.kernel), 132);
        const std::vector<float> r = randomValues(count(c.cout, oh, ow), 133);
        const std::vector<float> start = randomValues(weight.size(), 134);
        std::vector<float> scratch(
            std::size_t(ops::conv2dScratchSize(c.cin, c.groups, c.kernel, oh, ow)));
        std::vector<float> gradIn(in.size(), kNaN), gradWeight = start;
        ops::conv2dBackward(mapOf(in, c.cin, c.h, c.w), weight.data(), c.groups, c.kernel, c.stride,
                            c.padding, mapOf(r, c.cout, oh, ow), gradIn.data(), gradWeight.data(),
                            scratch.data());

        const DVec rd = toDouble(r), xd = toDouble(in), wd = toDouble(weight);
        auto lossOfInput = [&](const DVec& x) {
            return dot(rd, naive64::conv2d(x, c.cin, c.h, c.w, wd, c.cout, c.groups, c.kernel,
                                           c.stride, c.padding));
        };
        auto lossOfWeight = [&](const DVec& wv) {
            return dot(rd, naive64::conv2d(xd, c.cin, c.h, c.w, wv, c.cout, c.groups, c.kernel,
                                           c.stride, c.padding));
        };
        REQUIRE_GRADIENT("dL/din", in, gradIn, lossOfInput, c.probes);
        REQUIRE_GRADIENT("dL/dweight (accumulated)", weight, minus(gradWeight, start), lossOfWeight,
                         c.probes);

        std::vector<float> weightOnly = start;
        ops::conv2dBackward(mapOf(in, c.cin, c.h, c.w), weight.data(), c.groups, c.kernel, c.stride,
                            c.padding, mapOf(r, c.cout, oh, ow), nullptr, weightOnly.data(),
                            scratch.data());
        REQUIRE(weightOnly == gradWeight);
    }
}

TEST_CASE("a convolution bias's gradient is the sum of its channel's output gradient",
          "[backward]") {
    const int c = 5, h = 3, w = 7;
    const std::vector<float> y = randomValues(count(c, h, w), 141);
    const std::vector<float> bias = randomValues(std::size_t(c), 142);
    const std::vector<float> r = randomValues(y.size(), 143);
    const std::vector<float> start = randomValues(bias.size(), 144);
    std::vector<float> gradBias = start;
    ops::convBiasBackward(mapOf(r, c, h, w), gradBias.data());
    const DVec rd = toDouble(r), yd = toDouble(y);
    auto loss = [&](const DVec& b) {
        DVec out = yd;
        for (std::size_t i = 0; i < out.size(); ++i) out[i] += b[i / std::size_t(h * w)];
        return dot(rd, out);
    };
    REQUIRE_GRADIENT("dL/dbias (accumulated)", bias, minus(gradBias, start), loss, kAllProbes);
}

// [SECTION] Batch norm in training mode

TEST_CASE("batch norm training forward: the unbiased running variance of a hand-made batch",
          "[backward]") {
    // One channel holding {1, 3} over a batch of 2 images: mean 2, biased variance 1 (what
    // normalises: out = -+1/sqrt(1 + eps)), unbiased variance 2 (what the running average takes).
    const Tensor in = tensorOf({1.0f, 3.0f}, {2, 1, 1, 1});
    Tensor out({2, 1, 1, 1});
    const float gamma = 1.0f, beta = 0.0f;
    float mean = 0, invStd = 0, runningMean = 0.0f, runningVar = 1.0f;
    ops::batchNormTrainForward(in, &gamma, &beta, out, &mean, &invStd, &runningMean, &runningVar);
    REQUIRE(mean == 2.0f);
    REQUIRE(invStd == Approx(1.0 / std::sqrt(1.0 + 1e-5)));
    REQUIRE(out[0] == Approx(-1.0 / std::sqrt(1.0 + 1e-5)));
    REQUIRE(out[1] == Approx(1.0 / std::sqrt(1.0 + 1e-5)));
    REQUIRE(runningMean == Approx(0.9 * 0.0 + 0.1 * 2.0));
    REQUIRE(runningVar == Approx(0.9 * 1.0 + 0.1 * 2.0));
}

TEST_CASE("batch norm training forward uses batch statistics and updates running ones as PyTorch",
          "[backward]") {
    struct Case {
        int n, c, h, w;
        float offset, momentum;  // offset: added to every value (|mean| >> std)
    };
    const std::vector<Case> cases = {{2, 1, 1, 1, 0, 0.1f},    {1, 3, 2, 3, 0, 0.1f},
                                     {4, 5, 3, 3, 0, 0.3f},    {3, 7, 5, 1, 0, 0.1f},
                                     {4, 32, 24, 24, 0, 0.1f},  // parallel
                                     {2, 3, 4, 5, 1000, 0.1f}};
    for (const Case& c : cases) {
        CAPTURE(c.n, c.c, c.h, c.w, c.offset, c.momentum);
        const int hw = c.h * c.w;
        std::vector<float> values =
            randomValues(std::size_t(c.n) * count(c.c, c.h, c.w), 151, -2, 2);
        for (std::size_t i = 0; i < values.size(); ++i)  // a different mean per channel
            values[i] += c.offset + 0.25f * float((i / std::size_t(hw)) % std::size_t(c.c));
        const Tensor in = tensorOf(values, {c.n, c.c, c.h, c.w});
        const std::vector<float> gamma = randomValues(std::size_t(c.c), 152, 0.5f, 1.5f);
        const std::vector<float> beta = randomValues(std::size_t(c.c), 153);
        const std::vector<float> runningMean0 = randomValues(std::size_t(c.c), 154);
        const std::vector<float> runningVar0 = randomValues(std::size_t(c.c), 155, 0.5f, 2.0f);
        std::vector<float> runningMean = runningMean0, runningVar = runningVar0;
        std::vector<float> mean(std::size_t(c.c), kNaN), invStd(std::size_t(c.c), kNaN);
        Tensor out({c.n, c.c, c.h, c.w});
        ops::batchNormTrainForward(in, gamma.data(), beta.data(), out, mean.data(), invStd.data(),
                                   runningMean.data(), runningVar.data(), c.momentum);

        const auto expected = naive64::batchNormTrain(toDouble(values), c.n, c.c, hw,
                                                      toDouble(gamma), toDouble(beta));
        const double m = double(c.n) * hw;
        std::vector<float> outExpected(expected.out.begin(), expected.out.end());
        std::vector<float> meanExpected(std::size_t(c.c)), invStdExpected(std::size_t(c.c)),
            runningMeanExpected(std::size_t(c.c)), runningVarExpected(std::size_t(c.c));
        for (std::size_t k = 0; k < std::size_t(c.c); ++k) {
            meanExpected[k] = float(expected.mean[k]);
            invStdExpected[k] = float(1.0 / std::sqrt(expected.biasedVar[k] + 1e-5));
            runningMeanExpected[k] =
                float((1.0 - c.momentum) * runningMean0[k] + c.momentum * expected.mean[k]);
            runningVarExpected[k] = float((1.0 - c.momentum) * runningVar0[k] +
                                          c.momentum * expected.biasedVar[k] * m / (m - 1));
        }
        REQUIRE_CLOSE(valuesOf(out), outExpected);
        REQUIRE_CLOSE(mean, meanExpected);
        REQUIRE_CLOSE(invStd, invStdExpected);
        REQUIRE_CLOSE(runningMean, runningMeanExpected);
        REQUIRE_CLOSE(runningVar, runningVarExpected);
    }
}

TEST_CASE("batch norm training backward matches finite differences through the whole batch",
          "[backward]") {
    struct Case {
        int n, c, h, w;
        std::size_t probes;
    };
    const std::vector<Case> cases = {
        {2, 1, 1, 1, kAllProbes}, {1, 3, 2, 3, kAllProbes},
        {4, 5, 3, 3, kAllProbes}, {3, 7, 5, 1, kAllProbes},
        {5, 2, 7, 3, kAllProbes}, {4, 32, 24, 24, kFewProbes}};  // parallel
    for (const Case& c : cases) {
        CAPTURE(c.n, c.c, c.h, c.w);
        const int hw = c.h * c.w;
        const std::vector<int64_t> shape = {c.n, c.c, c.h, c.w};
        const std::vector<float> x =
            randomValues(std::size_t(c.n) * count(c.c, c.h, c.w), 161, -2, 2);
        const std::vector<float> gamma = randomValues(std::size_t(c.c), 162, 0.5f, 1.5f);
        const std::vector<float> beta = randomValues(std::size_t(c.c), 163);
        const std::vector<float> r = randomValues(x.size(), 164);
        const Tensor in = tensorOf(x, shape);
        Tensor out(shape);
        std::vector<float> mean(std::size_t(c.c)), invStd(std::size_t(c.c));
        std::vector<float> runningMean(std::size_t(c.c), 0.0f), runningVar(std::size_t(c.c), 1.0f);
        ops::batchNormTrainForward(in, gamma.data(), beta.data(), out, mean.data(), invStd.data(),
                                   runningMean.data(), runningVar.data());

        const Tensor gradOut = tensorOf(r, shape);
        Tensor gradIn = tensorOf(std::vector<float>(x.size(), kNaN), shape);
        const std::vector<float> gammaStart = randomValues(gamma.size(), 165);
        const std::vector<float> betaStart = randomValues(beta.size(), 166);
        std::vector<float> gradGamma = gammaStart, gradBeta = betaStart;
        ops::batchNormTrainBackward(in, gamma.data(), mean.data(), invStd.data(), gradOut, gradIn,
                                    gradGamma.data(), gradBeta.data());

        const DVec rd = toDouble(r), xd = toDouble(x), gd = toDouble(gamma), bd = toDouble(beta);
        auto lossOfInput = [&](const DVec& v) {
            return dot(rd, naive64::batchNormTrain(v, c.n, c.c, hw, gd, bd).out);
        };
        auto lossOfGamma = [&](const DVec& v) {
            return dot(rd, naive64::batchNormTrain(xd, c.n, c.c, hw, v, bd).out);
        };
        auto lossOfBeta = [&](const DVec& v) {
            return dot(rd, naive64::batchNormTrain(xd, c.n, c.c, hw, gd, v).out);
        };
        REQUIRE_GRADIENT("dL/din", x, valuesOf(gradIn), lossOfInput, c.probes);
        REQUIRE_GRADIENT("dL/dgamma (accumulated)", gamma, minus(gradGamma, gammaStart),
                         lossOfGamma, kAllProbes);
        REQUIRE_GRADIENT("dL/dbeta (accumulated)", beta, minus(gradBeta, betaStart), lossOfBeta,
                         kAllProbes);

        // In place (gradIn = gradOut), without parameter gradients: the same input gradient.
        Tensor inPlace = tensorOf(r, shape);
        ops::batchNormTrainBackward(in, gamma.data(), mean.data(), invStd.data(), inPlace, inPlace,
                                    nullptr, nullptr);
        REQUIRE(valuesOf(inPlace) == valuesOf(gradIn));
    }
}

TEST_CASE("batch norm + ReLU fused equals the two operators one after the other, bit for bit",
          "[backward]") {
    for (const std::vector<int64_t>& shape :
         std::vector<std::vector<int64_t>>{{2, 3, 4, 5}, {8, 30, 16, 16}}) {
        CAPTURE(shape);
        const int c = int(shape[1]);
        const int64_t size = shape[0] * shape[1] * shape[2] * shape[3];
        const Tensor in = tensorOf(randomValues(std::size_t(size), 181, -2, 2), shape);
        const std::vector<float> gamma = randomValues(std::size_t(c), 182, 0.5f, 1.5f);
        const std::vector<float> beta = randomValues(std::size_t(c), 183);  // some outputs < 0
        // NaN gradients where the ReLU blocks: both paths must give exactly 0 there, so nothing
        // reaches the sums (PyTorch's threshold_backward; a product with a 0/1 mask would not).
        Tensor gradOut = tensorOf(randomValues(std::size_t(size), 184), shape);
        {
            Tensor probe(shape);
            std::vector<float> m(std::size_t(c), 0.0f), v(std::size_t(c), 0.0f),
                rm(std::size_t(c), 0.0f), rv(std::size_t(c), 1.0f);
            ops::batchNormReluTrainForward(in, gamma.data(), beta.data(), probe, m.data(), v.data(),
                                           rm.data(), rv.data());
            for (int64_t i = 0; i < size; i += 2)
                if (probe.data()[i] == 0.0f) gradOut.data()[i] = kNaN;
        }
        struct Result {
            Tensor out, gradIn;
            std::vector<float> mean, invStd, runningMean, runningVar, gradGamma, gradBeta;
        };
        const auto run = [&](bool fused) {
            Result r{Tensor(shape),
                     Tensor(shape),
                     std::vector<float>(std::size_t(c)),
                     std::vector<float>(std::size_t(c)),
                     std::vector<float>(std::size_t(c), 0.0f),
                     std::vector<float>(std::size_t(c), 1.0f),
                     std::vector<float>(std::size_t(c), 0.0f),
                     std::vector<float>(std::size_t(c), 0.0f)};
            if (fused) {
                ops::batchNormReluTrainForward(in, gamma.data(), beta.data(), r.out, r.mean.data(),
                                               r.invStd.data(), r.runningMean.data(),
                                               r.runningVar.data());
                ops::batchNormReluTrainBackward(in, gamma.data(), r.mean.data(), r.invStd.data(),
                                                r.out, gradOut, r.gradIn, r.gradGamma.data(),
                                                r.gradBeta.data());
            } else {
                Tensor normalised(shape), masked(shape);
                ops::batchNormTrainForward(in, gamma.data(), beta.data(), normalised, r.mean.data(),
                                           r.invStd.data(), r.runningMean.data(),
                                           r.runningVar.data());
                ops::relu(normalised.data(), r.out.data(), size);
                ops::reluBackward(r.out.data(), gradOut.data(), masked.data(), size);
                ops::batchNormTrainBackward(in, gamma.data(), r.mean.data(), r.invStd.data(),
                                            masked, r.gradIn, r.gradGamma.data(),
                                            r.gradBeta.data());
            }
            return r;
        };
        const Result fused = run(true), separate = run(false);
        REQUIRE(std::count_if(fused.out.data(), fused.out.data() + size,
                              [](float v) { return v == 0.0f; }) > 0);
        REQUIRE(valuesOf(fused.out) == valuesOf(separate.out));
        REQUIRE(valuesOf(fused.gradIn) == valuesOf(separate.gradIn));
        REQUIRE(std::all_of(fused.gradIn.data(), fused.gradIn.data() + size,
                            [](float v) { return std::isfinite(v); }));
        REQUIRE(std::all_of(fused.gradGamma.begin(), fused.gradGamma.end(),
                            [](float v) { return std::isfinite(v); }));
        REQUIRE(fused.runningMean == separate.runningMean);
        REQUIRE(fused.runningVar == separate.runningVar);
        REQUIRE(fused.gradGamma == separate.gradGamma);
        REQUIRE(fused.gradBeta == separate.gradBeta);
    }
}

TEST_CASE("batch norm training gives the same bits on one thread as on three uneven channel shares",
          "[backward]") {
    // Each thread takes a share of the channels and walks it image by image; a channel's sums
    // must not depend on the share it falls in, and no channel may be left out or done twice.
    const std::vector<int64_t> shape{8, 31, 17, 17};  // above the parallel threshold; 31 = 10+10+11
    const int c = int(shape[1]);
    const int64_t size = shape[0] * shape[1] * shape[2] * shape[3];
    const Tensor in = tensorOf(randomValues(std::size_t(size), 191, -2, 2), shape);
    const std::vector<float> gamma = randomValues(std::size_t(c), 192, 0.5f, 1.5f);
    const std::vector<float> beta = randomValues(std::size_t(c), 193);
    const Tensor gradOut = tensorOf(randomValues(std::size_t(size), 194), shape);
    struct Result {
        std::vector<float> out, gradIn, mean, invStd, runningMean, runningVar, gradGamma, gradBeta;
    };
    const bool fused = GENERATE(true, false);
    CAPTURE(fused);
    const auto run = [&](int threads) {
        const int previous = omp_get_max_threads();
        const int previousDynamic = omp_get_dynamic();
        omp_set_dynamic(0);  // the team must have exactly `threads`, or the test proves nothing
        omp_set_num_threads(threads);
        int team = 0;
#pragma omp parallel
        {
#pragma omp single
            team = omp_get_num_threads();
        }
        REQUIRE(team == threads);
        const std::size_t n = std::size_t(c);
        std::vector<float> mean(n), invStd(n), runningMean(n, 0.0f), runningVar(n, 1.0f),
            gradGamma(n, 0.0f), gradBeta(n, 0.0f);
        Tensor out(shape), gradIn(shape);
        if (fused) {
            ops::batchNormReluTrainForward(in, gamma.data(), beta.data(), out, mean.data(),
                                           invStd.data(), runningMean.data(), runningVar.data());
            ops::batchNormReluTrainBackward(in, gamma.data(), mean.data(), invStd.data(), out,
                                            gradOut, gradIn, gradGamma.data(), gradBeta.data());
        } else {
            ops::batchNormTrainForward(in, gamma.data(), beta.data(), out, mean.data(),
                                       invStd.data(), runningMean.data(), runningVar.data());
            ops::batchNormTrainBackward(in, gamma.data(), mean.data(), invStd.data(), gradOut,
                                        gradIn, gradGamma.data(), gradBeta.data());
        }
        omp_set_num_threads(previous);
        omp_set_dynamic(previousDynamic);
        return Result{valuesOf(out), valuesOf(gradIn), mean,      invStd,
                      runningMean,   runningVar,       gradGamma, gradBeta};
    };
    const Result one = run(1), three = run(3);
    REQUIRE(one.out == three.out);
    REQUIRE(one.gradIn == three.gradIn);
    REQUIRE(one.mean == three.mean);
    REQUIRE(one.invStd == three.invStd);
    REQUIRE(one.runningMean == three.runningMean);
    REQUIRE(one.runningVar == three.runningVar);
    REQUIRE(one.gradGamma == three.gradGamma);
    REQUIRE(one.gradBeta == three.gradBeta);
    // Every channel was normalised: its gradient with respect to beta is its sum of (masked) dy.
    REQUIRE(
        std::none_of(one.gradBeta.begin(), one.gradBeta.end(), [](float v) { return v == 0.0f; }));
}

// [SECTION] ReLU

TEST_CASE("ReLU backward matches finite differences and passes nothing where the input was 0",
          "[backward]") {
    const std::vector<float> x = awayFromZero(999, 171);
    const std::vector<float> r = randomValues(x.size(), 172);
    std::vector<float> out(x.size()), gradIn(x.size(), kNaN);
    ops::relu(x.data(), out.data(), int64_t(x.size()));
    ops::reluBackward(out.data(), r.data(), gradIn.data(), int64_t(x.size()));
    const DVec rd = toDouble(r);
    auto loss = [&](const DVec& v) { return dot(rd, naive64::relu(v)); };
    REQUIRE_GRADIENT("dL/din", x, gradIn, loss, kAllProbes);

    // PyTorch's threshold_backward: the gradient at in == 0 (out == 0) is 0.
    const std::vector<float> kink = {0.0f, -0.0f, -1.0f, 2.0f}, ones(4, 1.0f);
    std::vector<float> kinkOut(4), kinkGrad(4, kNaN);
    ops::relu(kink.data(), kinkOut.data(), 4);
    ops::reluBackward(kinkOut.data(), ones.data(), kinkGrad.data(), 4);
    REQUIRE(kinkGrad == std::vector<float>{0.0f, 0.0f, 0.0f, 1.0f});
    // And at the edges, as threshold_backward(grad, result, 0): a blocked position gives exactly
    // +0 even for a NaN gradient; a NaN output (from a NaN input) passes its gradient on.
    const std::vector<float> edgeIn = {-1.0f, kNaN, 3.0f}, edgeGrad = {kNaN, 2.0f, kNaN};
    std::vector<float> edgeOut(3), edgeGradIn(3);
    ops::relu(edgeIn.data(), edgeOut.data(), 3);
    ops::reluBackward(edgeOut.data(), edgeGrad.data(), edgeGradIn.data(), 3);
    REQUIRE(edgeGradIn[0] == 0.0f);
    REQUIRE_FALSE(std::signbit(edgeGradIn[0]));
    REQUIRE(edgeGradIn[1] == 2.0f);
    REQUIRE(std::isnan(edgeGradIn[2]));

    // In place and past the parallel threshold: the definition, exactly.
    const std::size_t big = 300000;
    const std::vector<float> bigIn = randomValues(big, 173), bigGrad = randomValues(big, 174);
    std::vector<float> bigOut(big), inPlace = bigGrad;
    ops::relu(bigIn.data(), bigOut.data(), int64_t(big));
    ops::reluBackward(bigOut.data(), inPlace.data(), inPlace.data(), int64_t(big));
    for (std::size_t i = 0; i < big; ++i)
        if (inPlace[i] != (bigIn[i] > 0 ? bigGrad[i] : 0.0f)) FAIL("index " << i);
}

// [SECTION] Pooling

TEST_CASE("max and average pooling backward match finite differences", "[backward]") {
    struct Case {
        int c, h, w, kernel, stride, padding;
        std::size_t probes;
    };
    const std::vector<Case> cases = {
        {1, 1, 1, 3, 2, 1, kAllProbes},
        {2, 2, 2, 3, 2, 1, kAllProbes},
        {3, 7, 7, 3, 2, 1, kAllProbes},
        {4, 8, 6, 3, 2, 1, kAllProbes},
        {3, 5, 9, 3, 1, 1, kAllProbes},
        {2, 6, 7, 2, 2, 0, kAllProbes},
        {2, 9, 8, 3, 3, 0, kAllProbes},
        {24, 56, 56, 3, 2, 1, kFewProbes}};  // the stem pool's shape class, parallel
    for (const Case& c : cases) {
        CAPTURE(c.c, c.h, c.w, c.kernel, c.stride, c.padding);
        const int oh = extent(c.h, c.kernel, c.stride, c.padding);
        const int ow = extent(c.w, c.kernel, c.stride, c.padding);
        const std::vector<float> in = distinctValues(count(c.c, c.h, c.w), 181);
        const std::vector<float> r = randomValues(count(c.c, oh, ow), 182);
        const DVec rd = toDouble(r);

        std::vector<float> gradMax(in.size(), kNaN);
        ops::maxPool2dBackward(mapOf(in, c.c, c.h, c.w), c.kernel, c.stride, c.padding,
                               mapOf(r, c.c, oh, ow), mapOf(gradMax, c.c, c.h, c.w));
        auto maxLoss = [&](const DVec& x) {
            return dot(rd, naive64::maxPool(x, c.c, c.h, c.w, c.kernel, c.stride, c.padding));
        };
        REQUIRE_GRADIENT("max pool dL/din", in, gradMax, maxLoss, c.probes);

        std::vector<float> gradAvg(in.size(), kNaN);
        ops::avgPool2dBackward(c.kernel, c.stride, c.padding, mapOf(r, c.c, oh, ow),
                               mapOf(gradAvg, c.c, c.h, c.w));
        auto avgLoss = [&](const DVec& x) {
            return dot(rd, naive64::avgPool(x, c.c, c.h, c.w, c.kernel, c.stride, c.padding));
        };
        REQUIRE_GRADIENT("average pool dL/din", in, gradAvg, avgLoss, c.probes);
    }
}

TEST_CASE("max pool backward gives a tied window's gradient to its first maximum, as PyTorch",
          "[backward]") {
    // A constant 4x4 map (as after a ReLU that zeroed a region), 3x3/2 pad 1: every window is a
    // tie, and the first cell inside the input (row-major) of each window takes its gradient.
    const std::vector<float> constant(16, 0.0f), grad = {1, 2, 3, 4};
    std::vector<float> gradIn(16, kNaN);
    ops::maxPool2dBackward(mapOf(constant, 1, 4, 4), 3, 2, 1, mapOf(grad, 1, 2, 2),
                           mapOf(gradIn, 1, 4, 4));
    REQUIRE(gradIn == std::vector<float>{1, 2, 0, 0,  //
                                         3, 4, 0, 0,  //
                                         0, 0, 0, 0,  //
                                         0, 0, 0, 0});

    // Three equal maxima, none at the window's start: the first in scan order (index 1) wins.
    const std::vector<float> window = {0.5f, 1, 0.2f, 1, 0.3f, 1, 0, 0, 0.9f}, one = {1};
    std::vector<float> gradWindow(9, kNaN);
    ops::maxPool2dBackward(mapOf(window, 1, 3, 3), 3, 1, 0, mapOf(one, 1, 1, 1),
                           mapOf(gradWindow, 1, 3, 3));
    REQUIRE(gradWindow == std::vector<float>{0, 1, 0, 0, 0, 0, 0, 0, 0});

    // The same rule on the vectorised path (windows of a 3x3/2/1 pool inside the input): in a
    // 5x5 map, output (1, 1) covers rows and columns 1..3; its maxima 1 at (2, 1) and (3, 3) tie.
    std::vector<float> map(25, 0.0f);
    map[2 * 5 + 1] = map[3 * 5 + 3] = 1.0f;
    const std::vector<float> onlyCentre = {0, 0, 0, 0, 1, 0, 0, 0, 0};
    std::vector<float> gradMap(25, kNaN);
    ops::maxPool2dBackward(mapOf(map, 1, 5, 5), 3, 2, 1, mapOf(onlyCentre, 1, 3, 3),
                           mapOf(gradMap, 1, 5, 5));
    std::vector<float> expected(25, 0.0f);
    expected[2 * 5 + 1] = 1.0f;
    REQUIRE(gradMap == expected);

    // A NaN is taken as the maximum (PyTorch: a NaN propagates through the pool), on both paths.
    map[3 * 5 + 2] = kNaN;
    ops::maxPool2dBackward(mapOf(map, 1, 5, 5), 3, 2, 1, mapOf(onlyCentre, 1, 3, 3),
                           mapOf(gradMap, 1, 5, 5));
    std::fill(expected.begin(), expected.end(), 0.0f);
    expected[3 * 5 + 2] = 1.0f;
    REQUIRE(gradMap == expected);
    ops::maxPool2dBackward(mapOf(map, 1, 5, 5), 3, 1, 0, mapOf(onlyCentre, 1, 3, 3),
                           mapOf(gradMap, 1, 5, 5));
    std::fill(expected.begin(), expected.end(), 0.0f);
    expected[3 * 5 + 2] = 1.0f;  // output (1, 1) of the 3x3/1 pool covers rows/columns 1..3
    REQUIRE(gradMap == expected);
}

TEST_CASE("average pool backward divides by 9 at the corner, counting zero padding", "[backward]") {
    const std::vector<float> grad = {9, 0, 0, 0};
    std::vector<float> gradIn(16, kNaN);
    ops::avgPool2dBackward(3, 2, 1, mapOf(grad, 1, 2, 2), mapOf(gradIn, 1, 4, 4));
    // The corner window's 4 cells inside the input get 9/9; its 5 padded cells' shares vanish.
    REQUIRE(gradIn == std::vector<float>{1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
}

TEST_CASE("global average pool backward spreads each channel's gradient evenly", "[backward]") {
    for (auto [c, h, w] : {std::tuple{1, 1, 1}, {5, 3, 4}, {3, 7, 7}}) {
        CAPTURE(c, h, w);
        const std::vector<float> in = randomValues(count(c, h, w), 191);
        const std::vector<float> r = randomValues(std::size_t(c), 192);
        std::vector<float> gradIn(in.size(), kNaN);
        ops::globalAvgPoolBackward(r.data(), mapOf(gradIn, c, h, w));
        const DVec rd = toDouble(r);
        auto loss = [&](const DVec& x) { return dot(rd, naive64::globalAvgPool(x, c, h * w)); };
        REQUIRE_GRADIENT("dL/din", in, gradIn, loss, kAllProbes);
    }
}

// [SECTION] Shuffle and merges

TEST_CASE("channel shuffle backward is the inverse permutation", "[backward]") {
    for (int g = 1; g <= 8; ++g)
        for (int n : {1, 2, 5}) {
            const int c = g * n, h = 2, w = 3;
            CAPTURE(g, n);
            const std::vector<float> in = randomValues(count(c, h, w), 201);
            const std::vector<float> r = randomValues(in.size(), 202);
            std::vector<float> gradIn(in.size(), kNaN);
            ops::channelShuffleBackward(mapOf(r, c, h, w), g, mapOf(gradIn, c, h, w));
            const DVec rd = toDouble(r);
            auto loss = [&](const DVec& x) {
                return dot(rd, naive64::channelShuffle(x, c, h * w, g));
            };
            REQUIRE_GRADIENT("dL/din", in, gradIn, loss, kAllProbes);

            // Undoing the forward exactly.
            std::vector<float> shuffled(in.size()), restored(in.size(), kNaN);
            ops::channelShuffle(mapOf(in, c, h, w), g, mapOf(shuffled, c, h, w));
            ops::channelShuffleBackward(mapOf(shuffled, c, h, w), g, mapOf(restored, c, h, w));
            REQUIRE(restored == in);
        }
}

TEST_CASE("add and concat backward hand gradOut to their inputs", "[backward]") {
    const int ca = 3, cb = 5, h = 2, w = 3;
    const std::vector<float> a = randomValues(count(ca, h, w), 211);
    const std::vector<float> a2 = randomValues(count(ca, h, w), 212);
    const std::vector<float> b = randomValues(count(cb, h, w), 213);
    const DVec ad = toDouble(a), a2d = toDouble(a2), bd = toDouble(b);

    const std::vector<float> rAdd = randomValues(a.size(), 214);
    std::vector<float> gradA(a.size(), kNaN), gradA2(a.size(), kNaN);
    ops::addFeatureMapsBackward(mapOf(rAdd, ca, h, w), gradA.data(), gradA2.data());
    const DVec rAddD = toDouble(rAdd);
    auto addLossA = [&](const DVec& x) {
        DVec s = x;
        for (std::size_t i = 0; i < s.size(); ++i) s[i] += a2d[i];
        return dot(rAddD, s);
    };
    auto addLossB = [&](const DVec& x) {
        DVec s = x;
        for (std::size_t i = 0; i < s.size(); ++i) s[i] += ad[i];
        return dot(rAddD, s);
    };
    REQUIRE_GRADIENT("add dL/da", a, gradA, addLossA, kAllProbes);
    REQUIRE_GRADIENT("add dL/db", a2, gradA2, addLossB, kAllProbes);

    const std::vector<float> rCat = randomValues(a.size() + b.size(), 215);
    std::vector<float> gradCatA(a.size(), kNaN), gradCatB(b.size(), kNaN);
    ops::concatChannelsBackward(mapOf(rCat, ca + cb, h, w), ca, gradCatA.data(), gradCatB.data());
    const DVec rCatD = toDouble(rCat);
    auto catLossA = [&](const DVec& x) {
        DVec joined = x;
        joined.insert(joined.end(), bd.begin(), bd.end());
        return dot(rCatD, joined);
    };
    auto catLossB = [&](const DVec& x) {
        DVec joined = ad;
        joined.insert(joined.end(), x.begin(), x.end());
        return dot(rCatD, joined);
    };
    REQUIRE_GRADIENT("concat dL/da", a, gradCatA, catLossA, kAllProbes);
    REQUIRE_GRADIENT("concat dL/db", b, gradCatB, catLossB, kAllProbes);

    // A null output is skipped; the other is still written.
    std::vector<float> onlyB(b.size(), kNaN);
    ops::concatChannelsBackward(mapOf(rCat, ca + cb, h, w), ca, nullptr, onlyB.data());
    REQUIRE(onlyB == gradCatB);
    std::vector<float> onlyA(a.size(), kNaN);
    ops::addFeatureMapsBackward(mapOf(rAdd, ca, h, w), onlyA.data(), nullptr);
    REQUIRE(onlyA == gradA);
}

// [SECTION] Head

TEST_CASE("fully connected backward matches finite differences", "[backward]") {
    struct Case {
        int in, out;
        std::size_t probes;
    };
    const std::vector<Case> cases = {{1, 1, kAllProbes},
                                     {60, 10, kAllProbes},
                                     {17, 33, kAllProbes},
                                     {960, 1000, kFewProbes}};  // parallel: 960*1000 > 262144
    for (const Case& c : cases) {
        CAPTURE(c.in, c.out);
        const std::vector<float> x = randomValues(std::size_t(c.in), 221);
        const std::vector<float> weight = randomValues(std::size_t(c.in) * std::size_t(c.out), 222);
        const std::vector<float> bias = randomValues(std::size_t(c.out), 223);
        const std::vector<float> r = randomValues(std::size_t(c.out), 224);
        const std::vector<float> weightStart = randomValues(weight.size(), 225);
        const std::vector<float> biasStart = randomValues(bias.size(), 226);
        std::vector<float> gradIn(x.size(), kNaN), gradWeight = weightStart, gradBias = biasStart;
        ops::fullyConnectedBackward(x.data(), weight.data(), r.data(), c.in, c.out, gradIn.data(),
                                    gradWeight.data(), gradBias.data());

        const DVec rd = toDouble(r), xd = toDouble(x), wd = toDouble(weight), bd = toDouble(bias);
        auto lossOfInput = [&](const DVec& v) {
            return dot(rd, naive64::fullyConnected(v, wd, bd, c.out));
        };
        auto lossOfWeight = [&](const DVec& v) {
            return dot(rd, naive64::fullyConnected(xd, v, bd, c.out));
        };
        auto lossOfBias = [&](const DVec& v) {
            return dot(rd, naive64::fullyConnected(xd, wd, v, c.out));
        };
        REQUIRE_GRADIENT("dL/din", x, gradIn, lossOfInput, c.probes);
        REQUIRE_GRADIENT("dL/dweight (accumulated)", weight, minus(gradWeight, weightStart),
                         lossOfWeight, c.probes);
        REQUIRE_GRADIENT("dL/dbias (accumulated)", bias, minus(gradBias, biasStart), lossOfBias,
                         c.probes);

        std::vector<float> weightOnly = weightStart;
        ops::fullyConnectedBackward(x.data(), weight.data(), r.data(), c.in, c.out, nullptr,
                                    weightOnly.data(), nullptr);
        REQUIRE(weightOnly == gradWeight);
    }
}

TEST_CASE("fully connected batch backward equals the sum of the per-image backwards",
          "[backward]") {
    struct Case {
        int batch, in, out;
    };
    for (const Case& c : {Case{1, 1, 1}, Case{3, 7, 4}, Case{5, 240, 300}}) {  // last: parallel
        CAPTURE(c.batch, c.in, c.out);
        const std::vector<float> x = randomValues(std::size_t(c.batch * c.in), 231);
        const std::vector<float> weight = randomValues(std::size_t(c.in * c.out), 232);
        const std::vector<float> r = randomValues(std::size_t(c.batch * c.out), 233);
        const std::vector<float> weightStart = randomValues(weight.size(), 234);
        const std::vector<float> biasStart = randomValues(std::size_t(c.out), 235);

        std::vector<float> gradIn(x.size(), kNaN), gradWeight = weightStart, gradBias = biasStart;
        ops::fullyConnectedBackwardBatch(x.data(), weight.data(), r.data(), c.batch, c.in, c.out,
                                         gradIn.data(), gradWeight.data(), gradBias.data());

        std::vector<float> perImageIn(x.size()), perImageWeight = weightStart,
                                                 perImageBias = biasStart;
        for (int n = 0; n < c.batch; ++n)
            ops::fullyConnectedBackward(x.data() + n * c.in, weight.data(), r.data() + n * c.out,
                                        c.in, c.out, perImageIn.data() + n * c.in,
                                        perImageWeight.data(), perImageBias.data());
        REQUIRE_CLOSE(gradIn, perImageIn);
        REQUIRE_CLOSE(minus(gradWeight, weightStart), minus(perImageWeight, weightStart));
        REQUIRE_CLOSE(minus(gradBias, biasStart), minus(perImageBias, biasStart));

        // And against finite differences of the batch loss, for the weight.
        const DVec rd = toDouble(r), xd = toDouble(x);
        auto lossOfWeight = [&](const DVec& v) {
            double loss = 0;
            for (int n = 0; n < c.batch; ++n) {
                const DVec image(xd.begin() + n * c.in, xd.begin() + (n + 1) * c.in);
                const DVec rImage(rd.begin() + n * c.out, rd.begin() + (n + 1) * c.out);
                loss += dot(rImage, naive64::fullyConnected(image, v, {}, c.out));
            }
            return loss;
        };
        REQUIRE_GRADIENT("dL/dweight (batch)", weight, minus(gradWeight, weightStart), lossOfWeight,
                         kFewProbes);
    }
}

TEST_CASE("softmax cross-entropy: loss and gradient match the definition and finite differences",
          "[backward]") {
    struct Case {
        int classes, label;
    };
    for (const Case& c : {Case{1, 0}, Case{2, 1}, Case{10, 0}, Case{10, 7}, Case{1000, 999}}) {
        CAPTURE(c.classes, c.label);
        const std::vector<float> logits = randomValues(std::size_t(c.classes), 241, -3, 3);
        std::vector<float> grad(logits.size(), kNaN);
        const float loss = ops::softmaxCrossEntropy(logits.data(), c.classes, c.label, grad.data());
        const DVec ld = toDouble(logits);
        REQUIRE(loss == Approx(naive64::softmaxCrossEntropy(ld, c.label)).margin(1e-6));
        auto lossOfLogits = [&](const DVec& v) { return naive64::softmaxCrossEntropy(v, c.label); };
        REQUIRE_GRADIENT("dL/dlogits", logits, grad, lossOfLogits, kAllProbes);
        // softmax sums to 1 and the one-hot to 1: the gradient sums to 0.
        double sum = 0;
        for (float g : grad) sum += g;
        REQUIRE(sum == Approx(0.0).margin(1e-6));
        REQUIRE(ops::softmaxCrossEntropy(logits.data(), c.classes, c.label, nullptr) == loss);
    }
}

TEST_CASE("softmax cross-entropy is stable: shifting the logits by 1000 changes nothing",
          "[backward]") {
    const std::vector<float> logits = randomValues(10, 251, -100, 100);
    std::vector<float> shifted = logits, grad(10), gradShifted(10);
    for (float& v : shifted) v += 1000.0f;  // exp(1000) overflows double, let alone float
    const float loss = ops::softmaxCrossEntropy(logits.data(), 10, 3, grad.data());
    const float lossShifted = ops::softmaxCrossEntropy(shifted.data(), 10, 3, gradShifted.data());
    REQUIRE(std::isfinite(loss));
    // The shift rounds the logits to float's spacing at 1000 (6e-5): compare within that.
    REQUIRE(lossShifted == Approx(loss).margin(1e-3));
    for (std::size_t j = 0; j < grad.size(); ++j) {
        REQUIRE(std::isfinite(gradShifted[j]));
        REQUIRE(gradShifted[j] == Approx(grad[j]).margin(1e-3));
    }
}

TEST_CASE("softmax cross-entropy over a batch: the mean loss and gradients divided by N",
          "[backward]") {
    const int batch = 4, classes = 6;
    const std::vector<float> logits = randomValues(std::size_t(batch * classes), 261, -2, 2);
    const std::vector<int> labels = {0, 5, 2, 2};
    std::vector<float> grad(logits.size(), kNaN);
    const float mean =
        ops::softmaxCrossEntropyBatch(logits.data(), batch, classes, labels.data(), grad.data());
    double total = 0;
    for (int n = 0; n < batch; ++n) {
        std::vector<float> single(static_cast<std::size_t>(classes));
        total += ops::softmaxCrossEntropy(logits.data() + n * classes, classes,
                                          labels[std::size_t(n)], single.data());
        for (int j = 0; j < classes; ++j)
            REQUIRE(grad[std::size_t(n * classes + j)] ==
                    Approx(single[std::size_t(j)] / batch).margin(1e-7));
    }
    REQUIRE(mean == Approx(total / batch));
}

// [SECTION] Reentrancy

TEST_CASE("per-image backward calls from parallel threads agree with the serial results",
          "[backward]") {
    // How a trainer uses them: one image per thread, weight gradients in per-thread buffers. The
    // operators' own parallel regions then run nested, one thread each, and take one GEMM per
    // group instead of blocks: the same values up to rounding (the blocking changes the GEMM
    // kernels' summation order), and no shared state between the calls.
    const int images = 4, cin = 24, cout = 48, groups = 3, h = 14, w = 14;
    std::vector<std::vector<float>> inputs, grads;
    for (int n = 0; n < images; ++n) {
        inputs.push_back(randomValues(count(cin, h, w), 271 + uint32_t(n)));
        grads.push_back(randomValues(count(cout, h, w), 281 + uint32_t(n)));
    }
    const std::vector<float> weight = randomValues(std::size_t(cout * cin / groups), 291);
    const std::vector<float> dwWeight = randomValues(std::size_t(cout * 9), 292);
    // The depthwise pass reads gradOut's [48, 14, 14] maps as its input: any map of that shape
    // serves.
    auto run = [&](int n, std::vector<float>& gradIn, std::vector<float>& gradWeight,
                   std::vector<float>& dwGradIn, std::vector<float>& dwGradWeight) {
        ops::pointwiseConvBackward(mapOf(inputs[std::size_t(n)], cin, h, w), weight.data(), groups,
                                   mapOf(grads[std::size_t(n)], cout, h, w), gradIn.data(),
                                   gradWeight.data());
        ops::depthwiseConv3x3Backward(mapOf(grads[std::size_t(n)], cout, h, w), dwWeight.data(), 2,
                                      mapOf(grads[std::size_t(n)], cout, 7, 7), dwGradIn.data(),
                                      dwGradWeight.data());
    };
    std::vector<std::vector<float>> serial(4 * images), parallel(4 * images);
    for (auto* results : {&serial, &parallel})
        for (int n = 0; n < images; ++n) {
            (*results)[std::size_t(4 * n)].assign(count(cin, h, w), kNaN);
            (*results)[std::size_t(4 * n + 1)].assign(weight.size(), 0.0f);
            (*results)[std::size_t(4 * n + 2)].assign(count(cout, h, w), kNaN);
            (*results)[std::size_t(4 * n + 3)].assign(dwWeight.size(), 0.0f);
        }
    auto slot = [](std::vector<std::vector<float>>& r, int n, int k) -> std::vector<float>& {
        return r[std::size_t(4 * n + k)];
    };
    for (int n = 0; n < images; ++n)
        run(n, slot(serial, n, 0), slot(serial, n, 1), slot(serial, n, 2), slot(serial, n, 3));
#pragma omp parallel for schedule(static, 1)
    for (int n = 0; n < images; ++n)
        run(n, slot(parallel, n, 0), slot(parallel, n, 1), slot(parallel, n, 2),
            slot(parallel, n, 3));
    for (std::size_t k = 0; k < serial.size(); ++k) {
        CAPTURE(k / 4, k % 4);
        REQUIRE_CLOSE(parallel[k], serial[k]);
    }
}
