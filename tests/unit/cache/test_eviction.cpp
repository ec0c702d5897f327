// entries_to_evict(): age limit, size limit, least recently used first.
#include <gtest/gtest.h>

#include "cache/eviction.hpp"

namespace am {
namespace {

TEST(Eviction, NothingGoesWithinLimits) {
  const std::vector<EntryUsage> e{{100, 1000}, {100, 2000}};
  EXPECT_TRUE(entries_to_evict(e, {.max_total_bytes = 200, .max_age_ms = 5000}, 3000).empty());
  EXPECT_TRUE(entries_to_evict(e, {}, 1'000'000'000).empty());
}

TEST(Eviction, DropsLeastRecentlyUsedUntilTheRestFits) {
  const std::vector<EntryUsage> e{{100, 3000}, {100, 1000}, {100, 4000}, {100, 2000}};
  EXPECT_EQ(entries_to_evict(e, {.max_total_bytes = 200}, 5000), (std::vector<std::size_t>{1, 3}));
}

TEST(Eviction, DropsEveryExpiredEntryEvenWhenSizeIsFine) {
  const std::vector<EntryUsage> e{{1, 9000}, {1, 1000}, {1, 2000}, {1, 8000}};
  EXPECT_EQ(entries_to_evict(e, {.max_total_bytes = 1000, .max_age_ms = 5000}, 10000),
            (std::vector<std::size_t>{1, 2}));
}

TEST(Eviction, OneHugeEntryCanEvictEverythingOlder) {
  const std::vector<EntryUsage> e{{10, 1}, {10, 2}, {500, 3}};
  EXPECT_EQ(entries_to_evict(e, {.max_total_bytes = 100}, 10), (std::vector<std::size_t>{0, 1, 2}));
}

}  // namespace
}  // namespace am
