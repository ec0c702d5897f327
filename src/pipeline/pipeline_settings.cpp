#include "pipeline/pipeline_settings.hpp"

#include <cmath>
#include <sstream>

#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "core/error.hpp"
#include "io/source_spec.hpp"

namespace am {

SessionOptions session_options(const Config& cfg) {
  return {parse_device(cfg.get_string("processing.device")),
          static_cast<int>(cfg.get_int("processing.threads"))};
}

CameraRequest camera_request(const Config& cfg) {
  return {static_cast<int>(cfg.get_int("camera.width")),
          static_cast<int>(cfg.get_int("camera.height")),
          static_cast<int>(cfg.get_int("camera.fps"))};
}

PoseTrackerOptions pose_options(const Config& cfg, bool with_mask) {
  PoseTrackerOptions options;
  const std::string model = cfg.get_string("pose.model");
  options.complexity = model == "lite"    ? PoseComplexity::Lite
                       : model == "heavy" ? PoseComplexity::Heavy
                                          : PoseComplexity::Full;
  options.max_persons = static_cast<int>(cfg.get_int("processing.max_persons"));
  options.redetect_interval = static_cast<int>(cfg.get_int("pose.redetect_interval"));
  options.with_mask = with_mask;
  return options;
}

tracking::IdentityOptions identity_options(const Config& cfg) {
  tracking::IdentityOptions options;
  const auto number = [&cfg](const char* key) { return static_cast<float>(cfg.get_number(key)); };
  options.clear_face_quality = number("tracking.clear_face_quality");
  options.face_threshold = number("tracking.face_threshold");
  options.face_veto = number("tracking.face_veto");
  options.body_threshold = number("tracking.body_threshold");
  options.body_margin = number("tracking.body_margin");
  options.min_body_frames = static_cast<int>(cfg.get_int("tracking.min_body_frames"));
  options.body_window_ms = 3600e3 * cfg.get_number("tracking.body_window_hours");
  return options;
}

tracking::TrackerOptions tracker_options(const Config& cfg) {
  tracking::TrackerOptions options;
  options.lost_timeout_ms = 1000.0 * cfg.get_number("tracking.lost_timeout_s");
  options.identity = identity_options(cfg);
  options.gallery.same_person_threshold = options.identity.face_threshold;
  options.cost.same_person_threshold = options.identity.face_threshold;
  return options;
}

tracking::QualityOptions gate_options_from(const Config& cfg) {
  tracking::QualityOptions options;
  options.threshold = static_cast<float>(cfg.get_number("processing.quality_threshold"));
  options.full_body = cfg.get_bool("tracking.full_body");
  return options;
}

ServerOptions server_options(const Config& cfg) {
  ServerOptions options;
  options.host = cfg.get_string("websocket.host");
  options.port = static_cast<unsigned short>(cfg.get_int("websocket.port"));
  options.public_host = cfg.get_string("websocket.public_host");
  std::stringstream origins(cfg.get_string("websocket.allowed_origins"));
  for (std::string origin; std::getline(origins, origin, ',');)
    if (!origin.empty()) options.allowed_origins.push_back(origin);
  options.token = cfg.get_string("websocket.token");
  options.max_message_bytes =
      static_cast<std::size_t>(cfg.get_int("websocket.max_message_kb")) * 1024;
  options.idle_timeout_s = cfg.get_number("websocket.idle_timeout_s");
  return options;
}

VmcOptions vmc_options(const Config& cfg) {
  return {cfg.get_bool("vmc.enabled"), cfg.get_string("vmc.host"),
          static_cast<unsigned short>(cfg.get_int("vmc.port"))};
}

std::string source_spec(const Config& cfg, const std::string& source) {
  return source.empty() ? "camera:" + std::to_string(cfg.get_int("camera.device_id")) : source;
}

CaptureOptions capture_options(const std::string& spec, bool loop) {
  const SpecKind kind = parse_source_spec(spec).kind;
  CaptureOptions options;
  options.loop = loop;
  options.reopen_on_error = kind != SpecKind::Path;
  return options;
}

FaceSwapOptions face_swap_options(const Config& cfg) {
  FaceSwapOptions options;
  options.session.device = parse_device(cfg.get_string("face_swap.device"));
  options.session.threads = static_cast<int>(cfg.get_int("processing.threads"));
  options.paste.blend =
      cfg.get_string("face_swap.blend") == "seamless" ? BlendMode::Seamless : BlendMode::Feathered;
  options.paste.keep_mouth = cfg.get_bool("face_swap.keep_mouth");
  options.paste.keep_eyes = cfg.get_bool("face_swap.keep_eyes");
  options.keep_closed_eyes = cfg.get_bool("face_swap.keep_closed_eyes");
  return options;
}

FaceMap face_map_from(const Config& cfg, const std::string& map, const std::string& source) {
  FaceMap out = parse_face_map(map.empty() ? cfg.get_string("face_swap.face_map") : map);
  if (!source.empty()) out.others = source;
  if (out.others.empty()) out.others = cfg.get_string("face_swap.source_image");
  return out;
}

namespace {

// The config key (and its environment variable) that gave `photo` of face_map_from(cfg).
std::pair<const char*, const char*> key_of(const Config& cfg, const FaceMap& map,
                                           const std::filesystem::path& photo) {
  const bool others_from_source_image =
      parse_face_map(cfg.get_string("face_swap.face_map")).others.empty();
  if (photo == map.others && others_from_source_image)
    return {"face_swap.source_image", "FACE_SWAP_SOURCE_IMAGE"};
  return {"face_swap.face_map", "FACE_SWAP_FACE_MAP"};
}

}  // namespace

std::optional<FaceMap> swap_face_map(const Config& cfg) {
  if (!cfg.get_bool("face_swap.enabled")) return std::nullopt;
  FaceMap map = face_map_from(cfg);
  if (map.empty())
    throw SourceError(
        "face_swap.enabled is true but neither face_swap.source_image nor face_swap.face_map "
        "names a photo: set one (or FACE_SWAP_SOURCE_IMAGE / FACE_SWAP_FACE_MAP)");
  for (const std::filesystem::path& photo : map.photos()) {
    if (std::filesystem::is_regular_file(photo)) continue;
    const auto [key, env] = key_of(cfg, map, photo);
    throw SourceError(fmt::format("cannot read the photo {} that {} names: fix the path (or {})",
                                  photo.string(), key, env));
  }
  return map;
}

AvatarFaces avatar_faces_from(const Config& cfg, const std::filesystem::path& models) {
  const std::optional<FaceMap> map = swap_face_map(cfg);
  if (!map) return AvatarFaces();
  return AvatarFaces(models, *map, face_swap_options(cfg));
}

std::unique_ptr<FaceMesh> face_mesh_from(const Config& cfg, const std::filesystem::path& models) {
  const auto model = models / kFaceMeshModelFile;
  if (std::filesystem::exists(model))
    return std::make_unique<FaceMesh>(model, session_options(cfg));
  spdlog::warn("avatar: {} not found (run `models fetch`); the hairline is estimated",
               model.string());
  return nullptr;
}

RefineOptions refine_options_from(const Config& cfg) {
  RefineOptions o;
  o.enabled = cfg.get_bool("refine.enabled") && !cfg.get_bool("face_swap.enabled") &&
              cfg.get_string("builder.mode") == "local";
  o.min_yaw_deg = cfg.get_number("refine.min_yaw_deg");
  o.min_interval_ms = cfg.get_number("refine.min_interval_s") * 1000.0;
  return o;
}

}  // namespace am
