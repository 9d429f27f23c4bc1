#pragma once
// NumPy .npy files (format versions 1.0-3.0): little-endian float32 ('<f4'; '<f8' is narrowed),
// C order. Used for exact numeric input to the network and for `run --dump`.

#include <cstdint>
#include <string>
#include <vector>

#include "shufflescope/base/tensor.h"

namespace shufflescope {

// Throws Error naming the file and the problem (not a regular file, bad magic, unsupported dtype,
// Fortran order, truncated data, malformed header, implausible shape). Nothing is allocated for
// the data before the header's shape has been checked against the file's real size.
Tensor readNpy(const std::string& path);

// The shapes a caller accepts. The header's shape is compared with them before anything is
// allocated for the data, so a file whose header promises a huge array of another shape costs
// nothing to refuse.
struct NpyShapeExpectation {
    std::vector<std::vector<int64_t>> shapes;  // any one of them; empty: any shape
    // Named in the refusal with the first shape: "shape (5,) does not match the model input
    // (1, 32, 32)".
    std::string what = "the expected shape";
};
Tensor readNpy(const std::string& path, const NpyShapeExpectation& expected);

// Writes all or nothing (base/atomic_file.h); throws Error naming the file when it cannot.
void writeNpy(const std::string& path, const Tensor& tensor);

// "(3, 64, 64)", numpy's spelling, for messages.
std::string npyShapeString(const std::vector<int64_t>& shape);

}  // namespace shufflescope
