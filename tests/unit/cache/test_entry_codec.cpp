// CRC-32, the entry format (every damaged entry is rejected) and the Redis URL parser.
#include <gtest/gtest.h>

#include "cache/crc32.hpp"
#include "cache/entry_codec.hpp"
#include "cache/redis_connection.hpp"
#include "support/cache_test_data.hpp"

namespace am {
namespace {

TEST(Crc32, MatchesTheStandardCheckValue) {
  EXPECT_EQ(crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(crc32(""), 0u);
}

TEST(Crc32, ContinuesAcrossPiecesOfAnyLength) {
  const std::string text = test::make_avatar("a", 7, 1000).glb;
  for (std::size_t split : {0, 1, 7, 8, 9, 513, 1000}) {
    const std::string_view all(text);
    EXPECT_EQ(crc32(all.substr(split), crc32(all.substr(0, split))), crc32(all)) << split;
  }
}

TEST(EntryCodec, RoundTripsIdentitiesAndAvatars) {
  const Identity identity = test::make_identity("visitor/7 ü", 1700000000123);
  EXPECT_EQ(decode_identity(encode_identity(identity)), identity);
  const Identity bare{"x", {}, 5, 6, {}, 0};
  EXPECT_EQ(decode_identity(encode_identity(bare)), bare);
  const Avatar avatar = test::make_avatar("visitor", 42, 4096);
  EXPECT_EQ(decode_avatar(encode_avatar(avatar)), avatar);
  const Avatar empty{"y", "", "", 1};
  EXPECT_EQ(decode_avatar(encode_avatar(empty)), empty);
}

// An identity entry as the first format wrote it, byte by byte: no sections after the embeddings;
// `extra` is appended to the payload as it is.
std::string legacy_identity_entry(const std::string& id, std::int64_t first, std::int64_t last,
                                  const std::vector<float>& embedding,
                                  const std::string& extra = "") {
  std::string payload;
  const auto put = [&payload](const auto& v) {
    payload.append(reinterpret_cast<const char*>(&v), sizeof v);
  };
  put(std::uint64_t{id.size()});
  payload += id;
  put(first);
  put(std::uint64_t{1});
  put(std::uint64_t{embedding.size() * sizeof(float)});
  payload.append(reinterpret_cast<const char*>(embedding.data()), embedding.size() * sizeof(float));
  payload += extra;
  std::string header = "AMCE";
  const auto put_header = [&header](const auto& v) {
    header.append(reinterpret_cast<const char*>(&v), sizeof v);
  };
  put_header(std::uint16_t{1});
  put_header(std::uint16_t{1});
  put_header(last);
  put_header(std::uint64_t{payload.size()});
  put_header(crc32(payload, crc32(std::string_view(header).substr(4))));
  return header + payload;
}

TEST(EntryCodec, RoundTripsTheBodyAppearance) {
  Identity identity = test::make_identity("walker", 1700000000999);
  identity.body = {0.5f, -1.25f, 3.0f, 0.0f};
  identity.body_version = 1;
  EXPECT_EQ(decode_identity(encode_identity(identity)), identity);
  const Identity body_only{"b", {}, 1, 2, {7.0f}, 3};
  EXPECT_EQ(decode_identity(encode_identity(body_only)), body_only);
}

TEST(EntryCodec, ReadsIdentitiesWrittenBeforeBodiesExisted) {
  const std::string old = legacy_identity_entry("old", 10, 20, {0.25f, 0.5f});
  const Identity expected{"old", {{0.25f, 0.5f}}, 10, 20, {}, 0};
  EXPECT_EQ(decode_identity(old), expected);
  EXPECT_EQ(encode_identity(expected), old) << "an identity without a body is written as before";
}

TEST(EntryCodec, SkipsSectionsOfAnUnknownTag) {
  std::string section;
  const std::uint16_t tag = 9;
  const std::uint64_t size = 3;
  section.append(reinterpret_cast<const char*>(&tag), sizeof tag);
  section.append(reinterpret_cast<const char*>(&size), sizeof size);
  section += "abc";
  const auto identity = decode_identity(legacy_identity_entry("new", 10, 20, {1.0f}, section));
  ASSERT_TRUE(identity.has_value());
  EXPECT_TRUE(identity->body.empty());
  EXPECT_EQ(identity->embeddings.size(), 1u);
}

TEST(EntryCodec, RejectsEverySingleBitFlip) {
  const std::string entry =
      encode_identity(Identity{"id", {{1.0f, -2.5f}, {3.0f}}, 10, 20, {4.0f, 5.0f}, 1});
  for (std::size_t byte = 0; byte < entry.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string damaged = entry;
      damaged[byte] = static_cast<char>(damaged[byte] ^ (1 << bit));
      EXPECT_FALSE(decode_identity(damaged)) << "byte " << byte << " bit " << bit;
    }
  }
}

TEST(EntryCodec, RejectsEveryTruncationAndTrailingBytes) {
  const std::string entry = encode_avatar(test::make_avatar("a", 3, 300));
  for (std::size_t n = 0; n < entry.size(); ++n) {
    EXPECT_FALSE(decode_avatar(std::string_view(entry).substr(0, n))) << n;
  }
  EXPECT_FALSE(decode_avatar(entry + '\0'));
}

TEST(EntryCodec, RejectsAnEntryOfTheOtherKind) {
  EXPECT_FALSE(decode_avatar(encode_identity(test::make_identity("a", 1))));
  EXPECT_FALSE(decode_identity(encode_avatar(test::make_avatar("a", 1, 10))));
}

TEST(EntryCodec, HeaderCarriesKindAndVersion) {
  const std::string entry = encode_avatar(test::make_avatar("a", 987654321, 10));
  const auto header = peek_header(std::string_view(entry).substr(0, kEntryHeaderSize));
  ASSERT_TRUE(header);
  EXPECT_EQ(header->kind, EntryKind::avatar);
  EXPECT_EQ(header->version_ms, 987654321);
  EXPECT_EQ(header->payload_size, entry.size() - kEntryHeaderSize);
  EXPECT_FALSE(peek_header(std::string_view(entry).substr(0, kEntryHeaderSize - 1)));
  EXPECT_FALSE(peek_header("XXXX" + entry.substr(4)));
}

TEST(RedisUrl, ParsesHostPortAndDatabase) {
  const auto e = parse_redis_url("redis://cache.local:6380/3");
  EXPECT_EQ(e.host, "cache.local");
  EXPECT_EQ(e.port, 6380);
  EXPECT_EQ(e.db, 3);
  const auto d = parse_redis_url("redis://10.0.0.2");
  EXPECT_EQ(d.host, "10.0.0.2");
  EXPECT_EQ(d.port, 6379);
  EXPECT_EQ(d.db, 0);
}

TEST(RedisUrl, RejectsMalformedUrlsNamingTheKey) {
  for (const char* bad : {"", "http://h:1/0", "redis://", "redis://h:99999/0", "redis://h:1/x"}) {
    try {
      parse_redis_url(bad);
      ADD_FAILURE() << bad;
    } catch (const ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find("cache.redis_url"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace am
