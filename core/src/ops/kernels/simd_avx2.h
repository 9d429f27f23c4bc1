#pragma once
// 8 float lanes (AVX2 + FMA). Only for kernels_avx2.cpp, compiled with those flags. Partial
// vectors use maskload / maskstore, which do not touch the lanes past n (no fault past the end).

#include <immintrin.h>

namespace shufflescope::ops::kernels::avx2 {

struct Simd {
    using V = __m256;
    static constexpr int kLanes = 8;
    static V zero() { return _mm256_setzero_ps(); }
    static V broadcast(const float* p) { return _mm256_broadcast_ss(p); }
    static V load(const float* p) { return _mm256_loadu_ps(p); }
    static V loadFirst(const float* p, int n) { return _mm256_maskload_ps(p, mask(n)); }
    static void store(float* p, V v) { _mm256_storeu_ps(p, v); }
    static void storeFirst(float* p, V v, int n) { _mm256_maskstore_ps(p, mask(n), v); }
    static V fma(V a, V b, V c) { return _mm256_fmadd_ps(a, b, c); }
    static V add(V a, V b) { return _mm256_add_ps(a, b); }
    static V max(V a, V b) { return _mm256_max_ps(a, b); }
    static float sum(V v) {
        __m128 half = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
        half = _mm_add_ps(half, _mm_movehl_ps(half, half));
        return _mm_cvtss_f32(_mm_add_ss(half, _mm_movehdup_ps(half)));
    }

  private:
    // Lane i is on when i < n: compare the lane numbers with n.
    static __m256i mask(int n) {
        return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    }
};

}  // namespace shufflescope::ops::kernels::avx2
