// The identity and avatar cache: one interface, three implementations (file_cache.hpp,
// redis_cache.hpp, resilient_cache.hpp); make_cache() in pipeline/pipeline_settings.hpp chooses
// one from the config.
// Takes and gives plain structs. Every implementation guarantees: a read returns a complete
// record exactly as it was written, or nothing (a corrupt entry is dropped, logged with
// spdlog::warn and reported as a miss, never served); a backend that cannot be reached or written
// throws CacheError. All methods may be called from several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace am {

struct CacheError : Error {
  using Error::Error;
};

using Embedding = std::vector<float>;

// A person the mirror has seen; the re-identification gallery is a list of these.
struct Identity {
  std::string id;
  std::vector<Embedding> embeddings;
  std::int64_t first_seen_ms = 0;  // unix ms
  std::int64_t last_seen_ms = 0;   // unix ms; also the record's version: newer wins on catch-up
  // The body appearance (tracking/body_appearance.hpp) as opaque floats, and the layout version
  // they were written in (tracking::kBodyAppearanceVersion); empty / 0: none stored. Entries
  // written before bodies existed read back with none.
  std::vector<float> body;
  std::uint16_t body_version = 0;
  bool operator==(const Identity&) const = default;
};

// The avatar built for an identity.
struct Avatar {
  std::string id;               // the identity it belongs to
  std::string glb;              // the .glb file's raw bytes
  std::string metadata_json;    // JSON text, opaque to the cache
  std::int64_t created_ms = 0;  // unix ms it was built; its version: newer wins on catch-up
  bool operator==(const Avatar&) const = default;
};

class Cache {
 public:
  virtual ~Cache() = default;

  virtual void put_identity(const Identity& identity) = 0;
  virtual std::optional<Identity> get_identity(const std::string& id) = 0;
  virtual void put_avatar(const Avatar& avatar) = 0;
  virtual std::optional<Avatar> get_avatar(const std::string& id) = 0;
  // Every stored identity with its embeddings (the re-id gallery), in no particular order.
  virtual std::vector<Identity> list_identities() = 0;
  // Drops the identity and its avatar; unknown ids are ignored.
  virtual void remove(const std::string& id) = 0;
  // Enforces the size and age limits; the app calls it on an interval. Returns entries removed.
  virtual std::size_t cleanup() = 0;

  // Sets last_seen_ms to max(last_seen_ms, seen_ms). A read-modify-write: two writers touching
  // the same identity at once may lose one update. Returns false when the identity is unknown.
  bool touch(const std::string& id, std::int64_t seen_ms);
};

std::int64_t unix_now_ms();

}  // namespace am
