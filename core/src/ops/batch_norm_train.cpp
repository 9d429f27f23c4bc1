#include "shufflescope/ops/batch_norm_train.h"

#include <algorithm>
#include <cassert>
#include <cmath>

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

// ReLU's mask on the gradient: the gradient at a BN output is gradOut where the activated output
// is positive (PyTorch's threshold_backward, as reluBackward), else 0.
template <bool Relu>
inline float maskedGradient(const float* activated, const float* gradOut, int64_t p) {
    if constexpr (Relu) return activated[p] > 0.0f ? gradOut[p] : 0.0f;
    else return gradOut[p];
}

template <bool Relu>
void forwardImpl(const Tensor& in, const float* gamma, const float* beta, Tensor& out, float* savedMean,
                 float* savedInvStd, float* runningMean, float* runningVar, float momentum, float eps) {
    assert(out.shape() == in.shape());
    const BatchShape s = batchShape(in);
    const int64_t m = s.values();
    assert(m > 1 && "batch norm in training needs more than one value per channel");
    const float* x = in.data();
    float* y = out.data();

#pragma omp parallel for schedule(static) if (s.channels * m > kParallelWork)
    for (int c = 0; c < s.channels; ++c) {
        // One pass of shifted sums in double: shifting by a value of the channel keeps
        // sum(d^2) - sum(d)^2/M free of cancellation when |mean| >> std.
        const double shift = x[s.plane(0, c)];
        double sum = 0.0, squares = 0.0;
        for (int n = 0; n < s.images; ++n) {
            const float* src = x + s.plane(n, c);
#pragma omp simd reduction(+ : sum, squares)
            for (int64_t p = 0; p < s.pixels; ++p) {
                const double d = double(src[p]) - shift;
                sum += d;
                squares += d * d;
            }
        }
        const double mean = shift + sum / double(m);
        const double squaredDeviations = std::max(squares - sum * sum / double(m), 0.0);
        const double biasedVar = squaredDeviations / double(m);
        const double unbiasedVar = squaredDeviations / double(m - 1);
        const float invStd = float(1.0 / std::sqrt(biasedVar + double(eps)));
        savedMean[c] = float(mean);
        savedInvStd[c] = invStd;
        runningMean[c] = (1.0f - momentum) * runningMean[c] + momentum * float(mean);
        runningVar[c] = (1.0f - momentum) * runningVar[c] + momentum * float(unbiasedVar);

        // The inference kernel's order of operations: (x - mean) * (invStd * gamma) + beta.
        const float mu = float(mean), a = invStd * gamma[c], b = beta[c];
        for (int n = 0; n < s.images; ++n) {
            const float* src = x + s.plane(n, c);
            float* dst = y + s.plane(n, c);
#pragma omp simd
            for (int64_t p = 0; p < s.pixels; ++p) {
                const float v = (src[p] - mu) * a + b;
                if constexpr (Relu) dst[p] = v < 0.0f ? 0.0f : v;  // reluSpan's rule exactly
                else dst[p] = v;
            }
        }
    }
}

template <bool Relu>
void backwardImpl(const Tensor& in, const float* gamma, const float* savedMean, const float* savedInvStd,
                  const float* activated, const Tensor& gradOut, Tensor& gradIn, float* gradGamma,
                  float* gradBeta) {
    assert(gradOut.shape() == in.shape() && gradIn.shape() == in.shape());
    const BatchShape s = batchShape(in);
    const int64_t m = s.values();
    const float* x = in.data();
    const float* dy = gradOut.data();
    float* dx = gradIn.data();  // may be dy: each value is read before it is written

#pragma omp parallel for schedule(static) if (s.channels * m > kParallelWork)
    for (int c = 0; c < s.channels; ++c) {
        const float mean = savedMean[c], invStd = savedInvStd[c];
        double sumDy = 0.0, sumDyCentered = 0.0;  // sum(dy), sum(dy * (x - mean))
        for (int n = 0; n < s.images; ++n) {
            const float* xs = x + s.plane(n, c);
            const float* ds = dy + s.plane(n, c);
            const float* as = Relu ? activated + s.plane(n, c) : nullptr;
#pragma omp simd reduction(+ : sumDy, sumDyCentered)
            for (int64_t p = 0; p < s.pixels; ++p) {
                const float d = maskedGradient<Relu>(as, ds, p);
                sumDy += d;
                sumDyCentered += double(d) * (double(xs[p]) - mean);
            }
        }
        const double sumDyXhat = sumDyCentered * invStd;
        if (gradGamma) gradGamma[c] += float(sumDyXhat);
        if (gradBeta) gradBeta[c] += float(sumDy);

        // gradIn = gamma*invStd * (dy - sum(dy)/M - xhat * sum(dy*xhat)/M), with
        // xhat = (x - mean)*invStd folded into one affine map of (dy, x) per channel.
        const float scale = gamma[c] * invStd;
        const float meanDy = float(sumDy / double(m));
        const float xCoefficient = float(sumDyXhat / double(m)) * invStd;
        for (int n = 0; n < s.images; ++n) {
            const float* xs = x + s.plane(n, c);
            const float* ds = dy + s.plane(n, c);
            const float* as = Relu ? activated + s.plane(n, c) : nullptr;
            float* dst = dx + s.plane(n, c);
#pragma omp simd
            for (int64_t p = 0; p < s.pixels; ++p)
                dst[p] = scale * (maskedGradient<Relu>(as, ds, p) - meanDy - (xs[p] - mean) * xCoefficient);
        }
    }
}

}  // namespace

void batchNormTrainForward(const Tensor& in, const float* gamma, const float* beta, Tensor& out,
                           float* savedMean, float* savedInvStd, float* runningMean,
                           float* runningVar, float momentum, float eps) {
    forwardImpl<false>(in, gamma, beta, out, savedMean, savedInvStd, runningMean, runningVar, momentum, eps);
}

void batchNormReluTrainForward(const Tensor& in, const float* gamma, const float* beta, Tensor& out,
                               float* savedMean, float* savedInvStd, float* runningMean,
                               float* runningVar, float momentum, float eps) {
    forwardImpl<true>(in, gamma, beta, out, savedMean, savedInvStd, runningMean, runningVar, momentum, eps);
}

void batchNormTrainBackward(const Tensor& in, const float* gamma, const float* savedMean,
                            const float* savedInvStd, const Tensor& gradOut, Tensor& gradIn,
                            float* gradGamma, float* gradBeta) {
    backwardImpl<false>(in, gamma, savedMean, savedInvStd, nullptr, gradOut, gradIn, gradGamma, gradBeta);
}

void batchNormReluTrainBackward(const Tensor& in, const float* gamma, const float* savedMean,
                                const float* savedInvStd, const Tensor& out, const Tensor& gradOut,
                                Tensor& gradIn, float* gradGamma, float* gradBeta) {
    assert(out.shape() == in.shape());
    backwardImpl<true>(in, gamma, savedMean, savedInvStd, out.data(), gradOut, gradIn, gradGamma, gradBeta);
}

}  // namespace shufflescope::ops
