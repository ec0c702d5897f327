#include <gtest/gtest.h>

#include "synthetic_person.hpp"
#include "tracking/identity_decision.hpp"

namespace am::tracking {
namespace {

using test::random_face;
using test::same_face;

// A body whose every colour feature is `shade` and whose proportions are all 1.
BodyAppearance body(float shade, int frames = 10) {
  BodyAppearance b;
  for (auto& part : b.parts) {
    part.stats.fill(shade);
    part.weight = static_cast<float>(frames);
  }
  b.proportions.fill(1.0f);
  b.proportion_weights.fill(static_cast<float>(frames));
  b.observations = frames;
  return b;
}

FaceAggregate face(const FaceEmbedding& e, float quality) { return {e, quality, 1}; }

constexpr double kNow = 1e9;

struct Gallery {
  std::vector<std::vector<FaceEmbedding>> faces;
  std::vector<BodyAppearance> bodies;
  std::vector<KnownIdentity> known;
  void reserve() {
    faces.reserve(8);
    bodies.reserve(8);
  }
  void add(int id, std::vector<FaceEmbedding> f, std::optional<BodyAppearance> b,
           double seen = kNow - 60000) {
    faces.push_back(std::move(f));
    if (b) bodies.push_back(*b);
    known.push_back({id, &faces.back(), b ? &bodies.back() : nullptr, seen});
  }
};

TEST(IdentityDecision, AClearFaceReturnsItsIdentity) {
  const FaceEmbedding alice = random_face(1), bob = random_face(2);
  Gallery g;
  g.reserve();
  g.add(1, {alice}, body(0));
  g.add(2, {bob}, body(50));
  const auto d = decide_identity({face(same_face(bob, 9), 0.8f), body(0)}, g.known, kNow);
  EXPECT_EQ(d.id, 2) << "the face wins over a body that looks like someone else";
  EXPECT_EQ(d.basis, DecisionBasis::Face);
  EXPECT_GT(d.face_similarity, 0.45f);
}

TEST(IdentityDecision, AClearStrangersFaceIsNeverReturnedByBody) {
  Gallery g;
  g.reserve();
  g.add(1, {random_face(1)}, body(0));
  const auto d = decide_identity({face(random_face(3), 0.8f), body(0)}, g.known, kNow);
  EXPECT_EQ(d.id, 0) << "same clothes, clearly another face";
}

TEST(IdentityDecision, BodyAloneReturnsSomeoneWithoutAClearFace) {
  Gallery g;
  g.reserve();
  g.add(1, {}, body(0));
  g.add(2, {random_face(2)}, body(40));
  const auto d = decide_identity({{}, body(1)}, g.known, kNow);
  EXPECT_EQ(d.id, 1);
  EXPECT_EQ(d.basis, DecisionBasis::Body);
  EXPECT_NEAR(d.body_distance, 0.1225f, 0.001f) << "6 features 1 apart: sqrt(6) / 10, halved";
  // A blurred or tiny face does not block a body return unless it contradicts the identity.
  EXPECT_EQ(decide_identity({face(random_face(5), 0.1f), body(40)}, g.known, kNow).id, 0)
      << "identity 2 has faces and the poor face scores below face_veto against them";
  EXPECT_EQ(
      decide_identity({face(same_face(g.faces[1][0], 4, 1.0f), 0.1f), body(40)}, g.known, kNow).id,
      2);
}

TEST(IdentityDecision, BodyIsNotEnoughWhenFarOrAmbiguousOrOld) {
  Gallery g;
  g.reserve();
  g.add(1, {}, body(0));
  EXPECT_EQ(decide_identity({{}, body(5)}, g.known, kNow).id, 0) << "too far";
  EXPECT_EQ(decide_identity({{}, body(0, 2)}, g.known, kNow).id, 0) << "too few frames";
  IdentityOptions day;
  day.body_window_ms = 3600 * 1000.0;
  Gallery old;
  old.reserve();
  old.add(1, {}, body(0), kNow - 2 * 3600 * 1000.0);
  EXPECT_EQ(decide_identity({{}, body(0)}, old.known, kNow, day).id, 0) << "clothes change";
  Gallery twins;
  twins.reserve();
  twins.add(1, {}, body(0));
  twins.add(2, {}, body(0.5f));
  EXPECT_EQ(decide_identity({{}, body(0.2f)}, twins.known, kNow).id, 0) << "two look alike";
}

TEST(IdentityDecision, NothingKnownMeansNobody) {
  const auto d = decide_identity({face(random_face(1), 1), body(0)}, {}, kNow);
  EXPECT_EQ(d.id, 0);
  EXPECT_EQ(d.basis, DecisionBasis::None);
  EXPECT_STREQ(to_string(DecisionBasis::Body), "body");
}

}  // namespace
}  // namespace am::tracking
