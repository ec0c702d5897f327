#include <gtest/gtest.h>

#include "synthetic_person.hpp"
#include "tracking/best_faces.hpp"
#include "tracking/match_cost.hpp"

namespace am::tracking {
namespace {

using test::random_face;
using test::same_face;

// Eyes 40 px apart; the nose `shift` px along the eye line from their midpoint.
FivePointArray face_points(float shift) {
  return {cv::Point2f(100, 100), cv::Point2f(140, 100), cv::Point2f(120 + shift, 125),
          cv::Point2f(105, 145), cv::Point2f(135, 145)};
}

FaceSample sample(const FaceEmbedding& e, float width, float frontal, float sharpness = 100) {
  return {e, width, frontal, sharpness, 0};
}

TEST(BestFaces, FrontalityFallsAsTheNoseTurnsTowardAnEye) {
  EXPECT_NEAR(frontality(face_points(0)), 1.0f, 1e-5f);
  EXPECT_NEAR(frontality(face_points(10)), 0.5f, 1e-5f);
  EXPECT_NEAR(frontality(face_points(-10)), 0.5f, 1e-5f) << "either side";
  EXPECT_EQ(frontality(face_points(25)), 0.0f) << "beyond the eye: profile";
  EXPECT_NEAR(face_width(face_points(0)), 64.0f, 1e-4f);
}

TEST(BestFaces, QualityGrowsWithSizeFrontalityAndSharpness) {
  const FaceEmbedding e = random_face(1);
  EXPECT_EQ(face_quality(sample(e, 10, 1)), 0.0f) << "below min_width_px";
  EXPECT_LT(face_quality(sample(e, 30, 1)), face_quality(sample(e, 60, 1)));
  EXPECT_LT(face_quality(sample(e, 60, 0.3f)), face_quality(sample(e, 60, 0.9f)));
  EXPECT_LT(face_quality(sample(e, 60, 1, 10)), face_quality(sample(e, 60, 1, 50)));
  EXPECT_EQ(face_quality(sample(e, 200, 1, 500)), 1.0f);
}

TEST(BestFaces, KeepsOnlyTheBestFew) {
  std::vector<FaceSample> kept;
  FaceQualityOptions options;
  options.max_kept = 3;
  const FaceEmbedding e = random_face(1);
  for (const float width : {20.f, 70.f, 30.f, 60.f, 25.f, 80.f})
    keep_best_face(kept, sample(e, width, 1), options);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0].width_px, 80.f);
  EXPECT_EQ(kept[1].width_px, 70.f);
  EXPECT_EQ(kept[2].width_px, 60.f);
  EXPECT_FALSE(keep_best_face(kept, sample(e, 40, 1), options)) << "worse than all kept";
  EXPECT_FALSE(keep_best_face(kept, sample(e, 90, 0), options)) << "profile: quality 0";
  EXPECT_FALSE(keep_best_face(kept, sample({}, 90, 1), options)) << "no embedding";
}

TEST(BestFaces, AggregateFavoursTheClearFaces) {
  const FaceEmbedding person = random_face(1), stranger = random_face(2);
  std::vector<FaceSample> kept;
  for (unsigned i = 0; i < 4; ++i) keep_best_face(kept, sample(same_face(person, 10 + i), 80, 1));
  // A poor, wrongly associated face pulls the aggregate a little, not much.
  keep_best_face(kept, sample(stranger, 20, 0.3f, 20));
  const FaceAggregate aggregate = aggregate_faces(kept);
  EXPECT_EQ(aggregate.count, 5);
  EXPECT_EQ(aggregate.quality, 1.0f);
  EXPECT_GT(*face_similarity(aggregate.embedding, person), 0.9f);
  EXPECT_LT(*face_similarity(aggregate.embedding, stranger), 0.1f);
  double norm = 0;
  for (const float v : aggregate.embedding) norm += double(v) * v;
  EXPECT_NEAR(norm, 1.0, 1e-5);
}

TEST(BestFaces, AggregateOfSeveralNoisyViewsBeatsOneView) {
  const FaceEmbedding person = random_face(7);
  std::vector<FaceSample> kept;
  for (unsigned i = 0; i < 5; ++i)
    keep_best_face(kept, sample(same_face(person, 100 + i, 1.2f), 80, 1));
  const float one = *face_similarity(kept.front().embedding, person);
  EXPECT_GT(*face_similarity(aggregate_faces(kept).embedding, person), one + 0.1f);
  EXPECT_TRUE(aggregate_faces({}).embedding.empty());
}

}  // namespace
}  // namespace am::tracking
