// The mirror view's face map: each face takes the photo the map gives the tracked person whose
// pose's nose and eyes lie in the face's box; faces of untracked people and faces nobody owns take
// the photo for everyone else. view_face_swap_from(): off without face_swap.enabled, an error
// naming both keys when it is on without a photo.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/config.hpp"
#include "core/error.hpp"
#include "pipeline/view_face_swap.hpp"

namespace am {
namespace {

// A person facing the camera with the nose at (x, y).
PoseLandmarks face_at(float x, float y) {
  PoseLandmarks pose{};
  pose[lm::kNose] = {x, y, 0, 0.9f, 1};
  pose[lm::kLeftEye] = {x + 10, y - 10, 0, 0.9f, 1};
  pose[lm::kRightEye] = {x - 10, y - 10, 0, 0.9f, 1};
  return pose;
}

Config default_config() {
  ConfigSources sources;
  sources.implicit_file = "/nonexistent/config.json";
  return load_config(sources);
}

TEST(ViewFaceMap, EachFaceTakesThePhotoOfThePersonItBelongsTo) {
  // Sources: 0 carol (everyone else), 1 alice (person 7), 2 bob (person 3).
  const FaceMap map = parse_face_map("7=alice.jpg,3=bob.jpg,*=carol.jpg");
  const auto photos = map.photos();
  const std::vector<PoseLandmarks> poses{face_at(100, 100), face_at(300, 100), face_at(500, 100)};
  const std::vector<int> ids{3, 7, 0};
  const SourceChoice choose = choice_by_person(map.choose(), poses, ids);
  const auto photo_on = [&](cv::Rect2f box) { return photos.at(choose({0, box}).value()); };
  EXPECT_EQ(photo_on({270, 70, 60, 70}), "alice.jpg");
  EXPECT_EQ(photo_on({70, 70, 60, 70}), "bob.jpg");
  EXPECT_EQ(photo_on({470, 70, 60, 70}), "carol.jpg") << "person not tracked yet";
  EXPECT_EQ(photo_on({670, 70, 60, 70}), "carol.jpg") << "a face without a pose";
}

TEST(ViewFaceMap, WithoutAPhotoForEveryoneElseOnlyMappedPeopleAreSwapped) {
  const FaceMap map = parse_face_map("7=alice.jpg");
  const std::vector<PoseLandmarks> poses{face_at(100, 100), face_at(300, 100)};
  const std::vector<int> ids{3, 7};
  const SourceChoice choose = choice_by_person(map.choose(), poses, ids);
  EXPECT_EQ(choose({0, {270, 70, 60, 70}}), std::optional<std::size_t>(0));
  EXPECT_FALSE(choose({0, {70, 70, 60, 70}}).has_value());
  EXPECT_FALSE(choose({7, {670, 70, 60, 70}}).has_value())
      << "the swapper's own face id is not a person id";
}

TEST(ViewFaceMap, OffWithoutFaceSwapAndAnErrorWithoutAPhoto) {
  Config cfg = default_config();
  EXPECT_EQ(view_face_swap_from(cfg, "/nonexistent/models"), nullptr);
  cfg.set("face_swap.enabled", true, "command line");
  try {
    view_face_swap_from(cfg, "/nonexistent/models");
    FAIL() << "no error without a photo";
  } catch (const SourceError& e) {
    EXPECT_NE(std::string(e.what()).find("face_swap.face_map"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("face_swap.source_image"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace am
