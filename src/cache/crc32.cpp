#include "cache/crc32.hpp"

#include <array>
#include <bit>
#include <cstring>

namespace am {
namespace {

using Tables = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr Tables make_tables() {
  Tables t{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  for (std::size_t i = 0; i < 256; ++i) {
    for (std::size_t s = 1; s < 8; ++s) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFF];
  }
  return t;
}

constexpr Tables kTables = make_tables();

std::uint32_t step_byte(std::uint32_t c, unsigned char b) {
  return kTables[0][(c ^ b) & 0xFF] ^ (c >> 8);
}

std::uint32_t step_8_bytes(std::uint32_t c, const unsigned char* p) {
  std::uint32_t lo;
  std::uint32_t hi;
  std::memcpy(&lo, p, 4);
  std::memcpy(&hi, p + 4, 4);
  lo ^= c;
  return kTables[7][lo & 0xFF] ^ kTables[6][(lo >> 8) & 0xFF] ^ kTables[5][(lo >> 16) & 0xFF] ^
         kTables[4][lo >> 24] ^ kTables[3][hi & 0xFF] ^ kTables[2][(hi >> 8) & 0xFF] ^
         kTables[1][(hi >> 16) & 0xFF] ^ kTables[0][hi >> 24];
}

}  // namespace

std::uint32_t crc32(std::string_view bytes, std::uint32_t crc) {
  static_assert(std::endian::native == std::endian::little, "slicing-by-8 assumes little endian");
  std::uint32_t c = ~crc;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  for (; n >= 8; n -= 8, p += 8) c = step_8_bytes(c, p);
  for (; n > 0; --n, ++p) c = step_byte(c, *p);
  return ~c;
}

}  // namespace am
