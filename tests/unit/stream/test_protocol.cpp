#include <gtest/gtest.h>

#include "stream/protocol.hpp"
#include "support/schema_validator.hpp"
#include "support/synthetic_pose.hpp"

namespace am {
namespace {

using nlohmann::json;

std::string joined(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out;
}

PoseFrame sample_frame() {
  const Landmarks tpose = test::tpose_mediapipe();
  const BindPose bind = make_bind_pose(tpose);
  std::array<double, 33> confidence;
  confidence.fill(0.9);
  PersonPose person;
  person.person_id = 3;
  person.pose_present = true;
  person.confidence = 0.95;
  person.timestamp = 1234.5;
  person.joints = joints_from_landmarks(tpose, confidence);
  person.bones = bones_from_rotations(bone_rotations(bind, tpose));
  return {{person}};
}

TEST(Protocol, LandmarkAndBoneNamesAreComplete) {
  EXPECT_EQ(landmark_names()[0], "nose");
  EXPECT_EQ(landmark_names()[32], "right_foot_index");
  EXPECT_EQ(bone_name(Bone::RightFoot), "RightFoot");
  EXPECT_EQ(*bone_parent(Bone::LeftHand), Bone::LeftLowerArm);
  EXPECT_FALSE(bone_parent(Bone::Hips));
  for (int b = 1; b < kBoneCount; ++b) EXPECT_LT(int(*bone_parent(Bone(b))), b) << "parents first";
}

TEST(Protocol, HelloMatchesItsSchema) {
  const std::string text = encode_hello(1.0);
  EXPECT_EQ(joined(test::message_schema_errors(text)), "");
  EXPECT_EQ(json::parse(text)["data"]["bone_names"].size(), std::size_t(kBoneCount));
}

TEST(Protocol, PoseUpdateIsKeyedByPersonAndMatchesItsSchema) {
  const json doc = json::parse(encode_pose_update(sample_frame()));
  EXPECT_EQ(joined(test::schema_errors(test::load_schema("pose_update"), doc)), "");
  const json& person = doc["data"]["3"];
  EXPECT_TRUE(person["pose_present"].get<bool>());
  EXPECT_EQ(person["joints"].size(), 33u);
  EXPECT_DOUBLE_EQ(person["joints"]["left_wrist"]["position"][0].get<double>(),
                   test::tpose_mediapipe()[lm::kLeftWrist].x());
  EXPECT_EQ(person["bones"]["LeftLowerArm"], json::array({0.0, 0.0, 0.0, 1.0}));
}

TEST(Protocol, NewCharacterAndPersonLeftMatchTheirSchemas) {
  NewCharacter nc;
  nc.person_id = 7;
  nc.mesh_path = "/tmp/7.glb";
  nc.mesh_url = "http://localhost:8765/avatars/7.glb";
  nc.skeleton_data = skeleton_data(make_bind_pose(test::tpose_mediapipe()));
  EXPECT_EQ(joined(test::message_schema_errors(encode_new_character(nc))), "");
  EXPECT_EQ(joined(test::message_schema_errors(encode_person_left({7, 2.0}))), "");
  EXPECT_EQ(joined(test::message_schema_errors(
                encode_avatar_updated({7, "/a/7.glb", "http://h:1/avatars/7.glb?v=2", 2, 2.0}))),
            "");
  EXPECT_EQ(joined(test::message_schema_errors(encode_pong(json(5), 2.0))), "");
  EXPECT_EQ(joined(test::message_schema_errors(encode_error("bad", 2.0))), "");
}

TEST(Protocol, SchemasRejectBrokenMessages) {
  json doc = json::parse(encode_pose_update(sample_frame()));
  doc["data"]["3"]["bones"]["Hips"] = json::array({0, 0, 1});
  EXPECT_FALSE(test::schema_errors(test::load_schema("pose_update"), doc).empty());
  doc = json::parse(encode_pose_update(sample_frame()));
  doc["data"]["abc"] = doc["data"]["3"];
  EXPECT_FALSE(test::schema_errors(test::load_schema("pose_update"), doc).empty());
  doc = json::parse(encode_person_left({1, 0.0}));
  doc["data"].erase("person_id");
  EXPECT_FALSE(test::schema_errors(test::load_schema("person_left"), doc).empty());
}

TEST(Protocol, ClientMessagesNeedAnObjectWithAStringType) {
  EXPECT_EQ(parse_client_message(R"({"type":"ping","id":4})")->type, "ping");
  EXPECT_FALSE(parse_client_message("not json"));
  EXPECT_FALSE(parse_client_message("[1,2]"));
  EXPECT_FALSE(parse_client_message(R"({"type":5})"));
  EXPECT_EQ(test::schema_errors(test::load_schema("client_message"),
                                json::parse(R"({"type":"subscribe"})"))
                .size(),
            0u);
}

}  // namespace
}  // namespace am
