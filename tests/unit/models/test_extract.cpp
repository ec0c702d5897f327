// Byte-range cutting, the tarball and model sha256 checks, and atomic installation, on generated
// files (the real packages are exercised by integration_models).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/error.hpp"
#include "models/extract.hpp"
#include "models/npm_tarball.hpp"
#include "models/sha256.hpp"
#include "support/testdata.hpp"

namespace {

namespace fs = std::filesystem;

std::string counting_bytes(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>(i * 7 + i / 256);
  return s;
}

void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

class ExtractTest : public ::testing::Test {
 protected:
  void SetUp() override { dir = am::test::scratch_dir("extract"); }
  void TearDown() override { fs::remove_all(dir); }
  fs::path dir;
};

TEST_F(ExtractTest, ByteRangeCopiesExactlyThoseBytes) {
  const std::string packed = counting_bytes(100000);
  write_file(dir / "packed.data", packed);
  am::copy_byte_range(dir / "packed.data", {12345, 67890}, dir / "out");
  EXPECT_TRUE(read_file(dir / "out") == packed.substr(12345, 67890 - 12345));
}

TEST_F(ExtractTest, ByteRangePastTheEndOrEmptyThrows) {
  write_file(dir / "packed.data", counting_bytes(1000));
  EXPECT_THROW(am::copy_byte_range(dir / "packed.data", {10, 1001}, dir / "out"), am::Error);
  EXPECT_THROW(am::copy_byte_range(dir / "packed.data", {10, 10}, dir / "out"), am::Error);
}

TEST_F(ExtractTest, TarballWithWrongSha256IsRefusedNamingPackageAndBothHashes) {
  const am::NpmPackage& pkg = am::model_packages()[0];
  write_file(dir / "bad.tgz", "not the real package");
  try {
    am::check_tarball_sha256(dir / "bad.tgz", pkg);
    FAIL() << "expected am::Error";
  } catch (const am::Error& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find(pkg.spec()), std::string::npos) << msg;
    EXPECT_NE(msg.find(std::string(pkg.sha256)), std::string::npos) << msg;
    EXPECT_NE(msg.find(am::sha256_hex("not the real package")), std::string::npos) << msg;
  }
}

TEST_F(ExtractTest, InstallRenamesAVerifiedFileIntoPlace) {
  const std::string bytes = counting_bytes(5000);
  const std::string sha = am::sha256_hex(bytes);
  const am::ModelEntry model{"m", "m.tflite", "test", "p@1", "package/m.tflite",
                             {},  sha,        5000,   true};
  fs::create_directories(dir / "models");
  am::StagingFolder staging(dir / "models");
  write_file(staging.path() / "m.tflite", bytes);
  am::install_model(staging.path() / "m.tflite", model, dir / "models");
  EXPECT_TRUE(read_file(dir / "models" / "m.tflite") == bytes);
  EXPECT_FALSE(fs::exists(staging.path() / "m.tflite"));
}

TEST_F(ExtractTest, InstallRefusesAFileWithTheWrongSha256AndLeavesTheOldOne) {
  const std::string good = counting_bytes(5000);
  const std::string sha = am::sha256_hex(good);  // ModelEntry holds views: keep the string alive
  const am::ModelEntry model{"m", "m.tflite", "test", "p@1", "package/m.tflite",
                             {},  sha,        5000,   true};
  fs::create_directories(dir / "models");
  write_file(dir / "models" / "m.tflite", good);
  write_file(dir / "staged", good + "x");
  EXPECT_THROW(am::install_model(dir / "staged", model, dir / "models"), am::Error);
  EXPECT_TRUE(read_file(dir / "models" / "m.tflite") == good) << "the old file was replaced";
}

TEST_F(ExtractTest, StagingFolderIsRemovedWithItsContents) {
  fs::path staged;
  {
    am::StagingFolder staging(dir);
    staged = staging.path();
    write_file(staged / "x", "y");
  }
  EXPECT_FALSE(fs::exists(staged));
}

}  // namespace
