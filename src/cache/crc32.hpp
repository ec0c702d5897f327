// CRC-32 (IEEE 802.3, the zlib/PNG polynomial 0xEDB88320), slicing-by-8, our own code.
// crc32("123456789") == 0xCBF43926. Pass the previous result as `crc` to continue a checksum
// over several pieces: crc32(b, crc32(a)) == crc32(a + b).
#pragma once

#include <cstdint>
#include <string_view>

namespace am {

std::uint32_t crc32(std::string_view bytes, std::uint32_t crc = 0);

}  // namespace am
