// .npy reading and writing: round trips, the header forms numpy writes, and every refusal.
// Files are built byte by byte here so each malformed case is explicit and needs no Python.

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <new>
#include <random>
#include <string>
#include <vector>

#include "shufflescope/base/error.h"
#include "shufflescope/base/tensor.h"
#include "shufflescope/io/image_input.h"
#include "shufflescope/io/npy.h"
#include "shufflescope/model/config.h"
#include "support/byte_writers.h"
#include "support/error_message.h"
#include "support/file_bytes.h"
#include "support/model_configs.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace shufflescope;
using testing_support::errorFrom;
using testing_support::fashionInputConfig;
using testing_support::littleEndianBytes;
using testing_support::readBytes;
using testing_support::TempDir;
using testing_support::writeBytes;

namespace {

// An .npy file as numpy lays it out: magic, version, header length, the dict padded with spaces
// to a multiple of 64 bytes and ending in '\n', then the data.
std::string npyFile(const std::string& dict, const std::string& data, int major = 1) {
    const std::size_t lengthBytes = major == 1 ? 2 : 4;
    const std::size_t unpadded = 8 + lengthBytes + dict.size() + 1;
    const std::string header = dict + std::string((64 - unpadded % 64) % 64, ' ') + "\n";
    std::string bytes = "\x93NUMPY";
    bytes += static_cast<char>(major);
    bytes += '\0';
    for (std::size_t i = 0; i < lengthBytes; ++i) {
        bytes += static_cast<char>((header.size() >> (8 * i)) & 0xff);
    }
    return bytes + header + data;
}

std::string f4Dict(const std::string& shape) {
    return "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
}

// The process's virtual memory size in bytes (VmSize in /proc/self/status).
std::size_t currentAddressSpace() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmSize:", 0) == 0) return std::stoull(line.substr(7)) * 1024;
    }
    FAIL("no VmSize in /proc/self/status");
    return 0;
}

std::string floatData(std::size_t count) {
    std::vector<float> values(count);
    for (std::size_t i = 0; i < count; ++i) values[i] = 0.5f * static_cast<float>(i) - 1.0f;
    return littleEndianBytes(values);
}

}  // namespace

TEST_CASE("writeNpy then readNpy returns the same shape and bit-identical values", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const std::vector<std::vector<int64_t>> shapes = {
        {1}, {7}, {2, 3}, {3, 1, 5}, {1, 3, 4, 5}, {2, 3, 5, 7}, {0}, {2, 0, 3}};
    std::mt19937 random(42);
    std::uniform_real_distribution<float> uniform(-1000.0f, 1000.0f);
    for (const auto& shape : shapes) {
        CAPTURE(shapeToString(shape));
        Tensor original(shape);
        for (int64_t i = 0; i < original.size(); ++i) original[i] = uniform(random);
        // Values that must survive untouched: signed zero, subnormal, extremes, inf and NaN.
        const float specials[] = {
            -0.0f, std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::max(),
            -std::numeric_limits<float>::infinity(), std::numeric_limits<float>::quiet_NaN()};
        for (int64_t i = 0; i < std::min<int64_t>(original.size(), 5); ++i) {
            original[i] = specials[i];
        }

        const std::string path = dir.file("round_trip.npy");
        writeNpy(path, original);
        const Tensor loaded = readNpy(path);
        REQUIRE(loaded.shape() == shape);
        REQUIRE(loaded.size() == original.size());
        for (int64_t i = 0; i < original.size(); ++i) {
            CAPTURE(i);
            REQUIRE(std::memcmp(&loaded.data()[i], &original.data()[i], sizeof(float)) == 0);
        }
    }
}

TEST_CASE("writeNpy writes numpy's exact version 1.0 layout", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    Tensor tensor({2, 3});
    for (int64_t i = 0; i < tensor.size(); ++i) tensor[i] = static_cast<float>(i);
    const std::string path = dir.file("layout.npy");
    writeNpy(path, tensor);

    // What np.save(path, np.arange(6, dtype='<f4').reshape(2, 3)) writes.
    const std::string expected =
        npyFile(f4Dict("(2, 3)"), littleEndianBytes(std::vector<float>{0, 1, 2, 3, 4, 5}));
    const std::string written = readBytes(path);
    REQUIRE(written == expected);
    REQUIRE((written.size() - 6 * sizeof(float)) % 64 == 0);
    REQUIRE(written[written.size() - 6 * sizeof(float) - 1] == '\n');

    // One-element shapes are written as Python 1-tuples.
    writeNpy(path, Tensor({4}));
    REQUIRE(readBytes(path).find("'shape': (4,), }") != std::string::npos);
}

TEST_CASE("writeNpy replaces a file atomically and leaves no temporary behind", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const std::string path = dir.file("out.npy");
    writeBytes(path, "previous contents");
    Tensor tensor({3});
    tensor[0] = 1.5f;
    writeNpy(path, tensor);
    REQUIRE(readNpy(path)[0] == 1.5f);
    REQUIRE(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("writeNpy into a missing directory throws Error naming the file", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const std::string path = dir.file("no/such/dir/out.npy");
    const std::string message = errorFrom([&] { writeNpy(path, Tensor({2})); });
    CAPTURE(message);
    REQUIRE(message.rfind(path + ": cannot write", 0) == 0);
}

TEST_CASE("writeNpy follows a symbolic link and refuses to write over a FIFO or a device",
          "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const std::string target = dir.file("target.npy");
    writeBytes(target, "previous contents");
    const std::string link = dir.file("link.npy");
    REQUIRE(fs::exists(target));
    fs::create_symlink(target, link);
    writeNpy(link, Tensor({2}));
    CHECK(fs::is_symlink(link));
    CHECK(readNpy(target).shape() == std::vector<int64_t>{2});

    // The temporary file renamed over the path used to replace the pipe with a regular file.
    const std::string fifo = dir.file("pipe.npy");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(errorFrom([&] { writeNpy(fifo, Tensor({2})); }) ==
          fifo + ": is a named pipe (FIFO), not a regular file: refusing to write over it");
    CHECK(fs::is_fifo(fifo));
    // A device (the test's own node when run as root, see TempDir::characterDevice).
    const std::string nullDevice = dir.characterDevice("null-device");
    const std::string device = dir.file("null.npy");
    fs::create_symlink(nullDevice, device);
    CHECK(errorFrom([&] { writeNpy(device, Tensor({2})); }) ==
          device + ": its link target " + nullDevice +
              " is a character device, not a regular file: refusing to write over it");
    CHECK(fs::is_character_file(nullDevice));
    fs::remove(dir.file("null-device"));
    CHECK(dir.entries() ==
          std::vector<std::string>{"link.npy", "null.npy", "pipe.npy", "target.npy"});
}

TEST_CASE("readNpy refuses a named pipe at once instead of waiting for a writer", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const std::string fifo = dir.file("pipe.npy");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    alarm(60);  // a reader that blocks on the pipe fails the test instead of hanging it
    CHECK(errorFrom([&] { readNpy(fifo); }) ==
          fifo + ": is a named pipe (FIFO), not a regular file; expected a NumPy .npy file");
    alarm(0);
}

TEST_CASE("readNpy with expected shapes refuses another shape before reading the data", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const std::string path = dir.file("input.npy");
    const NpyShapeExpectation expected{{{1, 4, 4}, {1, 1, 4, 4}}, "the model input"};
    writeBytes(path, npyFile(f4Dict("(1, 1, 4, 4)"), floatData(16)));
    CHECK(readNpy(path, expected).shape() == std::vector<int64_t>{1, 1, 4, 4});
    writeBytes(path, npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 4, 4), }",
                             littleEndianBytes(std::vector<double>(16, 0.5))));
    CHECK(readNpy(path, expected)[15] == 0.5f);
    // The shape is compared before the size: this file is also truncated, but the shape is what
    // the caller wants to hear about.
    writeBytes(path, npyFile(f4Dict("(3, 4, 4)"), floatData(5)));
    CHECK(errorFrom([&] { readNpy(path, expected); }) ==
          path + ": shape (3, 4, 4) does not match the model input (1, 4, 4)");
    CHECK(errorFrom([&] { readNpy(path, NpyShapeExpectation{{{2}}}); }) ==
          path + ": shape (3, 4, 4) does not match the expected shape (2,)");
    // Without expectations any shape is read (here: refused for its missing data).
    CHECK(errorFrom([&] { readNpy(path); }).find("truncated") != std::string::npos);
}

TEST_CASE("readNpy reads format versions 2.0 and 3.0 (4-byte header length)", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    for (int major : {2, 3}) {
        CAPTURE(major);
        const std::string path = dir.file("v" + std::to_string(major) + ".npy");
        writeBytes(path, npyFile(f4Dict("(2, 2)"), floatData(4), major));
        const Tensor tensor = readNpy(path);
        REQUIRE(tensor.shape() == std::vector<int64_t>{2, 2});
        REQUIRE(tensor[3] == 0.5f);
    }
}

TEST_CASE("readNpy accepts the header spellings numpy and Python allow", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    struct Case {
        const char* name;
        std::string dict;
        std::vector<int64_t> shape;
    };
    const std::vector<Case> cases = {
        {"keys in another order, no trailing comma",
         "{'shape': (3,), 'fortran_order': False, 'descr': '<f4'}",
         {3}},
        {"double-quoted strings",
         "{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (3,)}",
         {3}},
        {"Python 2 long integers", f4Dict("(1L, 3L)"), {1, 3}},
        {"extra whitespace", "{ 'descr' : '<f4' ,\t'fortran_order':False,'shape':( 3 , ) , }", {3}},
        {"rank 4", f4Dict("(1, 1, 1, 3)"), {1, 1, 1, 3}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name, c.dict);
        const std::string path = dir.file("spelling.npy");
        writeBytes(path, npyFile(c.dict, floatData(3)));
        REQUIRE(readNpy(path).shape() == c.shape);
    }
}

TEST_CASE("readNpy narrows '<f8' data to float32", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const std::string path = dir.file("f8.npy");
    const std::vector<double> values = {0.1, -2.5, 1e30, 3.0e-39, 123456789.0, -0.0};
    writeBytes(path, npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
                             littleEndianBytes(values)));
    const Tensor tensor = readNpy(path);
    REQUIRE(tensor.shape() == std::vector<int64_t>{2, 3});
    for (std::size_t i = 0; i < values.size(); ++i) {
        CAPTURE(i, values[i]);
        REQUIRE(tensor[int64_t(i)] == static_cast<float>(values[i]));
    }

    // A finite double that float32 cannot hold is refused rather than turned into inf.
    writeBytes(path, npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
                             littleEndianBytes(std::vector<double>{1.0, 1e300})));
    const std::string message = errorFrom([&] { readNpy(path); });
    CAPTURE(message);
    REQUIRE(message.rfind(path + ": ", 0) == 0);
    REQUIRE(message.find("outside float32's range") != std::string::npos);
}

TEST_CASE("readNpy refuses bad files with an Error naming the file and the problem", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const std::string good = npyFile(f4Dict("(2, 3)"), floatData(6));
    std::string badMagic = good;
    badMagic[1] = 'X';
    std::string badVersion = good;
    badVersion[6] = 4;
    std::string headerPastEnd = good.substr(0, 8) + std::string("\xff\x7f", 2) + "{'descr'";

    struct Case {
        const char* name;
        std::string bytes;
        std::string expected;  // a substring of the message after "path: "
    };
    const std::vector<Case> cases = {
        {"empty file", "", "not a NumPy .npy file"},
        {"bad magic", badMagic, "not a NumPy .npy file"},
        {"PNG instead of npy", "\x89PNG\r\n\x1a\n....", "not a NumPy .npy file"},
        {"version 4.0", badVersion, "version 4.0 is not supported"},
        {"header length past the end", headerPastEnd, "truncated"},
        {"fortran order",
         npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", floatData(6)),
         "Fortran (column-major) order"},
        {"int64 dtype",
         npyFile("{'descr': '<i8', 'fortran_order': False, 'shape': (2, 3), }", floatData(12)),
         "dtype '<i8' is not supported; expected float32 ('<f4')"},
        {"big-endian float32",
         npyFile("{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3), }", floatData(6)),
         "dtype '>f4' is not supported"},
        {"uint8 dtype",
         npyFile("{'descr': '|u1', 'fortran_order': False, 'shape': (6,), }", std::string(6, 'x')),
         "dtype '|u1' is not supported"},
        {"structured dtype",
         npyFile("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (6,), }",
                 floatData(6)),
         "dtype [('a', '<f4')] is not supported"},
        {"truncated data", npyFile(f4Dict("(2, 3)"), floatData(5)),
         "truncated: shape (2, 3) needs 24 bytes of data but the file has 20"},
        {"one byte short", npyFile(f4Dict("(2, 3)"), floatData(6).substr(1)), "truncated"},
        {"trailing bytes", npyFile(f4Dict("(2, 3)"), floatData(7)),
         "4 unexpected bytes after the data"},
        {"rank 0", npyFile(f4Dict("()"), floatData(1)), "has rank 0"},
        {"rank 5", npyFile(f4Dict("(1, 1, 1, 2, 3)"), floatData(6)), "has rank 5"},
        {"negative extent", npyFile(f4Dict("(-2, 3)"), floatData(6)),
         "not a tuple of non-negative integers"},
        {"too many elements", npyFile(f4Dict("(65536, 32768)"), ""), "too many elements"},
        {"overflowing extent", npyFile(f4Dict("(99999999999999999999,)"), ""), "integer too large"},
        {"shape is a parenthesised int", npyFile(f4Dict("(6)"), floatData(6)),
         "'shape' is 6; expected a tuple"},
        {"shape is a list", npyFile(f4Dict("[2, 3]"), floatData(6)), "expected a tuple"},
        {"float extent", npyFile(f4Dict("(2.0, 3)"), floatData(6)), "malformed .npy header"},
        {"missing shape", npyFile("{'descr': '<f4', 'fortran_order': False, }", floatData(6)),
         "no 'shape' key"},
        {"extra key",
         npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (6,), 'x': 1}", floatData(6)),
         "unexpected key 'x'"},
        {"duplicate key",
         npyFile("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (6,)}",
                 floatData(6)),
         "appears twice"},
        {"fortran_order not a bool",
         npyFile("{'descr': '<f4', 'fortran_order': 0, 'shape': (6,), }", floatData(6)),
         "expected True or False"},
        {"missing closing brace",
         npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (6,), ", floatData(6)),
         "malformed .npy header"},
        {"unterminated string",
         npyFile("{'descr: '<f4', 'fortran_order': False, 'shape': (6,), }", floatData(6)),
         "malformed .npy header"},
        {"not a dict", npyFile("hello", floatData(6)), "malformed .npy header"},
        {"text after the dict", npyFile(f4Dict("(6,)") + " x", floatData(6)),
         "unexpected text after the closing '}'"},
        {"deep nesting", npyFile(f4Dict("((((((((((((6,),),),),),),),),),),)"), floatData(6)),
         "nesting too deep"},
        {"bare name", npyFile("{'descr': f4, 'fortran_order': False, 'shape': (6,)}", floatData(6)),
         "malformed .npy header"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        const std::string path = dir.file("bad.npy");
        writeBytes(path, c.bytes);
        const std::string message = errorFrom([&] { readNpy(path); });
        CAPTURE(message, c.expected);
        REQUIRE(message.rfind(path + ": ", 0) == 0);
        REQUIRE(message.find(c.expected) != std::string::npos);
    }
}

TEST_CASE("readNpy refuses a missing file with an Error naming it", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const std::string path = dir.file("missing.npy");
    CHECK(errorFrom([&] { readNpy(path); }) == path + ": file does not exist");
    // A directory is not a file either.
    CHECK(errorFrom([&] { readNpy(dir.path().string()); }) ==
          dir.path().string() + ": is a directory; expected a NumPy .npy file");
}

// =================================================================================================
// loadInput with .npy files: exact numeric input checked against the model's input shape.
// =================================================================================================

TEST_CASE("loadInput reads (C,H,W) and (1,C,H,W) .npy files as [1,C,H,W]", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const ModelConfig config = fashionInputConfig();
    for (const std::string& shape : {std::string("(1, 32, 32)"), std::string("(1, 1, 32, 32)")}) {
        CAPTURE(shape);
        // The extension is matched case-insensitively.
        const std::string path = dir.file("input.NPY");
        writeBytes(path, npyFile(f4Dict(shape), floatData(32 * 32)));
        PreprocessInfo info;
        info.inverted = true;
        const Tensor tensor = loadInput(path, config, &info);
        REQUIRE(tensor.shape() == std::vector<int64_t>{1, 1, 32, 32});
        REQUIRE(tensor[0] == -1.0f);
        REQUIRE(tensor[1023] == 0.5f * 1023 - 1.0f);
        REQUIRE_FALSE(info.inverted);
    }
}

TEST_CASE("loadInput refuses .npy input whose shape differs from the model's", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const ModelConfig config = fashionInputConfig();
    struct Case {
        std::string shape;
        std::size_t count;
    };
    const std::vector<Case> cases = {{"(3, 64, 64)", 3 * 64 * 64},
                                     {"(1, 32, 31)", 32 * 31},
                                     {"(2, 1, 32, 32)", 2 * 32 * 32},
                                     {"(1024,)", 1024},
                                     {"(32, 32)", 1024}};
    for (const Case& c : cases) {
        CAPTURE(c.shape);
        const std::string path = dir.file("input.npy");
        writeBytes(path, npyFile(f4Dict(c.shape), floatData(c.count)));
        const std::string message = errorFrom([&] { loadInput(path, config); });
        REQUIRE(message ==
                path + ": shape " + c.shape + " does not match the model input (1, 32, 32)");
    }
}

TEST_CASE("loadInput refuses a header promising 2^31 elements without allocating for them",
          "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const std::string path = dir.file("lying.npy");
    writeBytes(path, npyFile(f4Dict("(2147483647,)"), ""));
    // The file really holds the 8 GiB its header promises (a sparse file: no disk is used), so
    // only the shape can refuse it.
    fs::resize_file(path, fs::file_size(path) + std::uintmax_t(2147483647) * 4);
    // Address space capped 2 GiB above what the process uses: allocating the 8 GiB tensor fails
    // at once (std::bad_alloc, not an Error) instead of filling the machine's memory.
    rlimit saved{};
    REQUIRE(getrlimit(RLIMIT_AS, &saved) == 0);
    rlimit capped = saved;
    capped.rlim_cur = rlim_t(currentAddressSpace()) + (rlim_t(2) << 30);
    REQUIRE(setrlimit(RLIMIT_AS, &capped) == 0);
    std::string message;
    try {
        message = errorFrom([&] { loadInput(path, fashionInputConfig()); });
    } catch (const std::bad_alloc&) {
        message = "std::bad_alloc: the tensor was allocated before the shape was checked";
    }
    setrlimit(RLIMIT_AS, &saved);
    CHECK(message == path + ": shape (2147483647,) does not match the model input (1, 32, 32)");
}

TEST_CASE("loadInput refuses non-finite .npy input", "[npy]") {
    TempDir dir("shufflescope-npy-test");
    const ModelConfig config = fashionInputConfig();
    for (float bad :
         {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()}) {
        std::vector<float> values(32 * 32, 0.25f);
        values[2 * 32 + 5] = bad;  // row 2, column 5
        const std::string path = dir.file("input.npy");
        writeBytes(path, npyFile(f4Dict("(1, 32, 32)"), littleEndianBytes(values)));
        const std::string message = errorFrom([&] { loadInput(path, config); });
        CAPTURE(message);
        REQUIRE(message.rfind(path + ": the value at (channel 0, row 2, column 5) is ", 0) == 0);
        REQUIRE(message.find("must be finite") != std::string::npos);
    }
}
