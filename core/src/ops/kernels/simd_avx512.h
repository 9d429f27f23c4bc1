#pragma once
// 16 float lanes (AVX-512F with VL, DQ, BW). Only for kernels_avx512.cpp, compiled with those
// flags. Partial vectors use the mask registers: a masked load never touches the lanes past n.

#include <immintrin.h>

namespace shufflescope::ops::kernels::avx512 {

struct Simd {
    using V = __m512;
    static constexpr int kLanes = 16;
    static V zero() { return _mm512_setzero_ps(); }
    static V broadcast(const float* p) { return _mm512_set1_ps(*p); }
    static V load(const float* p) { return _mm512_loadu_ps(p); }
    static V loadFirst(const float* p, int n) { return _mm512_maskz_loadu_ps(mask(n), p); }
    static void store(float* p, V v) { _mm512_storeu_ps(p, v); }
    static void storeFirst(float* p, V v, int n) { _mm512_mask_storeu_ps(p, mask(n), v); }
    static V fma(V a, V b, V c) { return _mm512_fmadd_ps(a, b, c); }
    static V add(V a, V b) { return _mm512_add_ps(a, b); }
    static V max(V a, V b) { return _mm512_max_ps(a, b); }
    // In-register halvings with the zero-masked shuffles: GCC 12's unmasked ones (and
    // _mm512_reduce_add_ps) merge into an undefined register, which -Wuninitialized reports.
    static float sum(V v) {
        v = _mm512_add_ps(v, _mm512_maskz_shuffle_f32x4(0xFFFF, v, v, _MM_SHUFFLE(1, 0, 3, 2)));
        v = _mm512_add_ps(v, _mm512_maskz_shuffle_f32x4(0xFFFF, v, v, _MM_SHUFFLE(2, 3, 0, 1)));
        v = _mm512_add_ps(v, _mm512_maskz_permute_ps(0xFFFF, v, _MM_SHUFFLE(1, 0, 3, 2)));
        v = _mm512_add_ps(v, _mm512_maskz_permute_ps(0xFFFF, v, _MM_SHUFFLE(2, 3, 0, 1)));
        return _mm512_cvtss_f32(v);
    }

  private:
    static __mmask16 mask(int n) { return __mmask16((1u << n) - 1u); }
};

}  // namespace shufflescope::ops::kernels::avx512
