// OSC encoding against packets written out by hand from the OSC 1.0 spec, and decoding back.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "stream/osc.hpp"

namespace am {
namespace {

std::string bytes(std::initializer_list<int> values) {
  std::string s;
  for (const int v : values) s.push_back(static_cast<char>(v));
  return s;
}

TEST(Osc, EncodesTheSpecsFloatExampleByteForByte) {
  const std::string expected =
      std::string("/oscillator/4/frequency\0", 24) + bytes({',', 'f', 0, 0, 0x43, 0xDC, 0, 0});
  EXPECT_EQ(encode_osc_message({"/oscillator/4/frequency", {440.0f}}), expected);
}

TEST(Osc, EncodesIntsStringsAndFloatsWithPaddingByteForByte) {
  const std::string expected =
      std::string("/foo\0\0\0\0", 8) + bytes({',', 'i', 'i', 's', 'f', 'f', 0, 0}) +
      bytes({0, 0, 3, 0xE8, 0xFF, 0xFF, 0xFF, 0xFF}) + std::string("hello\0\0\0", 8) +
      bytes({0x3F, 0x9D, 0xF3, 0xB6, 0x40, 0xB5, 0xB2, 0x2D});
  EXPECT_EQ(encode_osc_message({"/foo", {1000, -1, std::string("hello"), 1.234f, 5.678f}}),
            expected);
}

TEST(Osc, EncodesABundleWithTimeTagAndSizePrefixedElements) {
  const std::string ok = std::string("/VMC/Ext/OK\0", 12) + bytes({',', 'i', 0, 0, 0, 0, 0, 1});
  const std::string expected = std::string("#bundle\0", 8) + bytes({0, 0, 0, 0, 0, 0, 0, 1}) +
                               bytes({0, 0, 0, 20}) + ok + bytes({0, 0, 0, 20}) + ok;
  EXPECT_EQ(encode_osc_bundle({{"/VMC/Ext/OK", {1}}, {"/VMC/Ext/OK", {1}}}), expected);
}

TEST(Osc, DecodesWhatItEncodes) {
  const std::vector<OscMessage> messages{
      {"/VMC/Ext/Bone/Pos",
       {std::string("LeftUpperArm"), 0.1f, -2.5f, 3.0f, 0.0f, 0.0f, 0.0f, 1.0f}},
      {"/abc", {}},
      {"/VMC/Ext/T", {12.25f}}};
  EXPECT_EQ(decode_osc_packet(encode_osc_bundle(messages)), messages);
  EXPECT_EQ(decode_osc_packet(encode_osc_message(messages[0])).front(), messages[0]);
}

TEST(Osc, RejectsMalformedPackets) {
  const std::string good = encode_osc_message({"/foo", {7, std::string("bar")}});
  EXPECT_THROW(decode_osc_packet(good.substr(0, good.size() - 4)), Error);
  EXPECT_THROW(decode_osc_packet(std::string("/foo\0\0\0\0,x\0\0", 12)), Error);
  EXPECT_THROW(decode_osc_packet(std::string("foo\0,\0\0\0", 8)), Error);
  EXPECT_THROW(decode_osc_packet(std::string("#bundle\0\0\0\0\0\0\0\0\1\0\0\0\x30", 20)), Error);
  EXPECT_THROW(decode_osc_packet(""), Error);
}

}  // namespace
}  // namespace am
