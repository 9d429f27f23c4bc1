#include "support/byte_writers.h"

namespace testing_support {

void appendBigEndian32(std::string& out, uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(char((value >> shift) & 0xff));
}

void appendBigEndian32(std::vector<uint8_t>& out, uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(uint8_t(value >> shift));
}

std::string safetensorsBytes(const std::string& header, const std::string& data,
                             uint64_t headerLength) {
    return littleEndianBytes<uint64_t>({headerLength}) + header + data;
}

}  // namespace testing_support
