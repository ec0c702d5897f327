#include "cache/eviction.hpp"

#include <algorithm>
#include <numeric>

namespace am {

std::vector<std::size_t> entries_to_evict(const std::vector<EntryUsage>& entries,
                                          const EvictionLimits& limits, std::int64_t now_ms) {
  std::vector<std::size_t> by_age(entries.size());
  std::iota(by_age.begin(), by_age.end(), std::size_t{0});
  std::stable_sort(by_age.begin(), by_age.end(), [&](std::size_t a, std::size_t b) {
    return entries[a].last_used_ms < entries[b].last_used_ms;
  });
  std::uint64_t total = 0;
  for (const auto& e : entries) total += e.size_bytes;

  std::vector<std::size_t> evict;
  for (std::size_t i : by_age) {
    const bool expired =
        limits.max_age_ms > 0 && now_ms - entries[i].last_used_ms > limits.max_age_ms;
    const bool over_size = limits.max_total_bytes > 0 && total > limits.max_total_bytes;
    if (!expired && !over_size) break;
    evict.push_back(i);
    total -= entries[i].size_bytes;
  }
  return evict;
}

}  // namespace am
