// The mirror view's face swap with the real models (pose, face boxes, face mesh, embeddings) on
// the test photos. Face map: on fr_two_people the body pose finds both people, each face goes to
// the person whose nose and eyes are in it, and each wears the photo the map gives that person's
// tracked id (swapping the ids swaps the faces). Occlusion: the test data has no hand over a face,
// so one is made: the best-seen hand of full_body/sith_010.png (her open left hand, found by the
// body pose) is scaled and moved onto fr_obama's cheek and mouth corner with its pose landmarks,
// and the person's pixels (the pose's person mask) that the moved hand's occluder covers are
// pasted there; the hand stays exactly as it is while the rest of the face is swapped, and without
// the pose the source is pasted over it.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "faceswap/pose_face_parts.hpp"
#include "perception/common/nms.hpp"
#include "perception/face/face_detector.hpp"
#include "perception/face/face_embedder.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "pipeline/view_face_swap.hpp"
#include "support/faces.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

using test::load_face_photo;
using test::models_dir;

const SessionOptions kCpu{Device::Cpu, 2};

std::vector<PoseObservation> poses_in(const cv::Mat& image) {
  PoseTrackerOptions options;
  options.with_mask = true;
  PoseTracker tracker(models_dir(), options, kCpu);
  auto persons = tracker.process(image, 0, false);
  std::sort(persons.begin(), persons.end(),
            [](const auto& a, const auto& b) { return a.box.x < b.box.x; });
  return persons;
}

std::vector<PoseLandmarks> landmarks_of(const std::vector<PoseObservation>& persons) {
  std::vector<PoseLandmarks> out;
  for (const PoseObservation& p : persons) out.push_back(p.landmarks);
  return out;
}

class ViewFaceSwapTest : public test::FaceModelsTest {
 protected:
  static FaceEmbedding photo_embedding(const std::string& name) {
    return test::largest_face_embedding(*detector_, *embedder_, load_face_photo(name));
  }
};

// fr_two_people (obama left, biden right) with the people tracked as 21 and 34, then (next frame)
// with the ids the other way round: each face looks more like its person's photo than the other.
TEST_F(ViewFaceSwapTest, EachTrackedPersonWearsThePhotoTheFaceMapGivesTheirId) {
  const cv::Mat group = load_face_photo("fr_two_people.jpg");
  const auto persons = poses_in(group);
  ASSERT_EQ(persons.size(), 2u) << "the pose finds both people";
  const auto poses = landmarks_of(persons);
  const auto faces = test::faces_left_to_right(*detector_, group);
  ASSERT_EQ(faces.size(), 2u);
  const FaceEmbedding obama = photo_embedding("fr_obama.jpg"),
                      biden = photo_embedding("fr_biden.jpg");
  ViewFaceSwap view(models_dir(),
                    parse_face_map("21=" + test::testdata("faces/fr_biden.jpg").string() +
                                   ",34=" + test::testdata("faces/fr_obama.jpg").string()),
                    {});
  for (const std::vector<int>& ids : {std::vector<int>{21, 34}, std::vector<int>{34, 21}}) {
    SwapStats stats;
    const cv::Mat swapped = view.swap(group, ids[0] == 21 ? 0.0 : 0.04, poses, ids, &stats);
    ASSERT_EQ(stats.faces.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
      const FaceEmbedding face = embedding_at(swapped, faces[i].box);
      ASSERT_FALSE(face.empty());
      const float to_biden = cosine_similarity(face, biden),
                  to_obama = cosine_similarity(face, obama);
      std::cout << "person " << ids[i] << " (face " << i << "): cos to biden " << to_biden
                << ", to obama " << to_obama << "\n";
      if (ids[i] == 21)
        EXPECT_GT(to_biden, to_obama) << "person 21 wears biden's photo";
      else
        EXPECT_GT(to_obama, to_biden) << "person 34 wears obama's photo";
    }
  }
}

// A hand in a photo, with its pose: the photo, the person's pixels (the pose's person mask) and
// the pose with only that hand's landmarks.
struct Hand {
  cv::Mat image;
  cv::Mat person;  // CV_8U, photo-sized
  PoseLandmarks pose{};
  cv::Rect2f bounds;  // of the hand's landmarks
};

// The better-seen hand of the one person in the photo.
Hand hand_in(const cv::Mat& photo) {
  const auto persons = poses_in(photo);
  if (persons.size() != 1 || !persons[0].mask) throw std::runtime_error("no single person");
  Hand best{photo, *persons[0].mask > 0.5f, {}, {}};
  float best_visibility = 0;
  for (int s = 0; s < 2; ++s) {
    PoseLandmarks hand{};
    float visibility = 1;
    std::vector<cv::Point2f> points;
    for (Landmark l : {lm::kLeftWrist, lm::kLeftPinky, lm::kLeftIndex, lm::kLeftThumb}) {
      hand[side(l, s)] = persons[0].landmarks[side(l, s)];
      visibility = std::min(visibility, hand[side(l, s)].visibility);
      points.emplace_back(hand[side(l, s)].x, hand[side(l, s)].y);
    }
    if (visibility <= best_visibility) continue;
    best_visibility = visibility;
    best.pose = hand;
    best.bounds = cv::boundingRect(points);
  }
  if (best_visibility < 0.5f) throw std::runtime_error("no well-seen hand");
  return best;
}

// The hand scaled by `scale` and moved so its landmarks' centre lands on `at`, pasted into the
// image: the person's pixels that the moved pose's hand occluder covers. Gives the moved pose and
// the pasted pixels (CV_8U).
std::pair<PoseLandmarks, cv::Mat> paste_hand(const Hand& hand, cv::Mat& image, float scale,
                                             cv::Point2f at) {
  const cv::Point2f centre(hand.bounds.x + hand.bounds.width / 2,
                           hand.bounds.y + hand.bounds.height / 2);
  const cv::Point2f shift = at - scale * centre;
  const cv::Mat move = (cv::Mat_<double>(2, 3) << scale, 0, shift.x, 0, scale, shift.y);
  PoseLandmarks pose = hand.pose;
  for (PoseLandmark& l : pose) l.x = scale * l.x + shift.x, l.y = scale * l.y + shift.y;
  cv::Mat moved_image, moved_person;
  cv::warpAffine(hand.image, moved_image, move, image.size(), cv::INTER_LINEAR);
  cv::warpAffine(hand.person, moved_person, move, image.size(), cv::INTER_NEAREST);
  const cv::Mat cut =
      moved_person & hand_occluder_mask(std::vector<PoseLandmarks>{pose}, image.size());
  moved_image.copyTo(image, cut);
  return {pose, cut};
}

// Fraction of the marked pixels that differ between a and b.
double changed_fraction(const cv::Mat& a, const cv::Mat& b, const cv::Mat& marked) {
  cv::Mat changed;
  cv::compare(a, b, changed, cv::CMP_NE);
  cv::cvtColor(changed, changed, cv::COLOR_BGR2GRAY);
  return static_cast<double>(cv::countNonZero(changed & marked)) /
         std::max(cv::countNonZero(marked), 1);
}

TEST_F(ViewFaceSwapTest, AHandInFrontOfTheFaceIsNotPastedOver) {
  const Hand hand = hand_in(cv::imread(test::testdata("full_body/sith_010.png").string()));
  cv::Mat target = load_face_photo("fr_obama.jpg");
  const cv::Rect2f face = test::faces_left_to_right(*detector_, target).at(0).box;
  const float hand_size = std::max(hand.bounds.width, hand.bounds.height);
  const auto [pose, pasted] =
      paste_hand(hand, target, 0.4f * face.width / hand_size,
                 {face.x + 0.25f * face.width, face.y + 0.8f * face.height});
  const std::vector<PoseLandmarks> poses{pose};
  const std::vector<int> ids{5};
  const FaceMap map = parse_face_map("*=" + test::testdata("faces/fr_biden.jpg").string());
  SwapStats stats;
  const cv::Mat kept = ViewFaceSwap(models_dir(), map, {}).swap(target, 0, poses, ids, &stats);
  ASSERT_EQ(stats.faces.size(), 1u) << "the face is still found with the hand on it";
  const cv::Rect region = stats.faces[0].region;
  cv::Mat on_face = cv::Mat::zeros(target.size(), CV_8U);
  stats.faces[0].mask.copyTo(on_face(region));
  const cv::Mat hand_on_face = pasted & on_face;
  ASSERT_GT(cv::countNonZero(hand_on_face), cv::countNonZero(on_face) / 20)
      << "the hand covers a good part of the face";
  const double hand_changed = changed_fraction(kept, target, hand_on_face);
  const double face_changed = changed_fraction(kept, target, on_face & ~pasted);
  const cv::Mat unmarked = ViewFaceSwap(models_dir(), map, {}).swap(target, 0, {}, {}, &stats);
  const double hand_pasted_over = changed_fraction(unmarked, target, hand_on_face);
  std::cout << "hand over the face: " << cv::countNonZero(hand_on_face) << " px; changed with the "
            << "pose's hands marked " << hand_changed << ", without " << hand_pasted_over
            << "; the rest of the face changed " << face_changed << "\n";
  EXPECT_EQ(hand_changed, 0) << "the hand was pasted over";
  EXPECT_GT(face_changed, 0.5) << "the rest of the face was not swapped";
  EXPECT_GT(hand_pasted_over, 0.5) << "without the pose the hand is pasted over";
}

}  // namespace
}  // namespace am
