#pragma once
// NumPy .npy files (format versions 1.0-3.0): little-endian float32 ('<f4'; '<f8' is narrowed),
// C order. Used for exact numeric input to the network and for `run --dump`.

#include <cstdint>
#include <string>
#include <vector>

#include "shufflescope/base/tensor.h"

namespace shufflescope {

// Throws Error naming the file and the problem (bad magic, unsupported dtype, Fortran order,
// truncated data, malformed header, implausible shape).
Tensor readNpy(const std::string& path);
void writeNpy(const std::string& path, const Tensor& tensor);

// "(3, 64, 64)", numpy's spelling, for messages.
std::string npyShapeString(const std::vector<int64_t>& shape);

}  // namespace shufflescope
