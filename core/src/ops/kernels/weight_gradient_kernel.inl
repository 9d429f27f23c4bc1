// The 1x1 convolution's weight-gradient kernel, written once over a Simd type (simd_<set>.h) and
// included by each kernels_<set>.cpp inside its own namespace, after its Simd and its
// kGradientRows / kGradientDepth (the register tile: that many weights' sums, one accumulator
// each). Not a header: it has no include guard on purpose.
//
// dw[r][k] is a dot product of two planes, dy's row r and x's row k, summed over the images: each
// accumulator holds a vector of partial sums across pixels and images and is reduced to one float
// only at the end of a run of images. Summing the images in registers (rather than one image at a
// time) is what makes small planes cheap: at 4 x 4 pixels a single image is one vector per row.

namespace {

// Images per pass over the tiles: their planes of the group (dy's and x's rows) stay in the L2
// cache while every tile reads them.
constexpr int64_t kGradientChunkFloats = 64 * 1024;

template <int Rows, int Depth>
void gradientTile(const PointwiseWeightGradient& g, int row, int k, int firstImage, int lastImage) {
    constexpr int kVectorLanes = Simd::kLanes;
    using Vector = Simd::V;
    Vector acc[Rows][Depth];
#pragma GCC unroll 4
    for (int r = 0; r < Rows; ++r)
#pragma GCC unroll 4
        for (int d = 0; d < Depth; ++d) acc[r][d] = Simd::zero();
    const int64_t full = g.pixels / kVectorLanes * kVectorLanes;
    const int tail = int(g.pixels - full);
    for (int n = firstImage; n < lastImage; ++n) {
        const float* dy = g.dy + n * g.dyImageStride + int64_t(row) * g.pixels;
        const float* x = g.x + n * g.xImageStride + int64_t(k) * g.pixels;
        const auto step = [&](int64_t p, bool partial) {
            Vector in[Depth];
#pragma GCC unroll 4
            for (int d = 0; d < Depth; ++d)
                in[d] = partial ? Simd::loadFirst(x + d * g.pixels + p, tail)
                                : Simd::load(x + d * g.pixels + p);
#pragma GCC unroll 4
            for (int r = 0; r < Rows; ++r) {
                const Vector out = partial ? Simd::loadFirst(dy + r * g.pixels + p, tail)
                                           : Simd::load(dy + r * g.pixels + p);
#pragma GCC unroll 4
                for (int d = 0; d < Depth; ++d) acc[r][d] = Simd::fma(out, in[d], acc[r][d]);
            }
        };
        for (int64_t p = 0; p < full; p += kVectorLanes) step(p, false);
        if (tail) step(full, true);
    }
#pragma GCC unroll 4
    for (int r = 0; r < Rows; ++r)
#pragma GCC unroll 4
        for (int d = 0; d < Depth; ++d) g.dw[(row + r) * g.depth + k + d] += Simd::sum(acc[r][d]);
}

// Picks the instantiation for `rows` (1..kGradientRows) and `depth` (1..kGradientDepth).
template <int Rows, int Depth>
void gradientTileOfDepth(const PointwiseWeightGradient& g, int row, int k, int depth,
                         int firstImage, int lastImage) {
    if constexpr (Depth > 1) {
        if (depth < Depth) {
            gradientTileOfDepth<Rows, Depth - 1>(g, row, k, depth, firstImage, lastImage);
            return;
        }
    }
    gradientTile<Rows, Depth>(g, row, k, firstImage, lastImage);
}

template <int Rows>
void gradientTileOfSize(const PointwiseWeightGradient& g, int row, int rows, int k, int depth,
                        int firstImage, int lastImage) {
    if constexpr (Rows > 1) {
        if (rows < Rows) {
            gradientTileOfSize<Rows - 1>(g, row, rows, k, depth, firstImage, lastImage);
            return;
        }
    }
    gradientTileOfDepth<Rows, kGradientDepth>(g, row, k, depth, firstImage, lastImage);
}

void pointwiseWeightGradient(const PointwiseWeightGradient& g) {
    const int64_t imageFloats = int64_t(g.rows + g.depth) * g.pixels;
    int64_t chunk = kGradientChunkFloats / (imageFloats > 0 ? imageFloats : 1);
    if (chunk < 1) chunk = 1;
    for (int first = 0; first < g.images; first += int(chunk)) {
        const int last = g.images - first < chunk ? g.images : first + int(chunk);
        for (int row = 0; row < g.rows; row += kGradientRows) {
            const int rows = g.rows - row < kGradientRows ? g.rows - row : kGradientRows;
            for (int k = 0; k < g.depth; k += kGradientDepth) {
                const int depth = g.depth - k < kGradientDepth ? g.depth - k : kGradientDepth;
                gradientTileOfSize<kGradientRows>(g, row, rows, k, depth, first, last);
            }
        }
    }
}

}  // namespace
