#include "jobs/job_codec.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "builder/person_crop.hpp"

namespace am {
namespace {

nlohmann::json landmarks_json(const PoseLandmarks& landmarks, cv::Point2f shift) {
  nlohmann::json out = nlohmann::json::array();
  for (const PoseLandmark& l : landmarks)
    out.push_back({l.x - shift.x, l.y - shift.y, l.z, l.visibility, l.presence});
  return out;
}

PoseLandmarks landmarks_from(const nlohmann::json& j) {
  if (!j.is_array() || j.size() != kLandmarkCount)
    throw JobError("build job: \"pose\" does not hold 33 landmarks; the sender is broken");
  PoseLandmarks out{};
  for (int i = 0; i < kLandmarkCount; ++i) {
    const auto& v = j[i];
    out[i] = {v.at(0).get<float>(), v.at(1).get<float>(), v.at(2).get<float>(),
              v.at(3).get<float>(), v.at(4).get<float>()};
  }
  return out;
}

const std::string& field(const std::map<std::string, std::string>& fields, const char* name) {
  const auto it = fields.find(name);
  if (it == fields.end())
    throw JobError(std::string("build job: the field \"") + name +
                   "\" is missing; the entry was not written by avatar-mirror");
  return it->second;
}

}  // namespace

JobFields encode_job(const BuildJob& job, const JobInfo& info) {
  const cv::Rect region =
      builder::choose_person_crop(job.image.size(), builder::landmark_box(job.person), {}).region;
  std::vector<uint8_t> jpeg;
  cv::imencode(".jpg", job.image(region), jpeg, {cv::IMWRITE_JPEG_QUALITY, 95});
  const cv::Point2f shift(static_cast<float>(region.x), static_cast<float>(region.y));
  const cv::Rect2f box = job.person.box;
  nlohmann::json pose = {{"box", {box.x - shift.x, box.y - shift.y, box.width, box.height}},
                         {"score", job.person.score},
                         {"landmarks", landmarks_json(job.person.landmarks, shift)},
                         {"world", landmarks_json(job.person.world_landmarks, {0, 0})}};
  if (const auto& c = job.floor_camera)
    pose["floor_camera"] = {c->height_m, c->fy_px, c->cy_px - shift.y, c->pitch_deg};
  return {{"v", std::to_string(kJobVersion)},
          {"person", std::to_string(job.person_id)},
          {"origin", info.origin},
          {"face", job.face_tag},
          {"enqueued_ms", std::to_string(info.enqueued_ms)},
          {"image", std::string(jpeg.begin(), jpeg.end())},
          {"pose", pose.dump()}};
}

DecodedJob decode_job(const std::map<std::string, std::string>& fields) {
  if (field(fields, "v") != std::to_string(kJobVersion))
    throw JobError("build job: version " + field(fields, "v") + " is not " +
                   std::to_string(kJobVersion) + "; run workers and mirrors of the same release");
  DecodedJob out;
  try {
    out.job.person_id = std::stoi(field(fields, "person"));
    out.info.enqueued_ms = std::stoll(field(fields, "enqueued_ms"));
  } catch (const std::logic_error&) {
    throw JobError("build job: \"person\" or \"enqueued_ms\" is not a number");
  }
  out.info.origin = field(fields, "origin");
  out.job.face_tag = field(fields, "face");
  const std::string& bytes = field(fields, "image");
  out.job.image = cv::imdecode(std::vector<uint8_t>(bytes.begin(), bytes.end()), cv::IMREAD_COLOR);
  if (out.job.image.empty()) throw JobError("build job: \"image\" is not a readable JPEG");
  const auto pose = nlohmann::json::parse(field(fields, "pose"), nullptr, false);
  if (pose.is_discarded() || !pose.is_object())
    throw JobError("build job: \"pose\" is not JSON; the sender is broken");
  try {
    const auto& box = pose.at("box");
    out.job.person.box = {box.at(0).get<float>(), box.at(1).get<float>(), box.at(2).get<float>(),
                          box.at(3).get<float>()};
    out.job.person.score = pose.at("score").get<float>();
    out.job.person.landmarks = landmarks_from(pose.at("landmarks"));
    out.job.person.world_landmarks = landmarks_from(pose.at("world"));
    if (pose.contains("floor_camera")) {
      const auto& c = pose.at("floor_camera");
      out.job.floor_camera = avatar::FloorCamera{c.at(0).get<float>(), c.at(1).get<float>(),
                                                 c.at(2).get<float>(), c.at(3).get<float>()};
    }
  } catch (const nlohmann::json::exception& e) {
    throw JobError(std::string("build job: \"pose\" is malformed (") + e.what() + ")");
  }
  return out;
}

}  // namespace am
