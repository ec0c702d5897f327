// The byte format of one cache entry, shared by the file and Redis backends.
// An entry is a 28-byte header followed by the payload:
//   magic "AMCE" | format u16 = 1 | kind u16 | version i64 | payload size u64 | crc32 u32
// (little endian). The CRC-32 covers header bytes [4, 24) and the payload, so a flipped bit in
// the kind, version, size or payload, or a truncated entry, fails decoding. Decoders return
// nullopt for anything that is not one complete, intact entry of the expected kind.
// An identity's payload is id, first_seen_ms, the embeddings, then optional tagged sections
// (u16 tag, u64 size, bytes): tag 1 is the body appearance (u16 layout version, floats). Entries
// written before sections existed end after the embeddings and read back with no body; sections
// with an unknown tag are skipped, so an older reader still reads a newer entry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cache/cache.hpp"

namespace am {

enum class EntryKind : std::uint16_t { identity = 1, avatar = 2 };

struct EntryHeader {
  EntryKind kind = EntryKind::identity;
  std::int64_t version_ms = 0;  // Identity::last_seen_ms or Avatar::created_ms
  std::uint64_t payload_size = 0;
  std::uint32_t crc = 0;
};

inline constexpr std::size_t kEntryHeaderSize = 28;

std::string encode_identity(const Identity& identity);
std::string encode_avatar(const Avatar& avatar);
std::optional<Identity> decode_identity(std::string_view entry);
std::optional<Avatar> decode_avatar(std::string_view entry);

// The header alone, without checking the payload (to compare versions cheaply): nullopt when
// the bytes are too short or the magic or format do not match.
std::optional<EntryHeader> peek_header(std::string_view entry);

}  // namespace am
