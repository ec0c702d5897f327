// SHA-256 against the FIPS 180-2 vectors and against coreutils' sha256sum, including every
// message length around the padding boundaries and a file that spans several read chunks.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "core/error.hpp"
#include "models/process.hpp"
#include "models/sha256.hpp"
#include "support/testdata.hpp"

namespace {

namespace fs = std::filesystem;

std::string pseudo_random_bytes(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng() & 0xff);
  return s;
}

void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// sha256sum's hex digest of each file, in order.
std::vector<std::string> coreutils_sha256(const std::vector<fs::path>& files) {
  std::vector<std::string> argv = {"sha256sum"};
  for (const auto& f : files) argv.push_back(f.string());
  const am::ProcessResult r = am::run_process({argv, {}, {}});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  std::vector<std::string> digests;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);) digests.push_back(line.substr(0, 64));
  return digests;
}

TEST(Sha256, Fips180Vectors) {
  EXPECT_EQ(am::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(am::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(am::sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(am::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, IncrementalUpdatesInUnevenPiecesMatchOneShot) {
  const std::string data = pseudo_random_bytes(10000, 7);
  am::Sha256 hasher;
  std::size_t at = 0;
  for (std::size_t piece = 1; at < data.size(); piece = piece * 3 % 257 + 1) {
    const std::size_t n = std::min(piece, data.size() - at);
    hasher.update(std::as_bytes(std::span(data.data() + at, n)));
    at += n;
  }
  EXPECT_EQ(am::to_hex(hasher.finish()), am::sha256_hex(data));
}

TEST(Sha256, EveryLengthAroundPaddingBoundariesMatchesSha256sum) {
  const fs::path dir = am::test::scratch_dir("sha_lengths");
  std::vector<fs::path> files;
  std::vector<std::string> ours;
  for (std::size_t n = 0; n <= 200; ++n) {
    const std::string bytes = pseudo_random_bytes(n, static_cast<unsigned>(n));
    files.push_back(dir / std::to_string(n));
    write_file(files.back(), bytes);
    ours.push_back(am::sha256_hex(bytes));
  }
  EXPECT_EQ(coreutils_sha256(files), ours);
  fs::remove_all(dir);
}

TEST(Sha256, FileSpanningSeveralChunksMatchesSha256sum) {
  const fs::path dir = am::test::scratch_dir("sha_file");
  const fs::path file = dir / "big.bin";
  write_file(file, pseudo_random_bytes((3u << 20) + 17, 42));
  EXPECT_EQ(am::sha256_file_hex(file), coreutils_sha256({file}).at(0));
  fs::remove_all(dir);
}

TEST(Sha256, MissingFileThrowsNamingIt) {
  try {
    am::sha256_file_hex("/nonexistent/model.tflite");
    FAIL() << "expected am::Error";
  } catch (const am::Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/model.tflite"), std::string::npos);
  }
}

TEST(Sha256, HexValidation) {
  EXPECT_TRUE(am::is_sha256_hex(am::sha256_hex("x")));
  EXPECT_FALSE(am::is_sha256_hex(std::string(63, 'a')));
  EXPECT_FALSE(am::is_sha256_hex(std::string(64, 'A')));
  EXPECT_FALSE(am::is_sha256_hex(std::string(64, 'g')));
}

}  // namespace
