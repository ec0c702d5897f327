// Face swapping on video with the real models: on a steady face the swapped face's landmarks
// jitter by at most 1 px RMS between frames; the swapped face, as the face mesh reads it, jitters
// no more than the target's own face, on a still and on the clip's moving performer; most faces
// of a crowd are swapped; and swap_face_file writes an image (and its --draw picture) for an image
// and a video with every frame for a video.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "app/swap_face_file.hpp"
#include "core/error.hpp"
#include "faceswap/face_swapper.hpp"
#include "perception/face/face_mesh.hpp"
#include "support/landmark_motion.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

using test::models_dir;

const std::string kClip = "video/face_recognition_hamilton_clip.mp4";

cv::Mat clip_frame(int index) {
  cv::VideoCapture video(test::testdata(kClip).string());
  cv::Mat frame;
  for (int i = 0; i <= index; ++i) video.read(frame);
  if (frame.empty())
    throw std::runtime_error("cannot read frame " + std::to_string(index) + " of " + kClip);
  return frame;
}

// The image with fresh Gaussian sensor-like noise (sigma 3).
cv::Mat with_noise(const cv::Mat& image, cv::RNG& rng) {
  cv::Mat noise(image.size(), CV_16SC3), frame;
  rng.fill(noise, cv::RNG::NORMAL, 0, 3);
  image.convertTo(frame, CV_16SC3);
  frame += noise;
  frame.convertTo(frame, CV_8UC3);
  return frame;
}

// One steady face: a frame of the clip shown for 2 seconds with fresh sensor-like noise each time.
double swapped_landmark_jitter(bool smooth, int* swapped_frames) {
  FaceSwapOptions options;
  options.smooth = smooth;
  FaceSwapper swapper(models_dir(), cv::imread(test::testdata("faces/fr_obama.jpg").string()),
                      options);
  const cv::Mat still = clip_frame(100);  // one face, about 80 x 110 px
  cv::RNG rng(17);
  std::vector<std::vector<cv::Point2f>> landmarks;
  for (int f = 0; f < 60; ++f) {
    const cv::Mat frame = with_noise(still, rng);
    SwapStats stats;
    swapper.swap(frame, &stats);
    if (stats.landmarks.size() == 1 && f >= 10) landmarks.push_back(stats.landmarks[0]);
  }
  *swapped_frames = static_cast<int>(landmarks.size());
  return test::rms_step(landmarks);
}

// The jitter figure: the face mesh reads the swapped face's landmarks frame after frame and
// those of the target itself (same fixed ROI, same noisy still); the swapped face moves no more
// than the target's own face does.
TEST(FaceSwapVideo, TheSwappedFaceJittersNoMoreThanTheTarget) {
  const FaceMesh mesh(models_dir() / kFaceMeshModelFile);
  FaceSwapper swapper(models_dir(), cv::imread(test::testdata("faces/fr_obama.jpg").string()));
  const cv::Mat still = clip_frame(100);
  cv::RNG rng(23);
  std::optional<FaceRoi> roi;
  std::vector<std::vector<cv::Point2f>> target, swapped;
  for (int f = 0; f < 40; ++f) {
    const cv::Mat frame = with_noise(still, rng);
    SwapStats stats;
    const cv::Mat out = swapper.swap(frame, &stats);
    ASSERT_EQ(stats.landmarks.size(), 1u) << "frame " << f;
    if (f < 10) continue;
    if (!roi) roi = roi_from_points(stats.landmarks[0]);
    target.push_back(mesh.locate(frame, *roi).points);
    swapped.push_back(mesh.locate(out, *roi).points);
  }
  const double target_jitter = test::rms_step(target), swapped_jitter = test::rms_step(swapped);
  std::cout << "mesh landmark jitter, px RMS between frames: target " << target_jitter
            << ", swapped " << swapped_jitter << "\n";
  EXPECT_LE(swapped_jitter, target_jitter);
}

// RMS over points and frame triples of each point's second difference: how unevenly it moves
// from frame to frame (a steady motion gives 0, noise and jumps do not).
double rms_jerk(const std::vector<std::vector<cv::Point2f>>& frames) {
  double sum = 0;
  int n = 0;
  for (std::size_t f = 2; f < frames.size(); ++f)
    for (std::size_t i = 0; i < frames[f].size(); ++i, ++n) {
      const cv::Point2f d = frames[f][i] - 2 * frames[f - 1][i] + frames[f - 2][i];
      sum += d.dot(d);
    }
  return n ? std::sqrt(sum / n) : 0;
}

struct ClipMotion {
  double target_motion = 0, swapped_motion = 0;  // px RMS between frames
  double target_jerk = 0, swapped_jerk = 0;      // px RMS second difference
  int frames = 0;
};

// The performer's face in frames 82-211 of the clip (one face, about 85 px wide, moving and
// turning, no cut): the face mesh reads the target's landmarks on each camera frame and the
// swapped face's on each swapped frame, both at the ROI of the landmarks the face was pasted at.
ClipMotion performer_motion(bool smooth) {
  const FaceMesh mesh(models_dir() / kFaceMeshModelFile);
  FaceSwapOptions options;
  options.smooth = smooth;
  FaceSwapper swapper(models_dir(), cv::imread(test::testdata("faces/fr_obama.jpg").string()),
                      options);
  cv::VideoCapture video(test::testdata(kClip).string());
  std::vector<std::vector<cv::Point2f>> target, swapped;
  cv::Mat frame;
  for (int i = 0; i <= 211 && video.read(frame); ++i) {
    if (i < 82) continue;
    SwapStats stats;
    const cv::Mat out = swapper.swap(frame, &stats);
    if (stats.landmarks.size() != 1) continue;
    const FaceRoi roi = roi_from_points(stats.landmarks[0]);
    target.push_back(mesh.locate(frame, roi).points);
    swapped.push_back(mesh.locate(out, roi).points);
  }
  return {test::rms_step(target), test::rms_step(swapped), rms_jerk(target), rms_jerk(swapped),
          static_cast<int>(target.size())};
}

// The jitter figure on real video: the swapped face moves no more unevenly from frame to
// frame than the target's own face (second differences; the first differences, which include the
// performer's own motion, are printed). Measured: jerk 3.9 px swapped against 5.0 px target; 5.05
// without the smoothing, more than the target's, so the bound can fail.
TEST(FaceSwapVideo, OnTheClipTheSwappedFaceJittersNoMoreThanTheTarget) {
  const ClipMotion smoothed = performer_motion(true), raw = performer_motion(false);
  for (const auto& [name, m] : {std::pair{"smoothed", smoothed}, std::pair{"unsmoothed", raw}})
    std::cout << "clip frames 82-211, " << name << ", " << m.frames
              << " frames: motion px RMS target " << m.target_motion << ", swapped "
              << m.swapped_motion << "; jerk target " << m.target_jerk << ", swapped "
              << m.swapped_jerk << "\n";
  EXPECT_GE(smoothed.frames, 125);
  EXPECT_LE(smoothed.swapped_jerk, smoothed.target_jerk);
  EXPECT_LT(smoothed.swapped_jerk, raw.swapped_jerk) << "the smoothing along the track helps";
}

TEST(FaceSwapVideo, ASteadyFaceJittersByAtMostOnePixel) {
  int frames = 0;
  const double raw = swapped_landmark_jitter(false, &frames);
  const double smoothed = swapped_landmark_jitter(true, &frames);
  std::cout << "landmark jitter, px RMS between frames: raw " << raw << ", smoothed " << smoothed
            << "\n";
  EXPECT_EQ(frames, 50);
  EXPECT_LE(smoothed, 1.0);
  EXPECT_LT(smoothed, raw);
}

// The clip's audience shot (frames 212-271): fr_detect finds 4 dim, turned faces side by side in
// every frame. Each face is its own track (a neighbour's margin does not hide it), tall boxes that
// reach down the neck still give a mesh, and a lost face is looked for again on the next frame:
// 2.4 faces per frame are swapped (0.7 before those three changes).
TEST(FaceSwapVideo, MostFacesInACrowdAreSwapped) {
  FaceSwapper swapper(models_dir(), cv::imread(test::testdata("faces/fr_obama.jpg").string()));
  cv::VideoCapture video(test::testdata(kClip).string());
  cv::Mat frame;
  int swapped = 0, frames = 0;
  for (int i = 0; i <= 271 && video.read(frame); ++i) {
    if (i < 200) continue;
    SwapStats stats;
    swapper.swap(frame, &stats);
    if (i >= 212) swapped += static_cast<int>(stats.faces.size()), ++frames;
  }
  ASSERT_EQ(frames, 60);
  const double mean = static_cast<double>(swapped) / frames;
  std::cout << "audience shot: " << mean << " of 4 faces swapped per frame\n";
  EXPECT_GE(mean, 2.0);
}

TEST(FaceSwapVideo, SwapFaceFileWritesAnImageForAnImage) {
  const auto dir = test::scratch_dir("swap_image");
  const auto report = swap_face_file(
      models_dir(), FaceMap{.others = test::testdata("faces/fr_biden.jpg")},
      test::testdata("faces/fr_two_people.jpg"), dir / "out.png", {}, {}, dir / "draw.png");
  EXPECT_EQ(report.frames, 1);
  EXPECT_EQ(report.faces, 2);
  const cv::Mat out = cv::imread((dir / "out.png").string());
  EXPECT_EQ(out.size(), cv::imread(test::testdata("faces/fr_two_people.jpg").string()).size());
  // --draw: before | after, cut to the two faces.
  const cv::Mat drawn = cv::imread((dir / "draw.png").string());
  ASSERT_FALSE(drawn.empty());
  EXPECT_LT(drawn.cols, 2 * out.cols);
  EXPECT_EQ(drawn.cols % 2, 0);
}

TEST(FaceSwapVideo, SwapFaceFileWritesEveryFrameOfAVideo) {
  const auto dir = test::scratch_dir("swap_video");
  {
    cv::VideoWriter clip((dir / "in.avi").string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25,
                         clip_frame(0).size());
    cv::VideoCapture video(test::testdata(kClip).string());
    cv::Mat frame;
    for (int i = 0; i < 20 && video.read(frame); ++i) clip.write(frame);
  }
  const auto report =
      swap_face_file(models_dir(), FaceMap{.others = test::testdata("faces/fr_biden.jpg")},
                     dir / "in.avi", dir / "out.mp4");
  EXPECT_EQ(report.frames, 20);
  EXPECT_GE(report.faces, 20);
  cv::VideoCapture out((dir / "out.mp4").string());
  ASSERT_TRUE(out.isOpened());
  EXPECT_EQ(static_cast<int>(out.get(cv::CAP_PROP_FRAME_COUNT)), 20);
}

TEST(FaceSwapVideo, AnUnreadableSourcePhotoIsNamed) {
  const auto dir = test::scratch_dir("swap_missing");
  try {
    swap_face_file(models_dir(), FaceMap{.others = dir / "nobody.jpg"},
                   test::testdata("faces/fr_biden.jpg"), dir / "out.png");
    FAIL() << "no error for a missing source photo";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("nobody.jpg"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace am
