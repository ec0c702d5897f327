// Optional VMC output: sends one OSC bundle per frame (encode_vmc_frame) over UDP to a VMC
// receiver (VSeeFace, Warudo, VMC-receiver addons). Takes VmcOptions (config vmc.*) and, per
// frame, the bind pose and local bone rotations. Never blocks the pipeline: the socket is
// non-blocking and a datagram the kernel cannot take now is dropped and counted.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "body/bone_rotations.hpp"

namespace am {

struct VmcOptions {
  bool enabled = false;            // vmc.enabled
  std::string host = "127.0.0.1";  // vmc.host: the receiver's address
  unsigned short port = 39539;     // vmc.port: VMC's usual marionette port
};

class VmcSender {
 public:
  // Resolves host:port and opens the socket; throws am::Error naming vmc.host / vmc.port.
  explicit VmcSender(const VmcOptions& options);
  ~VmcSender();
  VmcSender(const VmcSender&) = delete;
  VmcSender& operator=(const VmcSender&) = delete;

  void send_frame(const BindPose& bind, const BoneQuats& local);

  std::uint64_t sent() const;     // datagrams handed to the kernel
  std::uint64_t dropped() const;  // datagrams dropped (would block or send error)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace am
