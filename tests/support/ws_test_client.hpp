// A blocking WebSocket / HTTP client (Beast) for the stream server tests and benchmark: connect
// with an optional target and headers, read text messages with a receive timeout, send text or
// binary, fetch over plain HTTP. Throws boost::system::system_error on any failure. Header-only.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

namespace am::test {

namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

inline void set_receive_timeout(tcp::socket& socket, double seconds) {
  timeval tv{};
  tv.tv_sec = static_cast<long>(seconds);
  tv.tv_usec = static_cast<long>((seconds - static_cast<double>(tv.tv_sec)) * 1e6);
  ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

class WsClient {
 public:
  WsClient(unsigned short port, const std::string& target = "/",
           const std::map<std::string, std::string>& headers = {}, double timeout_s = 5.0)
      : ws_(ioc_) {
    ws_.next_layer().connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    set_receive_timeout(ws_.next_layer(), timeout_s);
    ws_.set_option(
        beast::websocket::stream_base::decorator([headers](beast::websocket::request_type& req) {
          for (const auto& [k, v] : headers) req.set(k, v);
        }));
    ws_.read_message_max(64 * 1024 * 1024);
    ws_.handshake("127.0.0.1", target);
  }

  std::string read() {
    beast::flat_buffer buffer;
    ws_.read(buffer);
    return beast::buffers_to_string(buffer.data());
  }

  void send(const std::string& text, bool binary = false) {
    ws_.binary(binary);
    ws_.write(asio::buffer(text));
  }

  void close() { ws_.close(beast::websocket::close_code::normal); }
  tcp::socket& socket() { return ws_.next_layer(); }

 private:
  asio::io_context ioc_;
  beast::websocket::stream<tcp::socket> ws_;
};

struct HttpReply {
  unsigned status = 0;
  std::string content_type;
  std::string body;
  std::string allow_origin;   // Access-Control-Allow-Origin
  std::string allow_headers;  // Access-Control-Allow-Headers
};

inline HttpReply http_request(unsigned short port, beast::http::verb verb,
                              const std::string& target,
                              const std::map<std::string, std::string>& headers = {}) {
  asio::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  set_receive_timeout(socket, 5.0);
  beast::http::request<beast::http::empty_body> req{verb, target, 11};
  req.set(beast::http::field::host, "127.0.0.1");
  for (const auto& [k, v] : headers) req.set(k, v);
  beast::http::write(socket, req);
  beast::flat_buffer buffer;
  beast::http::response_parser<beast::http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  beast::http::read(socket, buffer, parser);
  const auto& res = parser.get();
  return {res.result_int(), std::string(res[beast::http::field::content_type]), res.body(),
          std::string(res[beast::http::field::access_control_allow_origin]),
          std::string(res[beast::http::field::access_control_allow_headers])};
}

inline HttpReply http_get(unsigned short port, const std::string& target,
                          const std::map<std::string, std::string>& headers = {}) {
  return http_request(port, beast::http::verb::get, target, headers);
}

// A TCP port that was free a moment ago on 127.0.0.1 (for a server started by the test).
inline unsigned short free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// Connects as soon as a mirror started by the test listens (it loads its models first); null
// after a minute.
inline std::unique_ptr<WsClient> connect_when_ready(unsigned short port) {
  for (int attempt = 0; attempt < 1200; ++attempt) {
    try {
      return std::make_unique<WsClient>(port, "/", std::map<std::string, std::string>{}, 30.0);
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  return nullptr;
}

}  // namespace am::test
