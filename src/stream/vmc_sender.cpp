#include "stream/vmc_sender.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "stream/vmc.hpp"

namespace am {

namespace asio = boost::asio;
using udp = asio::ip::udp;

struct VmcSender::Impl {
  asio::io_context ioc;
  udp::socket socket{ioc};
  udp::endpoint receiver;
  double start_ms = monotonic_ms();
  std::uint64_t sent = 0, dropped = 0;
};

namespace {

udp::endpoint resolve_receiver(asio::io_context& ioc, const VmcOptions& o) {
  udp::resolver resolver(ioc);
  boost::system::error_code ec;
  const auto results = resolver.resolve(o.host, std::to_string(o.port), ec);
  if (ec || results.empty()) {
    throw Error("VMC output: cannot resolve vmc.host '" + o.host + "' (" + ec.message() +
                "): set vmc.host to the VMC receiver's address, or vmc.enabled to false");
  }
  return results.begin()->endpoint();
}

}  // namespace

VmcSender::VmcSender(const VmcOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->receiver = resolve_receiver(impl_->ioc, options);
  boost::system::error_code ec;
  impl_->socket.open(impl_->receiver.protocol(), ec);
  if (!ec) impl_->socket.non_blocking(true, ec);
  if (ec) {
    throw Error("VMC output: cannot open a UDP socket for " + options.host + ":" +
                std::to_string(options.port) + " (" + ec.message() +
                "): set vmc.enabled to false or check the network settings");
  }
  spdlog::info("vmc: sending to {}:{}", options.host, options.port);
}

VmcSender::~VmcSender() = default;

void VmcSender::send_frame(const BindPose& bind, const BoneQuats& local) {
  const double time_s = (monotonic_ms() - impl_->start_ms) / 1000.0;
  const std::string packet = encode_vmc_frame(vmc_pose(bind, local), time_s);
  boost::system::error_code ec;
  impl_->socket.send_to(asio::buffer(packet), impl_->receiver, 0, ec);
  if (!ec) return void(++impl_->sent);
  if (impl_->dropped++ == 0) spdlog::warn("vmc: cannot send to the receiver: {}", ec.message());
}

std::uint64_t VmcSender::sent() const { return impl_->sent; }
std::uint64_t VmcSender::dropped() const { return impl_->dropped; }

}  // namespace am
