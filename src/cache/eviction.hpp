// Which cache entries to drop, as a pure function over plain records: first every entry unused
// for longer than the age limit, then the least recently used ones until the rest fit the size
// limit. Ties in last use are broken by index, so the choice is deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace am {

struct EntryUsage {
  std::uint64_t size_bytes = 0;
  std::int64_t last_used_ms = 0;  // unix ms
};

struct EvictionLimits {
  std::uint64_t max_total_bytes = 0;  // 0: no size limit
  std::int64_t max_age_ms = 0;        // 0: no age limit
};

// Indices into `entries` to remove, each at most once, in the order they should go.
std::vector<std::size_t> entries_to_evict(const std::vector<EntryUsage>& entries,
                                          const EvictionLimits& limits, std::int64_t now_ms);

}  // namespace am
