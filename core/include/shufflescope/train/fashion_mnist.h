#pragma once
// Fashion-MNIST for training the `fashion` preset (input [N, 1, 32, 32], 10 classes).
//
// The data set ships as IDX files (Debian's dataset-fashion-mnist installs them gzip-compressed
// under /usr/share/datasets/fashion-mnist). IDX, big-endian throughout:
//   images  magic 0x00000803 (unsigned bytes, 3 dimensions), count, rows, columns, then
//           count*rows*columns pixels, row-major, 0 = black background, 255 = white garment;
//   labels  magic 0x00000801 (unsigned bytes, 1 dimension), count, then count labels 0..9.
// Files are read whole (gzip detected by its magic 1f 8b, otherwise plain IDX) and validated
// strictly: every surprise is a shufflescope::Error naming the file and what was expected. Only
// regular files are read (a named pipe would wait forever); bytes after the gzip data that are
// not another gzip member are refused, not skipped.
//
// Batches follow image_input.cpp's fashion preprocessing exactly: the 28x28 item sits in a 32x32
// frame with a 2-pixel black margin, every pixel normalised as (x/255 - 0.2860)/0.3530, so a
// photo run through the GUI and a training item look alike to the network.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "shufflescope/base/tensor.h"

namespace shufflescope::train {

inline constexpr int kFashionMnistClasses = 10;
inline constexpr int kFashionMnistImageSize = 28;  // rows and columns of one item
inline constexpr double kFashionMnistMean = 0.2860;
inline constexpr double kFashionMnistStd = 0.3530;
// Black border added on every side of an item to make the network's input (28 + 2*2 = 32).
inline constexpr int kFashionMnistFrameMargin = 2;

// Header limits, checked before any allocation so an absurd header costs nothing.
inline constexpr int64_t kMaxIdxCount = 10'000'000;
inline constexpr int kMaxIdxImageSide = 1024;
inline constexpr int64_t kMaxIdxPixelBytes = int64_t(1) << 30;

struct Dataset {
    int count = 0;
    int height = kFashionMnistImageSize, width = kFashionMnistImageSize;
    std::vector<uint8_t> images;  // [count, height, width], row-major
    std::vector<uint8_t> labels;  // [count], each 0..kFashionMnistClasses-1
};

// Reads an images file and its labels file (each gzip-compressed or plain). Both headers are
// checked, and the counts compared, before any pixel is read. Throws Error naming the file: cannot
// open, corrupt gzip data, bad magic (including swapped images/labels files), implausible count or
// image size, truncated data, trailing data (also after the gzip stream), count mismatch, label out
// of 0..9.
Dataset readIdxDataset(const std::string& imagesPath, const std::string& labelsPath);

// "/usr/share/datasets/fashion-mnist" (Debian's dataset-fashion-mnist).
std::string defaultFashionMnistDirectory();

// Reads {train,t10k}-images-idx3-ubyte.gz and the matching labels file from `directory` (each also
// found unpacked, without .gz), and checks the items are 28x28. Throws Error naming the folder
// when it or a file is missing, otherwise as readIdxDataset does.
Dataset loadFashionMnist(const std::string& directory, bool train);

// The first `count` items of `data` (all of them when count <= 0 or count >= data.count).
Dataset firstItems(const Dataset& data, int count);

// Training augmentation, applied per image. A shift moves the item by (dy, dx), each drawn
// uniformly from -maxShift..maxShift, inside the frame; the flip mirrors it left-right with
// probability 1/2. Since maxShift may not exceed the frame margin, the whole garment always stays
// visible. This is torchvision's RandomCrop(32, padding=2) followed by RandomHorizontalFlip() on
// the 32x32 black-margined item (padding with the same black): the crop window offset is the
// shift, and its padding only ever crops margin.
struct Augmentation {
    bool enabled = false;
    int maxShift = kFashionMnistFrameMargin;  // 0..kFashionMnistFrameMargin
    bool horizontalFlip = true;
};

// Fills `batch` with data.images[indices[i]] as image i, shape
// [N, 1, data.height + 2*margin, data.width + 2*margin] (Fashion-MNIST: [N, 1, 32, 32]), and
// `labels` with their labels. `batch` keeps its buffer when it already has that shape, so a
// training loop does not allocate per batch. With augmentation off the item is centred and
// unflipped and `rng` may be null; with it on, `rng` must not be null and exactly three values are
// drawn per image, in order (dy, dx, flip), whatever maxShift and horizontalFlip are, so a batch
// is a function of the rng state alone. Throws Error for an index outside 0..count-1, a Dataset
// whose buffers do not match its count and size, a maxShift outside 0..margin, or a missing rng.
void makeInputBatch(const Dataset& data, const std::vector<int>& indices, Tensor& batch,
                    std::vector<int>& labels, Augmentation augmentation, std::mt19937_64* rng);

// Uniform in 0..bound-1 (bound >= 1) from raw 64-bit draws by rejection sampling. Unlike
// std::uniform_int_distribution, whose algorithm each standard library chooses, the result is
// the same everywhere: std::mt19937_64's output sequence is fixed by the standard.
uint64_t uniformBelow(std::mt19937_64& rng, uint64_t bound);

// A permutation of 0..count-1 for one epoch: Fisher-Yates driven by std::mt19937_64 seeded from
// (seed, epoch), with uniformBelow. Identical across platforms and standard libraries; different
// epochs give different orders. Throws Error for a negative count.
std::vector<int> shuffledIndices(int count, uint64_t seed, int epoch);

}  // namespace shufflescope::train
