#include "jobs/redis_build_queue.hpp"

#include <algorithm>

namespace am {
namespace {

constexpr const char* kGroup = "builders";

std::map<std::string, std::string> field_map(const RedisReply& flat) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i + 1 < flat.elements.size(); i += 2)
    out[flat.elements[i].text] = flat.elements[i + 1].text;
  return out;
}

// [[id, [field, value, ...]], ...] -> entries (skipping deleted ones, whose fields are nil).
std::vector<ClaimedJob> entries(const RedisReply& list) {
  std::vector<ClaimedJob> out;
  for (const RedisReply& e : list.elements)
    if (e.elements.size() == 2 && e.elements[1].type == RedisReply::Type::array)
      out.push_back({e.elements[0].text, field_map(e.elements[1]), 1});
  return out;
}

int person_of(const ClaimedJob& job) {
  const auto it = job.fields.find("person");
  if (it == job.fields.end()) return 0;
  try {
    return std::stoi(it->second);
  } catch (const std::logic_error&) {
    return 0;
  }
}

BuildResult result_from(const std::map<std::string, std::string>& f) {
  const auto get = [&](const char* k) {
    const auto it = f.find(k);
    return it == f.end() ? std::string() : it->second;
  };
  const auto number = [&](const char* k) {
    const std::string v = get(k);
    return v.empty() ? 0LL : std::stoll(v);
  };
  return {static_cast<int>(number("person")),
          get("ok") == "1",
          get("reason"),
          get("worker"),
          get("built") == "1",
          number("wait_ms"),
          number("build_ms")};
}

}  // namespace

RedisBuildQueue::RedisBuildQueue(BuildQueueOptions options)
    : options_(std::move(options)), conn_(options_.endpoint, options_.timeout) {}

bool RedisBuildQueue::enqueue(const BuildJob& job, const JobInfo& info) {
  const std::string lock = key("lock:" + std::to_string(job.person_id));
  const auto lock_ms =
      std::max<std::int64_t>(600000, options_.claim_after.count() * (options_.max_attempts + 2));
  const std::string ttl = std::to_string(lock_ms);
  if (conn_.run({"SET", lock, info.origin, "NX", "PX", ttl}).type == RedisReply::Type::nil)
    return false;
  const JobFields fields = encode_job(job, info);
  const std::string stream = key("jobs");
  RedisCommand add = {"XADD", stream, "*"};
  for (const auto& [name, value] : fields) add.insert(add.end(), {name, value});
  try {
    conn_.run(add);
  } catch (...) {
    conn_.run({"DEL", lock});
    throw;
  }
  return true;
}

std::vector<BuildResult> RedisBuildQueue::read_results(std::string& after,
                                                       std::chrono::milliseconds block) {
  const std::string stream = key("results");
  if (after == "$") {
    const RedisReply last = conn_.run({"XREVRANGE", stream, "+", "-", "COUNT", "1"});
    after = last.elements.empty() ? "0-0" : last.elements[0].elements[0].text;
  }
  const std::string wait = std::to_string(block.count());
  const RedisReply reply =
      conn_.run({"XREAD", "COUNT", "100", "BLOCK", wait, "STREAMS", stream, after});
  std::vector<BuildResult> out;
  if (reply.type != RedisReply::Type::array || reply.elements.empty()) return out;
  for (const ClaimedJob& e : entries(reply.elements[0].elements.at(1))) {
    out.push_back(result_from(e.fields));
    after = e.entry_id;
  }
  return out;
}

std::int64_t RedisBuildQueue::next_mirror_number() {
  return conn_.run({"INCR", key("mirrors")}).integer;
}

void RedisBuildQueue::ensure_group() {
  if (group_ready_) return;
  try {
    conn_.run({"XGROUP", "CREATE", key("jobs"), kGroup, "0", "MKSTREAM"});
  } catch (const CacheError& e) {
    if (std::string(e.what()).find("BUSYGROUP") == std::string::npos) throw;
  }
  group_ready_ = true;
}

std::optional<ClaimedJob> RedisBuildQueue::claim(const std::string& consumer,
                                                 std::chrono::milliseconds block) {
  ensure_group();
  const std::string stream = key("jobs");
  const std::string idle = std::to_string(options_.claim_after.count());
  const RedisReply stale =
      conn_.run({"XAUTOCLAIM", stream, kGroup, consumer, idle, "0-0", "COUNT", "1"});
  if (stale.elements.size() >= 2) {
    auto taken = entries(stale.elements[1]);
    if (!taken.empty()) {
      ClaimedJob job = std::move(taken.front());
      const RedisReply pending =
          conn_.run({"XPENDING", stream, kGroup, job.entry_id, job.entry_id, "1"});
      if (!pending.elements.empty() && pending.elements[0].elements.size() >= 4)
        job.deliveries = pending.elements[0].elements[3].integer;
      return job;
    }
  }
  const std::string wait = std::to_string(block.count());
  const RedisReply fresh = conn_.run({"XREADGROUP", "GROUP", kGroup, consumer, "COUNT", "1",
                                      "BLOCK", wait, "STREAMS", stream, ">"});
  if (fresh.type != RedisReply::Type::array || fresh.elements.empty()) return std::nullopt;
  auto got = entries(fresh.elements[0].elements.at(1));
  if (got.empty()) return std::nullopt;
  return std::move(got.front());
}

void RedisBuildQueue::finish(const ClaimedJob& job, const BuildResult& r) {
  const std::string person = std::to_string(r.person_id), ok = r.ok ? "1" : "0",
                    built = r.built ? "1" : "0", wait = std::to_string(r.wait_ms),
                    took = std::to_string(r.build_ms);
  conn_.run_pipeline({{"XADD",  key("results"), "MAXLEN",  "~",      "10000",    "*",      "person",
                       person,  "ok",           ok,        "reason", r.reason,   "worker", r.worker,
                       "built", built,          "wait_ms", wait,     "build_ms", took},
                      {"XACK", key("jobs"), kGroup, job.entry_id},
                      {"XDEL", key("jobs"), job.entry_id},
                      {"DEL", key("lock:" + person)}});
}

void RedisBuildQueue::complete(const ClaimedJob& job, const BuildResult& result) {
  finish(job, result);
}

bool RedisBuildQueue::fail(const ClaimedJob& job, int person_id, const std::string& reason) {
  if (job.deliveries < options_.max_attempts) return false;
  if (person_id == 0) person_id = person_of(job);
  const std::string person = std::to_string(person_id), attempts = std::to_string(job.deliveries);
  conn_.run({"XADD", key("dead"), "MAXLEN", "~", "10000", "*", "entry", job.entry_id, "person",
             person, "attempts", attempts, "reason", reason});
  BuildResult result;
  result.person_id = person_id;
  result.reason = reason;
  finish(job, result);
  return true;
}

}  // namespace am
