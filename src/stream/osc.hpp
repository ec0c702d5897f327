// OSC 1.0 packets (opensoundcontrol.org spec 1.0). Takes messages (an address and int32, float32
// or string arguments) and gives their exact wire bytes: big-endian numbers, NUL-terminated
// strings padded to 4 bytes, a ",ifs" type tag string, bundles as "#bundle", an 8-byte time tag
// and size-prefixed elements. decode_osc_packet() reads such bytes back (a message or a bundle,
// nested bundles flattened) and throws am::Error on malformed input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace am {

using OscArgument = std::variant<std::int32_t, float, std::string>;

struct OscMessage {
  std::string address;
  std::vector<OscArgument> arguments;
  bool operator==(const OscMessage&) const = default;
};

inline constexpr std::uint64_t kOscImmediately = 1;  // the time tag meaning "now"

std::string encode_osc_message(const OscMessage& message);
std::string encode_osc_bundle(const std::vector<OscMessage>& messages,
                              std::uint64_t time_tag = kOscImmediately);

// The messages in one packet, in order.
std::vector<OscMessage> decode_osc_packet(std::string_view bytes);

}  // namespace am
