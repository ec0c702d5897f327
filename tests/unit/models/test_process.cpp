// run_process: exit codes, captured stdout + stderr, working folder and environment reach the
// child.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "models/process.hpp"
#include "support/testdata.hpp"

namespace {

TEST(Process, CapturesStdoutAndStderrAndExitCode) {
  const auto r = am::run_process({{"sh", "-c", "echo out; echo err >&2; exit 3"}, {}, {}});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.output.find("out"), std::string::npos);
  EXPECT_NE(r.output.find("err"), std::string::npos);
}

TEST(Process, RunsInTheGivenFolderWithExtraEnvironment) {
  const auto dir = am::test::scratch_dir("process_cwd");
  const auto r = am::run_process({{"sh", "-c", "pwd; echo \"$AM_TEST_VALUE\"; echo \"$HOME\""},
                                  dir,
                                  {{"AM_TEST_VALUE", "x y"}}});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output.substr(0, r.output.find('\n')), std::filesystem::canonical(dir).string());
  EXPECT_NE(r.output.find("\nx y\n"), std::string::npos);
  EXPECT_NE(r.output.find(std::getenv("HOME")), std::string::npos) << "environment not inherited";
  std::filesystem::remove_all(dir);
}

TEST(Process, OverrideReplacesAnInheritedVariable) {
  const auto r = am::run_process({{"sh", "-c", "echo \"[$HOME]\""}, {}, {{"HOME", "/elsewhere"}}});
  EXPECT_EQ(r.output, "[/elsewhere]\n");
}

TEST(Process, MissingProgramThrowsNamingIt) {
  try {
    am::run_process({{"no-such-program-am"}, {}, {}});
    FAIL() << "expected am::Error";
  } catch (const am::Error& e) {
    EXPECT_NE(std::string(e.what()).find("no-such-program-am"), std::string::npos);
  }
}

TEST(Process, KilledBySignalReports128PlusSignal) {
  const auto r = am::run_process({{"sh", "-c", "kill -9 $$"}, {}, {}});
  EXPECT_EQ(r.exit_code, 128 + 9);
}

}  // namespace
