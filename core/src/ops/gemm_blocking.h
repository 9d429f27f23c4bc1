#pragma once
// How a backward pass splits its two GEMMs into OpenMP tasks (pointwise_conv_backward.cpp,
// convolution_backward.cpp). The weight gradient reduces over pixels, so its tasks take blocks of
// output-channel rows — each task owns its rows of gradWeight, no reduction buffers. The input
// gradient takes blocks of pixel columns, as the forward does. Alone (one thread: serial, or
// nested inside a trainer's per-image threads) there is a single block each way: splitting would
// only re-pack the shared operand once per block.

#include <algorithm>
#include <cstdint>

namespace shufflescope::ops {

struct GemmBlocking {
    int64_t rowBlock, rowBlocks;        // output-channel rows per weight-gradient task, tasks
    int64_t columnBlock, columnBlocks;  // pixels per input-gradient task, tasks

    GemmBlocking(bool split, int64_t rows, int64_t columns, int64_t rowBlockSize,
                 int64_t columnBlockSize)
        : rowBlock(split ? rowBlockSize : rows),
          rowBlocks((rows + rowBlock - 1) / rowBlock),
          columnBlock(split ? columnBlockSize : columns),
          columnBlocks((columns + columnBlock - 1) / columnBlock),
          rows_(rows),
          columns_(columns) {}

    // First row and row count of row block b; first pixel and pixel count of column block b.
    int64_t rowBegin(int64_t b) const { return b * rowBlock; }
    int64_t rowCount(int64_t b) const { return std::min(rowBlock, rows_ - b * rowBlock); }
    int64_t columnBegin(int64_t b) const { return b * columnBlock; }
    int64_t columnCount(int64_t b) const {
        return std::min(columnBlock, columns_ - b * columnBlock);
    }

  private:
    int64_t rows_, columns_;
};

}  // namespace shufflescope::ops
