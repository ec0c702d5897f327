// End-to-end latency benchmark of `avatar-mirror run`: plays a 1280x720 30 fps video of one
// person (made from the test clip) in real time with a WebSocket client connected, and reports
// capture -> pose_update received latency (p50/p95/max), pose_updates per second sustained,
// frames skipped, time from the person's first pose_update to new_character, and the build times
// from the server log. Two extra modes for scripts/soak.sh:
//   am_bench_latency write-video PATH         writes the benchmark video to PATH
//   am_bench_latency soak-client PORT SECONDS  stays connected; exits 1 if the server dropped it
#include <benchmark/benchmark.h>

#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <future>
#include <iostream>
#include <map>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "core/clock.hpp"
#include "support/process.hpp"
#include "support/testdata.hpp"
#include "support/ws_test_client.hpp"

namespace {

using namespace am;
using nlohmann::json;

constexpr int kWidth = 1280, kHeight = 720;
constexpr double kFps = 30.0, kSourceFps = 12.0, kSeconds = 20.0;

// The portrait frame scaled into the middle of a black 1280x720 frame.
cv::Mat letterbox(const cv::Mat& frame) {
  const double scale = std::min(double(kWidth) / frame.cols, double(kHeight) / frame.rows);
  cv::Mat scaled;
  cv::resize(frame, scaled, cv::Size(), scale, scale, cv::INTER_AREA);
  cv::Mat out(kHeight, kWidth, frame.type(), cv::Scalar::all(0));
  scaled.copyTo(out(
      cv::Rect((kWidth - scaled.cols) / 2, (kHeight - scaled.rows) / 2, scaled.cols, scaled.rows)));
  return out;
}

// Source frame shown at output frame k: each 12 fps frame 2 or 3 times (2.5 on average, so the
// motion keeps its speed at 30 fps), played forwards then backwards so the motion is continuous.
size_t ping_pong_index(int k, size_t count) {
  const size_t step = static_cast<size_t>(k * kSourceFps / kFps);
  const size_t period = 2 * (count - 1);
  const size_t p = step % period;
  return p < count ? p : period - p;
}

void write_benchmark_video(const std::filesystem::path& path) {
  cv::VideoCapture in(test::testdata("video/mmhuman3d_single_person.mp4").string());
  std::vector<cv::Mat> frames;
  for (cv::Mat frame; in.read(frame);) frames.push_back(letterbox(frame));
  if (frames.size() < 2) throw std::runtime_error("cannot read the test video (testdata missing?)");
  cv::VideoWriter out(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), kFps,
                      cv::Size(kWidth, kHeight));
  if (!out.isOpened()) throw std::runtime_error("cannot write " + path.string());
  for (int k = 0; k < static_cast<int>(kSeconds * kFps); ++k)
    out.write(frames[ping_pong_index(k, frames.size())]);
}

// What the client saw; times are this process's monotonic_ms() when a message arrived.
struct StreamStats {
  std::vector<double> latencies_ms;  // capture -> received, pose_updates with someone in them
  std::vector<double> update_times_ms;
  std::map<std::string, double> first_seen_ms;  // person id -> first pose_update with them
  std::vector<double> character_delays_ms;      // new_character - that person's first update
  int64_t messages = 0;
  bool dropped = false;  // the connection failed before the client meant to stop
  std::string error;
};

void record_message(const json& m, double received_ms, StreamStats& s) {
  ++s.messages;
  if (m["type"] == "pose_update" && !m["data"].empty()) {
    s.latencies_ms.push_back(received_ms - m["data"].begin()->at("timestamp").get<double>());
    s.update_times_ms.push_back(received_ms);
    for (const auto& person : m["data"].items()) s.first_seen_ms.emplace(person.key(), received_ms);
  } else if (m["type"] == "new_character") {
    const auto seen = s.first_seen_ms.find(std::to_string(m["data"]["person_id"].get<int>()));
    if (seen != s.first_seen_ms.end()) s.character_delays_ms.push_back(received_ms - seen->second);
  }
}

// Reads until the server closes the connection or, with a deadline, until then.
void read_stream(test::WsClient& client, double deadline_ms, StreamStats& s) {
  try {
    while (monotonic_ms() < deadline_ms) {
      const std::string text = client.read();
      record_message(json::parse(text), monotonic_ms(), s);
    }
  } catch (const std::exception& e) {
    s.dropped = monotonic_ms() < deadline_ms;
    s.error = e.what();
  }
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p / 100.0 * (v.size() - 1) + 0.5))];
}

double updates_per_second(const std::vector<double>& times) {
  if (times.size() < 2) return 0.0;
  return (times.size() - 1) * 1000.0 / (times.back() - times.front());
}

// The first match of `pattern` in the log, as numbers (-1 where it never appeared).
std::vector<double> log_numbers(const std::string& log, const std::string& pattern, size_t n) {
  std::smatch m;
  std::vector<double> out(n, -1.0);
  if (std::regex_search(log, m, std::regex(pattern)))
    for (size_t i = 0; i < n; ++i) out[i] = std::stod(m[i + 1]);
  return out;
}

void print_summary(const StreamStats& s, const std::vector<double>& frames,
                   const std::vector<double>& build) {
  std::printf(
      "\nend-to-end latency, 1280x720 @ 30 fps, one person\n"
      "  capture -> pose_update received: p50 %.1f ms, p95 %.1f ms, max %.1f ms  (target p95 <= "
      "50)\n"
      "  pose_updates with the person: %zu, %.1f per second sustained  (target 30)\n"
      "  frames processed %.0f, skipped %.0f\n"
      "  first pose_update -> new_character: %.0f ms  (target <= 1500)\n"
      "  server log: avatar built in %.0f ms, %.0f ms after the person was seen\n\n",
      percentile(s.latencies_ms, 50), percentile(s.latencies_ms, 95),
      percentile(s.latencies_ms, 100), s.update_times_ms.size(),
      updates_per_second(s.update_times_ms), frames[0], frames[1],
      s.character_delays_ms.empty() ? -1.0 : s.character_delays_ms.front(), build[1], build[2]);
}

void BM_RunLatencyOnePerson720p30(benchmark::State& state) {
  const auto dir = test::scratch_dir("latency");
  const auto video = dir / "one_person_720p30.avi";
  write_benchmark_video(video);
  const unsigned short port = test::free_port();
  for (auto _ : state) {
    const std::string cmd = "WEBSOCKET_HOST=127.0.0.1 WEBSOCKET_PORT=" + std::to_string(port) +
                            " " + test::avatar_mirror(dir) + " run --source " + video.string();
    auto run = std::async(std::launch::async, [cmd] { return test::run_command(cmd); });
    StreamStats stats;
    if (auto client = test::connect_when_ready(port)) read_stream(*client, 1e300, stats);
    const test::CommandResult result = run.get();
    if (result.exit_code != 0 || stats.update_times_ms.empty()) {
      state.SkipWithError(("run failed: " + result.err.substr(0, 2000)).c_str());
      break;
    }
    const std::string log = test::read_text(dir / "test.log");
    const auto frames = log_numbers(log, R"((\d+) frames processed, (\d+) skipped)", 2);
    const auto build = log_numbers(
        log, R"(avatar of person (\d+) built in (\d+) ms \((\d+) ms after they were seen\))", 3);
    state.counters["p50_ms"] = percentile(stats.latencies_ms, 50);
    state.counters["p95_ms"] = percentile(stats.latencies_ms, 95);
    state.counters["max_ms"] = percentile(stats.latencies_ms, 100);
    state.counters["updates_per_s"] = updates_per_second(stats.update_times_ms);
    state.counters["frames_processed"] = frames[0];
    state.counters["frames_skipped"] = frames[1];
    state.counters["to_new_character_ms"] =
        stats.character_delays_ms.empty() ? -1.0 : stats.character_delays_ms.front();
    state.counters["build_ms"] = build[1];
    state.counters["built_after_seen_ms"] = build[2];
    print_summary(stats, frames, build);
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_RunLatencyOnePerson720p30)->Iterations(1)->Unit(benchmark::kSecond);

// Stays connected for `seconds`, then closes; prints what it received. 1 if it was dropped.
int soak_client(unsigned short port, double seconds) {
  auto client = test::connect_when_ready(port);
  if (!client) {
    std::cerr << "soak client: nothing listens on port " << port << "\n";
    return 1;
  }
  StreamStats stats;
  read_stream(*client, monotonic_ms() + seconds * 1000.0, stats);
  if (!stats.dropped) client->close();
  std::printf(
      "client: %lld messages, %zu pose_updates with someone (%.1f/s), %zu new_character, latency "
      "p50 %.1f ms p95 %.1f ms max %.1f ms, %s\n",
      static_cast<long long>(stats.messages), stats.update_times_ms.size(),
      updates_per_second(stats.update_times_ms), stats.character_delays_ms.size(),
      percentile(stats.latencies_ms, 50), percentile(stats.latencies_ms, 95),
      percentile(stats.latencies_ms, 100),
      stats.dropped ? ("DROPPED: " + stats.error).c_str() : "connected the whole time");
  return stats.dropped ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  try {
    if (mode == "write-video" && argc == 3) {
      write_benchmark_video(argv[2]);
      return 0;
    }
    if (mode == "soak-client" && argc == 4)
      return soak_client(static_cast<unsigned short>(std::stoi(argv[2])), std::stod(argv[3]));
  } catch (const std::exception& e) {
    std::cerr << mode << ": " << e.what() << "\n";
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
