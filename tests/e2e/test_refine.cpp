// `avatar-mirror run` on the first turn of video/peoplesnapshot_female-1-casual.mp4 (a woman
// turning in place): her avatar is announced (new_character), then refined from the frames where
// she has turned (avatar_updated, version 2 and up, a new mesh_url per version) while the pose
// stream goes on. The refined .glb passes the Khronos validator; its atlas keeps the front half of
// version 1 and has a repainted back half, and its mesh is reshaped to her turned silhouettes
// (every vertex within the shape fit's 4 cm of version 1's).
#include <cmath>
#include <iostream>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "support/glb_texture.hpp"
#include "support/process.hpp"
#include "support/testdata.hpp"
#include "support/ws_test_client.hpp"

namespace am {
namespace {

using nlohmann::json;

constexpr double kSeconds = 14;  // a little over her first full turn

std::filesystem::path write_first_turn(const std::filesystem::path& dir) {
  cv::VideoCapture in(test::testdata("video/peoplesnapshot_female-1-casual.mp4").string());
  const double fps = in.get(cv::CAP_PROP_FPS);
  const auto path = dir / "first_turn.avi";
  cv::VideoWriter out;
  cv::Mat frame, half;
  for (int i = 0; i < kSeconds * fps && in.read(frame); ++i) {
    cv::resize(frame, half, frame.size() / 2, 0, 0, cv::INTER_AREA);
    if (!out.isOpened())
      out.open(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps, half.size());
    out.write(half);
  }
  return path;
}

// Share of the pixels of two equally sized images that differ by more than `step` in any channel.
double changed_share(const cv::Mat& a, const cv::Mat& b, int step) {
  cv::Mat diff;
  cv::absdiff(a, b, diff);
  cv::cvtColor(diff, diff, cv::COLOR_BGR2GRAY);
  return cv::countNonZero(diff > step) / static_cast<double>(diff.total());
}

TEST(RefineRun, ATurningVisitorsAvatarIsRefinedWhileThePoseStreamGoesOn) {
  const auto dir = test::scratch_dir("refine_run");
  const unsigned short port = test::free_port();
  auto run = test::start_mirror_run(dir, port, write_first_turn(dir));
  auto client = test::connect_when_ready(port);
  ASSERT_NE(client, nullptr) << "the mirror never listened on port " << port;
  std::map<int, cv::Mat> atlas;                 // version -> the atlas of the .glb served for it
  std::map<int, std::vector<float>> positions;  // version -> its vertex positions
  int person = -1, poses_after_update = 0;
  std::vector<json> updates;
  try {
    for (;;) {
      const json m = json::parse(client->read());
      const std::string type = m["type"];
      if (type == "pose_update" && !updates.empty()) ++poses_after_update;
      if (type != "new_character" && type != "avatar_updated") continue;
      if (type == "new_character") person = m["data"]["person_id"];
      if (type == "avatar_updated") updates.push_back(m);
      const int version = m["data"]["version"];
      const auto copy = dir / ("v" + std::to_string(version) + ".glb");
      std::filesystem::copy_file(m["data"]["mesh_path"].get<std::string>(), copy,
                                 std::filesystem::copy_options::overwrite_existing);
      atlas[version] = test::glb_texture(copy);
      positions[version] = test::glb_positions(copy);
    }
  } catch (const std::exception&) {
    // the mirror closed the connection at the end of the video
  }
  const test::CommandResult result = run.get();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ASSERT_NE(person, -1) << "no avatar was announced";
  ASSERT_FALSE(updates.empty()) << "no avatar_updated while she turned";
  std::cout << updates.size() << " refinements, " << poses_after_update
            << " pose updates after the first\n";
  EXPECT_GT(poses_after_update, 25) << "the pose stream stopped for the refinement";
  for (std::size_t i = 0; i < updates.size(); ++i) {
    const json& data = updates[i]["data"];
    EXPECT_EQ(data["person_id"], person);
    EXPECT_EQ(data["version"], static_cast<int>(i) + 2);
    EXPECT_TRUE(data["mesh_url"].get<std::string>().ends_with("?v=" + std::to_string(i + 2)));
  }
  const cv::Mat first = atlas.at(1), refined = atlas.rbegin()->second;
  ASSERT_FALSE(first.empty());
  ASSERT_EQ(first.size(), refined.size());
  const cv::Rect front(0, 0, first.cols / 2, first.rows),
      back(first.cols / 2, 0, first.cols / 2, first.rows);
  const double front_changed = changed_share(first(front), refined(front), 8);
  const double back_changed = changed_share(first(back), refined(back), 8);
  std::cout << "atlas texels changed: front " << front_changed * 100 << " %, back "
            << back_changed * 100 << " %\n";
  EXPECT_LT(front_changed, 0.01) << "the photo's front half stays";
  EXPECT_GT(back_changed, 0.05) << "the back half holds what she showed of her back";

  const std::vector<float>&built = positions.at(1), &reshaped = positions.rbegin()->second;
  ASSERT_EQ(built.size(), reshaped.size());
  ASSERT_FALSE(built.empty());
  double moved = 0, farthest = 0;
  for (std::size_t v = 0; v < built.size(); v += 3) {
    const double d = std::hypot(reshaped[v] - built[v], reshaped[v + 1] - built[v + 1],
                                reshaped[v + 2] - built[v + 2]);
    moved += d;
    farthest = std::max(farthest, d);
  }
  moved /= static_cast<double>(built.size() / 3);
  std::cout << "vertices moved by the shape fit: mean " << moved * 1000 << " mm, largest "
            << farthest * 1000 << " mm\n";
  EXPECT_GT(moved, 0.0005) << "the refined mesh keeps the front-only shape";
  EXPECT_LT(farthest, 0.0401) << "a vertex moved beyond the shape fit's limit";

  const auto latest = dir / ("v" + std::to_string(atlas.rbegin()->first) + ".glb");
  const auto validation = test::validate_glb(latest);
  EXPECT_EQ(validation.exit_code, 0) << validation.out << validation.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace am
