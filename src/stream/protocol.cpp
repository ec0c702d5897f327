#include "stream/protocol.hpp"

#include <string_view>

namespace am {

using nlohmann::json;

namespace {

json quat_json(const Eigen::Quaterniond& q) { return json::array({q.x(), q.y(), q.z(), q.w()}); }
json vec_json(const Eigen::Vector3d& v) { return json::array({v.x(), v.y(), v.z()}); }

json person_json(const PersonPose& p) {
  json joints = json::object();
  for (const auto& [name, s] : p.joints) {
    joints[name] = {{"position", s.position}, {"confidence", s.confidence}};
  }
  json bones = json::object();
  for (const auto& [name, q] : p.bones) bones[name] = q;
  return {{"pose_present", p.pose_present},
          {"joints", std::move(joints)},
          {"confidence", p.confidence},
          {"timestamp", p.timestamp},
          {"bones", std::move(bones)}};
}

// Every server message: {"type": T, "data": {...}} (the original protocol's envelope).
std::string envelope(std::string_view type, json data) {
  return json{{"type", type}, {"data", std::move(data)}}.dump();
}

}  // namespace

std::string encode_hello(double timestamp) {
  return envelope("hello", {{"protocol_version", kProtocolVersion},
                            {"joint_names", landmark_name_list()},
                            {"bone_names", bone_name_list()},
                            {"timestamp", timestamp}});
}

std::string encode_pose_update(const PoseFrame& frame) {
  json persons = json::object();
  for (const auto& p : frame.persons) persons[std::to_string(p.person_id)] = person_json(p);
  return envelope("pose_update", std::move(persons));
}

std::string encode_new_character(const NewCharacter& m) {
  return envelope("new_character", {{"person_id", m.person_id},
                                    {"mesh_path", m.mesh_path},
                                    {"mesh_url", m.mesh_url},
                                    {"skeleton_data", m.skeleton_data},
                                    {"joint_names", landmark_name_list()},
                                    {"bone_names", bone_name_list()},
                                    {"version", m.version},
                                    {"timestamp", m.timestamp}});
}

std::string encode_avatar_updated(const AvatarUpdated& m) {
  return envelope("avatar_updated", {{"person_id", m.person_id},
                                     {"mesh_path", m.mesh_path},
                                     {"mesh_url", m.mesh_url},
                                     {"version", m.version},
                                     {"timestamp", m.timestamp}});
}

std::string encode_person_left(const PersonLeft& m) {
  return envelope("person_left", {{"person_id", m.person_id}, {"timestamp", m.timestamp}});
}

std::string encode_pong(const json& echo, double timestamp) {
  json data{{"timestamp", timestamp}};
  if (!echo.is_null()) data["echo"] = echo;
  return envelope("pong", std::move(data));
}

std::string encode_error(const std::string& message, double timestamp) {
  return envelope("error", {{"message", message}, {"timestamp", timestamp}});
}

std::map<std::string, JointSample> joints_from_landmarks(const Landmarks& world,
                                                         const std::array<double, 33>& confidence) {
  std::map<std::string, JointSample> joints;
  for (int i = 0; i < kLandmarkCount; ++i) {
    joints[std::string(landmark_names()[i])] = {{world[i].x(), world[i].y(), world[i].z()},
                                                confidence[i]};
  }
  return joints;
}

std::map<std::string, std::array<double, 4>> bones_from_rotations(const BoneQuats& rotations) {
  std::map<std::string, std::array<double, 4>> bones;
  for (int b = 0; b < kBoneCount; ++b) {
    const auto& q = rotations[b];
    bones[std::string(bone_name(static_cast<Bone>(b)))] = {q.x(), q.y(), q.z(), q.w()};
  }
  return bones;
}

json skeleton_data(const BindPose& bind) {
  json bones = json::array();
  for (int b = 0; b < kBoneCount; ++b) {
    const auto parent = bone_parent(static_cast<Bone>(b));
    bones.push_back({{"name", bone_name(static_cast<Bone>(b))},
                     {"parent", parent ? std::string(bone_name(*parent)) : std::string()},
                     {"head", vec_json(bind.head[b])},
                     {"tail", vec_json(bind.tail[b])},
                     {"rest_rotation", quat_json(bind.rest[b])}});
  }
  return {{"coordinates", "gltf"}, {"bones", std::move(bones)}};
}

std::optional<ClientMessage> parse_client_message(const std::string& text) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  const auto type = doc.find("type");
  if (type == doc.end() || !type->is_string()) return std::nullopt;
  const auto data = doc.find("data");
  if (data != doc.end() && data->is_object()) return ClientMessage{type->get<std::string>(), *data};
  return ClientMessage{type->get<std::string>(), std::move(doc)};
}

}  // namespace am
