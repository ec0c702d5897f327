// Cache latency for both backends (FileCache in a temp folder, RedisCache on a redis-server the
// benchmark starts): identity lookup, 2 MB avatar fetch, gallery listing of 100 identities and
// 2 MB avatar write. Argument 0 = file, 1 = redis.
#include <benchmark/benchmark.h>

#include "cache/file_cache.hpp"
#include "cache/redis_cache.hpp"
#include "support/cache_test_data.hpp"
#include "support/redis_server.hpp"

namespace am {
namespace {

constexpr int kIdentities = 100;
constexpr std::size_t kAvatarBytes = 2 << 20;

void fill(Cache& cache) {
  for (int i = 0; i < kIdentities; ++i)
    cache.put_identity(test::make_identity(test::key("k", i), 1));
  cache.put_avatar(test::make_avatar("k42", 1, kAvatarBytes));
}

struct FileBench {
  FileCache cache{{test::scratch_dir("bench_cache")}};
  FileBench() { fill(cache); }
  ~FileBench() { std::filesystem::remove_all(cache.dir()); }
};

Cache* file_cache() {
  static FileBench bench;
  return &bench.cache;
}

Cache* redis_cache() {
  static std::unique_ptr<test::RedisServer> server;
  static std::unique_ptr<RedisCache> cache;
  if (!cache) {
    server = std::make_unique<test::RedisServer>("bench");
    cache = std::make_unique<RedisCache>(RedisCacheOptions{server->endpoint()});
    fill(*cache);
  }
  return cache.get();
}

Cache* backend(benchmark::State& state) {
  state.SetLabel(state.range(0) == 0 ? "file" : "redis");
  try {
    return state.range(0) == 0 ? file_cache() : redis_cache();
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return nullptr;
  }
}

void BM_IdentityLookup(benchmark::State& state) {
  Cache* cache = backend(state);
  if (!cache) return;
  for (auto _ : state) benchmark::DoNotOptimize(cache->get_identity("k42"));
}

void BM_AvatarFetch2MB(benchmark::State& state) {
  Cache* cache = backend(state);
  if (!cache) return;
  for (auto _ : state) benchmark::DoNotOptimize(cache->get_avatar("k42"));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kAvatarBytes));
}

void BM_GalleryList100(benchmark::State& state) {
  Cache* cache = backend(state);
  if (!cache) return;
  for (auto _ : state) benchmark::DoNotOptimize(cache->list_identities());
}

void BM_AvatarWrite2MB(benchmark::State& state) {
  Cache* cache = backend(state);
  if (!cache) return;
  const Avatar avatar = test::make_avatar("written", 1, kAvatarBytes);
  for (auto _ : state) cache->put_avatar(avatar);
}

BENCHMARK(BM_IdentityLookup)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AvatarFetch2MB)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_GalleryList100)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AvatarWrite2MB)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace am

BENCHMARK_MAIN();
