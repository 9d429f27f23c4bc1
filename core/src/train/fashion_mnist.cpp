// Fashion-MNIST: IDX reading (plain or gzip via zlib), batch construction with augmentation, and a
// platform-independent epoch shuffle. See the header for the file format and the conventions.
//
// The files are user data, so nothing in a header is trusted: both headers are read and checked
// (magic, dimensions, limits, matching counts) before any payload is allocated or read, and the
// payload must then be exactly as long as the header says.
// Sections: Constants and small helpers · Byte source: a plain file or a gzip stream · IDX headers
//   and payloads · Batch helpers · Reading · Batches and augmentation · Deterministic randomness

#include "shufflescope/train/fashion_mnist.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>
#include <string>
#include <system_error>
#include <vector>

#include "shufflescope/base/error.h"
#include "shufflescope/base/input_file.h"

namespace shufflescope::train {
namespace {

namespace fs = std::filesystem;

// =================================================================================================
// [SECTION] Constants and small helpers
// =================================================================================================

constexpr uint32_t kImagesMagic = 0x00000803;  // unsigned bytes, 3 dimensions
constexpr uint32_t kLabelsMagic = 0x00000801;  // unsigned bytes, 1 dimension
constexpr uint8_t kIdxUnsignedByte = 0x08;

// Payloads are read in pieces of this size, and at most this much is reserved up front: a small
// gzip file whose header claims a huge count then costs only what it really decompresses to before
// it is refused as truncated. Fashion-MNIST's 47 MB of training pixels fit in one reservation.
constexpr std::size_t kReadChunkBytes = std::size_t(16) << 20;
constexpr std::size_t kInitialReserveBytes = std::size_t(64) << 20;
constexpr unsigned kGzipBufferBytes = 128u << 10;

[[noreturn]] void fail(const std::string& path, const std::string& message) {
    throw FileError(path, message);
}

std::string hex32(uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", value);
    return text;
}

std::string hex8(uint8_t value) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", value);
    return text;
}

uint32_t bigEndian32(const uint8_t* bytes) {
    return (uint32_t(bytes[0]) << 24) | (uint32_t(bytes[1]) << 16) | (uint32_t(bytes[2]) << 8) |
           uint32_t(bytes[3]);
}

// =================================================================================================
// [SECTION] Byte source: a plain file or a gzip stream
// =================================================================================================

// Reads a file's bytes, decompressing when it starts with the gzip magic 1f 8b. Every failure
// throws Error naming the file.
//
// gzip data is inflated here with zlib's inflate rather than read with gzread: gzread silently
// skips whatever follows the last gzip member, and a file with garbage after its data is not a
// file to train on. Another gzip member after the first is read on (RFC 1952: a gzip file is a
// series of members; `cat a.gz b.gz` is one valid file); any other byte there is refused.
class ByteSource {
  public:
    explicit ByteSource(const std::string& path) : path_(path) {
        // Only regular files: a FIFO would make the read wait forever for a writer.
        InputFile input = openInputFile(path, "an IDX file");
        file_ = std::move(input.file);
        uint8_t magic[2] = {0, 0};
        const std::size_t got = std::fread(magic, 1, 2, file_.get());
        if (std::ferror(file_.get())) {
            fail(path, std::string("cannot read: ") + std::strerror(errno));
        }
        std::rewind(file_.get());
        if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
            // 16 + MAX_WBITS: a gzip wrapper, checked (header, CRC-32, length) by zlib.
            if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();
            gzip_ = true;
            input_.resize(kGzipBufferBytes);
        }
    }

    ~ByteSource() {
        if (gzip_) inflateEnd(&stream_);
    }
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    // Reads up to n bytes (n < 2^31); fewer only at the end of the data.
    std::size_t read(uint8_t* out, std::size_t n) {
        if (n == 0) return 0;
        if (!gzip_) {
            const std::size_t got = std::fread(out, 1, n, file_.get());
            if (got < n && std::ferror(file_.get())) {
                fail(path_, std::string("cannot read: ") + std::strerror(errno));
            }
            return got;
        }
        stream_.next_out = out;
        stream_.avail_out = static_cast<uInt>(n);
        while (stream_.avail_out > 0 && !finished_) {
            if (stream_.avail_in == 0 && !refill()) {
                // The compressed data stops inside a member: what was inflated so far is
                // returned; the caller reports the shortfall.
                if (inMember_) cutShort_ = true;
                finished_ = true;
                break;
            }
            if (!inMember_) startNextMember();
            if (finished_) break;
            const int code = inflate(&stream_, Z_NO_FLUSH);
            if (code == Z_STREAM_END) {
                inMember_ = false;
            } else if (code == Z_NEED_DICT || code == Z_DATA_ERROR) {
                fail(path_, std::string("corrupt gzip data (zlib: ") +
                                (stream_.msg != nullptr ? stream_.msg : "invalid data") + ")");
            } else if (code == Z_MEM_ERROR) {
                throw std::bad_alloc();
            }
            // Z_OK or Z_BUF_ERROR: more input is needed, or more room; the loop supplies both.
        }
        return n - stream_.avail_out;
    }

    // Whether a gzip stream ended before its end-of-stream marker and checksum.
    bool cutShort() const { return cutShort_; }

  private:
    // More compressed bytes into the input buffer; false at the end of the file.
    bool refill() {
        const std::size_t got = std::fread(input_.data(), 1, input_.size(), file_.get());
        if (got == 0 && std::ferror(file_.get())) {
            fail(path_, std::string("cannot read: ") + std::strerror(errno));
        }
        consumed_ += got;
        stream_.next_in = input_.data();
        stream_.avail_in = static_cast<uInt>(got);
        return got > 0;
    }

    // Between members (or before the first): the next bytes must start another gzip member.
    void startNextMember() {
        if (stream_.avail_in < 2) {
            // The magic may straddle the buffer's end: keep the byte and read more after it.
            const uint8_t first = stream_.avail_in == 1 ? stream_.next_in[0] : 0;
            const bool haveFirst = stream_.avail_in == 1;
            const std::size_t got =
                std::fread(input_.data() + 1, 1, input_.size() - 1, file_.get());
            if (got == 0 && std::ferror(file_.get())) {
                fail(path_, std::string("cannot read: ") + std::strerror(errno));
            }
            consumed_ += got;
            input_[0] = first;
            stream_.next_in = input_.data() + (haveFirst ? 0 : 1);
            stream_.avail_in = static_cast<uInt>(got + (haveFirst ? 1 : 0));
        }
        if (stream_.avail_in == 0) {
            finished_ = true;
            return;
        }
        if (stream_.avail_in < 2 || stream_.next_in[0] != 0x1f || stream_.next_in[1] != 0x8b) {
            fail(path_, "unexpected data after the end of the gzip stream (at byte " +
                            std::to_string(consumed_ - stream_.avail_in) +
                            " of the file): it is not another gzip member; the file is damaged "
                            "or has something appended");
        }
        if (membersStarted_ > 0 && inflateReset(&stream_) != Z_OK) {
            fail(path_, "corrupt gzip data (zlib: cannot start the next member)");
        }
        ++membersStarted_;
        inMember_ = true;
    }

    std::string path_;
    std::unique_ptr<std::FILE, InputFileCloser> file_;
    bool gzip_ = false;
    z_stream stream_{};
    std::vector<Bytef> input_;
    std::uintmax_t consumed_ = 0;  // compressed bytes read from the file so far
    int membersStarted_ = 0;
    bool inMember_ = false;  // inside a gzip member: its end marker and trailer not yet read
    bool finished_ = false;  // no more data: the file ended or the last member was read
    bool cutShort_ = false;
};

std::string cutShortNote(const ByteSource& source) {
    return source.cutShort() ? " (the gzip stream itself ends early: the file is incomplete)" : "";
}

// =================================================================================================
// [SECTION] IDX headers and payloads
// =================================================================================================

struct IdxKind {
    uint32_t magic;
    int dimensions;
    const char* name;            // "images"
    const char* dimensionNames;  // "count, rows, columns"
};

constexpr IdxKind kImagesKind = {kImagesMagic, 3, "images", "count, rows, columns"};
constexpr IdxKind kLabelsKind = {kLabelsMagic, 1, "labels", "count"};

std::string describeBadMagic(uint32_t magic, const IdxKind& kind) {
    const std::string expected = "expected " + hex32(kind.magic) + " (an IDX " + kind.name +
                                 " file: unsigned bytes, " + std::to_string(kind.dimensions) +
                                 (kind.dimensions == 1 ? " dimension: " : " dimensions: ") +
                                 kind.dimensionNames + ")";
    const IdxKind& other = kind.magic == kImagesMagic ? kLabelsKind : kImagesKind;
    if (magic == other.magic) {
        return std::string("magic ") + hex32(magic) + " is an IDX " + other.name + " file; " +
               expected + "; were the images and labels files swapped?";
    }
    if ((magic >> 16) != 0) return "not an IDX file: magic " + hex32(magic) + "; " + expected;
    const uint8_t type = uint8_t(magic >> 8);
    if (type != kIdxUnsignedByte) {
        return "IDX element type " + hex8(type) + "; " + expected;
    }
    return "IDX file with " + std::to_string(magic & 0xff) + " dimensions; " + expected;
}

// Reads and checks the magic, then returns the dimension sizes.
std::vector<uint32_t> readIdxHeader(ByteSource& source, const std::string& path,
                                    const IdxKind& kind) {
    const std::size_t headerBytes = 4 + 4 * std::size_t(kind.dimensions);
    std::array<uint8_t, 16> header{};
    const std::size_t got = source.read(header.data(), headerBytes);
    const auto truncated = [&] {
        fail(path, "truncated: expected a " + std::to_string(headerBytes) + "-byte IDX " +
                       kind.name + " header, found " + std::to_string(got) + " bytes" +
                       cutShortNote(source));
    };
    if (got < 4) truncated();
    const uint32_t magic = bigEndian32(header.data());
    if (magic != kind.magic) fail(path, describeBadMagic(magic, kind));
    if (got < headerBytes) truncated();
    std::vector<uint32_t> dims;
    for (int d = 0; d < kind.dimensions; ++d) dims.push_back(bigEndian32(&header[4 + 4 * d]));
    return dims;
}

void checkCount(const std::string& path, uint32_t count, const char* what) {
    if (count == 0) fail(path, std::string("holds 0 ") + what + "; expected at least 1");
    if (count > uint64_t(kMaxIdxCount)) {
        fail(path, "implausible count " + std::to_string(count) + " " + what +
                       "; expected at most " + std::to_string(kMaxIdxCount));
    }
}

// Reads exactly `expected` bytes of payload and makes sure nothing follows them.
std::vector<uint8_t> readPayload(ByteSource& source, const std::string& path, std::size_t expected,
                                 const std::string& what, const std::string& headerSays) {
    std::vector<uint8_t> bytes;
    bytes.reserve(std::min(expected, kInitialReserveBytes));
    while (bytes.size() < expected) {
        const std::size_t offset = bytes.size();
        const std::size_t want = std::min(expected - offset, kReadChunkBytes);
        bytes.resize(offset + want);
        const std::size_t got = source.read(bytes.data() + offset, want);
        bytes.resize(offset + got);
        if (got < want) break;
    }
    if (bytes.size() < expected) {
        fail(path, "truncated: expected " + std::to_string(expected) + " bytes of " + what +
                       ", found " + std::to_string(bytes.size()) + cutShortNote(source));
    }
    // One more byte: there must be none. For gzip this read also reaches the stream's end and so
    // verifies its CRC and length trailer.
    uint8_t extra = 0;
    if (source.read(&extra, 1) != 0) {
        fail(path, "trailing data after the " + std::to_string(expected) + " bytes of " + what +
                       " that the header's " + headerSays + " need");
    }
    if (source.cutShort()) {
        fail(path, "truncated gzip stream: it ends before its end marker and checksum");
    }
    return bytes;
}

// =================================================================================================
// [SECTION] Batch helpers
// =================================================================================================

// Pixel value -> normalised input, computed as image_input.cpp's fashion preprocessing does (in
// double, rounded once to float), so the two agree bit for bit.
const std::array<float, 256>& normalisedPixels() {
    static const std::array<float, 256> table = [] {
        std::array<float, 256> values{};
        for (int v = 0; v < 256; ++v) {
            values[std::size_t(v)] = static_cast<float>(
                (double(float(v)) / 255.0 - kFashionMnistMean) / kFashionMnistStd);
        }
        return values;
    }();
    return table;
}

uint64_t splitMix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

}  // namespace

// =================================================================================================
// [SECTION] Reading
// =================================================================================================

Dataset readIdxDataset(const std::string& imagesPath, const std::string& labelsPath) {
    ByteSource imagesSource(imagesPath);
    ByteSource labelsSource(labelsPath);

    // Headers first: a bad or mismatched file is refused before tens of megabytes are read.
    const std::vector<uint32_t> imageDims = readIdxHeader(imagesSource, imagesPath, kImagesKind);
    const uint32_t count = imageDims[0], rows = imageDims[1], columns = imageDims[2];
    checkCount(imagesPath, count, "images");
    if (rows < 1 || rows > uint32_t(kMaxIdxImageSide) || columns < 1 ||
        columns > uint32_t(kMaxIdxImageSide)) {
        fail(imagesPath, "implausible image size " + std::to_string(rows) + "x" +
                             std::to_string(columns) + "; rows and columns must be 1.." +
                             std::to_string(kMaxIdxImageSide));
    }
    const uint64_t pixelBytes = uint64_t(count) * rows * columns;
    const std::string headerSays = std::to_string(count) + " images of " + std::to_string(rows) +
                                   "x" + std::to_string(columns);
    if (pixelBytes > uint64_t(kMaxIdxPixelBytes)) {
        fail(imagesPath, headerSays + " would need " + std::to_string(pixelBytes) +
                             " bytes; expected at most " + std::to_string(kMaxIdxPixelBytes));
    }

    const std::vector<uint32_t> labelDims = readIdxHeader(labelsSource, labelsPath, kLabelsKind);
    checkCount(labelsPath, labelDims[0], "labels");
    if (labelDims[0] != count) {
        fail(labelsPath, "holds " + std::to_string(labelDims[0]) + " labels but " +
                             displayPath(imagesPath) + " holds " + std::to_string(count) +
                             " images; expected one label per "
                             "image");
    }

    Dataset data;
    data.count = static_cast<int>(count);
    data.height = static_cast<int>(rows);
    data.width = static_cast<int>(columns);
    data.images =
        readPayload(imagesSource, imagesPath, std::size_t(pixelBytes), "pixels", headerSays);
    data.labels =
        readPayload(labelsSource, labelsPath, count, "labels", std::to_string(count) + " labels");
    for (std::size_t i = 0; i < data.labels.size(); ++i) {
        if (data.labels[i] >= kFashionMnistClasses) {
            fail(labelsPath, "label " + std::to_string(data.labels[i]) + " at index " +
                                 std::to_string(i) + "; expected 0.." +
                                 std::to_string(kFashionMnistClasses - 1));
        }
    }
    return data;
}

std::string defaultFashionMnistDirectory() {
    return "/usr/share/datasets/fashion-mnist";
}

Dataset firstItems(const Dataset& data, int count) {
    if (count <= 0 || count >= data.count) return data;
    Dataset subset;
    subset.count = count;
    subset.height = data.height;
    subset.width = data.width;
    const auto pixels = std::size_t(count) * std::size_t(data.height) * std::size_t(data.width);
    subset.images.assign(data.images.begin(), data.images.begin() + std::ptrdiff_t(pixels));
    subset.labels.assign(data.labels.begin(), data.labels.begin() + count);
    return subset;
}

Dataset loadFashionMnist(const std::string& directory, bool train) {
    std::error_code error;
    const fs::file_status status = fs::status(directory, error);
    if (!fs::exists(status)) {
        fail(directory,
             "no such folder; expected the Fashion-MNIST IDX files there (Debian installs them "
             "with the package dataset-fashion-mnist; elsewhere, download them and give their "
             "folder with --data)");
    }
    if (!fs::is_directory(status)) {
        fail(directory, "is not a folder; expected the folder holding the Fashion-MNIST IDX files");
    }
    const std::string prefix = train ? "train" : "t10k";
    // Each file as shipped (gzip-compressed, Debian's and the download's form) or unpacked.
    const auto find = [&](const std::string& name) {
        for (const std::string& candidate : {name + ".gz", name}) {
            const fs::path path = fs::path(directory) / candidate;
            if (fs::exists(fs::symlink_status(path, error))) return path.string();
        }
        fail(directory, "holds no " + name + ".gz (nor " + name +
                            "); a Fashion-MNIST folder holds train-images-idx3-ubyte.gz, "
                            "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
                            "t10k-labels-idx1-ubyte.gz");
    };
    const std::string imagesPath = find(prefix + "-images-idx3-ubyte");
    const std::string labelsPath = find(prefix + "-labels-idx1-ubyte");
    Dataset data = readIdxDataset(imagesPath, labelsPath);
    if (data.height != kFashionMnistImageSize || data.width != kFashionMnistImageSize) {
        fail(imagesPath, "images are " + std::to_string(data.height) + "x" +
                             std::to_string(data.width) + "; Fashion-MNIST's are " +
                             std::to_string(kFashionMnistImageSize) + "x" +
                             std::to_string(kFashionMnistImageSize));
    }
    return data;
}

// =================================================================================================
// [SECTION] Batches and augmentation
// =================================================================================================

void makeInputBatch(const Dataset& data, const std::vector<int>& indices, Tensor& batch,
                    std::vector<int>& labels, Augmentation augmentation, std::mt19937_64* rng) {
    const int h = data.height, w = data.width;
    if (data.count < 0 || h < 1 || w < 1 || h > kMaxIdxImageSide || w > kMaxIdxImageSide ||
        data.images.size() != std::size_t(data.count) * std::size_t(h) * std::size_t(w) ||
        data.labels.size() != std::size_t(data.count)) {
        throw Error("makeInputBatch: the data set's buffers (" +
                    std::to_string(data.images.size()) + " pixels, " +
                    std::to_string(data.labels.size()) + " labels) do not match its " +
                    std::to_string(data.count) + " images of " + std::to_string(h) + "x" +
                    std::to_string(w));
    }
    if (augmentation.enabled) {
        if (augmentation.maxShift < 0 || augmentation.maxShift > kFashionMnistFrameMargin) {
            throw Error("makeInputBatch: augmentation maxShift " +
                        std::to_string(augmentation.maxShift) + "; expected 0.." +
                        std::to_string(kFashionMnistFrameMargin) +
                        " so the garment stays inside the frame");
        }
        if (rng == nullptr) throw Error("makeInputBatch: augmentation needs a random generator");
    }
    for (std::size_t i = 0; i < indices.size(); ++i) {
        if (indices[i] < 0 || indices[i] >= data.count) {
            throw Error("makeInputBatch: index " + std::to_string(indices[i]) + " at position " +
                        std::to_string(i) + "; expected 0.." + std::to_string(data.count - 1));
        }
    }

    const int n = static_cast<int>(indices.size());
    const int frameH = h + 2 * kFashionMnistFrameMargin, frameW = w + 2 * kFashionMnistFrameMargin;
    const std::vector<int64_t> shape = {n, 1, frameH, frameW};
    if (batch.shape() != shape) batch = Tensor(shape);
    labels.resize(indices.size());

    const std::array<float, 256>& normalised = normalisedPixels();
    const std::size_t framePixels = std::size_t(frameH) * std::size_t(frameW);
    for (int i = 0; i < n; ++i) {
        int dy = 0, dx = 0;
        bool flip = false;
        if (augmentation.enabled) {
            const uint64_t span = 2 * uint64_t(augmentation.maxShift) + 1;
            dy = static_cast<int>(uniformBelow(*rng, span)) - augmentation.maxShift;
            dx = static_cast<int>(uniformBelow(*rng, span)) - augmentation.maxShift;
            flip = uniformBelow(*rng, 2) == 1 && augmentation.horizontalFlip;
        }
        const int index = indices[std::size_t(i)];
        const uint8_t* item = data.images.data() + std::size_t(index) * std::size_t(h) * w;
        float* frame = batch.data() + std::size_t(i) * framePixels;
        std::fill(frame, frame + framePixels, normalised[0]);
        // 0 <= margin + d and margin + d + size <= size + 2*margin, since |d| <= margin.
        const int top = kFashionMnistFrameMargin + dy, left = kFashionMnistFrameMargin + dx;
        for (int y = 0; y < h; ++y) {
            const uint8_t* source = item + std::size_t(y) * w;
            float* target = frame + std::size_t(top + y) * frameW + left;
            if (flip) {
                for (int x = 0; x < w; ++x) target[x] = normalised[source[w - 1 - x]];
            } else {
                for (int x = 0; x < w; ++x) target[x] = normalised[source[x]];
            }
        }
        labels[std::size_t(i)] = data.labels[std::size_t(index)];
    }
}

// =================================================================================================
// [SECTION] Deterministic randomness
// =================================================================================================

uint64_t uniformBelow(std::mt19937_64& rng, uint64_t bound) {
    if (bound == 0) throw Error("uniformBelow: bound 0; expected at least 1");
    // Accept draws in [2^64 mod bound, 2^64): a whole number of copies of 0..bound-1, so the
    // remainder is exactly uniform. At most half the draws are rejected, in practice almost none.
    const uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        const uint64_t draw = rng();
        if (draw >= threshold) return draw % bound;
    }
}

std::vector<int> shuffledIndices(int count, uint64_t seed, int epoch) {
    if (count < 0) {
        throw Error("shuffledIndices: count " + std::to_string(count) + "; expected at least 0");
    }
    // Mixing (seed, epoch) through SplitMix64 gives unrelated streams for neighbouring epochs.
    std::mt19937_64 rng(splitMix64(splitMix64(seed) ^ uint64_t(int64_t(epoch))));
    std::vector<int> order(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) order[std::size_t(i)] = i;
    for (int i = count - 1; i > 0; --i) {
        const auto j = static_cast<int>(uniformBelow(rng, uint64_t(i) + 1));
        std::swap(order[std::size_t(i)], order[std::size_t(j)]);
    }
    return order;
}

}  // namespace shufflescope::train
