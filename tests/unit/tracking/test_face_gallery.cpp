#include <gtest/gtest.h>

#include "synthetic_person.hpp"
#include "tracking/face_gallery.hpp"
#include "tracking/match_cost.hpp"

namespace am::tracking {
namespace {

using test::random_face;
using test::same_face;

TEST(FaceGallery, FindsTheBestMatchingIdAboveThreshold) {
  FaceGallery gallery;
  const FaceEmbedding alice = random_face(1), bob = random_face(2);
  gallery.seed(3, {alice});
  gallery.seed(5, {bob});
  const auto match = gallery.best_match(same_face(alice, 10));
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->id, 3);
  EXPECT_GE(match->similarity, 0.45f);
  EXPECT_FALSE(gallery.best_match(random_face(7)).has_value());
  EXPECT_FALSE(gallery.best_match(same_face(alice, 11), {3}).has_value()) << "3 is excluded";
  EXPECT_EQ(gallery.max_id(), 5);
}

TEST(FaceGallery, SkipsNearDuplicatesAndForeignFaces) {
  FaceGallery gallery;
  const FaceEmbedding alice = random_face(1);
  EXPECT_TRUE(gallery.add(1, alice));
  EXPECT_FALSE(gallery.add(1, same_face(alice, 2, 0.1f))) << "cosine ~0.995: nothing new";
  EXPECT_FALSE(gallery.add(1, random_face(3))) << "someone else's face must not join id 1";
  EXPECT_TRUE(gallery.add(1, same_face(alice, 4)));
  EXPECT_EQ(gallery.embeddings(1).size(), 2u);
}

TEST(FaceGallery, KeepsAtMostMaxPerIdAndStaysDiverse) {
  GalleryOptions options;
  options.max_per_id = 3;
  FaceGallery gallery(options);
  const FaceEmbedding alice = random_face(1);
  gallery.add(1, alice);
  for (unsigned s = 0; s < 20; ++s) gallery.add(1, same_face(alice, 100 + s, 0.7f));
  const auto& stored = gallery.embeddings(1);
  ASSERT_EQ(stored.size(), 3u);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    for (std::size_t j = i + 1; j < stored.size(); ++j) {
      EXPECT_LT(*face_similarity(stored[i], stored[j]), options.redundant_similarity);
    }
  }
}

TEST(FaceGallery, SeedCapsAndRemoveForgets) {
  GalleryOptions options;
  options.max_per_id = 2;
  FaceGallery gallery(options);
  gallery.seed(9, {random_face(1), random_face(2), random_face(3)});
  EXPECT_EQ(gallery.embeddings(9).size(), 2u);
  gallery.remove(9);
  EXPECT_TRUE(gallery.embeddings(9).empty());
  EXPECT_EQ(gallery.size(), 0u);
}

}  // namespace
}  // namespace am::tracking
