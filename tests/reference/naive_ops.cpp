#include "reference/naive_ops.h"

#include <cmath>

namespace naive {

Vec conv2d(const Vec& in, int cin, int h, int w, const Vec& weight, const Vec& bias, int cout,
           int groups, int kernel, int stride, int padding, int& outH, int& outW) {
    outH = (h + 2 * padding - kernel) / stride + 1;
    outW = (w + 2 * padding - kernel) / stride + 1;
    const int cinG = cin / groups, coutG = cout / groups;
    Vec out(std::size_t(cout * outH * outW), 0.0f);
    for (int o = 0; o < cout; ++o) {
        const int g = o / coutG;
        for (int y = 0; y < outH; ++y)
            for (int x = 0; x < outW; ++x) {
                double sum = bias.empty() ? 0.0 : bias[std::size_t(o)];
                for (int i = 0; i < cinG; ++i)
                    for (int ky = 0; ky < kernel; ++ky)
                        for (int kx = 0; kx < kernel; ++kx) {
                            const int iy = y * stride - padding + ky,
                                      ix = x * stride - padding + kx;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                            const int c = g * cinG + i;
                            sum +=
                                double(in[std::size_t((c * h + iy) * w + ix)]) *
                                weight[std::size_t(((o * cinG + i) * kernel + ky) * kernel + kx)];
                        }
                out[std::size_t((o * outH + y) * outW + x)] = float(sum);
            }
    }
    return out;
}

Vec batchNorm(const Vec& in, int c, int hw, const Vec& gamma, const Vec& beta, const Vec& mean,
              const Vec& var, float eps) {
    Vec out(in.size());
    for (int ch = 0; ch < c; ++ch)
        for (int p = 0; p < hw; ++p) {
            const std::size_t i = std::size_t(ch * hw + p);
            const std::size_t k = std::size_t(ch);
            out[i] = float((double(in[i]) - mean[k]) / std::sqrt(double(var[k]) + eps) * gamma[k] +
                           beta[k]);
        }
    return out;
}

Vec relu(const Vec& in) {
    Vec out(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) out[i] = in[i] > 0 ? in[i] : 0.0f;
    return out;
}

namespace {
template <typename Reduce>
Vec pool(const Vec& in, int c, int h, int w, int kernel, int stride, int padding, int& outH,
         int& outW, Reduce reduce) {
    outH = (h + 2 * padding - kernel) / stride + 1;
    outW = (w + 2 * padding - kernel) / stride + 1;
    Vec out(std::size_t(c * outH * outW));
    for (int ch = 0; ch < c; ++ch)
        for (int y = 0; y < outH; ++y)
            for (int x = 0; x < outW; ++x) {
                std::vector<float> window;  // values inside the input
                int padded = 0;             // window cells inside the padded input
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

Vec maxPool(const Vec& in, int c, int h, int w, int kernel, int stride, int padding, int& outH,
            int& outW) {
    return pool(in, c, h, w, kernel, stride, padding, outH, outW,
                [](const std::vector<float>& v, int) {
                    float m = -INFINITY;
                    for (float x : v) m = x > m ? x : m;
                    return m;
                });
}

Vec avgPool(const Vec& in, int c, int h, int w, int kernel, int stride, int padding, int& outH,
            int& outW) {
    return pool(in, c, h, w, kernel, stride, padding, outH, outW,
                [](const std::vector<float>& v, int padded) {
                    double s = 0;
                    for (float x : v) s += x;
                    return float(s / padded);
                });
}

Vec channelShuffle(const Vec& in, int c, int hw, int groups) {
    const int n = c / groups;
    // reshape: element (g, j, p) = in[(g*n + j)*hw + p]; transpose -> (j, g, p); flatten.
    Vec out;
    out.reserve(in.size());
    for (int j = 0; j < n; ++j)
        for (int g = 0; g < groups; ++g)
            for (int p = 0; p < hw; ++p) out.push_back(in[std::size_t((g * n + j) * hw + p)]);
    return out;
}

Vec concat(const Vec& a, const Vec& b) {
    Vec out(a);
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

Vec add(const Vec& a, const Vec& b) {
    Vec out(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out[i] = a[i] + b[i];
    return out;
}

Vec globalAvgPool(const Vec& in, int c, int hw) {
    Vec out(static_cast<std::size_t>(c));
    for (int ch = 0; ch < c; ++ch) {
        double s = 0;
        for (int p = 0; p < hw; ++p) s += in[std::size_t(ch * hw + p)];
        out[std::size_t(ch)] = float(s / hw);
    }
    return out;
}

Vec fullyConnected(const Vec& in, const Vec& weight, const Vec& bias, int out) {
    const std::size_t n = in.size();
    Vec result(static_cast<std::size_t>(out));
    for (int o = 0; o < out; ++o) {
        double s = bias.empty() ? 0.0 : bias[std::size_t(o)];
        for (std::size_t i = 0; i < n; ++i) s += double(weight[std::size_t(o) * n + i]) * in[i];
        result[std::size_t(o)] = float(s);
    }
    return result;
}

Vec softmax(const Vec& in) {
    double m = -INFINITY;
    for (float x : in) m = x > m ? x : m;
    double sum = 0;
    for (float x : in) sum += std::exp(x - m);
    Vec out(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) out[i] = float(std::exp(in[i] - m) / sum);
    return out;
}

}  // namespace naive
