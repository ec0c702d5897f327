// VMC output checked by an independent OSC 1.0 decoder: the real VmcSender sends a few real poses
// over UDP to tests/osc_js/vmc_listen.mjs (osc.js, installed by tests/osc_js/install.sh into
// <app_home>/osc_js; `make test` runs it). Fails when node or osc.js is missing. Guarantees that
// osc.js reads one bundle per frame (time tag 1) with the documented addresses in order, the type
// tags i / f / s+7f, our bone names, and the floats vmc_pose() computes, so wrong padding, type
// tags or byte order fail here even where our own decoder agrees with our encoder.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/paths.hpp"
#include "stream/vmc.hpp"
#include "stream/vmc_sender.hpp"
#include "support/process.hpp"
#include "support/synthetic_pose.hpp"

namespace am {
namespace {

using nlohmann::json;

// vmc_listen.mjs for `count` datagrams, running while the test sends; port() is where it listens
// (0 when it did not start), finish() waits for it and gives its exit status and output.
class OscJsListener {
 public:
  OscJsListener(const std::filesystem::path& script, int count)
      : err_(std::filesystem::temp_directory_path() /
             ("am_osc_js_err_" + std::to_string(::getpid()) + ".txt")) {
    const std::string command = "node '" + script.string() + "' " + std::to_string(count) +
                                " 10000 2>'" + err_.string() + "'";
    pipe_ = ::popen(command.c_str(), "r");
    char line[64];
    if (pipe_ && std::fgets(line, sizeof line, pipe_)) port_ = std::atoi(line);
  }
  ~OscJsListener() {
    if (pipe_) ::pclose(pipe_);
    std::filesystem::remove(err_);
  }
  unsigned short port() const { return static_cast<unsigned short>(port_); }

  test::CommandResult finish() {
    test::CommandResult result;
    if (!pipe_) return result;
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe_)) > 0;)
      result.out.append(buffer, n);
    const int status = ::pclose(pipe_);
    pipe_ = nullptr;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = test::read_text(err_);
    return result;
  }

 private:
  std::filesystem::path err_;
  FILE* pipe_ = nullptr;
  int port_ = 0;
};

// Checks one decoded /VMC/Ext/*/Pos message: s `name` then 7 f equal to p and q (Unity axes).
void expect_pos(const json& m, const std::string& address, const std::string& name,
                const Eigen::Vector3d& p, const Eigen::Quaterniond& q, const std::string& where) {
  SCOPED_TRACE(where);
  ASSERT_EQ(m.at("address"), address);
  const json& args = m.at("args");
  ASSERT_EQ(args.size(), 8u) << args;
  EXPECT_EQ(args[0], (json{{"type", "s"}, {"value", name}}));
  const double want[7] = {p.x(), p.y(), p.z(), q.x(), q.y(), q.z(), q.w()};
  for (int k = 0; k < 7; ++k) {
    ASSERT_EQ(args[1 + k].at("type"), "f") << "argument " << 1 + k;
    EXPECT_FLOAT_EQ(args[1 + k].at("value").get<float>(), float(want[k])) << "argument " << 1 + k;
  }
}

TEST(VmcOscJs, IndependentDecoderReadsTheDocumentedBundlePerFrame) {
  const auto home = app_home() / "osc_js";
  ASSERT_EQ(test::run_command("command -v node").exit_code, 0)
      << "node not found: install nodejs (make setup), then run tests/osc_js/install.sh";
  ASSERT_TRUE(std::filesystem::exists(home / "node_modules/osc/package.json") &&
              std::filesystem::exists(home / "vmc_listen.mjs"))
      << "osc.js not installed in " << home << ": run tests/osc_js/install.sh (make test does)";

  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  std::vector<BoneQuats> frames;
  for (const double t : {0.0, 0.4, 1.3})
    frames.push_back(bone_rotations(bind, test::posed_landmarks(bind, test::wave_rotations(t))));

  OscJsListener listener(home / "vmc_listen.mjs", int(frames.size()));
  if (listener.port() == 0) {
    const auto r = listener.finish();
    FAIL() << "vmc_listen.mjs did not start (exit " << r.exit_code << "): " << r.err;
  }
  VmcSender sender({true, "127.0.0.1", listener.port()});
  for (const BoneQuats& local : frames) sender.send_frame(bind, local);
  const auto result = listener.finish();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(sender.sent(), frames.size());
  EXPECT_EQ(sender.dropped(), 0u);

  std::vector<json> decoded;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) decoded.push_back(json::parse(line));
  ASSERT_EQ(decoded.size(), frames.size()) << result.out;

  double last_time = 0.0;
  for (size_t f = 0; f < frames.size(); ++f) {
    SCOPED_TRACE("frame " + std::to_string(f));
    const json& d = decoded[f];
    const VmcPose pose = vmc_pose(bind, frames[f]);
    EXPECT_EQ(d.at("bytes"), encode_vmc_frame(pose, 0.0).size());
    ASSERT_TRUE(d.contains("packets")) << "not a bundle: " << d;
    EXPECT_EQ(d.at("timetag"), json::array({0, 1})) << "time tag 1 = immediately";
    const json& p = d.at("packets");
    ASSERT_EQ(p.size(), 3u + kBoneCount) << d;

    EXPECT_EQ(p[0], (json{{"address", "/VMC/Ext/OK"}, {"args", {{{"type", "i"}, {"value", 1}}}}}));
    ASSERT_EQ(p[1].at("address"), "/VMC/Ext/T");
    ASSERT_EQ(p[1].at("args").size(), 1u);
    ASSERT_EQ(p[1]["args"][0].at("type"), "f");
    const double time_s = p[1]["args"][0].at("value").get<double>();
    EXPECT_GE(time_s, last_time) << "seconds since the sender started";
    EXPECT_LT(time_s, 60.0);
    last_time = time_s;

    expect_pos(p[2], "/VMC/Ext/Root/Pos", "root", Eigen::Vector3d::Zero(),
               Eigen::Quaterniond::Identity(), "root");
    for (int b = 0; b < kBoneCount; ++b) {
      const std::string name(bone_name(Bone(b)));
      expect_pos(p[3 + b], "/VMC/Ext/Bone/Pos", name, pose[b].position, pose[b].rotation, name);
    }
  }
}

}  // namespace
}  // namespace am
