#include "stream/session.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "core/clock.hpp"

namespace am {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

namespace {

std::chrono::milliseconds ms(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
}

std::string peer_of(const tcp::socket& socket) {
  beast::error_code ec;
  const auto ep = socket.remote_endpoint(ec);
  return ec ? std::string("unknown peer")
            : ep.address().to_string() + ":" + std::to_string(ep.port());
}

// Godot 3.2.3 ends close reasons with a NUL byte.
std::string clean_reason(std::string reason) {
  while (!reason.empty() && reason.back() == '\0') reason.pop_back();
  return reason;
}

OutMessage control(std::string text) {
  return {MessageKind::control, std::make_shared<const std::string>(std::move(text))};
}

}  // namespace

void Hub::warn(const std::string& what) {
  if (const auto suppressed = log_limit.allow(monotonic_ms())) {
    if (*suppressed > 0) spdlog::warn("stream: {} similar messages suppressed", *suppressed);
    spdlog::warn("stream: {}", what);
  }
}

HttpSession::HttpSession(tcp::socket&& socket, Hub& hub) : stream_(std::move(socket)), hub_(hub) {}

void HttpSession::start() { read_request(); }

void HttpSession::read_request() {
  parser_.emplace();
  parser_->header_limit(8 * 1024);
  parser_->body_limit(8 * 1024);
  stream_.expires_after(ms(hub_.options.handshake_timeout_s));
  http::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_request(ec); });
}

void HttpSession::on_request(beast::error_code ec) {
  if (ec == http::error::end_of_stream) {
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    return;
  }
  if (ec) {
    ++hub_.counters.bad_inbound;
    return hub_.warn("bad HTTP request from " + peer_of(stream_.socket()) + ": " + ec.message());
  }
  ++hub_.counters.http_requests;
  if (websocket::is_upgrade(parser_->get())) return upgrade();
  const bool keep_alive = parser_->get().keep_alive();
  beast::async_write(stream_, http_response(parser_->get(), hub_),
                     [self = shared_from_this(), keep_alive](beast::error_code wec, std::size_t) {
                       if (!wec && keep_alive) self->read_request();
                       if (!wec && !keep_alive) {
                         self->stream_.socket().shutdown(tcp::socket::shutdown_send, wec);
                       }
                     });
}

void HttpSession::upgrade() {
  HttpRequest req = parser_->release();
  const bool origin_ok = origin_allowed(req, hub_.options.allowed_origins);
  if (!origin_ok || !token_accepted(req, hub_.options.token)) {
    ++hub_.counters.rejected;
    hub_.warn("refused WebSocket upgrade from " + peer_of(stream_.socket()) +
              (origin_ok ? ": missing or wrong token" : ": origin not allowed"));
    const auto status = origin_ok ? http::status::unauthorized : http::status::forbidden;
    req.keep_alive(false);
    beast::async_write(stream_, http_error(req, status, "refused\n"),
                       [self = shared_from_this()](beast::error_code, std::size_t) {});
    return;
  }
  auto session = std::make_shared<WsSession>(std::move(stream_), hub_);
  hub_.sessions.insert(session);
  session->start(req);
}

WsSession::WsSession(beast::tcp_stream&& stream, Hub& hub)
    : ws_(std::move(stream)), queue_(hub.options.max_queued_control), hub_(hub) {
  peer_ = peer_of(beast::get_lowest_layer(ws_).socket());
}

void WsSession::start(const HttpRequest& request) {
  beast::get_lowest_layer(ws_).expires_never();
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = ms(hub_.options.handshake_timeout_s);
  timeouts.idle_timeout = ms(hub_.options.idle_timeout_s);
  timeouts.keep_alive_pings = true;
  ws_.set_option(timeouts);
  ws_.read_message_max(hub_.options.max_message_bytes);
  ws_.auto_fragment(false);
  ws_.async_accept(request,
                   [self = shared_from_this()](beast::error_code ec) { self->on_accept(ec); });
}

void WsSession::on_accept(beast::error_code ec) {
  if (ec) return end("handshake failed: " + ec.message());
  open_ = true;
  ++hub_.counters.accepted;
  ++hub_.counters.clients;
  spdlog::info("stream: client {} connected", peer_);
  send(control(encode_hello(monotonic_ms())));
  for (const auto& [id, character] : hub_.characters) send({MessageKind::control, character.text});
  read_next();
}

void WsSession::send(OutMessage message) {
  if (!open_) return;
  const std::size_t dropped_before = queue_.dropped_poses();
  const bool within_bound = queue_.push(std::move(message));
  hub_.counters.dropped_poses += queue_.dropped_poses() - dropped_before;
  if (!within_bound) {
    ++hub_.counters.slow_disconnects;
    hub_.warn("client " + peer_ + " is too slow: " + std::to_string(queue_.size()) +
              " messages waiting; disconnecting it");
    return shut();
  }
  write_next();
}

void WsSession::shut() {
  beast::error_code ec;
  beast::get_lowest_layer(ws_).socket().close(ec);
}

void WsSession::close_when_sent() {
  if (!open_) return;
  closing_ = true;
  write_next();
}

void WsSession::start_close() {
  if (close_started_) return;
  close_started_ = true;
  ws_.async_close(
      websocket::close_code::going_away,
      [self = shared_from_this()](beast::error_code) { self->end("server shutting down"); });
}

void WsSession::write_next() {
  const OutMessage* next = queue_.start_write();
  if (!next) {
    if (closing_ && queue_.size() == 0) start_close();
    return;
  }
  ws_.text(true);
  ws_.async_write(boost::asio::buffer(*next->text),
                  [self = shared_from_this()](beast::error_code ec, std::size_t) {
                    self->queue_.finish_write();
                    if (ec) return self->end("write failed: " + ec.message());
                    ++self->hub_.counters.sent;
                    self->write_next();
                  });
}

void WsSession::read_next() {
  ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
    self->on_read(ec);
  });
}

void WsSession::on_read(beast::error_code ec) {
  if (ec == websocket::error::closed)
    return end("closed: " + clean_reason(std::string(ws_.reason().reason.c_str())));
  if (ec == websocket::error::message_too_big) ++hub_.counters.bad_inbound;
  if (ec) return end("read failed: " + ec.message());
  if (!ws_.got_text()) {
    ++hub_.counters.bad_inbound;
    hub_.warn("client " + peer_ + " sent a binary frame; closing it");
    ws_.async_close(websocket::close_code::unknown_data,
                    [self = shared_from_this()](beast::error_code) { self->end("binary frame"); });
    return;
  }
  handle_text(beast::buffers_to_string(buffer_.data()));
  buffer_.clear();
  read_next();
}

void WsSession::handle_text(const std::string& text) {
  const auto message = parse_client_message(text);
  if (message && message->type == "ping") {
    const auto echo = message->body.find("id");
    return send(control(
        encode_pong(echo == message->body.end() ? nlohmann::json() : *echo, monotonic_ms())));
  }
  if (message && message->type == "subscribe") {
    send(control(encode_hello(monotonic_ms())));
    for (const auto& [id, character] : hub_.characters) {
      send({MessageKind::control, character.text});
    }
    return;
  }
  ++hub_.counters.bad_inbound;
  hub_.warn("client " + peer_ + " sent " + (message ? "an unknown message type" : "non-JSON text"));
  send(control(encode_error(message ? "unknown message type" : "expected a JSON object with a type",
                            monotonic_ms())));
}

void WsSession::end(const std::string& why) {
  const bool was_open = open_;
  open_ = false;
  shut();
  if (hub_.sessions.erase(shared_from_this()) == 0) return;
  ++hub_.counters.disconnects;
  if (was_open) --hub_.counters.clients;
  spdlog::info("stream: client {} left ({})", peer_, why);
}

}  // namespace am
