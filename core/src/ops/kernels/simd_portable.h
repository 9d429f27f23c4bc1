#pragma once
// The portable "vector": 4 floats in a struct, plain C++ the compiler maps onto the build's
// baseline (SSE2 on x86-64). Only for kernels_portable.cpp.

namespace shufflescope::ops::kernels::portable {

struct Simd {
    static constexpr int kLanes = 4;
    struct V {
        float lane[kLanes];
    };
    static V zero() { return V{{0.0f, 0.0f, 0.0f, 0.0f}}; }
    static V broadcast(const float* p) { return V{{*p, *p, *p, *p}}; }
    static V load(const float* p) { return V{{p[0], p[1], p[2], p[3]}}; }
    static V loadFirst(const float* p, int n) {
        V v = zero();
        for (int i = 0; i < n; ++i) v.lane[i] = p[i];
        return v;
    }
    static void store(float* p, V v) {
        for (int i = 0; i < kLanes; ++i) p[i] = v.lane[i];
    }
    static void storeFirst(float* p, V v, int n) {
        for (int i = 0; i < n; ++i) p[i] = v.lane[i];
    }
    static V fma(V a, V b, V c) {
        for (int i = 0; i < kLanes; ++i) c.lane[i] += a.lane[i] * b.lane[i];
        return c;
    }
    static V add(V a, V b) {
        for (int i = 0; i < kLanes; ++i) a.lane[i] += b.lane[i];
        return a;
    }
    static V max(V a, V b) {
        for (int i = 0; i < kLanes; ++i) a.lane[i] = a.lane[i] > b.lane[i] ? a.lane[i] : b.lane[i];
        return a;
    }
    static float sum(V v) { return (v.lane[0] + v.lane[1]) + (v.lane[2] + v.lane[3]); }
};

}  // namespace shufflescope::ops::kernels::portable
