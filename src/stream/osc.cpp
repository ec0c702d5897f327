#include "stream/osc.hpp"

#include <bit>
#include <cstring>

#include "core/error.hpp"

namespace am {

namespace {

void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift));
}

void put_padded_string(std::string& out, std::string_view s) {
  out.append(s);
  out.append(4 - s.size() % 4, '\0');  // at least one NUL
}

char type_tag(const OscArgument& a) { return "ifs"[a.index()]; }

void put_argument(std::string& out, const OscArgument& a) {
  if (const auto* i = std::get_if<std::int32_t>(&a))
    return put_u32(out, std::bit_cast<std::uint32_t>(*i));
  if (const auto* f = std::get_if<float>(&a)) return put_u32(out, std::bit_cast<std::uint32_t>(*f));
  put_padded_string(out, std::get<std::string>(a));
}

[[noreturn]] void malformed(const std::string& what) {
  throw Error("OSC packet: " + what + ": the sender does not speak OSC 1.0; check its settings");
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool done() const { return pos_ == bytes_.size(); }

  std::uint32_t u32() {
    if (bytes_.size() - pos_ < 4) malformed("truncated number");
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes_[pos_++]);
    return v;
  }

  std::string_view raw(std::size_t n) {
    if (bytes_.size() - pos_ < n) malformed("truncated element");
    const std::string_view s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
  }

  std::string padded_string() {
    const std::size_t end = bytes_.find('\0', pos_);
    if (end == std::string_view::npos) malformed("unterminated string");
    std::string s(bytes_.substr(pos_, end - pos_));
    pos_ += s.size() + 4 - s.size() % 4;
    if (pos_ > bytes_.size()) malformed("string padding past the end");
    return s;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

OscMessage decode_message(std::string_view bytes) {
  Reader r(bytes);
  OscMessage m{r.padded_string(), {}};
  if (m.address.empty() || m.address[0] != '/') malformed("address does not start with /");
  const std::string tags = r.padded_string();
  if (tags.empty() || tags[0] != ',') malformed("missing type tag string");
  for (const char tag : std::string_view(tags).substr(1)) {
    if (tag == 'i')
      m.arguments.emplace_back(std::bit_cast<std::int32_t>(r.u32()));
    else if (tag == 'f')
      m.arguments.emplace_back(std::bit_cast<float>(r.u32()));
    else if (tag == 's')
      m.arguments.emplace_back(r.padded_string());
    else
      malformed(std::string("unsupported type tag '") + tag + "'");
  }
  if (!r.done()) malformed("bytes after the last argument");
  return m;
}

constexpr std::string_view kBundleHeader{"#bundle\0", 8};

void decode_into(std::string_view bytes, std::vector<OscMessage>& out) {
  if (!bytes.starts_with(kBundleHeader)) return out.push_back(decode_message(bytes));
  Reader r(bytes.substr(kBundleHeader.size()));
  r.raw(8);  // time tag
  while (!r.done()) {
    const std::uint32_t size = r.u32();
    if (size % 4 != 0) malformed("bundle element size not a multiple of 4");
    decode_into(r.raw(size), out);
  }
}

}  // namespace

std::string encode_osc_message(const OscMessage& message) {
  std::string out, tags = ",";
  for (const auto& a : message.arguments) tags.push_back(type_tag(a));
  put_padded_string(out, message.address);
  put_padded_string(out, tags);
  for (const auto& a : message.arguments) put_argument(out, a);
  return out;
}

std::string encode_osc_bundle(const std::vector<OscMessage>& messages, std::uint64_t time_tag) {
  std::string out(kBundleHeader);
  put_u32(out, static_cast<std::uint32_t>(time_tag >> 32));
  put_u32(out, static_cast<std::uint32_t>(time_tag));
  for (const auto& m : messages) {
    const std::string element = encode_osc_message(m);
    put_u32(out, static_cast<std::uint32_t>(element.size()));
    out += element;
  }
  return out;
}

std::vector<OscMessage> decode_osc_packet(std::string_view bytes) {
  if (bytes.empty() || bytes.size() % 4 != 0) malformed("size not a positive multiple of 4");
  std::vector<OscMessage> out;
  decode_into(bytes, out);
  return out;
}

}  // namespace am
