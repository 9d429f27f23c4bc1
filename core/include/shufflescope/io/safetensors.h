#pragma once
// The safetensors container format: an 8-byte little-endian header length N, N bytes of JSON
//   {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
//    "__metadata__": {"key": "string value", ...}}
// then the tensor bytes (offsets are relative to the end of the header).
//
// Reading validates everything before touching tensor bytes: header length and offsets inside the
// file, JSON well-formed, every entry's dtype known, shape non-negative, byte size equal to
// shape x dtype size, offsets aligned to the dtype size, no two tensors overlapping, no bytes of
// the data section left unaccounted for. Each failure throws Error naming the file, the key and
// what was expected. F32, F16 and BF16 load as float32; other dtypes are refused by name.

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "shufflescope/base/tensor.h"

namespace shufflescope {

enum class StorageType { F32, F16, BF16 };

struct SafetensorsContent {
    std::map<std::string, Tensor> tensors;
    std::map<std::string, std::string> metadata;
};

// Keys for which it returns true are validated (known dtype, sound layout) but neither decoded nor
// returned, whatever their dtype: checkpoints skip PyTorch's int64 "*.num_batches_tracked".
using SkipKey = bool (*)(std::string_view key);

// Reads and validates a file; `path` names the file in every message.
SafetensorsContent readSafetensors(const std::string& path, SkipKey skip = nullptr);
// Same, from bytes already in memory; `context` names the source in messages.
SafetensorsContent parseSafetensors(std::span<const std::byte> bytes, const std::string& context,
                                    SkipKey skip = nullptr);

// Serialises tensors (sorted by name, 8-byte aligned header padded with spaces, as the reference
// implementation writes) with float32 values stored as `storage`.
std::string serializeSafetensors(const std::map<std::string, Tensor>& tensors,
                                 const std::map<std::string, std::string>& metadata,
                                 StorageType storage = StorageType::F32);
// Writes atomically (temporary file, then rename) so a failed write never destroys an old file.
void writeSafetensors(const std::string& path, const std::map<std::string, Tensor>& tensors,
                      const std::map<std::string, std::string>& metadata,
                      StorageType storage = StorageType::F32);

// IEEE half and bfloat16 <-> float (round to nearest even).
float halfToFloat(uint16_t bits);
uint16_t floatToHalf(float value);
float bfloat16ToFloat(uint16_t bits);
uint16_t floatToBfloat16(float value);

}  // namespace shufflescope
