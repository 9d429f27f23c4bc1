// The 1x1 convolution kernel's body, written once over a Simd type (simd_<set>.h) and included by
// each kernels_<set>.cpp inside its own namespace, after its Simd and its kRows / kVectors (the
// register tile: kRows output channels by kVectors vectors of pixels, kRows * kVectors
// accumulators). Not a header: it has no include guard on purpose.
//
// Every output element is finished in one pass over its inputs — the group's depth (16 to 320
// here) always fits — so there is no partial sum to store and reload: the bias, the residual and
// the ReLU are applied in registers on the way out. Ranges that do not fill a tile use smaller
// instantiations (fewer rows, fewer vectors, a partial last vector), not padding.

namespace {

constexpr int kLanes = Simd::kLanes;
using V = Simd::V;

// One register tile: Rows output channels starting at `row`, Vectors vectors of pixels starting
// at p; the last vector holds `lastLanes` pixels (Partial) or a full vector.
template <int Rows, int Vectors, bool Partial>
void tile(const PointwiseGroup& g, const float* panel, int row, int64_t p, int lastLanes) {
    V acc[Rows][Vectors];
#pragma GCC unroll 16
    for (int r = 0; r < Rows; ++r)
#pragma GCC unroll 4
        for (int v = 0; v < Vectors; ++v) acc[r][v] = Simd::zero();
    const float* x = g.x + p;
    for (int k = 0; k < g.depth; ++k, x += g.xStride, panel += kRows) {
        V in[Vectors];
#pragma GCC unroll 4
        for (int v = 0; v < Vectors; ++v)
            in[v] = (Partial && v == Vectors - 1) ? Simd::loadFirst(x + v * kLanes, lastLanes)
                                                  : Simd::load(x + v * kLanes);
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) {
            const V w = Simd::broadcast(panel + r);
#pragma GCC unroll 4
            for (int v = 0; v < Vectors; ++v) acc[r][v] = Simd::fma(w, in[v], acc[r][v]);
        }
    }
    const V zero = Simd::zero();
#pragma GCC unroll 16
    for (int r = 0; r < Rows; ++r) {
        const int64_t at = int64_t(row + r) * g.yStride + p;
        const V b = Simd::broadcast(g.bias + row + r);
#pragma GCC unroll 4
        for (int v = 0; v < Vectors; ++v) {
            const bool partial = Partial && v == Vectors - 1;
            V out = Simd::add(acc[r][v], b);
            if (g.residual)
                out = Simd::add(out, partial
                                         ? Simd::loadFirst(g.residual + at + v * kLanes, lastLanes)
                                         : Simd::load(g.residual + at + v * kLanes));
            if (g.relu) out = Simd::max(out, zero);
            if (partial)
                Simd::storeFirst(g.y + at + v * kLanes, out, lastLanes);
            else
                Simd::store(g.y + at + v * kLanes, out);
        }
    }
}

// Picks the instantiation for `rows` (1..kRows) and `vectors` (1..kVectors) at compile time.
template <int Rows, int Vectors>
void tileOfWidth(const PointwiseGroup& g, const float* panel, int row, int64_t p, int vectors,
                 int lastLanes) {
    if constexpr (Vectors > 1) {
        if (vectors < Vectors) {
            tileOfWidth<Rows, Vectors - 1>(g, panel, row, p, vectors, lastLanes);
            return;
        }
    }
    if (lastLanes == kLanes)
        tile<Rows, Vectors, false>(g, panel, row, p, lastLanes);
    else
        tile<Rows, Vectors, true>(g, panel, row, p, lastLanes);
}

template <int Rows>
void tileOfSize(const PointwiseGroup& g, const float* panel, int row, int rows, int64_t p,
                int vectors, int lastLanes) {
    if constexpr (Rows > 1) {
        if (rows < Rows) {
            tileOfSize<Rows - 1>(g, panel, row, rows, p, vectors, lastLanes);
            return;
        }
    }
    tileOfWidth<Rows, kVectors>(g, panel, row, p, vectors, lastLanes);
}

// Pixel tiles outside, weight panels inside: a tile's inputs (depth x kVectors vectors) are read
// by every panel while they are in cache.
void pointwise(const PointwiseGroup& g, int64_t begin, int64_t end) {
    constexpr int64_t kColumns = int64_t(kVectors) * kLanes;
    for (int64_t p = begin; p < end; p += kColumns) {
        const int64_t columns = end - p < kColumns ? end - p : kColumns;
        const int vectors = int((columns + kLanes - 1) / kLanes);
        const int lastLanes = int(columns - int64_t(vectors - 1) * kLanes);
        const float* panel = g.panels;
        for (int row = 0; row < g.rows; row += kRows, panel += int64_t(kRows) * g.depth) {
            const int rows = g.rows - row < kRows ? g.rows - row : kRows;
            tileOfSize<kRows>(g, panel, row, rows, p, vectors, lastLanes);
        }
    }
}

}  // namespace
