#include "cache/redis_connection.hpp"

#include <regex>

#include <hiredis/hiredis.h>

#include "cache/cache.hpp"

namespace am {

struct RedisConnection::Context {
  redisContext* c = nullptr;
  ~Context() {
    if (c) redisFree(c);
  }
};

namespace {

// An I/O failure: the connection is gone (a refused command is a plain CacheError).
struct LostConnection : CacheError {
  using CacheError::CacheError;
};

timeval to_timeval(std::chrono::milliseconds ms) {
  return timeval{static_cast<time_t>(ms.count() / 1000),
                 static_cast<suseconds_t>((ms.count() % 1000) * 1000)};
}

RedisReply convert(const redisReply& r) {
  RedisReply out;
  switch (r.type) {
    case REDIS_REPLY_STRING:
      out.type = RedisReply::Type::string;
      out.text.assign(r.str, r.len);
      break;
    case REDIS_REPLY_STATUS:
      out.type = RedisReply::Type::status;
      out.text.assign(r.str, r.len);
      break;
    case REDIS_REPLY_INTEGER:
      out.type = RedisReply::Type::integer;
      out.integer = r.integer;
      break;
    case REDIS_REPLY_ARRAY:
      out.type = RedisReply::Type::array;
      for (std::size_t i = 0; i < r.elements; ++i) out.elements.push_back(convert(*r.element[i]));
      break;
    default:
      break;
  }
  return out;
}

void append(redisContext* c, const RedisCommand& command) {
  std::vector<const char*> argv;
  std::vector<std::size_t> lengths;
  for (auto arg : command) {
    argv.push_back(arg.data());
    lengths.push_back(arg.size());
  }
  redisAppendCommandArgv(c, static_cast<int>(argv.size()), argv.data(), lengths.data());
}

}  // namespace

std::string RedisEndpoint::to_string() const {
  return host + ":" + std::to_string(port) + "/" + std::to_string(db);
}

RedisEndpoint parse_redis_url(const std::string& url) {
  static const std::regex kUrl(R"(redis://([^:/]+)(?::(\d{1,5}))?(?:/(\d{1,2}))?/?)");
  std::smatch m;
  if (!std::regex_match(url, m, kUrl)) {
    throw ConfigError("cache.redis_url '" + url + "' is not redis://host[:port][/db]");
  }
  RedisEndpoint e;
  e.host = m[1];
  if (m[2].matched) e.port = std::stoi(m[2]);
  if (m[3].matched) e.db = std::stoi(m[3]);
  if (e.port < 1 || e.port > 65535) {
    throw ConfigError("cache.redis_url '" + url + "': port must be 1..65535");
  }
  return e;
}

RedisConnection::RedisConnection(RedisEndpoint endpoint, std::chrono::milliseconds timeout)
    : endpoint_(std::move(endpoint)), timeout_(timeout) {}

RedisConnection::~RedisConnection() = default;

void RedisConnection::fail(const std::string& what) {
  ctx_.reset();
  throw LostConnection("cache: Redis " + endpoint_.to_string() + ": " + what +
                       "; check that redis-server runs there (cache.redis_url)");
}

void RedisConnection::ensure_connected() {
  if (ctx_) return;
  auto ctx = std::make_unique<Context>();
  ctx->c = redisConnectWithTimeout(endpoint_.host.c_str(), endpoint_.port, to_timeval(timeout_));
  if (!ctx->c) fail("out of memory while connecting");
  if (ctx->c->err) fail(std::string("cannot connect: ") + ctx->c->errstr);
  redisSetTimeout(ctx->c, to_timeval(timeout_));
  ctx_ = std::move(ctx);
  if (endpoint_.db != 0) run({"SELECT", std::to_string(endpoint_.db)});
}

RedisReply RedisConnection::run(const RedisCommand& command) {
  return std::move(run_pipeline({command}).front());
}

std::vector<RedisReply> RedisConnection::run_pipeline(const std::vector<RedisCommand>& commands,
                                                      Resend resend) {
  const bool was_connected = ctx_ != nullptr;
  try {
    return send_and_receive(commands);
  } catch (const LostConnection&) {
    if (!was_connected || resend == Resend::never) throw;
  }
  return send_and_receive(commands);
}

std::vector<RedisReply> RedisConnection::send_and_receive(
    const std::vector<RedisCommand>& commands) {
  ensure_connected();
  for (const auto& command : commands) append(ctx_->c, command);
  std::vector<RedisReply> replies;
  std::string error_reply;
  for (std::size_t i = 0; i < commands.size(); ++i) {
    void* raw = nullptr;
    if (redisGetReply(ctx_->c, &raw) != REDIS_OK || !raw) fail(ctx_->c->errstr);
    auto* reply = static_cast<redisReply*>(raw);
    if (reply->type == REDIS_REPLY_ERROR && error_reply.empty()) {
      error_reply.assign(reply->str, reply->len);
    }
    replies.push_back(convert(*reply));
    freeReplyObject(reply);
  }
  if (!error_reply.empty()) {
    throw CacheError("cache: Redis " + endpoint_.to_string() +
                     " refused a command: " + error_reply);
  }
  return replies;
}

}  // namespace am
