// FaceMap: the ID=PHOTO,...,*=PHOTO text of face_swap.face_map / swap-face --face-map, the photos
// it needs (each once) and the source it picks per face id.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "core/config.hpp"
#include "core/error.hpp"
#include "faceswap/face_map.hpp"

namespace am {
namespace {

std::optional<std::size_t> pick(const FaceMap& map, int id) { return map.choose()({id, {}}); }

TEST(FaceMap, ParsesFacesAndTheRest) {
  const FaceMap map = parse_face_map(" 0=alice.jpg, 2 = bob.jpg ,*=carol.jpg");
  ASSERT_EQ(map.by_face.size(), 2u);
  EXPECT_EQ(map.by_face.at(0), "alice.jpg");
  EXPECT_EQ(map.by_face.at(2), "bob.jpg");
  EXPECT_EQ(map.others, "carol.jpg");
  ASSERT_EQ(map.photos().size(), 3u);
  EXPECT_EQ(map.photos()[0], "carol.jpg");
}

TEST(FaceMap, EachFaceGetsItsPhotoAndTheOthersTheRest) {
  const FaceMap map = parse_face_map("0=alice.jpg,2=bob.jpg,3=alice.jpg,*=carol.jpg");
  const auto photos = map.photos();
  ASSERT_EQ(photos.size(), 3u) << "alice.jpg is loaded once";
  EXPECT_EQ(photos.at(*pick(map, 0)), "alice.jpg");
  EXPECT_EQ(photos.at(*pick(map, 3)), "alice.jpg");
  EXPECT_EQ(photos.at(*pick(map, 2)), "bob.jpg");
  EXPECT_EQ(photos.at(*pick(map, 1)), "carol.jpg");
  EXPECT_EQ(photos.at(*pick(map, 99)), "carol.jpg");
}

TEST(FaceMap, PhotoForGivesAFacesOwnPhotoElseThePhotoForTheRest) {
  const FaceMap map = parse_face_map("1=bob.jpg,*=carol.jpg");
  EXPECT_EQ(map.photo_for(1), "bob.jpg");
  EXPECT_EQ(map.photo_for(2), "carol.jpg");
  EXPECT_EQ(map.photo_for(kUnlistedFace), "carol.jpg");
  EXPECT_TRUE(parse_face_map("1=bob.jpg").photo_for(2).empty());
}

TEST(FaceMap, WithoutAStarUnlistedFacesAreLeftAlone) {
  const FaceMap map = parse_face_map("1=bob.jpg");
  EXPECT_FALSE(pick(map, 0).has_value());
  EXPECT_EQ(pick(map, 1), std::optional<std::size_t>(0));
  EXPECT_TRUE(parse_face_map("").empty());
}

TEST(FaceMap, ABadEntryIsAConfigErrorNamingIt) {
  for (const std::string text : {"alice.jpg", "x=alice.jpg", "-1=alice.jpg", "0="}) {
    try {
      parse_face_map(text);
      FAIL() << "no error for " << text;
    } catch (const ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace am
