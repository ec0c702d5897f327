// Throws over 10,000 malformed frames and junk connections at the server (raw TCP garbage, bad
// HTTP upgrades, broken WebSocket frames, binary frames, oversized messages, non-JSON text,
// half-open sockets) while a well-behaved client watches, then checks everyone good is served.
#include <atomic>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "stream/server.hpp"
#include "support/synthetic_pose.hpp"
#include "support/ws_test_client.hpp"

namespace am {
namespace {

using nlohmann::json;
using test::tcp;

std::mt19937 rng(1234);

std::string random_bytes(std::size_t max_len) {
  std::uniform_int_distribution<int> byte(0, 255);
  std::string s(std::uniform_int_distribution<std::size_t>(1, max_len)(rng), '\0');
  for (auto& c : s) c = static_cast<char>(byte(rng));
  return s;
}

void raw_send(unsigned short port, const std::string& bytes, bool wait_for_close) {
  boost::asio::io_context ioc;
  tcp::socket s(ioc);
  s.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  test::set_receive_timeout(s, 5.0);
  boost::system::error_code ec;
  boost::asio::write(s, boost::asio::buffer(bytes), ec);
  char sink[4096];
  while (wait_for_close && !ec) s.read_some(boost::asio::buffer(sink), ec);
}

// Broken frames a client might send after a good handshake (client frames must be masked).
std::string broken_frame(int kind) {
  const std::string mask = "\x01\x02\x03\x04";
  switch (kind % 6) {
    case 0:
      return std::string("\x81\x05hello", 7);  // unmasked
    case 1:
      return std::string("\xF1\x81", 2) + mask + "x";  // reserved bits
    case 2:
      return std::string("\x83\x80", 2) + mask;  // bad opcode
    case 3:
      return std::string("\x89\xFE\x00\xC8", 4) + mask + std::string(200, 'p');  // long ping
    case 4:
      return std::string("\x81\x82\x00\x00\x00\x00\xC3\x28", 8);  // bad UTF-8
    default:
      return random_bytes(300);
  }
}

void handshake_then(unsigned short port, const std::string& raw) {
  test::WsClient client(port);
  boost::system::error_code ec;
  boost::asio::write(client.socket(), boost::asio::buffer(raw), ec);  // then hang up abruptly
}

TEST(StreamFuzz, TenThousandJunkFramesAndConnectionsLeaveTheServerServing) {
  ServerOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  o.idle_timeout_s = 2.0;
  o.handshake_timeout_s = 1.0;
  StreamServer server(o);
  const unsigned short port = server.port();

  test::WsClient watcher(port);
  std::atomic<bool> stop = false, stop_reading = false;
  std::atomic<int> watched_poses = 0;
  std::thread reader([&] {
    while (!stop_reading) {
      if (json::parse(watcher.read())["type"] == "pose_update") ++watched_poses;
    }
  });
  std::thread broadcaster([&] {
    for (int i = 0; !stop; ++i) {
      server.broadcast_pose({{{1, true, {}, 0.5, double(i), {}}}});
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });

  int junk = 0;
  for (int i = 0; i < 700; ++i, ++junk) raw_send(port, random_bytes(2000), false);
  for (int i = 0; i < 200; ++i, ++junk) {
    raw_send(port, "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
             true);
  }
  for (int i = 0; i < 2000; ++i, ++junk) handshake_then(port, broken_frame(i));
  for (int i = 0; i < 1000; ++i, ++junk) {
    test::WsClient c(port);
    c.send(random_bytes(100), true);
  }
  // Oversized messages: the server stops reading at the header and fails the connection, so
  // each sender may block until it is dropped; send them side by side.
  std::vector<std::thread> oversized;
  for (int i = 0; i < 20; ++i, ++junk) {
    oversized.emplace_back([port] {
      try {
        test::WsClient c(port);
        c.send(std::string(70 * 1024, 'x'));
      } catch (const std::exception&) {
      }
    });
  }
  for (auto& t : oversized) t.join();
  test::WsClient chatty(port);
  for (int i = 0; i < 6000; ++i, ++junk) {
    chatty.send(i % 2 ? "{not json" : R"({"type":"dance"})");
    while (json::parse(chatty.read())["type"] != "error") {
    }
  }
  boost::asio::io_context ioc;  // outlives the sockets below
  std::vector<std::unique_ptr<tcp::socket>> half_open;
  for (int i = 0; i < 50; ++i, ++junk) {
    half_open.push_back(std::make_unique<tcp::socket>(ioc));
    half_open.back()->connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  }
  std::vector<std::unique_ptr<test::WsClient>> silent;
  for (int i = 0; i < 50; ++i, ++junk) silent.push_back(std::make_unique<test::WsClient>(port));
  EXPECT_GE(junk, 10000);

  std::this_thread::sleep_for(std::chrono::milliseconds(4500));  // past both timeouts
  const StreamStats stats = server.stats();
  EXPECT_EQ(stats.clients, 1u) << "only the watcher is left (chatty went silent: idle timeout)";
  EXPECT_GE(stats.bad_inbound, 7000u);

  test::WsClient fresh(port);
  EXPECT_EQ(json::parse(fresh.read())["type"], "hello");
  EXPECT_EQ(json::parse(fresh.read())["type"], "pose_update");
  const int seen_before = watched_poses;
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_GT(watched_poses, seen_before) << "the watcher is still served";
  stop_reading = true;
  reader.join();
  stop = true;
  broadcaster.join();
}

}  // namespace
}  // namespace am
