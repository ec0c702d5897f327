// The wire protocol (docs/protocol.md, schemas in docs/schemas/): plain message structs and their
// JSON text. Every encode_* gives one compact JSON text {"type": T, "data": {...}} (the original
// protocol's envelope) that matches its schema; the server sends these texts as they are. Positions
// are MediaPipe world coordinates in metres; bone rotations are unit quaternions [x, y, z, w] as
// bone_rotations() defines them. Timestamps are milliseconds.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "body/bone_rotations.hpp"

namespace am {

inline constexpr int kProtocolVersion = 2;  // 2: every message in {"type", "data"}

struct JointSample {
  std::array<double, 3> position{};
  double confidence = 0.0;
};

// One tracked person in one frame.
struct PersonPose {
  int person_id = 0;
  bool pose_present = false;
  std::map<std::string, JointSample> joints;  // landmark name -> sample
  double confidence = 0.0;
  double timestamp = 0.0;                              // capture time of the frame
  std::map<std::string, std::array<double, 4>> bones;  // bone name -> [x, y, z, w]
};

struct PoseFrame {
  std::vector<PersonPose> persons;
};

struct NewCharacter {
  int person_id = 0;
  std::string mesh_path;  // path of the .glb on the server's machine
  std::string mesh_url;   // http://host:port/avatars/<id>.glb, filled in by the server
  nlohmann::json skeleton_data = nlohmann::json::object();
  int version = 1;  // the avatar's version: 1 when first built
  double timestamp = 0.0;
};

// A person's avatar replaced by a refined one (same skeleton and bind pose): clients swap the
// mesh and keep the pose.
struct AvatarUpdated {
  int person_id = 0;
  std::string mesh_path;
  std::string mesh_url;  // filled in by the server
  int version = 2;       // increases with every refinement
  double timestamp = 0.0;
};

struct PersonLeft {
  int person_id = 0;
  double timestamp = 0.0;
};

std::string encode_hello(double timestamp);
std::string encode_pose_update(const PoseFrame& frame);
std::string encode_new_character(const NewCharacter& message);
std::string encode_avatar_updated(const AvatarUpdated& message);
std::string encode_person_left(const PersonLeft& message);
std::string encode_pong(const nlohmann::json& echo, double timestamp);
std::string encode_error(const std::string& message, double timestamp);

// Builders from the perception types: joints from 33 world landmarks (+ visibilities), bones
// from bone_rotations(), skeleton_data from the bind pose.
std::map<std::string, JointSample> joints_from_landmarks(const Landmarks& world,
                                                         const std::array<double, 33>& confidence);
std::map<std::string, std::array<double, 4>> bones_from_rotations(const BoneQuats& rotations);
nlohmann::json skeleton_data(const BindPose& bind);

// A message a client sent, once it parsed as a JSON object with a string "type". body is its
// "data" object when it has one (the envelope), else the whole object (the flat form).
struct ClientMessage {
  std::string type;
  nlohmann::json body;
};
std::optional<ClientMessage> parse_client_message(const std::string& text);

}  // namespace am
