#pragma once
// Bytes of files laid out by hand, for the readers' tests (every malformed case explicit, no
// Python needed): big-endian 32-bit fields (IDX headers, PNG chunks), little-endian values (npy
// and safetensors data) and the safetensors frame around a header.

#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

namespace testing_support {

// Appends `value`'s 4 bytes, most significant first.
void appendBigEndian32(std::string& out, uint32_t value);
void appendBigEndian32(std::vector<uint8_t>& out, uint32_t value);

// The values' bytes, each least significant byte first.
template <typename T>
std::string littleEndianBytes(const std::vector<T>& values) {
    std::string bytes;
    for (T value : values) {
        unsigned char raw[sizeof(T)];
        std::memcpy(raw, &value, sizeof(T));
        // The tests run on little-endian hosts; the assertion keeps that assumption visible.
        static_assert(std::endian::native == std::endian::little);
        bytes.append(reinterpret_cast<const char*>(raw), sizeof(T));
    }
    return bytes;
}
template <typename T>
std::string littleEndianBytes(std::initializer_list<T> values) {
    return littleEndianBytes(std::vector<T>(values));
}

// A safetensors file: the 8-byte little-endian header length, the header, the data.
// `headerLength` is written as given (a test may make it lie).
std::string safetensorsBytes(const std::string& header, const std::string& data,
                             uint64_t headerLength);

}  // namespace testing_support
