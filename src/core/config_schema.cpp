#include "core/config_schema.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/error.hpp"

namespace am {
namespace {

KeySpec boolean(std::string key, std::string env, std::string help) {
  return {std::move(key), ValueType::Bool, std::move(env), 0, 0, {}, std::move(help)};
}
KeySpec integer(std::string key, std::string env, double min, double max, std::string help) {
  return {std::move(key), ValueType::Int, std::move(env), min, max, {}, std::move(help)};
}
KeySpec number(std::string key, std::string env, double min, double max, std::string help) {
  return {std::move(key), ValueType::Number, std::move(env), min, max, {}, std::move(help)};
}
KeySpec text(std::string key, std::string env, std::string help,
             std::vector<std::string> choices = {}) {
  return {std::move(key),     ValueType::String, std::move(env), 0, 0,
          std::move(choices), std::move(help)};
}

std::vector<KeySpec> build_schema() {
  const std::vector<std::string> devices = {"auto", "cpu", "cuda"};
  return {
      integer("camera.device_id", "CAMERA_DEVICE_ID", 0, 63, "camera index (/dev/videoN)"),
      integer("camera.width", "CAMERA_WIDTH", 160, 7680, "requested capture width"),
      integer("camera.height", "CAMERA_HEIGHT", 120, 4320, "requested capture height"),
      integer("camera.fps", "CAMERA_FPS", 1, 240, "requested capture frame rate"),
      number("camera.mount_height_m", "CAMERA_MOUNT_HEIGHT_M", 0, 10,
             "lens height above the floor, metres (0: unknown; set: avatars get true heights)"),
      number("camera.tilt_deg", "CAMERA_TILT_DEG", -60, 60,
             "camera tilt below the horizontal, degrees"),
      number("camera.hfov_deg", "CAMERA_HFOV_DEG", 20, 170,
             "horizontal field of view, degrees (used when tilted)"),
      text("websocket.host", "WEBSOCKET_HOST", "address the server binds to"),
      integer("websocket.port", "WEBSOCKET_PORT", 0, 65535,
              "WebSocket and HTTP port (0: any free port)"),
      text("websocket.public_host", "WEBSOCKET_PUBLIC_HOST",
           "host name put in mesh_url (empty: websocket.host)"),
      text("websocket.allowed_origins", "WEBSOCKET_ALLOWED_ORIGINS",
           "comma-separated Origins allowed to connect (empty: any)"),
      text("websocket.token", "WEBSOCKET_TOKEN", "shared token clients must send (empty: none)"),
      integer("websocket.max_message_kb", "WEBSOCKET_MAX_MESSAGE_KB", 1, 16384,
              "largest message a client may send"),
      number("websocket.idle_timeout_s", "WEBSOCKET_IDLE_TIMEOUT_S", 1, 3600,
             "drop a client silent this long"),
      boolean("vmc.enabled", "VMC_ENABLED", "send the pose as VMC (OSC over UDP)"),
      text("vmc.host", "VMC_HOST", "VMC receiver address"),
      integer("vmc.port", "VMC_PORT", 1, 65535, "VMC receiver port"),
      boolean("cache.use_redis", "USE_REDIS", "use Redis instead of the file cache"),
      text("cache.cache_dir", "CACHE_DIR", "file cache folder (empty: <home>/cache)"),
      text("cache.redis_url", "REDIS_URL", "Redis server, redis://host:port/db"),
      integer("cache.max_size_mb", "CACHE_MAX_SIZE_MB", 1, 1e7, "file cache size limit"),
      number("cache.ttl_hours", "CACHE_TTL_HOURS", 0, 87600, "drop entries unused this long"),
      boolean("face_swap.enabled", "FACE_SWAP_ENABLED", "swap faces on avatars"),
      text("face_swap.device", "FACE_SWAP_DEVICE", "where face models run", devices),
      text("face_swap.source_image", "FACE_SWAP_SOURCE_IMAGE", "the face to swap in"),
      text("face_swap.face_map", "FACE_SWAP_FACE_MAP",
           "source photo per face: ID=PHOTO,...,*=PHOTO for the rest"),
      text("face_swap.blend", "FACE_SWAP_BLEND", "how the face edge is blended",
           {"feathered", "seamless"}),
      boolean("face_swap.keep_mouth", "FACE_SWAP_KEEP_MOUTH",
              "the target's own open mouth shows through"),
      boolean("face_swap.keep_eyes", "FACE_SWAP_KEEP_EYES", "the target's own eyes show through"),
      boolean("face_swap.keep_closed_eyes", "FACE_SWAP_KEEP_CLOSED_EYES",
              "the target's own eye shows through while it blinks (video)"),
      text("processing.device", "AVATAR_MIRROR_DEVICE", "where models run", devices),
      integer("processing.threads", "PROCESSING_THREADS", 0, 256, "inference threads (0: all)"),
      integer("processing.max_persons", "MAX_PERSONS", 1, 16, "people tracked at once"),
      integer("processing.num_workers", "NUM_WORKERS", 1, 64, "avatar builder threads"),
      number("processing.quality_threshold", "QUALITY_THRESHOLD", 0, 1,
             "quality gate score needed to build an avatar"),
      text("builder.mode", "BUILDER_MODE",
           "where avatars are built: here, or by `avatar-mirror worker`s through Redis",
           {"local", "redis"}),
      number("builder.claim_timeout_s", "BUILDER_CLAIM_TIMEOUT_S", 0.1, 3600,
             "a build job idle this long (its worker died) is taken over by another worker"),
      integer("builder.max_attempts", "BUILDER_MAX_ATTEMPTS", 1, 100,
              "deliveries of a failing build job before it goes to the dead-letter stream"),
      boolean("refine.enabled", "REFINE_ENABLED",
              "refine announced avatars from frames where the person turned (avatar_updated)"),
      number("refine.min_yaw_deg", "REFINE_MIN_YAW_DEG", 10, 180,
             "body turn from the build view that makes a frame worth refining from"),
      number("refine.min_interval_s", "REFINE_MIN_INTERVAL_S", 0, 3600,
             "time between two refinements of one person's avatar"),
      text("pose.model", "POSE_MODEL", "pose landmark model", {"lite", "full", "heavy"}),
      integer("pose.redetect_interval", "POSE_REDETECT_INTERVAL", 0, 1000,
              "frames between searches for newcomers (0: only when a track is lost)"),
      number("tracking.lost_timeout_s", "TRACKING_LOST_TIMEOUT_S", 0.1, 600,
             "a person unseen this long has left"),
      boolean("tracking.full_body", "TRACKING_FULL_BODY",
              "the quality gate wants the whole body (false: upper body)"),
      number("tracking.clear_face_quality", "TRACKING_CLEAR_FACE_QUALITY", 0, 1,
             "best-faces quality from which the face alone decides who returns"),
      number("tracking.face_threshold", "TRACKING_FACE_THRESHOLD", -1, 1,
             "face cosine from which a clear face returns an identity"),
      number("tracking.face_veto", "TRACKING_FACE_VETO", -1, 1,
             "a face scoring below this against an identity's faces blocks its body return"),
      number("tracking.body_threshold", "TRACKING_BODY_THRESHOLD", 0, 10,
             "body appearance distance up to which the body alone returns an identity"),
      number("tracking.body_margin", "TRACKING_BODY_MARGIN", 0, 10,
             "how much farther the next closest body must be"),
      integer("tracking.min_body_frames", "TRACKING_MIN_BODY_FRAMES", 1, 1000,
              "frames of body appearance before the body may decide"),
      number("tracking.body_window_hours", "TRACKING_BODY_WINDOW_HOURS", 0, 8760,
             "the body alone returns only people seen this recently (clothes change)"),
      text("models.dir", "MODELS_DIR", "model folder (empty: <home>/models)"),
      text("logging.level", "LOG_LEVEL", "log level",
           {"trace", "debug", "info", "warn", "error", "critical", "off"}),
      text("logging.file", "LOG_FILE", "log file (empty: <home>/avatar_mirror.log)"),
      integer("logging.max_size_mb", "LOG_MAX_SIZE_MB", 1, 1024, "log file size before rotating"),
      integer("logging.max_files", "LOG_MAX_FILES", 1, 100, "rotated log files kept"),
  };
}

std::string format_range(double v) {
  return v == std::floor(v) && std::abs(v) < 1e15 ? std::to_string(static_cast<long long>(v))
                                                  : std::to_string(v);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

const std::vector<KeySpec>& config_schema() {
  static const std::vector<KeySpec> schema = build_schema();
  return schema;
}

const KeySpec* find_key(std::string_view key) {
  const auto& schema = config_schema();
  auto it =
      std::find_if(schema.begin(), schema.end(), [&](const KeySpec& s) { return s.key == key; });
  return it == schema.end() ? nullptr : &*it;
}

std::string describe_allowed(const KeySpec& spec) {
  switch (spec.type) {
    case ValueType::Bool:
      return "true or false";
    case ValueType::Int:
      return "an integer in " + format_range(spec.min) + ".." + format_range(spec.max);
    case ValueType::Number:
      return "a number in " + format_range(spec.min) + ".." + format_range(spec.max);
    case ValueType::String:
      return spec.choices.empty() ? "a string" : "one of " + join(spec.choices);
  }
  return "";
}

std::string check_value(const KeySpec& spec, const nlohmann::json& value) {
  std::string wanted = "must be " + describe_allowed(spec);
  switch (spec.type) {
    case ValueType::Bool:
      return value.is_boolean() ? "" : wanted;
    case ValueType::Int:
      if (!value.is_number_integer()) return wanted;
      break;
    case ValueType::Number:
      if (!value.is_number()) return wanted;
      break;
    case ValueType::String:
      if (!value.is_string()) return wanted;
      if (!spec.choices.empty() && std::find(spec.choices.begin(), spec.choices.end(),
                                             value.get<std::string>()) == spec.choices.end())
        return wanted;
      return "";
  }
  const double v = value.get<double>();
  return (v < spec.min || v > spec.max) ? wanted : "";
}

nlohmann::json parse_env_value(const KeySpec& spec, const std::string& text) {
  const auto fail = [&]() -> nlohmann::json {
    throw ConfigError("config error: " + spec.env + "=\"" + text + "\" (environment, for " +
                      spec.key + ") is not valid: must be " + describe_allowed(spec));
  };
  switch (spec.type) {
    case ValueType::Bool: {
      static const std::vector<std::string> yes = {"1", "true", "yes", "on"};
      static const std::vector<std::string> no = {"0", "false", "no", "off"};
      if (std::find(yes.begin(), yes.end(), text) != yes.end()) return true;
      if (std::find(no.begin(), no.end(), text) != no.end()) return false;
      return fail();
    }
    case ValueType::Int: {
      char* end = nullptr;
      const long long v = std::strtoll(text.c_str(), &end, 10);
      if (text.empty() || *end != '\0') return fail();
      return v;
    }
    case ValueType::Number: {
      char* end = nullptr;
      const double v = std::strtod(text.c_str(), &end);
      if (text.empty() || *end != '\0') return fail();
      return v;
    }
    case ValueType::String:
      return text;
  }
  return fail();
}

}  // namespace am
