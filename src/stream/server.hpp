// The streaming server: WebSocket at ws://host:port plus HTTP GET on the same port
// (/health, /avatars/<person_id>.glb). Runs one io thread of its own. The broadcast calls are
// thread-safe and never block: they encode on the caller's thread and post to the io thread.
// A client gets hello on connect, then new_character for every person present, then the stream.
// Misbehaving clients (junk, oversize, silence, slowness) are logged, rate-limited, and dropped
// without disturbing the others. Protocol: docs/protocol.md.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "stream/protocol.hpp"

namespace am {

struct ServerOptions {
  std::string host = "localhost";                          // websocket.host; "0.0.0.0" for the LAN
  unsigned short port = 8765;                              // websocket.port; 0 picks a free port
  std::string public_host;                                 // host name put in mesh_url; empty: host
  std::vector<std::string> allowed_origins;                // empty: any Origin (or none) accepted
  std::string token;                                       // empty: no token needed
  std::size_t max_message_bytes = std::size_t{64} * 1024;  // largest inbound WebSocket message
  std::size_t max_queued_control = 256;  // a client further behind is disconnected
  double idle_timeout_s = 20.0;          // silent client (no pong) is dropped after this
  double handshake_timeout_s = 5.0;      // HTTP request / WebSocket upgrade must finish
};

struct StreamStats {
  std::uint64_t clients = 0;           // connected WebSocket clients now
  std::uint64_t accepted = 0;          // WebSocket handshakes accepted, all time
  std::uint64_t rejected = 0;          // upgrades refused (origin, token)
  std::uint64_t disconnects = 0;       // WebSocket sessions ended, for any reason
  std::uint64_t slow_disconnects = 0;  // ended because the control backlog overflowed
  std::uint64_t dropped_poses = 0;     // stale pose_updates replaced before sending
  std::uint64_t sent = 0;              // messages written to clients
  std::uint64_t bad_inbound = 0;       // junk: non-JSON, unknown type, binary, oversize
  std::uint64_t http_requests = 0;
};

class StreamServer {
 public:
  // Binds and starts serving; throws am::Error naming host and port when it cannot listen.
  explicit StreamServer(ServerOptions options);
  ~StreamServer();
  StreamServer(const StreamServer&) = delete;
  StreamServer& operator=(const StreamServer&) = delete;

  unsigned short port() const;
  std::string http_base_url() const;  // http://public_host:port

  void broadcast_pose(const PoseFrame& frame);
  // Serves message.mesh_path at /avatars/<id>.glb, fills mesh_url, remembers the character for
  // clients that connect later, and sends it to everyone.
  void send_new_character(NewCharacter message);
  // The person's avatar was refined: serves the new .glb at /avatars/<id>.glb, fills mesh_url
  // (with ?v=<version>), makes late joiners' new_character carry it, and sends avatar_updated to
  // everyone. Ignored when the person has no announced avatar (left meanwhile).
  void send_avatar_updated(AvatarUpdated message);
  void send_person_left(const PersonLeft& message);

  StreamStats stats() const;

  // Serves provider() as GET /metrics (Prometheus text format); called on the server's thread.
  void set_metrics(std::function<std::string()> provider);
  // Sends every client what is still queued and a close frame (going away), then waits up to
  // timeout_s for them to go. Called once at shutdown; broadcasts after it reach nobody.
  void close_all(double timeout_s);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;

  std::string mesh_url(int person_id, int version) const;
};

}  // namespace am
