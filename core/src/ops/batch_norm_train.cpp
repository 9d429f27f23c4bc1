#include "shufflescope/ops/batch_norm_train.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <vector>

#include <omp.h>

namespace shufflescope::ops {

namespace {

// The inference batchNorm's threshold, over the whole batch.
constexpr int64_t kParallelWork = 65536;

struct BatchShape {
    int images, channels;
    int64_t pixels;  // H*W
    // Values per channel, the M of the statistics.
    int64_t values() const { return images * pixels; }
    // Plane (n, c) of an NCHW buffer.
    int64_t plane(int n, int c) const { return (int64_t(n) * channels + c) * pixels; }
};

BatchShape batchShape(const Tensor& t) {
    assert(t.rank() == 4);
    return {int(t.dim(0)), int(t.dim(1)), t.dim(2) * t.dim(3)};
}

// ReLU's mask on the gradient, reluBackward's rule (PyTorch's threshold_backward): 0 where the
// activated output is <= 0 — exactly +0, even where gradOut is NaN — else gradOut. Written as a
// bit mask: GCC 12 will not vectorise a select that loads gradOut only on one side (a possible
// trap), and the scalar loop's branch mispredicts on half the values (the fused backward ran at
// a fifth of the plain one's speed).
template <bool Relu>
inline float maskedGradient(const float* activated, const float* gradOut, int64_t p) {
    if constexpr (Relu) {
        const uint32_t keep = activated[p] <= 0.0f ? 0u : 0xFFFFFFFFu;
        return std::bit_cast<float>(std::bit_cast<uint32_t>(gradOut[p]) & keep);
    } else {
        return gradOut[p];
    }
}

// sum += sum(x - shift), squares += sum((x - shift)^2) over one plane.
inline void addShiftedSums(const float* x, int64_t pixels, double shift, double& sum,
                           double& squares) {
    double s = 0.0, q = 0.0;
#pragma omp simd reduction(+ : s, q)
    for (int64_t p = 0; p < pixels; ++p) {
        const double d = double(x[p]) - shift;
        s += d;
        q += d * d;
    }
    sum += s;
    squares += q;
}

// sumDy += sum(dy), sumDyCentered += sum(dy * (x - mean)) over one plane, dy masked by ReLU when
// fused.
template <bool Relu>
inline void addGradientSums(const float* x, const float* gradOut, const float* activated,
                            int64_t pixels, float mean, double& sumDy, double& sumDyCentered) {
    double s = 0.0, sc = 0.0;
#pragma omp simd reduction(+ : s, sc)
    for (int64_t p = 0; p < pixels; ++p) {
        const double d = maskedGradient<Relu>(activated, gradOut, p);
        s += d;
        sc += d * (double(x[p]) - mean);
    }
    sumDy += s;
    sumDyCentered += sc;
}

// Runs body(firstChannel, endChannel) on each thread's share of the channels (all of them when
// the batch is small). Every pass below walks its share image by image: within an image a share
// is one contiguous run of memory, so the passes stream. Walking a channel's planes one after the
// other instead jumps a whole image per plane, which for stage 4's 4x4 planes (one cache line
// each) made every read a cache and TLB miss: batch norm took 38% of a g = 8 training step.
template <class Body>
void forEachChannelShare(const BatchShape& s, Body body) {
    if (int64_t(s.channels) * s.values() <= kParallelWork || omp_in_parallel()) {
        body(0, s.channels);
        return;
    }
#pragma omp parallel
    {
        const int threads = omp_get_num_threads(), t = omp_get_thread_num();
        body(s.channels * t / threads, s.channels * (t + 1) / threads);
    }
}

// residual: nullptr, or a tensor of in's shape added after the affine map (before the ReLU).
template <bool Relu, bool Residual>
void forwardImpl(const Tensor& in, const float* gamma, const float* beta, const float* residual,
                 Tensor& out, float* savedMean, float* savedInvStd, float* runningMean,
                 float* runningVar, float momentum, float eps) {
    assert(out.shape() == in.shape());
    assert(Residual == (residual != nullptr));
    const BatchShape s = batchShape(in);
    const int64_t m = s.values();
    assert(m > 1 && "batch norm in training needs more than one value per channel");
    const float* x = in.data();
    float* y = out.data();
    // Per channel: the shift and the two shifted sums (the statistics go to savedMean/savedInvStd).
    std::vector<double> shifts(std::size_t(s.channels)), sums(shifts.size()),
        squareSums(shifts.size());

    forEachChannelShare(s, [&](int first, int end) {
        // One pass of shifted sums in double: shifting by a value of the channel keeps
        // sum(d^2) - sum(d)^2/M free of cancellation when |mean| >> std.
        for (int c = first; c < end; ++c) shifts[c] = x[s.plane(0, c)];
        for (int n = 0; n < s.images; ++n) {
            for (int c = first; c < end; ++c) {
                const float* src = x + s.plane(n, c);
                addShiftedSums(src, s.pixels, shifts[c], sums[c], squareSums[c]);
            }
        }
        for (int c = first; c < end; ++c) {
            const double mean = shifts[c] + sums[c] / double(m);
            const double squaredDeviations =
                std::max(squareSums[c] - sums[c] * sums[c] / double(m), 0.0);
            const double biasedVar = squaredDeviations / double(m);
            const double unbiasedVar = squaredDeviations / double(m - 1);
            const float invStd = float(1.0 / std::sqrt(biasedVar + double(eps)));
            savedMean[c] = float(mean);
            savedInvStd[c] = invStd;
            runningMean[c] = (1.0f - momentum) * runningMean[c] + momentum * float(mean);
            runningVar[c] = (1.0f - momentum) * runningVar[c] + momentum * float(unbiasedVar);
        }
        // The inference kernel's order of operations: (x - mean) * (invStd * gamma) + beta.
        for (int n = 0; n < s.images; ++n) {
            for (int c = first; c < end; ++c) {
                const float* src = x + s.plane(n, c);
                const float* res = Residual ? residual + s.plane(n, c) : nullptr;
                float* dst = y + s.plane(n, c);
                const float mu = savedMean[c], a = savedInvStd[c] * gamma[c], b = beta[c];
#pragma omp simd
                for (int64_t p = 0; p < s.pixels; ++p) {
                    float v = (src[p] - mu) * a + b;
                    if constexpr (Residual) v += res[p];  // addFeatureMaps' one addition
                    if constexpr (Relu)
                        dst[p] = v < 0.0f ? 0.0f : v;  // reluSpan's rule exactly
                    else
                        dst[p] = v;
                }
            }
        }
    });
}

template <bool Relu>
void backwardImpl(const Tensor& in, const float* gamma, const float* savedMean,
                  const float* savedInvStd, const float* activated, const Tensor& gradOut,
                  Tensor& gradIn, float* gradGamma, float* gradBeta) {
    assert(gradOut.shape() == in.shape() && gradIn.shape() == in.shape());
    const BatchShape s = batchShape(in);
    const int64_t m = s.values();
    const float* x = in.data();
    const float* dy = gradOut.data();
    float* dx = gradIn.data();  // may be dy: each value is read before it is written
    // Per channel: sum(dy), sum(dy * (x - mean)), then the two terms of dx that depend on them.
    std::vector<double> sumsDy(std::size_t(s.channels)), sumsDyCentered(sumsDy.size());
    std::vector<float> meansDy(sumsDy.size()), xCoefficients(sumsDy.size());

    forEachChannelShare(s, [&](int first, int end) {
        for (int n = 0; n < s.images; ++n) {
            for (int c = first; c < end; ++c) {
                const float mean = savedMean[c];
                const float* xs = x + s.plane(n, c);
                const float* ds = dy + s.plane(n, c);
                const float* as = Relu ? activated + s.plane(n, c) : nullptr;
                addGradientSums<Relu>(xs, ds, as, s.pixels, mean, sumsDy[c], sumsDyCentered[c]);
            }
        }
        // gradIn = gamma*invStd * (dy - sum(dy)/M - xhat * sum(dy*xhat)/M), with
        // xhat = (x - mean)*invStd folded into one affine map of (dy, x) per channel.
        for (int c = first; c < end; ++c) {
            const float invStd = savedInvStd[c];
            const double sumDyXhat = sumsDyCentered[c] * invStd;
            if (gradGamma) gradGamma[c] += float(sumDyXhat);
            if (gradBeta) gradBeta[c] += float(sumsDy[c]);
            meansDy[c] = float(sumsDy[c] / double(m));
            xCoefficients[c] = float(sumDyXhat / double(m)) * invStd;
        }
        for (int n = 0; n < s.images; ++n) {
            for (int c = first; c < end; ++c) {
                const float* xs = x + s.plane(n, c);
                const float* ds = dy + s.plane(n, c);
                const float* as = Relu ? activated + s.plane(n, c) : nullptr;
                float* dst = dx + s.plane(n, c);
                const float mean = savedMean[c], scale = gamma[c] * savedInvStd[c],
                            meanDy = meansDy[c], xCoefficient = xCoefficients[c];
#pragma omp simd
                for (int64_t p = 0; p < s.pixels; ++p)
                    dst[p] = scale * (maskedGradient<Relu>(as, ds, p) - meanDy -
                                      (xs[p] - mean) * xCoefficient);
            }
        }
    });
}

}  // namespace

void batchNormTrainForward(const Tensor& in, const float* gamma, const float* beta, Tensor& out,
                           float* savedMean, float* savedInvStd, float* runningMean,
                           float* runningVar, float momentum, float eps) {
    forwardImpl<false, false>(in, gamma, beta, nullptr, out, savedMean, savedInvStd, runningMean,
                              runningVar, momentum, eps);
}

void batchNormReluTrainForward(const Tensor& in, const float* gamma, const float* beta, Tensor& out,
                               float* savedMean, float* savedInvStd, float* runningMean,
                               float* runningVar, float momentum, float eps) {
    forwardImpl<true, false>(in, gamma, beta, nullptr, out, savedMean, savedInvStd, runningMean,
                             runningVar, momentum, eps);
}

void batchNormAddReluTrainForward(const Tensor& in, const float* gamma, const float* beta,
                                  const Tensor& residual, Tensor& out, float* savedMean,
                                  float* savedInvStd, float* runningMean, float* runningVar,
                                  float momentum, float eps) {
    assert(residual.shape() == in.shape());
    forwardImpl<true, true>(in, gamma, beta, residual.data(), out, savedMean, savedInvStd,
                            runningMean, runningVar, momentum, eps);
}

void batchNormTrainBackward(const Tensor& in, const float* gamma, const float* savedMean,
                            const float* savedInvStd, const Tensor& gradOut, Tensor& gradIn,
                            float* gradGamma, float* gradBeta) {
    backwardImpl<false>(in, gamma, savedMean, savedInvStd, nullptr, gradOut, gradIn, gradGamma,
                        gradBeta);
}

void batchNormReluTrainBackward(const Tensor& in, const float* gamma, const float* savedMean,
                                const float* savedInvStd, const Tensor& out, const Tensor& gradOut,
                                Tensor& gradIn, float* gradGamma, float* gradBeta) {
    assert(out.shape() == in.shape());
    backwardImpl<true>(in, gamma, savedMean, savedInvStd, out.data(), gradOut, gradIn, gradGamma,
                       gradBeta);
}

}  // namespace shufflescope::ops
