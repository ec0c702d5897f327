#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "synthetic_person.hpp"
#include "tracking/tracker.hpp"

namespace am::tracking {
namespace {

using test::make_person;
using test::random_face;
using test::same_face;

constexpr double kFrameMs = 1000.0 / 30;

bool has_event(const TrackerUpdate& u, TrackEventType type, int id) {
  return std::any_of(u.events.begin(), u.events.end(),
                     [&](const TrackEvent& e) { return e.type == type && e.id == id; });
}

// Feeds the same person for `frames` frames from frame `first`; returns the last update.
TrackerUpdate show(Tracker& tracker, const PersonInput& person, int first, int frames) {
  TrackerUpdate last;
  for (int f = first; f < first + frames; ++f) last = tracker.update({person}, f * kFrameMs);
  return last;
}

// One frame's body evidence of a person dressed `shade`: every colour feature `shade`, every
// proportion 1.
PersonEvidence body_evidence(float shade) {
  BodyAppearance b;
  for (auto& part : b.parts) part = {{shade, shade, shade, shade, shade, shade}, 1};
  b.proportions.fill(1.0f);
  b.proportion_weights.fill(1.0f);
  b.observations = 1;
  return {std::nullopt, b};
}

TrackerUpdate show_with(Tracker& tracker, const PersonInput& person, const PersonEvidence& evidence,
                        int first, int frames) {
  TrackerUpdate last;
  for (int f = first; f < first + frames; ++f)
    last = tracker.update({person}, f * kFrameMs, {evidence});
  return last;
}

// Two people of the same size walking toward each other at 20 px per frame, passing with
// overlapping boxes; between two frames each ends up nearer the other's last position, so only
// the motion model (or the faces) can keep them apart.
void expect_crossing_keeps_ids(bool with_faces) {
  Tracker tracker;
  const FaceEmbedding face_a = random_face(1), face_b = random_face(2);
  int id_a = 0, id_b = 0;
  for (int f = 0; f < 26; ++f) {
    PersonInput a = make_person(100 + 20.0f * f, 60, 300);
    PersonInput b = make_person(590 - 20.0f * f, 60, 300);
    if (with_faces) {
      a.face = same_face(face_a, 100 + f);
      b.face = same_face(face_b, 200 + f);
    }
    // Alternate the input order so the tracker cannot rely on it.
    const bool swap = f % 2 == 1;
    const auto u = tracker.update(swap ? std::vector{b, a} : std::vector{a, b}, f * kFrameMs);
    const int got_a = u.ids[swap ? 1 : 0], got_b = u.ids[swap ? 0 : 1];
    if (f < 2) continue;  // still tentative
    if (id_a == 0) id_a = got_a, id_b = got_b;
    ASSERT_EQ(got_a, id_a) << "frame " << f;
    ASSERT_EQ(got_b, id_b) << "frame " << f;
  }
  EXPECT_NE(id_a, id_b);
  EXPECT_GT(id_a, 0);
}

TEST(Tracker, NewPersonIsConfirmedAfterConfirmHits) {
  Tracker tracker;
  const PersonInput p = make_person(300, 50, 300);
  EXPECT_EQ(tracker.update({p}, 0).ids, std::vector<int>{0});
  EXPECT_EQ(tracker.update({p}, kFrameMs).ids, std::vector<int>{0});
  const auto u = tracker.update({p}, 2 * kFrameMs);
  ASSERT_EQ(u.ids.size(), 1u);
  EXPECT_EQ(u.ids[0], 1);
  EXPECT_TRUE(has_event(u, TrackEventType::NewPerson, 1));
  EXPECT_TRUE(has_event(tracker.update({p}, 3 * kFrameMs), TrackEventType::Updated, 1));
}

TEST(Tracker, CrossingPeopleKeepTheirIdsByMotion) { expect_crossing_keeps_ids(false); }

TEST(Tracker, CrossingPeopleKeepTheirIdsWithFaces) { expect_crossing_keeps_ids(true); }

TEST(Tracker, LostTrackTimesOutWithLeftEvent) {
  TrackerOptions options;
  options.lost_timeout_ms = 2000;
  Tracker tracker(options);
  show(tracker, make_person(300, 50, 300), 0, 5);
  const double last_seen = 4 * kFrameMs;
  const auto before = tracker.update({}, last_seen + 1900);
  EXPECT_TRUE(before.events.empty());
  EXPECT_EQ(tracker.track_count(), 1u);
  const auto after = tracker.update({}, last_seen + 2100);
  EXPECT_EQ(after.events, (std::vector<TrackEvent>{{TrackEventType::Left, 1, 0}}));
  EXPECT_EQ(tracker.track_count(), 0u);
}

TEST(Tracker, ShortOcclusionKeepsTheId) {
  Tracker tracker;
  show(tracker, make_person(300, 50, 300), 0, 5);
  tracker.update({}, 20 * kFrameMs);
  const auto u = tracker.update({make_person(310, 50, 300)}, 30 * kFrameMs);
  EXPECT_EQ(u.ids, std::vector<int>{1});
}

TEST(Tracker, TentativeTrackIsDroppedSilently) {
  Tracker tracker;
  tracker.update({make_person(300, 50, 300)}, 0);
  tracker.update({}, kFrameMs);
  const auto u = tracker.update({}, 2 * kFrameMs);
  EXPECT_TRUE(u.events.empty());
  EXPECT_EQ(tracker.track_count(), 0u);
}

TEST(Tracker, ReturningFaceGetsItsOldId) {
  Tracker tracker;
  const FaceEmbedding face = random_face(1);
  PersonInput first = make_person(150, 50, 300);
  first.face = face;
  const auto seen = show(tracker, first, 0, 10);
  ASSERT_EQ(seen.ids, std::vector<int>{1});
  EXPECT_FALSE(tracker.gallery().embeddings(1).empty());
  tracker.update({}, 100 * kFrameMs);  // gone for > 2 s: left
  PersonInput back = make_person(500, 60, 280);
  back.face = same_face(face, 7);
  const auto u = show(tracker, back, 100, 3);
  EXPECT_EQ(u.ids, std::vector<int>{1});
  EXPECT_TRUE(has_event(u, TrackEventType::Returned, 1));
  EXPECT_FALSE(has_event(u, TrackEventType::NewPerson, 1));
}

TEST(Tracker, DifferentFaceGetsANewId) {
  Tracker tracker;
  PersonInput first = make_person(150, 50, 300);
  first.face = random_face(1);
  show(tracker, first, 0, 10);
  tracker.update({}, 100 * kFrameMs);
  PersonInput other = make_person(150, 50, 300);
  other.face = random_face(2);
  const auto u = show(tracker, other, 100, 3);
  EXPECT_EQ(u.ids, std::vector<int>{2});
  EXPECT_TRUE(has_event(u, TrackEventType::NewPerson, 2));
  EXPECT_TRUE(has_event(u, TrackEventType::GalleryChanged, 2));
}

TEST(Tracker, SeededIdentityIsRecognisedAndFreshIdsStartAboveIt) {
  Tracker tracker;
  const FaceEmbedding known = random_face(1);
  tracker.seed_identity(7, {known});
  PersonInput a = make_person(150, 50, 300);
  a.face = same_face(known, 3);
  PersonInput b = make_person(500, 50, 300);
  b.face = random_face(2);
  TrackerUpdate u;
  for (int f = 0; f < 3; ++f) u = tracker.update({a, b}, f * kFrameMs);
  EXPECT_EQ(u.ids, (std::vector<int>{7, 8}));
  EXPECT_TRUE(has_event(u, TrackEventType::Returned, 7));
  EXPECT_TRUE(has_event(u, TrackEventType::NewPerson, 8));
}

TEST(Tracker, FaceSeenLateReclaimsTheOldId) {
  Tracker tracker;
  const FaceEmbedding face = random_face(1);
  tracker.seed_identity(3, {face});
  const PersonInput back_turned = make_person(300, 50, 300);
  EXPECT_EQ(show(tracker, back_turned, 0, 3).ids, std::vector<int>{4});
  PersonInput turned = back_turned;
  turned.face = same_face(face, 9);
  const auto u = tracker.update({turned}, 3 * kFrameMs);
  EXPECT_EQ(u.ids, std::vector<int>{3});
  EXPECT_TRUE(std::find(u.events.begin(), u.events.end(),
                        TrackEvent{TrackEventType::Returned, 3, 4}) != u.events.end());
}

TEST(Tracker, ReturningBodyWithoutAFaceGetsItsOldId) {
  Tracker tracker;
  EXPECT_EQ(show_with(tracker, make_person(150, 50, 300), body_evidence(0), 0, 10).ids,
            std::vector<int>{1});
  ASSERT_NE(tracker.gallery().body(1), nullptr) << "the body is stored with the identity";
  tracker.update({}, 100 * kFrameMs);
  const auto u = show_with(tracker, make_person(500, 60, 280), body_evidence(0.5f), 100, 3);
  EXPECT_EQ(u.ids, std::vector<int>{1});
  EXPECT_TRUE(has_event(u, TrackEventType::Returned, 1));
  EXPECT_EQ(tracker.last_decision().basis, DecisionBasis::Body);
}

TEST(Tracker, StrangerInOtherClothesGetsANewId) {
  Tracker tracker;
  show_with(tracker, make_person(150, 50, 300), body_evidence(0), 0, 10);
  tracker.update({}, 100 * kFrameMs);
  const auto u = show_with(tracker, make_person(150, 50, 300), body_evidence(20), 100, 3);
  EXPECT_EQ(u.ids, std::vector<int>{2});
  EXPECT_TRUE(has_event(u, TrackEventType::NewPerson, 2));
}

TEST(Tracker, BodyPastTheWindowIsNotReturned) {
  TrackerOptions options;
  options.identity.body_window_ms = 60000;
  Tracker tracker(options);
  tracker.seed_identity(5, {}, body_evidence(0).body, -70000);
  EXPECT_EQ(show_with(tracker, make_person(150, 50, 300), body_evidence(0), 0, 3).ids,
            std::vector<int>{6});
}

TEST(Tracker, FreshIdIsRedecidedWhenTheBodyHasBeenSeenLongEnough) {
  Tracker tracker;
  tracker.seed_identity(3, {}, body_evidence(0).body, 0);
  const PersonInput p = make_person(300, 50, 300);
  show(tracker, p, 0, 2);  // no body measured yet (e.g. the mask came late)
  EXPECT_EQ(show_with(tracker, p, body_evidence(0), 2, 1).ids, std::vector<int>{4});
  const auto u = show_with(tracker, p, body_evidence(0), 3, 2);
  EXPECT_EQ(u.ids, std::vector<int>{3});
  EXPECT_TRUE(std::find(u.events.begin(), u.events.end(),
                        TrackEvent{TrackEventType::Returned, 3, 4}) != u.events.end());
}

TEST(Tracker, ABodyThatNearlyMatchesWaitsForMoreFramesBeforeANewId) {
  Tracker tracker;
  tracker.seed_identity(3, {}, body_evidence(0).body, 0);
  const PersonInput p = make_person(300, 50, 300);
  // Distance 0.37: above body_threshold (0.3), within body_threshold + body_margin.
  const float shade = 0.37f * 2 * 10 / std::sqrt(6.0f);
  const auto held = show_with(tracker, p, body_evidence(shade), 0, 5);
  EXPECT_EQ(held.ids, std::vector<int>{0}) << "still tentative: no id flashes up";
  EXPECT_TRUE(held.events.empty());
  const auto u = show_with(tracker, p, body_evidence(shade), 5, 7);
  EXPECT_EQ(u.ids, std::vector<int>{4}) << "after max_hold_frames: a new person after all";
  Tracker far;
  far.seed_identity(3, {}, body_evidence(0).body, 0);
  EXPECT_EQ(show_with(far, p, body_evidence(20), 0, 3).ids, std::vector<int>{4})
      << "a body far from everyone gets its id at once";
}

TEST(Tracker, OnScreenIdentityIsNotGivenToASecondPerson) {
  Tracker tracker;
  const FaceEmbedding face = random_face(1);
  PersonInput a = make_person(150, 50, 300);
  a.face = face;
  PersonInput twin = make_person(500, 50, 300);
  twin.face = same_face(face, 4);
  TrackerUpdate u;
  for (int f = 0; f < 3; ++f) u = tracker.update({a}, f * kFrameMs);
  for (int f = 3; f < 6; ++f) u = tracker.update({a, twin}, f * kFrameMs);
  ASSERT_EQ(u.ids.size(), 2u);
  EXPECT_EQ(u.ids[0], 1);
  EXPECT_EQ(u.ids[1], 2);
}

}  // namespace
}  // namespace am::tracking
