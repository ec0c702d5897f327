// BlazePose on the test photos and videos: agreement with the official MediaPipe Pose JS
// solution, accuracy against human keypoints (PCK@0.2), several people, stable video tracks.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include "core/error.hpp"
#include "integration/perception/mediapipe_reference.hpp"
#include "integration/perception/pose_ground_truth.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> pose_photos() {
  std::vector<fs::path> photos;
  for (const char* folder : {"full_body", "keypoints"}) {
    for (const auto& entry : fs::directory_iterator(test::testdata(folder))) {
      const std::string ext = entry.path().extension().string();
      const bool image = ext == ".png" || ext == ".jpg" || ext == ".jpeg";
      if (image && entry.path().stem().string().find("_mask") == std::string::npos)
        photos.push_back(entry.path());
    }
  }
  std::sort(photos.begin(), photos.end());
  return photos;
}

cv::Mat read_photo(const fs::path& path) {
  cv::Mat image = cv::imread(path.string(), cv::IMREAD_COLOR);
  if (image.empty()) throw std::runtime_error("cannot read " + path.string());
  return image;
}

class Pose : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tracker_ = new PoseTracker(test::models_dir(), {}, SessionOptions{Device::Cpu, 2});
  }
  static void TearDownTestSuite() { delete tracker_; }
  static inline PoseTracker* tracker_ = nullptr;
};

TEST_F(Pose, AgreesWithTheOfficialMediaPipeSolutionOnThePhotos) {
  if (!test::chromium_available()) GTEST_SKIP() << "no Chromium: apt-get install chromium";
  const auto photos = pose_photos();
  const auto reference = test::mediapipe_reference(photos);
  double sum_2d = 0, sum_world = 0;
  int compared = 0;
  for (const fs::path& photo : photos) {
    const cv::Mat image = read_photo(photo);
    const auto ours = tracker_->process(image, 0, false);
    const auto& ref = reference.at(photo.string());
    if (!ref) {
      EXPECT_TRUE(ours.empty()) << photo;
      continue;
    }
    ASSERT_FALSE(ours.empty()) << "nobody found in " << photo;
    const double diagonal = std::hypot(image.cols, image.rows);
    double d2 = 0, dw = 0;
    for (int i = 0; i < kLandmarkCount; ++i) {
      const PoseLandmark& a = ours[0].landmarks[i];
      const cv::Point3f& b = ref->landmarks[i];
      d2 += std::hypot(a.x - b.x * image.cols, a.y - b.y * image.rows) / diagonal;
      const PoseLandmark& w = ours[0].world_landmarks[i];
      const cv::Point3f& v = ref->world[i];
      dw += std::sqrt(std::pow(w.x - v.x, 2) + std::pow(w.y - v.y, 2) + std::pow(w.z - v.z, 2));
    }
    d2 /= kLandmarkCount, dw /= kLandmarkCount;
    std::printf("%-28s 2D %.3f%% of diagonal, world %.1f mm\n", photo.filename().c_str(), 100 * d2,
                1000 * dw);
    sum_2d += d2, sum_world += dw, ++compared;
  }
  ASSERT_GT(compared, 8);
  std::printf("mean over %d photos: 2D %.3f%% of diagonal, world %.1f mm\n", compared,
              100 * sum_2d / compared, 1000 * sum_world / compared);
  EXPECT_LE(sum_2d / compared, 0.015);
  EXPECT_LE(sum_world / compared, 0.03);
}

// Fraction of ground-truth joints within 0.2 x torso size (shoulder to opposite hip).
struct Pck {
  int hits = 0, joints = 0;
  void add(const test::GtPerson& truth, const PoseObservation& found) {
    auto dist = [&](int a, int b) {
      return truth.count(a) && truth.count(b) ? cv::norm(truth.at(a) - truth.at(b)) : 0.0;
    };
    const double torso = std::max(dist(11, 24), dist(12, 23));
    ASSERT_GT(torso, 0) << "ground truth lacks shoulders or hips";
    for (const auto& [index, point] : truth) {
      const PoseLandmark& l = found.landmarks[index];
      hits += cv::norm(cv::Point2f(l.x, l.y) - point) <= 0.2 * torso;
      ++joints;
    }
  }
};

// The annotated person nearest to the pose found (by mean joint distance).
const test::GtPerson& nearest(const std::vector<test::GtPerson>& people,
                              const PoseObservation& found) {
  const test::GtPerson* best = &people.at(0);
  double best_distance = 1e300;
  for (const auto& person : people) {
    double d = 0;
    for (const auto& [index, point] : person)
      d += cv::norm(cv::Point2f(found.landmarks[index].x, found.landmarks[index].y) - point);
    d /= std::max<std::size_t>(1, person.size());
    if (d < best_distance) best_distance = d, best = &person;
  }
  return *best;
}

TEST_F(Pose, MatchesHumanKeypointsWithPck02AtLeast90Percent) {
  const std::vector<std::pair<std::string, std::vector<test::GtPerson>>> truth{
      {"keypoints/coco_000000000785.jpg",
       test::coco_people(test::testdata("keypoints/coco_test_coco.json"), 785)},
      {"keypoints/lsp_im1010.jpg",
       test::openpose_people(test::testdata("keypoints/spin_im1010_openpose.json"))},
      {"keypoints/tfex_businessman.jpg",
       test::coco_csv_person(test::testdata("keypoints/tfex_pose_landmark_truth.csv"), 1)},
      {"full_body/pifuhd_test.png",
       test::openpose_people(test::testdata("full_body/pifuhd_test_keypoints.json"))},
      {"full_body/sith_002.png",
       test::openpose_people(test::testdata("full_body/sith_002_keypoints.json"))},
      {"full_body/sith_007.png",
       test::openpose_people(test::testdata("full_body/sith_007_keypoints.json"))},
      {"full_body/sith_010.png",
       test::openpose_people(test::testdata("full_body/sith_010_keypoints.json"))}};
  Pck total;
  for (const auto& [photo, people] : truth) {
    ASSERT_FALSE(people.empty()) << "no annotated person for " << photo;
    const auto found = tracker_->process(read_photo(test::testdata(photo)), 0, false);
    ASSERT_FALSE(found.empty()) << "nobody found in " << photo;
    Pck one;
    one.add(nearest(people, found[0]), found[0]);
    std::printf("%-34s PCK@0.2 %d/%d\n", photo.c_str(), one.hits, one.joints);
    total.hits += one.hits, total.joints += one.joints;
  }
  const double pck = static_cast<double>(total.hits) / total.joints;
  std::printf("PCK@0.2 over %d joints: %.3f\n", total.joints, pck);
  EXPECT_GE(pck, 0.9);
}

TEST_F(Pose, FindsBothPeopleSideBySide) {
  const cv::Mat image = read_photo(test::testdata("faces/fr_two_people.jpg"));
  const auto found = tracker_->process(image, 0, false);
  ASSERT_EQ(found.size(), 2u);
  std::set<int> ids;
  for (const auto& p : found) {
    ids.insert(p.id);
    EXPECT_GE(p.score, 0.5f);
    EXPECT_GT(p.world_landmarks[lm::kLeftHip].visibility, 0.0f) << "world carries visibility";
  }
  EXPECT_EQ(ids.size(), 2u);
  // One on the left half, one on the right half (noses).
  const float a = found[0].landmarks[0].x, b = found[1].landmarks[0].x;
  EXPECT_LT(std::min(a, b), image.cols / 2.0f);
  EXPECT_GT(std::max(a, b), image.cols / 2.0f);
}

TEST_F(Pose, FindsNobodyInAnEmptySceneAndRejectsAnEmptyImage) {
  const cv::Mat grey(480, 640, CV_8UC3, cv::Scalar::all(128));
  EXPECT_TRUE(tracker_->process(grey, 0, false).empty());
  EXPECT_THROW(tracker_->process(cv::Mat(), 0, false), Error);
}

TEST_F(Pose, KeepsOneTrackThroughASinglePersonVideo) {
  cv::VideoCapture video(test::testdata("video/mmhuman3d_single_person.mp4").string());
  ASSERT_TRUE(video.isOpened());
  PoseTracker tracker(test::models_dir(), {}, SessionOptions{Device::Cpu, 2});
  std::set<int> ids;
  int frames = 0, with_person = 0;
  cv::Mat frame;
  for (; video.read(frame); ++frames) {
    const auto found = tracker.process(frame, frames * 1000.0 / 12, true);
    if (found.empty()) continue;
    ++with_person;
    EXPECT_EQ(found.size(), 1u) << "frame " << frames;
    ids.insert(found[0].id);
  }
  EXPECT_GE(frames, 30);
  EXPECT_EQ(with_person, frames);
  EXPECT_EQ(ids.size(), 1u);
}

TEST_F(Pose, MaskCoversTheCutOutPerson) {
  PoseTrackerOptions options;
  options.with_mask = true;
  PoseTracker tracker(test::models_dir(), options, SessionOptions{Device::Cpu, 2});
  const cv::Mat image = read_photo(test::testdata("full_body/pifu_ryota.png"));
  const cv::Mat truth =
      cv::imread(test::testdata("full_body/pifu_ryota_mask.png").string(), cv::IMREAD_GRAYSCALE);
  const auto found = tracker.process(image, 0, false);
  ASSERT_EQ(found.size(), 1u);
  ASSERT_TRUE(found[0].mask.has_value());
  const cv::Mat ours = *found[0].mask > 0.5f, theirs = truth > 127;
  const double inter = cv::countNonZero(ours & theirs), uni = cv::countNonZero(ours | theirs);
  EXPECT_GE(inter / uni, 0.8);
}

}  // namespace
}  // namespace am
