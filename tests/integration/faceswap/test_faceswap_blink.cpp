// Blinks: the turning clip's woman closes her eyes in its last frames (755, 756: the face mesh
// reads an opening of 0.15 - 0.17 against her usual 0.25 - 0.28). Swapped with fr_biden, the
// swapped face's eyes, read by the face mesh at the landmarks pasted at, close with hers
// (keep_closed_eyes: her closed eye is kept) instead of showing the source's open eye squeezed
// into a slit. Where nobody blinks (that clip's frames 700-753 and its first turn, 0-259, where
// the far eye's opening means nothing; the hamilton clip's performer) keeping closed eyes changes
// no pixel.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include "faceswap/expression_metric.hpp"
#include "faceswap/face_swapper.hpp"
#include "perception/face/face_mesh.hpp"
#include "perception/face/face_mesh_roi.hpp"
#include "support/faces.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

using test::models_dir;

struct BlinkRun {
  std::vector<int> changed_frames;                 // where keeping closed eyes changed the output
  std::vector<Expression> target, kept, not_kept;  // per frame of `read_from`, face 0
};

// Frames [first, last] of a clip swapped with fr_biden with and without keep_closed_eyes (the
// video played from its start); the eyes read from `read_from` on.
BlinkRun swap_with_and_without(const std::string& clip, int first, int last, int read_from) {
  const cv::Mat source = test::load_face_photo("fr_biden.jpg");
  FaceSwapOptions without;
  without.keep_closed_eyes = false;
  FaceSwapper kept(models_dir(), source), not_kept(models_dir(), source, without);
  const FaceMesh reader(models_dir() / kFaceMeshModelFile);
  cv::VideoCapture video(test::testdata(clip).string());
  if (!video.isOpened()) throw std::runtime_error("cannot open " + clip);
  BlinkRun run;
  cv::Mat frame;
  for (int f = 0; f <= last && video.read(frame); ++f) {
    if (f < first) continue;
    SwapStats stats;
    const cv::Mat a = kept.swap_at(frame, f / 25.0, &stats);
    const cv::Mat b = not_kept.swap_at(frame, f / 25.0);
    if (cv::norm(a, b, cv::NORM_INF) > 0) run.changed_frames.push_back(f);
    if (f < read_from || stats.landmarks.empty()) continue;
    const FaceRoi roi = roi_from_points(stats.landmarks[0]);
    run.target.push_back(expression_of(reader.locate(frame, roi).points));
    run.kept.push_back(expression_of(reader.locate(a, roi).points));
    run.not_kept.push_back(expression_of(reader.locate(b, roi).points));
  }
  return run;
}

double eye_error(const Expression& swapped, const Expression& target) {
  return std::max(opening_error(swapped.left_eye, target.left_eye),
                  opening_error(swapped.right_eye, target.right_eye));
}

TEST(FaceSwapBlink, ClosedEyesOnCameraCloseTheSwappedEyes) {
  const BlinkRun run =
      swap_with_and_without("video/peoplesnapshot_female-1-casual.mp4", 700, 756, 755);
  ASSERT_EQ(run.target.size(), 2u) << "frames 755 and 756 swapped";
  for (std::size_t i = 0; i < run.target.size(); ++i) {
    std::cout << "frame " << 755 + i << ": target eyes " << run.target[i].left_eye << " / "
              << run.target[i].right_eye << ", swapped " << run.kept[i].left_eye << " / "
              << run.kept[i].right_eye << " (closed eyes not kept: " << run.not_kept[i].left_eye
              << " / " << run.not_kept[i].right_eye << ")\n";
    EXPECT_LE(eye_error(run.kept[i], run.target[i]), 0.1);
    EXPECT_GT(eye_error(run.not_kept[i], run.target[i]), 0.15);
  }
  for (const int f : run.changed_frames) EXPECT_GE(f, 754) << "a blink seen at frame " << f;
}

TEST(FaceSwapBlink, WhereNobodyBlinksNothingChanges) {
  const BlinkRun performer =
      swap_with_and_without("video/face_recognition_hamilton_clip.mp4", 82, 210, 211);
  EXPECT_TRUE(performer.changed_frames.empty())
      << performer.changed_frames.size() << " frames, the first " << performer.changed_frames[0];
  const BlinkRun turn =
      swap_with_and_without("video/peoplesnapshot_female-1-casual.mp4", 0, 259, 260);
  EXPECT_TRUE(turn.changed_frames.empty())
      << turn.changed_frames.size() << " frames, the first " << turn.changed_frames[0];
}

}  // namespace
}  // namespace am
