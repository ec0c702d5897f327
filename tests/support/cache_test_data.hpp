// Deterministic cache records for tests, the stress tool and the benchmark: the content of an
// identity or avatar is derived from (id, version) alone, so any reader, in any process, can
// check that a record it got is complete and exactly what some writer wrote.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "cache/cache.hpp"

namespace am::test {

// "<prefix><n>", e.g. key("k", 3) == "k3".
inline std::string key(std::string_view prefix, long long n) {
  std::string out(prefix);
  out.append(std::to_string(n));
  return out;
}

inline std::uint64_t fnv1a(const std::string& text, std::int64_t version) {
  std::uint64_t h = 1469598103934665603ull ^ static_cast<std::uint64_t>(version);
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return h;
}

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

inline Identity make_identity(const std::string& id, std::int64_t version) {
  std::uint64_t state = fnv1a(id, version);
  Identity identity{id, {}, 1000, version, {}, 0};
  for (int e = 0; e < 3; ++e) {
    Embedding& emb = identity.embeddings.emplace_back(128);
    for (float& v : emb) v = static_cast<float>(splitmix64(state) % 20001) / 10000.0f - 1.0f;
  }
  return identity;
}

inline bool identity_matches(const Identity& identity) {
  return identity == make_identity(identity.id, identity.last_seen_ms);
}

// An avatar of base_bytes plus up to 4095 bytes (the size depends on the version too).
inline Avatar make_avatar(const std::string& id, std::int64_t version, std::size_t base_bytes) {
  std::uint64_t state = fnv1a(id, version);
  Avatar avatar{id, std::string(base_bytes + static_cast<std::size_t>(version % 4096), '\0'),
                "{\"id\":\"" + id + "\",\"version\":" + std::to_string(version) + "}", version};
  for (std::size_t i = 0; i + 8 <= avatar.glb.size(); i += 8) {
    const std::uint64_t r = splitmix64(state);
    avatar.glb.replace(i, 8, reinterpret_cast<const char*>(&r), 8);
  }
  return avatar;
}

inline bool avatar_matches(const Avatar& avatar, std::size_t base_bytes) {
  return avatar == make_avatar(avatar.id, avatar.created_ms, base_bytes);
}

}  // namespace am::test
