// One TCP connection (Beast). HttpSession reads HTTP requests under a deadline, answers GETs and
// hands an accepted WebSocket upgrade to a WsSession. WsSession sends hello and the characters
// present, drains its SendQueue, answers ping/subscribe, and ends on close, junk binary frames,
// oversize messages, silence (Beast keep-alive pings) or a control backlog. All on the io thread.
#pragma once

#include <memory>

#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include "stream/http_handler.hpp"
#include "stream/send_queue.hpp"

namespace am {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket&& socket, Hub& hub);
  void start();

 private:
  void read_request();
  void on_request(boost::beast::error_code ec);
  void upgrade();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  Hub& hub_;
};

class WsSession : public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(boost::beast::tcp_stream&& stream, Hub& hub);
  void start(const HttpRequest& request);
  void send(OutMessage message);
  void shut();  // closes the socket at once
  // Sends what is queued, then a close frame (going away); the session ends when the client
  // answers or the socket fails.
  void close_when_sent();

 private:
  void on_accept(boost::beast::error_code ec);
  void read_next();
  void on_read(boost::beast::error_code ec);
  void handle_text(const std::string& text);
  void write_next();
  void end(const std::string& why);
  void start_close();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  SendQueue queue_;
  Hub& hub_;
  std::string peer_;
  bool open_ = false;
  bool closing_ = false;        // close_when_sent() was called
  bool close_started_ = false;  // the close frame is on its way
};

}  // namespace am
