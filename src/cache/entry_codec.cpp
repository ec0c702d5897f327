#include "cache/entry_codec.hpp"

#include <bit>
#include <cstring>

#include "cache/crc32.hpp"

namespace am {
namespace {

static_assert(std::endian::native == std::endian::little, "the entry format is little endian");

constexpr std::string_view kMagic = "AMCE";
constexpr std::uint16_t kFormat = 1;
constexpr std::size_t kCrcCoveredHeaderBegin = 4;
constexpr std::size_t kCrcOffset = 24;
constexpr std::uint16_t kBodySection = 1;

struct Truncated {};

class ByteWriter {
 public:
  template <class T>
  void put(T value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  void put_bytes(std::string_view bytes) {
    put<std::uint64_t>(bytes.size());
    out_.append(bytes);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  template <class T>
  T get() {
    T value;
    std::memcpy(&value, take(sizeof(T)).data(), sizeof(T));
    return value;
  }
  std::string get_bytes() { return std::string(take(get<std::uint64_t>())); }
  bool at_end() const { return in_.empty(); }

 private:
  std::string_view take(std::uint64_t n) {
    if (n > in_.size()) throw Truncated{};
    auto head = in_.substr(0, n);
    in_.remove_prefix(n);
    return head;
  }
  std::string_view in_;
};

std::string seal(EntryKind kind, std::int64_t version_ms, std::string_view payload) {
  ByteWriter w;
  w.bytes().append(kMagic);
  w.put(kFormat);
  w.put(static_cast<std::uint16_t>(kind));
  w.put(version_ms);
  w.put<std::uint64_t>(payload.size());
  const auto covered = std::string_view(w.bytes()).substr(kCrcCoveredHeaderBegin);
  w.put(crc32(payload, crc32(covered)));
  w.bytes().append(payload);
  return std::move(w.bytes());
}

// The payload of an intact entry of `kind`, else nullopt.
std::optional<std::string_view> open_sealed(std::string_view entry, EntryKind kind) {
  const auto header = peek_header(entry);
  if (!header || header->kind != kind) return std::nullopt;
  if (entry.size() - kEntryHeaderSize != header->payload_size) return std::nullopt;
  const auto covered = entry.substr(kCrcCoveredHeaderBegin, kCrcOffset - kCrcCoveredHeaderBegin);
  const auto payload = entry.substr(kEntryHeaderSize);
  if (crc32(payload, crc32(covered)) != header->crc) return std::nullopt;
  return payload;
}

// The body section: u16 layout version, then floats. False when malformed.
bool read_body(std::string_view section, Identity& identity) {
  ByteReader r(section);
  identity.body_version = r.get<std::uint16_t>();
  const std::size_t bytes = section.size() - sizeof(std::uint16_t);
  if (bytes % sizeof(float) != 0) return false;
  identity.body.resize(bytes / sizeof(float));
  std::memcpy(identity.body.data(), section.data() + sizeof(std::uint16_t), bytes);
  return true;
}

}  // namespace

std::optional<EntryHeader> peek_header(std::string_view entry) {
  if (entry.size() < kEntryHeaderSize || entry.substr(0, kMagic.size()) != kMagic) {
    return std::nullopt;
  }
  ByteReader r(entry.substr(kMagic.size(), kEntryHeaderSize - kMagic.size()));
  if (r.get<std::uint16_t>() != kFormat) return std::nullopt;
  EntryHeader h;
  h.kind = static_cast<EntryKind>(r.get<std::uint16_t>());
  h.version_ms = r.get<std::int64_t>();
  h.payload_size = r.get<std::uint64_t>();
  h.crc = r.get<std::uint32_t>();
  return h;
}

std::string encode_identity(const Identity& identity) {
  ByteWriter w;
  w.put_bytes(identity.id);
  w.put(identity.first_seen_ms);
  w.put<std::uint64_t>(identity.embeddings.size());
  for (const auto& e : identity.embeddings) {
    w.put_bytes({reinterpret_cast<const char*>(e.data()), e.size() * sizeof(float)});
  }
  if (!identity.body.empty()) {
    ByteWriter section;
    section.put(identity.body_version);
    section.bytes().append(reinterpret_cast<const char*>(identity.body.data()),
                           identity.body.size() * sizeof(float));
    w.put(kBodySection);
    w.put_bytes(section.bytes());
  }
  return seal(EntryKind::identity, identity.last_seen_ms, w.bytes());
}

std::string encode_avatar(const Avatar& avatar) {
  ByteWriter w;
  w.put_bytes(avatar.id);
  w.put_bytes(avatar.metadata_json);
  w.put_bytes(avatar.glb);
  return seal(EntryKind::avatar, avatar.created_ms, w.bytes());
}

std::optional<Identity> decode_identity(std::string_view entry) {
  const auto payload = open_sealed(entry, EntryKind::identity);
  if (!payload) return std::nullopt;
  try {
    ByteReader r(*payload);
    Identity identity;
    identity.id = r.get_bytes();
    identity.first_seen_ms = r.get<std::int64_t>();
    identity.last_seen_ms = peek_header(entry)->version_ms;
    const auto count = r.get<std::uint64_t>();
    for (std::uint64_t i = 0; i < count; ++i) {
      const std::string raw = r.get_bytes();
      if (raw.size() % sizeof(float) != 0) return std::nullopt;
      Embedding& e = identity.embeddings.emplace_back(raw.size() / sizeof(float));
      std::memcpy(e.data(), raw.data(), raw.size());
    }
    while (!r.at_end()) {
      const auto tag = r.get<std::uint16_t>();
      const std::string section = r.get_bytes();
      if (tag == kBodySection && !read_body(section, identity)) return std::nullopt;
    }
    return identity;
  } catch (const Truncated&) {
    return std::nullopt;
  }
}

std::optional<Avatar> decode_avatar(std::string_view entry) {
  const auto payload = open_sealed(entry, EntryKind::avatar);
  if (!payload) return std::nullopt;
  try {
    ByteReader r(*payload);
    Avatar avatar;
    avatar.id = r.get_bytes();
    avatar.metadata_json = r.get_bytes();
    avatar.glb = r.get_bytes();
    avatar.created_ms = peek_header(entry)->version_ms;
    if (!r.at_end()) return std::nullopt;
    return avatar;
  } catch (const Truncated&) {
    return std::nullopt;
  }
}

}  // namespace am
