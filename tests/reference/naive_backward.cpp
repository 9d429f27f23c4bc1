#include "reference/naive_backward.h"

#include <cmath>
#include <cstddef>

namespace naive64 {

DVec toDouble(const std::vector<float>& v) {
    return DVec(v.begin(), v.end());
}

double dot(const DVec& a, const DVec& b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
    return s;
}

DVec conv2d(const DVec& in, int cin, int h, int w, const DVec& weight, int cout, int groups,
            int kernel, int stride, int padding) {
    const int outH = (h + 2 * padding - kernel) / stride + 1;
    const int outW = (w + 2 * padding - kernel) / stride + 1;
    const int cinG = cin / groups, coutG = cout / groups;
    DVec out(std::size_t(cout * outH * outW), 0.0);
    for (int o = 0; o < cout; ++o) {
        const int g = o / coutG;
        for (int y = 0; y < outH; ++y)
            for (int x = 0; x < outW; ++x) {
                double sum = 0;
                for (int i = 0; i < cinG; ++i)
                    for (int ky = 0; ky < kernel; ++ky)
                        for (int kx = 0; kx < kernel; ++kx) {
                            const int iy = y * stride - padding + ky,
                                      ix = x * stride - padding + kx;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                            const int c = g * cinG + i;
                            sum +=
                                in[std::size_t((c * h + iy) * w + ix)] *
                                weight[std::size_t(((o * cinG + i) * kernel + ky) * kernel + kx)];
                        }
                out[std::size_t((o * outH + y) * outW + x)] = sum;
            }
    }
    return out;
}

BatchNormTrainResult batchNormTrain(const DVec& in, int n, int c, int hw, const DVec& gamma,
                                    const DVec& beta, double eps) {
    BatchNormTrainResult r{DVec(in.size()), DVec(std::size_t(c)), DVec(std::size_t(c))};
    auto at = [&](int image, int ch, int p) { return std::size_t((image * c + ch) * hw + p); };
    const double m = double(n) * hw;
    for (int ch = 0; ch < c; ++ch) {
        double sum = 0;
        for (int i = 0; i < n; ++i)
            for (int p = 0; p < hw; ++p) sum += in[at(i, ch, p)];
        const double mean = sum / m;
        double squares = 0;
        for (int i = 0; i < n; ++i)
            for (int p = 0; p < hw; ++p)
                squares += (in[at(i, ch, p)] - mean) * (in[at(i, ch, p)] - mean);
        const double var = squares / m;
        r.mean[std::size_t(ch)] = mean;
        r.biasedVar[std::size_t(ch)] = var;
        for (int i = 0; i < n; ++i)
            for (int p = 0; p < hw; ++p)
                r.out[at(i, ch, p)] =
                    (in[at(i, ch, p)] - mean) / std::sqrt(var + eps) * gamma[std::size_t(ch)] +
                    beta[std::size_t(ch)];
    }
    return r;
}

DVec relu(const DVec& in) {
    DVec out(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) out[i] = in[i] > 0 ? in[i] : 0.0;
    return out;
}

namespace {
// `reduce(values inside the input, cells inside the padded input)`, as naive_ops.cpp.
template <typename Reduce>
DVec pool(const DVec& in, int c, int h, int w, int kernel, int stride, int padding, Reduce reduce) {
    const int outH = (h + 2 * padding - kernel) / stride + 1;
    const int outW = (w + 2 * padding - kernel) / stride + 1;
    DVec out(std::size_t(c * outH * outW));
    for (int ch = 0; ch < c; ++ch)
        for (int y = 0; y < outH; ++y)
            for (int x = 0; x < outW; ++x) {
                DVec window;
                int padded = 0;
                for (int ky = 0; ky < kernel; ++ky)
                    for (int kx = 0; kx < kernel; ++kx) {
                        const int iy = y * stride - padding + ky, ix = x * stride - padding + kx;
                        if (iy < h + padding && ix < w + padding) ++padded;
                        if (iy >= 0 && iy < h && ix >= 0 && ix < w)
                            window.push_back(in[std::size_t((ch * h + iy) * w + ix)]);
                    }
                out[std::size_t((ch * outH + y) * outW + x)] = reduce(window, padded);
            }
    return out;
}
}  // namespace

DVec maxPool(const DVec& in, int c, int h, int w, int kernel, int stride, int padding) {
    return pool(in, c, h, w, kernel, stride, padding, [](const DVec& v, int) {
        double m = -INFINITY;
        for (double x : v) m = x > m ? x : m;
        return m;
    });
}

DVec avgPool(const DVec& in, int c, int h, int w, int kernel, int stride, int padding) {
    return pool(in, c, h, w, kernel, stride, padding, [](const DVec& v, int padded) {
        double s = 0;
        for (double x : v) s += x;
        return s / padded;
    });
}

DVec channelShuffle(const DVec& in, int c, int hw, int groups) {
    const int n = c / groups;
    DVec out;
    out.reserve(in.size());
    for (int j = 0; j < n; ++j)
        for (int g = 0; g < groups; ++g)
            for (int p = 0; p < hw; ++p) out.push_back(in[std::size_t((g * n + j) * hw + p)]);
    return out;
}

DVec globalAvgPool(const DVec& in, int c, int hw) {
    DVec out(static_cast<std::size_t>(c));
    for (int ch = 0; ch < c; ++ch) {
        double s = 0;
        for (int p = 0; p < hw; ++p) s += in[std::size_t(ch * hw + p)];
        out[std::size_t(ch)] = s / hw;
    }
    return out;
}

DVec fullyConnected(const DVec& in, const DVec& weight, const DVec& bias, int out) {
    const std::size_t n = in.size();
    DVec result(static_cast<std::size_t>(out));
    for (int o = 0; o < out; ++o) {
        double s = bias.empty() ? 0.0 : bias[std::size_t(o)];
        for (std::size_t i = 0; i < n; ++i) s += weight[std::size_t(o) * n + i] * in[i];
        result[std::size_t(o)] = s;
    }
    return result;
}

double softmaxCrossEntropy(const DVec& logits, int label) {
    double sum = 0;
    for (double x : logits) sum += std::exp(x);
    return -std::log(std::exp(logits[std::size_t(label)]) / sum);
}

}  // namespace naive64
