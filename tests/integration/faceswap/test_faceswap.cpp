// Face swapping with the real models on the test photos: the swapped face takes the source's
// identity (fr_feature embedding closer to the source than to the original target) for every
// pair of different people, leaves no visible seam, a source without a face stops with an error
// naming the file, and a source with several faces uses the largest and says so.
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/error.hpp"
#include "faceswap/face_swapper.hpp"
#include "faceswap/seam_metric.hpp"
#include "perception/common/nms.hpp"
#include "perception/face/face_detector.hpp"
#include "perception/face/face_embedder.hpp"
#include "support/faces.hpp"
#include "support/models_dir.hpp"
#include "support/testdata.hpp"

namespace am {
namespace {

using test::models_dir;

using test::load_face_photo;

// Who is in each photo, faces left to right (PROVENANCE.md).
struct Photo {
  std::string file;
  std::vector<std::string> people;
};

const std::vector<Photo>& photos() {
  static const std::vector<Photo> all{{"fr_obama.jpg", {"obama"}},
                                      {"fr_obama3.jpg", {"obama"}},
                                      {"fr_biden.jpg", {"biden"}},
                                      {"fr_two_people.jpg", {"obama", "biden"}},
                                      {"300w_indoor_020.png", {"300w woman"}}};
  return all;
}

class FaceSwap : public test::FaceModelsTest {
 protected:
  static FaceEmbedding largest_face_embedding(const cv::Mat& image) {
    return test::largest_face_embedding(*detector_, *embedder_, image);
  }
};

TEST_F(FaceSwap, SwappedFacesTakeTheSourceIdentityWithoutVisibleSeams) {
  int pairs = 0;
  for (const Photo& source : photos()) {
    if (source.people.size() != 1) continue;
    const cv::Mat source_image = load_face_photo(source.file);
    const FaceEmbedding source_embedding = largest_face_embedding(source_image);
    FaceSwapper swapper(models_dir(), source_image, {}, source.file);
    for (const Photo& target : photos()) {
      const cv::Mat target_image = load_face_photo(target.file);
      const auto target_faces = faces_left_to_right(target_image);
      ASSERT_EQ(target_faces.size(), target.people.size()) << target.file;
      swapper.reset();
      SwapStats stats;
      const cv::Mat swapped = swapper.swap(target_image, &stats);
      ASSERT_EQ(stats.faces.size(), target_faces.size()) << source.file << " -> " << target.file;
      for (const PastedFace& pasted : stats.faces) {
        const SeamMeasure seam = measure_seam(swapped(pasted.region), pasted.mask);
        EXPECT_LE(seam.ratio, 1.5) << source.file << " -> " << target.file;
        std::cout << source.file << " -> " << target.file << ": seam ratio " << seam.ratio << "\n";
      }
      for (std::size_t i = 0; i < target_faces.size(); ++i) {
        if (target.people[i] == source.people[0]) continue;
        const FaceEmbedding original = embedder_->embed(target_image, target_faces[i].keypoints);
        const FaceEmbedding result = embedding_at(swapped, target_faces[i].box);
        ASSERT_FALSE(result.empty())
            << "no face left after swapping " << source.file << " -> " << target.file;
        const float to_source = cosine_similarity(result, source_embedding);
        const float to_target = cosine_similarity(result, original);
        EXPECT_GT(to_source, to_target) << source.file << " -> " << target.file << " face " << i;
        std::cout << source.file << " -> " << target.file << " face " << i << ": cos to source "
                  << to_source << ", to target " << to_target << "\n";
        ++pairs;
      }
    }
  }
  EXPECT_EQ(pairs, 15);
}

// Poisson blending on the hardest pairs for the seam: a colour face and the smooth black-and-white
// 300w face onto wrinkled biden.
TEST_F(FaceSwap, SeamlessBlendingAlsoLeavesNoSeam) {
  FaceSwapOptions options;
  options.paste.blend = BlendMode::Seamless;
  for (const std::string source : {"fr_obama.jpg", "300w_indoor_020.png"}) {
    FaceSwapper swapper(models_dir(), load_face_photo(source), options, source);
    SwapStats stats;
    const cv::Mat swapped = swapper.swap(load_face_photo("fr_biden.jpg"), &stats);
    ASSERT_EQ(stats.faces.size(), 1u);
    const double ratio = measure_seam(swapped(stats.faces[0].region), stats.faces[0].mask).ratio;
    EXPECT_LE(ratio, 1.5) << source;
    std::cout << source << " -> fr_biden.jpg, seamless: seam ratio " << ratio << "\n";
  }
}

// By default the target's open mouth (teeth) shows through unchanged, with keep_eyes its eyes too;
// with keep_mouth off the whole face is the source's.
TEST_F(FaceSwap, TheTargetsOpenMouthShowsThroughByDefaultAndItsEyesWhenAsked) {
  const cv::Mat target = load_face_photo("fr_obama.jpg");  // smiling, teeth showing
  FaceSwapOptions replace, with_eyes;
  replace.paste.keep_mouth = false;
  with_eyes.paste.keep_eyes = true;
  SwapStats kept_stats, replaced_stats, eyes_stats;
  const cv::Mat kept =
      FaceSwapper(models_dir(), load_face_photo("fr_biden.jpg")).swap(target, &kept_stats);
  FaceSwapper(models_dir(), load_face_photo("fr_biden.jpg"), replace).swap(target, &replaced_stats);
  FaceSwapper(models_dir(), load_face_photo("fr_biden.jpg"), with_eyes).swap(target, &eyes_stats);
  ASSERT_EQ(kept_stats.faces.size(), 1u);
  ASSERT_EQ(replaced_stats.faces.size(), 1u);
  ASSERT_EQ(eyes_stats.faces.size(), 1u);
  EXPECT_GT(cv::countNonZero(eyes_stats.faces[0].kept), cv::countNonZero(kept_stats.faces[0].kept))
      << "no eyes kept";
  const PastedFace& face = kept_stats.faces[0];
  EXPECT_GT(cv::countNonZero(face.kept), 0.01 * cv::countNonZero(face.mask)) << "nothing kept";
  EXPECT_EQ(cv::countNonZero(replaced_stats.faces[0].kept), 0);
  cv::Mat changed;
  cv::compare(kept(face.region), target(face.region), changed, cv::CMP_NE);
  cv::cvtColor(changed, changed, cv::COLOR_BGR2GRAY);
  EXPECT_EQ(cv::countNonZero(changed & face.kept), 0) << "the kept mouth was changed";
  EXPECT_GT(cv::countNonZero(changed & face.mask), cv::countNonZero(face.mask) / 2);
}

// Faces cut by the image border (a visitor at the edge of the camera's view): the part inside
// is swapped, nothing outside the image is touched, and the image keeps its size.
TEST_F(FaceSwap, FacesCutByTheImageBorderAreSwappedInside) {
  const cv::Mat photo = load_face_photo("fr_obama.jpg");
  const auto face = faces_left_to_right(photo).at(0).box;
  FaceSwapper swapper(models_dir(), load_face_photo("fr_biden.jpg"), {}, "fr_biden.jpg");
  for (const float cut : {0.25f, 0.4f}) {
    const int left = static_cast<int>(face.x + cut * face.width);
    const int top = static_cast<int>(face.y + cut * face.height);
    for (const cv::Rect crop : {cv::Rect(left, 0, photo.cols - left, photo.rows),
                                cv::Rect(0, top, photo.cols, photo.rows - top)}) {
      const cv::Mat target = photo(crop).clone();
      swapper.reset();
      SwapStats stats;
      const cv::Mat swapped = swapper.swap(target, &stats);
      ASSERT_EQ(swapped.size(), target.size());
      EXPECT_EQ(stats.faces.size(), 1u) << "cut at " << cut;
      for (const PastedFace& pasted : stats.faces) {
        EXPECT_EQ(pasted.region & cv::Rect({0, 0}, target.size()), pasted.region);
        EXPECT_EQ(pasted.mask.size(), pasted.region.size());
      }
      std::cout << "face cut at " << cut << " of its " << (crop.x > 0 ? "width" : "height") << ": "
                << stats.faces.size() << " face(s) swapped\n";
    }
  }
}

TEST_F(FaceSwap, ASourceWithoutAFaceStopsWithAnErrorNamingIt) {
  cv::Mat wall(480, 640, CV_8UC3, cv::Scalar(90, 120, 150));
  cv::randn(wall, cv::Scalar(90, 120, 150), cv::Scalar::all(8));
  try {
    FaceSwapper(models_dir(), wall, {}, "wall.png");
    FAIL() << "no error for a source without a face";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("no face found in wall.png"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST_F(FaceSwap, ASourceWithSeveralFacesUsesTheLargestAndSaysSo) {
  std::ostringstream log;
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(log)));
  const cv::Mat group = load_face_photo("fr_two_people.jpg");
  FaceSwapper swapper(models_dir(), group, {}, "fr_two_people.jpg");
  spdlog::set_default_logger(previous);
  EXPECT_NE(log.str().find("2 faces found in fr_two_people.jpg, using the largest"),
            std::string::npos)
      << log.str();

  // The swap onto a third person carries the identity of the larger face.
  const auto faces = faces_left_to_right(group);
  ASSERT_EQ(faces.size(), 2u);
  const auto& larger = faces[0].box.area() > faces[1].box.area() ? faces[0] : faces[1];
  const auto& smaller = faces[0].box.area() > faces[1].box.area() ? faces[1] : faces[0];
  const cv::Mat target = load_face_photo("300w_indoor_020.png");
  const auto target_face = faces_left_to_right(target).at(0);
  const FaceEmbedding result = embedding_at(swapper.swap(target), target_face.box);
  ASSERT_FALSE(result.empty());
  EXPECT_GT(cosine_similarity(result, embedder_->embed(group, larger.keypoints)),
            cosine_similarity(result, embedder_->embed(group, smaller.keypoints)));
}

// Several faces, a source each (face map): on the two-people photo (obama left, biden right) the
// left face gets biden's photo and the right one obama's, so each swapped face is closer to its
// own source than to the other; a face the map does not name is left alone.
TEST_F(FaceSwap, EachFaceTakesTheSourceTheFaceMapGivesIt) {
  const cv::Mat group = load_face_photo("fr_two_people.jpg");
  const auto faces = faces_left_to_right(group);
  ASSERT_EQ(faces.size(), 2u);
  const FaceEmbedding obama = largest_face_embedding(load_face_photo("fr_obama.jpg"));
  const FaceEmbedding biden = largest_face_embedding(load_face_photo("fr_biden.jpg"));
  FaceSwapper swapper(models_dir());
  const std::size_t from_biden = swapper.add_source(load_face_photo("fr_biden.jpg"), "biden");
  const std::size_t from_obama = swapper.add_source(load_face_photo("fr_obama.jpg"), "obama");
  SwapStats stats;
  const cv::Mat swapped = swapper.swap(group, &stats, [&](const TargetFace& face) {
    return std::optional(face.id == 0 ? from_biden : from_obama);
  });
  ASSERT_EQ(stats.faces.size(), 2u);
  EXPECT_EQ(stats.targets[0].id, 0);
  EXPECT_LT(stats.targets[0].box.x, stats.targets[1].box.x) << "face ids run left to right";
  const FaceEmbedding left = embedding_at(swapped, faces[0].box);
  const FaceEmbedding right = embedding_at(swapped, faces[1].box);
  ASSERT_FALSE(left.empty());
  ASSERT_FALSE(right.empty());
  std::cout << "face map on fr_two_people: left cos to biden " << cosine_similarity(left, biden)
            << ", to obama " << cosine_similarity(left, obama) << "; right cos to obama "
            << cosine_similarity(right, obama) << ", to biden " << cosine_similarity(right, biden)
            << "\n";
  EXPECT_GT(cosine_similarity(left, biden), cosine_similarity(left, obama));
  EXPECT_GT(cosine_similarity(right, obama), cosine_similarity(right, biden));

  swapper.reset();
  const cv::Mat only_left = swapper.swap(group, &stats, [&](const TargetFace& face) {
    return face.id == 0 ? std::optional(from_obama) : std::nullopt;
  });
  ASSERT_EQ(stats.faces.size(), 1u);
  const cv::Rect right_box = cv::Rect(faces[1].box) & cv::Rect({0, 0}, group.size());
  EXPECT_EQ(cv::norm(only_left(right_box), group(right_box), cv::NORM_INF), 0)
      << "the unmapped face was changed";
}

// Something in front of the face (here a patch of another photo's background over obama's cheek
// and mouth corner, as a hand would be): marked as occluded it is left exactly as it is while the
// rest of the face is swapped; not marked, the source is pasted over it.
TEST_F(FaceSwap, WhatIsMarkedAsInFrontOfTheFaceIsNotPastedOver) {
  cv::Mat target = load_face_photo("fr_obama.jpg");
  const cv::Rect2f face = faces_left_to_right(target).at(0).box;
  const cv::Rect object(static_cast<int>(face.x + 0.1f * face.width),
                        static_cast<int>(face.y + 0.55f * face.height),
                        static_cast<int>(0.35f * face.width), static_cast<int>(0.3f * face.height));
  load_face_photo("fr_two_people.jpg")(cv::Rect({20, 20}, object.size())).copyTo(target(object));
  cv::Mat occluded = cv::Mat::zeros(target.size(), CV_8U);
  occluded(object).setTo(255);
  FaceSwapper swapper(models_dir(), load_face_photo("fr_biden.jpg"), {}, "fr_biden.jpg");
  SwapStats stats;
  const cv::Mat kept = swapper.swap_at(target, 0, &stats, {}, occluded);
  ASSERT_EQ(stats.faces.size(), 1u);
  EXPECT_EQ(cv::norm(kept(object), target(object), cv::NORM_INF), 0) << "pasted over the object";
  const cv::Rect region = stats.faces[0].region;
  cv::Mat changed;
  cv::compare(kept(region), target(region), changed, cv::CMP_NE);
  cv::cvtColor(changed, changed, cv::COLOR_BGR2GRAY);
  EXPECT_GT(cv::countNonZero(changed & stats.faces[0].mask),
            cv::countNonZero(stats.faces[0].mask) / 2)
      << "the rest of the face was not swapped";
  swapper.reset();
  const cv::Mat unmarked = swapper.swap(target);
  EXPECT_GT(cv::norm(unmarked(object), target(object), cv::NORM_INF), 0);
}

}  // namespace
}  // namespace am
