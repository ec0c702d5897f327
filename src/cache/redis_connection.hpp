// The one place hiredis is used: a blocking connection to one Redis server that runs commands
// given as argument lists and returns plain replies. Not thread-safe; callers serialise.
// Any I/O failure (server gone, timeout) throws CacheError naming the server. A pipeline that
// fails on a connection that had worked before is sent once more on a fresh connection (unless
// it is a transaction), so a server restart between two calls costs no error.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace am {

struct RedisEndpoint {
  std::string host = "127.0.0.1";
  int port = 6379;
  int db = 0;
  std::string to_string() const;  // "host:port/db"
};

// Parses "redis://host[:port][/db]"; throws ConfigError naming cache.redis_url otherwise.
RedisEndpoint parse_redis_url(const std::string& url);

struct RedisReply {
  enum class Type { nil, string, integer, status, array };
  Type type = Type::nil;
  std::string text;  // string and status replies
  long long integer = 0;
  std::vector<RedisReply> elements;
};

using RedisCommand = std::vector<std::string_view>;

class RedisConnection {
 public:
  RedisConnection(RedisEndpoint endpoint, std::chrono::milliseconds timeout);
  ~RedisConnection();
  RedisConnection(const RedisConnection&) = delete;
  RedisConnection& operator=(const RedisConnection&) = delete;

  // Runs one command. A Redis error reply throws CacheError too.
  RedisReply run(const RedisCommand& command);
  // Sends all commands in one round trip; replies in the same order. A transaction (it depends
  // on an earlier WATCH on this connection) is never resent.
  enum class Resend { allowed, never };
  std::vector<RedisReply> run_pipeline(const std::vector<RedisCommand>& commands,
                                       Resend resend = Resend::allowed);

  const RedisEndpoint& endpoint() const { return endpoint_; }

 private:
  struct Context;
  void ensure_connected();
  std::vector<RedisReply> send_and_receive(const std::vector<RedisCommand>& commands);
  [[noreturn]] void fail(const std::string& what);

  RedisEndpoint endpoint_;
  std::chrono::milliseconds timeout_;
  std::unique_ptr<Context> ctx_;
};

}  // namespace am
