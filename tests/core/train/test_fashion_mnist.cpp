// Fashion-MNIST: IDX reading (plain and gzip) and every refusal, the real Debian files when
// installed, batch construction against image_input's fashion preprocessing, augmentation bounds
// and determinism, and the platform-independent epoch shuffle. IDX files are built byte by byte
// here so each malformed case is explicit.
// Sections: IDX file builders · Reading · Refusals · Batches · Deterministic randomness

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "reference/input_normalisation.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/tensor.h"
#include "shufflescope/io/image_input.h"
#include "shufflescope/model/config.h"
#include "shufflescope/train/fashion_mnist.h"
#include "support/byte_writers.h"
#include "support/file_bytes.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace shufflescope;
using namespace shufflescope::train;
using naive::fashionNormalised;
using testing_support::appendBigEndian32;
using testing_support::readBytes;
using testing_support::TempDir;
using testing_support::writeBytes;

namespace {

// =================================================================================================
// [SECTION] IDX file builders
// =================================================================================================

std::string idxImages(uint32_t count, uint32_t rows, uint32_t columns,
                      const std::vector<uint8_t>& pixels, uint32_t magic = 0x00000803) {
    std::string bytes;
    appendBigEndian32(bytes, magic);
    appendBigEndian32(bytes, count);
    appendBigEndian32(bytes, rows);
    appendBigEndian32(bytes, columns);
    bytes.append(pixels.begin(), pixels.end());
    return bytes;
}

std::string idxLabels(const std::vector<uint8_t>& labels, uint32_t magic = 0x00000801) {
    std::string bytes;
    appendBigEndian32(bytes, magic);
    appendBigEndian32(bytes, uint32_t(labels.size()));
    bytes.append(labels.begin(), labels.end());
    return bytes;
}

// A recognisable pattern: every pixel of every image differs from its neighbours.
std::vector<uint8_t> patternPixels(int count, int rows, int columns) {
    std::vector<uint8_t> pixels(std::size_t(count) * rows * columns);
    for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = uint8_t((i * 37 + i / 7) % 256);
    return pixels;
}

void writeGzip(const std::string& path, const std::string& bytes) {
    gzFile file = gzopen(path.c_str(), "wb");
    REQUIRE(file != nullptr);
    REQUIRE(gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size())) ==
            static_cast<int>(bytes.size()));
    REQUIRE(gzclose(file) == Z_OK);
}

// The gzip form of `bytes`, as a string (for corrupting by hand).
std::string gzipped(const TempDir& dir, const std::string& bytes) {
    const std::string path = dir.file("scratch.gz");
    writeGzip(path, bytes);
    return readBytes(path);
}

// Runs `read` and checks it throws Error whose message starts with `path` and contains `phrase`.
template <typename Read>
void requireRefusal(Read read, const std::string& path, const std::string& phrase) {
    try {
        read();
        FAIL("expected an Error naming " << path << " with \"" << phrase << "\"");
    } catch (const Error& error) {
        const std::string message = error.what();
        CAPTURE(message, path, phrase);
        CHECK(message.rfind(path + ": ", 0) == 0);
        CHECK(message.find(phrase) != std::string::npos);
    }
}

Dataset handMadeDataset(int count, int rows = 28, int columns = 28) {
    Dataset data;
    data.count = count;
    data.height = rows;
    data.width = columns;
    data.images = patternPixels(count, rows, columns);
    for (int i = 0; i < count; ++i) data.labels.push_back(uint8_t(i % 10));
    return data;
}

}  // namespace

// =================================================================================================
// [SECTION] Reading
// =================================================================================================

TEST_CASE("IDX data sets read the same from plain and gzip files", "[dataset]") {
    TempDir dir("shufflescope-idx-test");
    const std::vector<uint8_t> pixels = patternPixels(3, 28, 28);
    const std::vector<uint8_t> labels = {0, 9, 4};
    writeBytes(dir.file("images"), idxImages(3, 28, 28, pixels));
    writeBytes(dir.file("labels"), idxLabels(labels));
    writeGzip(dir.file("images.gz"), idxImages(3, 28, 28, pixels));
    writeGzip(dir.file("labels.gz"), idxLabels(labels));

    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"images", "labels"}, {"images.gz", "labels.gz"}, {"images.gz", "labels"}};
    for (const auto& [images, labelsFile] : pairs) {
        CAPTURE(images, labelsFile);
        const Dataset data = readIdxDataset(dir.file(images), dir.file(labelsFile));
        CHECK(data.count == 3);
        CHECK(data.height == 28);
        CHECK(data.width == 28);
        CHECK(data.images == pixels);
        CHECK(data.labels == labels);
    }
}

TEST_CASE("IDX reading accepts other consistent image sizes, but loadFashionMnist wants 28x28",
          "[dataset]") {
    TempDir dir("shufflescope-idx-test");
    const std::vector<uint8_t> pixels = patternPixels(2, 5, 3);
    writeGzip(dir.file("t10k-images-idx3-ubyte.gz"), idxImages(2, 5, 3, pixels));
    writeGzip(dir.file("t10k-labels-idx1-ubyte.gz"), idxLabels({1, 2}));
    const Dataset data = readIdxDataset(dir.file("t10k-images-idx3-ubyte.gz"),
                                        dir.file("t10k-labels-idx1-ubyte.gz"));
    CHECK(data.height == 5);
    CHECK(data.width == 3);
    CHECK(data.images == pixels);
    requireRefusal([&] { loadFashionMnist(dir.path().string(), false); },
                   dir.file("t10k-images-idx3-ubyte.gz"),
                   "images are 5x3; Fashion-MNIST's are 28x28");
}

TEST_CASE("loadFashionMnist reads the standard file names from a directory", "[dataset]") {
    TempDir dir("shufflescope-idx-test");
    const std::vector<uint8_t> trainPixels = patternPixels(4, 28, 28);
    const std::vector<uint8_t> testPixels = patternPixels(2, 28, 28);
    writeGzip(dir.file("train-images-idx3-ubyte.gz"), idxImages(4, 28, 28, trainPixels));
    writeGzip(dir.file("train-labels-idx1-ubyte.gz"), idxLabels({3, 1, 4, 1}));
    writeGzip(dir.file("t10k-images-idx3-ubyte.gz"), idxImages(2, 28, 28, testPixels));
    writeGzip(dir.file("t10k-labels-idx1-ubyte.gz"), idxLabels({5, 9}));

    const Dataset train = loadFashionMnist(dir.path().string(), true);
    CHECK(train.count == 4);
    CHECK(train.images == trainPixels);
    CHECK(train.labels == std::vector<uint8_t>{3, 1, 4, 1});
    const Dataset test = loadFashionMnist(dir.path().string(), false);
    CHECK(test.count == 2);
    CHECK(test.labels == std::vector<uint8_t>{5, 9});

    CHECK(defaultFashionMnistDirectory() == "/usr/share/datasets/fashion-mnist");
    const std::string missing = dir.file("no-such-directory");
    requireRefusal([&] { loadFashionMnist(missing, true); }, missing, "dataset-fashion-mnist");
}

TEST_CASE("loadFashionMnist names the folder and the file it misses, and reads unpacked files",
          "[dataset]") {
    TempDir dir("shufflescope-idx-test");
    const std::string folder = dir.path().string();
    writeGzip(dir.file("t10k-images-idx3-ubyte.gz"),
              idxImages(2, 28, 28, patternPixels(2, 28, 28)));
    requireRefusal([&] { loadFashionMnist(folder, false); }, folder,
                   "holds no t10k-labels-idx1-ubyte.gz (nor t10k-labels-idx1-ubyte); a "
                   "Fashion-MNIST folder holds train-images-idx3-ubyte.gz");
    requireRefusal([&] { loadFashionMnist(folder, true); }, folder,
                   "holds no train-images-idx3-ubyte.gz");
    // Unpacked (gunzip'd) files are found under their names without .gz.
    writeBytes(dir.file("t10k-labels-idx1-ubyte"), idxLabels({5, 9}));
    CHECK(loadFashionMnist(folder, false).labels == std::vector<uint8_t>{5, 9});
    const std::string file = dir.file("t10k-labels-idx1-ubyte");
    requireRefusal([&] { loadFashionMnist(file, false); }, file, "is not a folder");
}

TEST_CASE("IDX gzip files: a second member is read on, anything else after the data is refused",
          "[dataset]") {
    TempDir dir("shufflescope-idx-test");
    const std::vector<uint8_t> pixels = patternPixels(3, 28, 28);
    const std::string labels = dir.file("labels");
    writeBytes(labels, idxLabels({1, 2, 3}));
    const std::string whole = idxImages(3, 28, 28, pixels);
    const std::string images = dir.file("images.gz");

    // `cat head.gz tail.gz`: one file of two gzip members (RFC 1952), the same bytes.
    writeBytes(images, gzipped(dir, whole.substr(0, 1000)) + gzipped(dir, whole.substr(1000)));
    CHECK(readIdxDataset(images, labels).images == pixels);

    // Before this was checked, gzread skipped whatever followed the gzip stream.
    const std::string compressed = gzipped(dir, whole);
    struct Case {
        const char* name;
        std::string tail;
    };
    for (const Case& c : {Case{"text", "garbage"}, Case{"zero padding", std::string(512, '\0')},
                          Case{"one byte", "\x1f"}, Case{"a gzip magic alone", "\x1f\x8b"}}) {
        CAPTURE(c.name);
        writeBytes(images, compressed + c.tail);
        if (std::string(c.name) == "a gzip magic alone") {
            // A member that starts and stops: an incomplete file, not garbage.
            requireRefusal([&] { readIdxDataset(images, labels); }, images,
                           "truncated gzip stream");
            continue;
        }
        requireRefusal([&] { readIdxDataset(images, labels); }, images,
                       "unexpected data after the end of the gzip stream (at byte " +
                           std::to_string(compressed.size()) + " of the file)");
    }
}

TEST_CASE("IDX reading refuses a named pipe at once instead of waiting for a writer", "[dataset]") {
    TempDir dir("shufflescope-idx-test");
    const std::string images = dir.file("images"), labels = dir.file("labels");
    writeBytes(labels, idxLabels({7}));
    REQUIRE(mkfifo(images.c_str(), 0600) == 0);
    // Before the check, opening the pipe blocked forever: the alarm ends such a run as a failure.
    alarm(60);
    requireRefusal([&] { readIdxDataset(images, labels); }, images,
                   "is a named pipe (FIFO), not a regular file; expected an IDX file");
    requireRefusal([&] { readIdxDataset(labels, images); }, images, "named pipe");
    alarm(0);
}

// =================================================================================================
// [SECTION] Refusals
// =================================================================================================

TEST_CASE("IDX reading refuses malformed files, naming the file and the problem", "[dataset]") {
    TempDir dir("shufflescope-idx-test");
    const std::vector<uint8_t> pixels = patternPixels(3, 28, 28);
    const std::string goodImages = idxImages(3, 28, 28, pixels);
    const std::string goodLabels = idxLabels({1, 2, 3});

    struct Case {
        const char* name;
        std::string images, labels;
        bool gzip;           // write both files gzip-compressed
        bool blameLabels;    // the message names the labels file
        const char* phrase;  // part of the expected message
    };
    const std::string png = "\x89PNG\r\n\x1a\n" + std::string(16, '\0');
    const std::vector<Case> cases = {
        {"not IDX at all", png, goodLabels, false, false, "not an IDX file: magic 0x89504E47"},
        {"float element type", idxImages(3, 28, 28, pixels, 0x00000D03), goodLabels, false, false,
         "IDX element type 0x0D"},
        {"two-dimensional images", idxImages(3, 28, 28, pixels, 0x00000802), goodLabels, false,
         false, "IDX file with 2 dimensions; expected 0x00000803"},
        {"labels file given as images", goodLabels, goodLabels, false, false,
         "were the images and labels files swapped?"},
        {"images file given as labels", goodImages, goodImages, false, true,
         "is an IDX images file; expected 0x00000801"},
        {"labels with 3 dimensions", goodImages, idxLabels({1, 2, 3}, 0x00000803), true, true,
         "swapped"},
        {"header cut short", goodImages.substr(0, 10), goodLabels, false, false,
         "truncated: expected a 16-byte IDX images header, found 10 bytes"},
        {"labels header cut short", goodImages, goodLabels.substr(0, 6), true, true,
         "truncated: expected a 8-byte IDX labels header, found 6 bytes"},
        {"empty images file", "", goodLabels, false, false, "found 0 bytes"},
        {"no images", idxImages(0, 28, 28, {}), idxLabels({}), false, false,
         "holds 0 images; expected at least 1"},
        {"zero rows", idxImages(3, 0, 28, {}), goodLabels, false, false,
         "implausible image size 0x28; rows and columns must be 1..1024"},
        {"huge columns", idxImages(3, 28, 2000, {}), goodLabels, false, false,
         "implausible image size 28x2000"},
        {"absurd count", idxImages(0xFFFFFFFFu, 28, 28, {}), goodLabels, false, false,
         "implausible count 4294967295 images; expected at most 10000000"},
        {"pixels over the limit", idxImages(10'000'000, 1024, 1024, {}), goodLabels, false, false,
         "would need 10485760000000 bytes"},
        {"count mismatch", goodImages, idxLabels({1, 2}), false, true, "holds 2 labels but"},
        {"truncated pixels", idxImages(3, 28, 28, {pixels.begin(), pixels.begin() + 1200}),
         goodLabels, false, false, "truncated: expected 2352 bytes of pixels, found 1200"},
        {"truncated pixels, gzip", idxImages(3, 28, 28, {pixels.begin(), pixels.begin() + 1200}),
         goodLabels, true, false, "truncated: expected 2352 bytes of pixels, found 1200"},
        // A tiny file claiming 784 MB: refused as truncated without allocating the claim.
        {"huge claim, gzip", idxImages(1'000'000, 28, 28, pixels),
         idxLabels(std::vector<uint8_t>(1'000'000, 1)), true, false,
         "truncated: expected 784000000 bytes of pixels, found 2352"},
        {"trailing pixels", goodImages + "xyz", goodLabels, false, false,
         "trailing data after the 2352 bytes of pixels that the header's 3 images of 28x28 need"},
        {"trailing pixels, gzip", goodImages + "x", goodLabels, true, false, "trailing data"},
        {"truncated labels", goodImages, goodLabels.substr(0, 10), false, true,
         "truncated: expected 3 bytes of labels, found 2"},
        {"trailing labels", goodImages, goodLabels + "\x01", false, true, "trailing data"},
        {"label 10", goodImages, idxLabels({1, 10, 3}), false, true,
         "label 10 at index 1; expected 0..9"},
        {"label 255, gzip", goodImages, idxLabels({1, 2, 255}), true, true,
         "label 255 at index 2; expected 0..9"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        const std::string images = dir.file(std::string("images") + (c.gzip ? ".gz" : ""));
        const std::string labels = dir.file(std::string("labels") + (c.gzip ? ".gz" : ""));
        if (c.gzip) {
            writeGzip(images, c.images);
            writeGzip(labels, c.labels);
        } else {
            writeBytes(images, c.images);
            writeBytes(labels, c.labels);
        }
        requireRefusal([&] { readIdxDataset(images, labels); }, c.blameLabels ? labels : images,
                       c.phrase);
    }
}

TEST_CASE("IDX reading refuses corrupt and incomplete gzip files", "[dataset]") {
    TempDir dir("shufflescope-idx-test");
    const std::vector<uint8_t> pixels = patternPixels(3, 28, 28);
    const std::string compressed = gzipped(dir, idxImages(3, 28, 28, pixels));
    const std::string labels = dir.file("labels");
    writeBytes(labels, idxLabels({1, 2, 3}));
    REQUIRE(compressed.size() > 40);

    struct Case {
        const char* name;
        std::string bytes;
        const char* phrase;
    };
    std::string badMethod = compressed;
    badMethod[2] = 7;  // compression method 7: only 8 (deflate) exists
    std::string badCrc = compressed;
    badCrc[compressed.size() - 8] = char(badCrc[compressed.size() - 8] ^ 0x5a);
    std::string badLength = compressed;
    badLength[compressed.size() - 4] = char(badLength[compressed.size() - 4] ^ 0x01);
    const std::vector<Case> cases = {
        {"gzip magic then garbage", std::string("\x1f\x8b", 2) + std::string(40, 'z'),
         "corrupt gzip data (zlib: "},
        {"unknown compression method", badMethod, "corrupt gzip data (zlib: unknown compression"},
        {"checksum mismatch", badCrc, "corrupt gzip data (zlib: incorrect data check)"},
        {"length mismatch", badLength, "corrupt gzip data (zlib: incorrect length check)"},
        {"compressed stream cut in half", compressed.substr(0, compressed.size() / 2),
         "the gzip stream itself ends early"},
        {"only the trailer missing", compressed.substr(0, compressed.size() - 8),
         "truncated gzip stream: it ends before its end marker and checksum"},
        {"only the gzip magic", std::string("\x1f\x8b", 2), "truncated: expected a 16-byte"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        const std::string images = dir.file("images.gz");
        writeBytes(images, c.bytes);
        requireRefusal([&] { readIdxDataset(images, labels); }, images, c.phrase);
    }
}

TEST_CASE("IDX reading refuses missing files and directories", "[dataset]") {
    TempDir dir("shufflescope-idx-test");
    const std::string images = dir.file("images"), labels = dir.file("labels");
    writeBytes(images, idxImages(1, 28, 28, patternPixels(1, 28, 28)));
    writeBytes(labels, idxLabels({7}));
    const std::string missing = dir.file("missing.gz");
    requireRefusal([&] { readIdxDataset(missing, labels); }, missing, "file does not exist");
    requireRefusal([&] { readIdxDataset(images, missing); }, missing, "file does not exist");
    const std::string folder = dir.path().string();
    requireRefusal([&] { readIdxDataset(folder, labels); }, folder,
                   "is a directory; expected an IDX file");
    CHECK(readIdxDataset(images, labels).labels == std::vector<uint8_t>{7});
}

TEST_CASE("the real Fashion-MNIST files load: 60000 + 10000 items, balanced classes", "[dataset]") {
    const std::string directory = defaultFashionMnistDirectory();
    if (!fs::is_directory(directory)) {
        WARN(directory << " is absent (Debian package dataset-fashion-mnist): skipping");
        return;
    }
    struct Split {
        bool train;
        int count;
        std::vector<uint8_t> firstLabels;  // from the files, read independently with Python
        int firstImageSum;
    };
    const std::vector<Split> splits = {
        {true, 60000, {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, 76247},
        {false, 10000, {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, 33456},
    };
    for (const Split& split : splits) {
        CAPTURE(split.train);
        const Dataset data = loadFashionMnist(directory, split.train);
        REQUIRE(data.count == split.count);
        CHECK(data.height == 28);
        CHECK(data.width == 28);
        REQUIRE(data.images.size() == std::size_t(split.count) * 784);
        REQUIRE(data.labels.size() == std::size_t(split.count));
        CHECK(std::vector<uint8_t>(data.labels.begin(), data.labels.begin() + 10) ==
              split.firstLabels);
        int firstImageSum = 0;
        for (int i = 0; i < 784; ++i) firstImageSum += data.images[std::size_t(i)];
        CHECK(firstImageSum == split.firstImageSum);
        std::array<int, 10> histogram{};
        for (uint8_t label : data.labels) ++histogram[label];
        for (int c = 0; c < 10; ++c) {
            CAPTURE(c);
            CHECK(histogram[std::size_t(c)] == split.count / 10);
        }
    }
}

// =================================================================================================
// [SECTION] Batches
// =================================================================================================

TEST_CASE("batches centre each item in a black-margined 32x32 frame, normalised", "[dataset]") {
    const Dataset data = handMadeDataset(3);
    const std::vector<int> indices = {2, 0, 2};
    Tensor batch;
    std::vector<int> labels;
    makeInputBatch(data, indices, batch, labels, Augmentation{}, nullptr);

    REQUIRE(batch.shape() == std::vector<int64_t>{3, 1, 32, 32});
    CHECK(labels == std::vector<int>{2, 0, 2});
    for (int n = 0; n < 3; ++n) {
        const uint8_t* item = data.images.data() + std::size_t(indices[std::size_t(n)]) * 784;
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x) {
                const bool inside = y >= 2 && y < 30 && x >= 2 && x < 30;
                const int pixel = inside ? item[(y - 2) * 28 + (x - 2)] : 0;
                CAPTURE(n, y, x, pixel);
                REQUIRE(batch[(n * 32 + y) * 32 + x] == fashionNormalised(pixel));
            }
        }
    }
    CHECK(fashionNormalised(0) == Approx(-0.2860 / 0.3530));

    // A batch of the same shape reuses the buffer.
    const float* buffer = batch.data();
    makeInputBatch(data, {1, 1, 0}, batch, labels, Augmentation{}, nullptr);
    CHECK(batch.data() == buffer);
    CHECK(labels == std::vector<int>{1, 1, 0});
    makeInputBatch(data, {}, batch, labels, Augmentation{}, nullptr);
    CHECK(batch.shape() == std::vector<int64_t>{0, 1, 32, 32});
    CHECK(labels.empty());
}

TEST_CASE("a training item and the same picture through the fashion preprocessing agree",
          "[dataset]") {
    // A light garment on black, as Fashion-MNIST draws them: preprocessImage does not invert it
    // and fits it 1:1 into the same 28x28 box of the 32x32 input.
    Dataset data;
    data.count = 1;
    data.images.assign(784, 0);
    for (int y = 4; y < 24; ++y) {
        for (int x = 6; x < 22; ++x) data.images[std::size_t(y * 28 + x)] = uint8_t(40 + 7 * x + y);
    }
    data.labels = {3};
    Tensor batch;
    std::vector<int> labels;
    makeInputBatch(data, {0}, batch, labels, Augmentation{}, nullptr);

    DecodedImage image;
    image.width = image.height = 28;
    image.channels = 1;
    image.pixels = data.images;
    PreprocessInfo info;
    const Tensor photo = preprocessImage(image, presetConfig("fashion"), &info);
    CHECK_FALSE(info.inverted);
    REQUIRE(photo.shape() == batch.shape());
    for (int64_t i = 0; i < batch.size(); ++i) {
        CAPTURE(i);
        REQUIRE(batch[i] == photo[i]);
    }
}

TEST_CASE("augmentation shifts within the margin, flips half the time, and keeps every pixel",
          "[dataset]") {
    // An item with no black pixel, so its footprint in the frame is exactly where it was placed.
    Dataset data = handMadeDataset(1);
    for (uint8_t& pixel : data.images) pixel = uint8_t(std::max<int>(pixel, 1));
    const float background = fashionNormalised(0);
    const int draws = 4000;
    std::mt19937_64 rng(2024);
    Tensor batch;
    std::vector<int> labels;
    makeInputBatch(data, std::vector<int>(draws, 0), batch, labels, Augmentation{.enabled = true},
                   &rng);
    REQUIRE(batch.shape() == std::vector<int64_t>{draws, 1, 32, 32});

    std::map<std::pair<int, int>, int> offsets;
    int flips = 0;
    for (int n = 0; n < draws; ++n) {
        const float* frame = batch.data() + std::size_t(n) * 1024;
        int top = 32, left = 32, bottom = -1, right = -1, covered = 0;
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x) {
                if (frame[y * 32 + x] == background) continue;
                top = std::min(top, y), left = std::min(left, x);
                bottom = std::max(bottom, y), right = std::max(right, x);
                ++covered;
            }
        }
        CAPTURE(n, top, left, bottom, right);
        REQUIRE(covered == 784);  // the whole garment is visible
        REQUIRE(bottom - top == 27);
        REQUIRE(right - left == 27);
        REQUIRE(top >= 0);
        REQUIRE(top <= 4);
        REQUIRE(left >= 0);
        REQUIRE(left <= 4);
        ++offsets[{top - 2, left - 2}];
        // Flipped or not, the placed item matches the source exactly one way.
        bool straight = true, mirrored = true;
        for (int y = 0; y < 28; ++y) {
            for (int x = 0; x < 28; ++x) {
                const float placed = frame[(top + y) * 32 + left + x];
                straight = straight && placed == fashionNormalised(data.images[y * 28 + x]);
                mirrored = mirrored && placed == fashionNormalised(data.images[y * 28 + 27 - x]);
            }
        }
        REQUIRE(straight != mirrored);
        flips += mirrored ? 1 : 0;
    }
    // All 25 offsets occur about equally (4000/25 = 160 each), and about half are flipped. The
    // seed is fixed, so these bounds are not flaky; they catch a biased or stuck draw.
    REQUIRE(offsets.size() == 25);
    for (const auto& [offset, hits] : offsets) {
        CAPTURE(offset.first, offset.second, hits);
        CHECK(hits > 100);
        CHECK(hits < 220);
    }
    CHECK(flips > 1800);
    CHECK(flips < 2200);
}

TEST_CASE("augmentation is a function of the generator's state", "[dataset]") {
    const Dataset data = handMadeDataset(10);
    const std::vector<int> indices = {3, 1, 4, 1, 5, 9, 2, 6};
    const Augmentation on{.enabled = true};
    Tensor first, second, other;
    std::vector<int> firstLabels, secondLabels, otherLabels;
    std::mt19937_64 rngA(7), rngB(7), rngC(8);
    makeInputBatch(data, indices, first, firstLabels, on, &rngA);
    makeInputBatch(data, indices, second, secondLabels, on, &rngB);
    makeInputBatch(data, indices, other, otherLabels, on, &rngC);
    CHECK(std::equal(first.values().begin(), first.values().end(), second.values().begin()));
    CHECK_FALSE(std::equal(first.values().begin(), first.values().end(), other.values().begin()));
    CHECK(firstLabels == secondLabels);
    CHECK(firstLabels == otherLabels);  // labels never depend on the augmentation
    CHECK(firstLabels == std::vector<int>{3, 1, 4, 1, 5, 9, 2, 6});
    CHECK(rngA() == rngB());

    SECTION("three draws per image whatever the settings, so the stream stays aligned") {
        for (const Augmentation augmentation :
             {Augmentation{.enabled = true, .maxShift = 0, .horizontalFlip = false},
              Augmentation{.enabled = true, .maxShift = 1}, on}) {
            std::mt19937_64 used(11), expected(11);
            makeInputBatch(data, indices, first, firstLabels, augmentation, &used);
            expected.discard(3 * indices.size());
            CHECK(used() == expected());
        }
    }
    SECTION("no shift and no flip is the centred batch") {
        std::mt19937_64 rng(11);
        makeInputBatch(data, indices, first, firstLabels,
                       Augmentation{.enabled = true, .maxShift = 0, .horizontalFlip = false}, &rng);
        makeInputBatch(data, indices, second, secondLabels, Augmentation{}, nullptr);
        CHECK(std::equal(first.values().begin(), first.values().end(), second.values().begin()));
    }
}

TEST_CASE("batch construction refuses bad indices, settings and inconsistent data sets",
          "[dataset]") {
    const Dataset data = handMadeDataset(4);
    Tensor batch;
    std::vector<int> labels;
    std::mt19937_64 rng(1);
    const auto refuses = [&](const Dataset& d, const std::vector<int>& indices,
                             Augmentation augmentation, std::mt19937_64* generator,
                             const std::string& phrase) {
        CAPTURE(phrase);
        REQUIRE_THROWS_WITH(makeInputBatch(d, indices, batch, labels, augmentation, generator),
                            Catch::Matchers::Contains(phrase));
    };
    refuses(data, {0, 4}, Augmentation{}, nullptr, "index 4 at position 1; expected 0..3");
    refuses(data, {-1}, Augmentation{}, nullptr, "index -1 at position 0");
    refuses(data, {0}, Augmentation{.enabled = true, .maxShift = 3}, &rng,
            "maxShift 3; expected 0..2");
    refuses(data, {0}, Augmentation{.enabled = true, .maxShift = -1}, &rng, "maxShift -1");
    refuses(data, {0}, Augmentation{.enabled = true}, nullptr, "needs a random generator");
    Dataset shortImages = data;
    shortImages.images.pop_back();
    refuses(shortImages, {0}, Augmentation{}, nullptr, "do not match its 4 images of 28x28");
    Dataset shortLabels = data;
    shortLabels.labels.pop_back();
    refuses(shortLabels, {0}, Augmentation{}, nullptr, "3 labels) do not match");
}

// =================================================================================================
// [SECTION] Deterministic randomness
// =================================================================================================

TEST_CASE("uniformBelow stays below its bound and is uniform", "[dataset]") {
    std::mt19937_64 rng(5);
    CHECK(uniformBelow(rng, 1) == 0);
    std::array<int, 6> counts{};
    for (int i = 0; i < 60000; ++i) ++counts[uniformBelow(rng, 6)];
    for (int c = 0; c < 6; ++c) {
        CAPTURE(c, counts[std::size_t(c)]);
        CHECK(counts[std::size_t(c)] > 9600);
        CHECK(counts[std::size_t(c)] < 10400);
    }
    // A bound just over 2^63 rejects about half the draws; results must still be in range.
    const uint64_t huge = (uint64_t(1) << 63) + 1;
    for (int i = 0; i < 100; ++i) CHECK(uniformBelow(rng, huge) < huge);
    CHECK_THROWS_AS(uniformBelow(rng, 0), Error);
}

TEST_CASE("shuffledIndices gives a permutation fixed by seed and epoch", "[dataset]") {
    for (const int count : {0, 1, 2, 17, 1000}) {
        CAPTURE(count);
        std::vector<int> order = shuffledIndices(count, 42, 0);
        REQUIRE(order.size() == std::size_t(count));
        CHECK(order == shuffledIndices(count, 42, 0));
        std::sort(order.begin(), order.end());
        for (int i = 0; i < count; ++i) REQUIRE(order[std::size_t(i)] == i);
    }
    const std::vector<int> base = shuffledIndices(1000, 42, 0);
    CHECK(base != shuffledIndices(1000, 42, 1));
    CHECK(base != shuffledIndices(1000, 43, 0));
    CHECK(shuffledIndices(1000, 42, 1) != shuffledIndices(1000, 43, 0));
    // Not the identity: a real shuffle moves almost everything.
    int fixedPoints = 0;
    for (int i = 0; i < 1000; ++i) fixedPoints += base[std::size_t(i)] == i ? 1 : 0;
    CHECK(fixedPoints < 10);

    // Pinned: std::mt19937_64's sequence is fixed by the C++ standard and no library distribution
    // is used, so this order is the same with every compiler and standard library. If it changes,
    // training runs stop being reproducible from their seed.
    CHECK(shuffledIndices(10, 42, 0) == std::vector<int>{2, 0, 4, 7, 8, 3, 5, 1, 9, 6});
    CHECK_THROWS_AS(shuffledIndices(-1, 42, 0), Error);
}

TEST_CASE("firstItems keeps the first images and labels, or everything for 0 or too many",
          "[dataset]") {
    Dataset d;
    d.count = 3;
    d.height = 2;
    d.width = 2;
    d.images = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    d.labels = {7, 8, 9};
    const Dataset two = firstItems(d, 2);
    CHECK(two.count == 2);
    CHECK(two.height == 2);
    CHECK(two.width == 2);
    CHECK(two.images == std::vector<uint8_t>{1, 2, 3, 4, 5, 6, 7, 8});
    CHECK(two.labels == std::vector<uint8_t>{7, 8});
    for (int all : {0, 3, 10}) {
        CAPTURE(all);
        const Dataset same = firstItems(d, all);
        CHECK(same.count == 3);
        CHECK(same.images == d.images);
        CHECK(same.labels == d.labels);
    }
}
