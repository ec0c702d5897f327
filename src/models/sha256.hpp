// SHA-256 (FIPS 180-4) of bytes in memory or of a file streamed in 1 MiB chunks, as 32 raw bytes
// or as 64 lowercase hex digits. Our own implementation, so hashing needs no third-party library.
// sha256_file_hex() throws am::Error naming the file when it cannot be read.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace am {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Incremental hasher: update() any number of times, then finish() once.
class Sha256 {
 public:
  Sha256();
  void update(std::span<const std::byte> data);
  Sha256Digest finish();

 private:
  void compress_block(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

std::string to_hex(std::span<const std::uint8_t> bytes);
std::string sha256_hex(std::span<const std::byte> data);
std::string sha256_hex(std::string_view text);
std::string sha256_file_hex(const std::filesystem::path& file);

// True when text is exactly 64 lowercase hex digits.
bool is_sha256_hex(std::string_view text);

}  // namespace am
