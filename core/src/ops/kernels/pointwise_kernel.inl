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

// A few pixels left over (at most half a vector; stage 4's 7 x 7 = 49 leaves one after three
// vectors): vectorised across the panel's output rows instead — each pixel's accumulator holds
// kRows rows, the weights are read as they are packed — so no FMA is spent on empty lanes. N
// pixels at a time (1..4), their accumulators in registers.
// kRows floats as one vector (GCC's vector extension: a ymm register in the AVX-512 set, xmm in
// AVX2); aligned(4) so a packed panel's row of weights loads from wherever it starts.
typedef float RowVector __attribute__((vector_size(kRows * sizeof(float)), aligned(4)));

template <int N>
void narrowTile(const PointwiseGroup& g, const float* panel, int row, int rows, int64_t p) {
    RowVector acc[N];
#pragma GCC unroll 4
    for (int j = 0; j < N; ++j) acc[j] = RowVector{};
    const float* x = g.x + p;
    for (int k = 0; k < g.depth; ++k, x += g.xStride, panel += kRows) {
        const RowVector w = *reinterpret_cast<const RowVector*>(panel);
#pragma GCC unroll 4
        for (int j = 0; j < N; ++j) acc[j] += w * x[j];
    }
    for (int r = 0; r < rows; ++r) {
        const int64_t at = int64_t(row + r) * g.yStride + p;
        for (int j = 0; j < N; ++j) {
            float out = acc[j][r] + g.bias[row + r];
            if (g.residual) out += g.residual[at + j];
            if (g.relu) out = out > 0.0f ? out : 0.0f;
            g.y[at + j] = out;
        }
    }
}

void narrowColumns(const PointwiseGroup& g, const float* panel, int row, int rows, int64_t p,
                   int columns) {
    for (; columns >= 4; columns -= 4, p += 4) narrowTile<4>(g, panel, row, rows, p);
    if (columns == 3) narrowTile<3>(g, panel, row, rows, p);
    if (columns == 2) narrowTile<2>(g, panel, row, rows, p);
    if (columns == 1) narrowTile<1>(g, panel, row, rows, p);
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
            if (vectors == 1 && lastLanes * 2 <= kLanes)
                narrowColumns(g, panel, row, rows, p, lastLanes);
            else
                tileOfSize<kRows>(g, panel, row, rows, p, vectors, lastLanes);
        }
    }
}

}  // namespace
