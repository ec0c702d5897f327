#include "stream/server.hpp"

#include <atomic>
#include <chrono>
#include <thread>

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>

#include "core/error.hpp"
#include "stream/session.hpp"

namespace am {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct StreamServer::Impl {
  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  Hub hub;
  std::thread thread;

  void accept_next() {
    acceptor.async_accept(asio::make_strand(ioc),
                          [this](boost::system::error_code ec, tcp::socket socket) {
                            if (ec == asio::error::operation_aborted) return;
                            if (!ec) std::make_shared<HttpSession>(std::move(socket), hub)->start();
                            if (ec) hub.warn("accept failed: " + ec.message());
                            accept_next();
                          });
  }

  void broadcast(OutMessage message) {
    asio::post(ioc, [this, message = std::move(message)] {
      const auto sessions = hub.sessions;  // a send may end a session
      for (const auto& s : sessions) s->send(message);
    });
  }
};

namespace {

tcp::endpoint resolve_endpoint(asio::io_context& ioc, const ServerOptions& o) {
  tcp::resolver resolver(ioc);
  boost::system::error_code ec;
  const auto results = resolver.resolve(o.host, std::to_string(o.port), ec);
  if (ec || results.empty()) {
    throw Error("stream server: cannot resolve websocket.host '" + o.host + "' (" + ec.message() +
                "): set websocket.host to an address of this machine, e.g. 0.0.0.0");
  }
  return results.begin()->endpoint();
}

void listen(tcp::acceptor& acceptor, const tcp::endpoint& ep, const ServerOptions& o) {
  boost::system::error_code ec;
  acceptor.open(ep.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(ep, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw Error("stream server: cannot listen on " + o.host + ":" + std::to_string(o.port) + " (" +
                ec.message() + "): set websocket.port (WEBSOCKET_PORT) to a free port");
  }
}

}  // namespace

StreamServer::StreamServer(ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->hub.options = std::move(options);
  listen(impl_->acceptor, resolve_endpoint(impl_->ioc, impl_->hub.options), impl_->hub.options);
  impl_->accept_next();
  impl_->thread = std::thread([this] { impl_->ioc.run(); });
  spdlog::info("stream: serving ws://{}:{}", impl_->hub.options.host, port());
}

StreamServer::~StreamServer() {
  impl_->ioc.stop();
  impl_->thread.join();
  impl_->hub.sessions.clear();
}

unsigned short StreamServer::port() const { return impl_->acceptor.local_endpoint().port(); }

std::string StreamServer::http_base_url() const {
  const auto& o = impl_->hub.options;
  return "http://" + (o.public_host.empty() ? o.host : o.public_host) + ":" +
         std::to_string(port());
}

void StreamServer::broadcast_pose(const PoseFrame& frame) {
  impl_->broadcast(
      {MessageKind::pose, std::make_shared<const std::string>(encode_pose_update(frame))});
}

std::string StreamServer::mesh_url(int person_id, int version) const {
  std::string url = http_base_url() + "/avatars/" + std::to_string(person_id) + ".glb";
  if (version > 1) url += "?v=" + std::to_string(version);  // a new URL per version: no stale copy
  return url;
}

void StreamServer::send_new_character(NewCharacter message) {
  message.mesh_url = mesh_url(message.person_id, message.version);
  auto text = std::make_shared<const std::string>(encode_new_character(message));
  asio::post(impl_->ioc, [this, message, text] {
    impl_->hub.avatar_files[message.person_id] = message.mesh_path;
    impl_->hub.characters[message.person_id] = {message, text};
  });
  impl_->broadcast({MessageKind::control, std::move(text)});
}

void StreamServer::send_avatar_updated(AvatarUpdated message) {
  message.mesh_url = mesh_url(message.person_id, message.version);
  auto text = std::make_shared<const std::string>(encode_avatar_updated(message));
  asio::post(impl_->ioc, [this, message, text] {
    auto it = impl_->hub.characters.find(message.person_id);
    if (it == impl_->hub.characters.end()) return;  // gone meanwhile: nobody shows this avatar
    impl_->hub.avatar_files[message.person_id] = message.mesh_path;
    NewCharacter& announced = it->second.message;
    announced.mesh_path = message.mesh_path;
    announced.mesh_url = message.mesh_url;
    announced.version = message.version;
    it->second.text = std::make_shared<const std::string>(encode_new_character(announced));
    impl_->broadcast({MessageKind::control, text});
  });
}

void StreamServer::send_person_left(const PersonLeft& message) {
  asio::post(impl_->ioc, [this, id = message.person_id] {
    impl_->hub.characters.erase(id);
    impl_->hub.avatar_files.erase(id);
  });
  impl_->broadcast(
      {MessageKind::control, std::make_shared<const std::string>(encode_person_left(message))});
}

void StreamServer::set_metrics(std::function<std::string()> provider) {
  asio::post(impl_->ioc, [this, provider = std::move(provider)] { impl_->hub.metrics = provider; });
}

void StreamServer::close_all(double timeout_s) {
  auto open = std::make_shared<std::atomic<std::size_t>>(1);
  asio::post(impl_->ioc, [this] {
    const auto sessions = impl_->hub.sessions;
    for (const auto& s : sessions) s->close_when_sent();
  });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  while (*open > 0 && std::chrono::steady_clock::now() < deadline) {
    asio::post(impl_->ioc, [this, open] { *open = impl_->hub.sessions.size(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

StreamStats StreamServer::stats() const {
  const Counters& c = impl_->hub.counters;
  return {c.clients,       c.accepted, c.rejected,    c.disconnects,  c.slow_disconnects,
          c.dropped_poses, c.sent,     c.bad_inbound, c.http_requests};
}

}  // namespace am
