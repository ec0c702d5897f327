#include "faceswap/face_swapper.hpp"

#include <algorithm>
#include <chrono>

#include <spdlog/spdlog.h>
#include <opencv2/imgproc.hpp>

#include "core/error.hpp"
#include "faceswap/expression_metric.hpp"
#include "perception/common/nms.hpp"
#include "perception/face/face_detector.hpp"

namespace am {

namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

constexpr float kMinSourcePresence = 0.5f;

cv::Rect2f points_bounds(const std::vector<cv::Point2f>& points) {
  return cv::boundingRect(points);
}

// The mesh found in a rough ROI, refined once from the ROI of its own points: the refined one
// while the model still sees a face there (presence >= min_presence), else whichever of the two
// it is surer of.
FaceMeshResult settled_mesh(const FaceMesh& mesh, const cv::Mat& bgr, const FaceRoi& rough,
                            float min_presence) {
  FaceMeshResult first = mesh.locate(bgr, rough);
  FaceMeshResult refined = mesh.locate(bgr, roi_from_points(first.points));
  return refined.presence >= std::min(min_presence, first.presence) ? refined : first;
}

// The mesh of the face in a detector box: from the box's ROI, and when the model sees no face
// there, from the top of the box (turned or lowered faces, whose boxes reach down the neck).
FaceMeshResult mesh_from_box(const FaceMesh& mesh, const cv::Mat& bgr, const cv::Rect2f& box,
                             float min_presence) {
  FaceMeshResult face = settled_mesh(mesh, bgr, roi_from_box(box), min_presence);
  if (face.presence >= min_presence) return face;
  FaceMeshResult top = settled_mesh(mesh, bgr, roi_from_box_top(box), min_presence);
  return top.presence > face.presence ? top : face;
}

SourceFace find_source_face(const cv::Mat& bgr, const FaceBoxDetector& boxes, const FaceMesh& mesh,
                            const std::string& name) {
  if (bgr.empty())
    throw SourceError("face swap: " + name + " is empty or unreadable: give a photo");
  const std::vector<ScoredBox> found = boxes.detect(bgr);
  if (found.empty())
    throw SourceError("face swap: no face found in " + name +
                      ": use a photo with one clearly visible, frontal face");
  const auto largest =
      std::max_element(found.begin(), found.end(),
                       [](const auto& a, const auto& b) { return a.box.area() < b.box.area(); });
  if (found.size() > 1) spdlog::info("{} faces found in {}, using the largest", found.size(), name);
  const FaceMeshResult face = mesh_from_box(mesh, bgr, largest->box, kMinSourcePresence);
  return make_source_face(bgr, face.points);
}

}  // namespace

FaceSwapper::FaceSwapper(const std::filesystem::path& models_dir, const FaceSwapOptions& options)
    : options_(options),
      boxes_(models_dir / kFaceDetectModelFile, {}, options.session),
      mesh_(models_dir / kFaceMeshModelFile, options.session) {}

FaceSwapper::FaceSwapper(const std::filesystem::path& models_dir, const cv::Mat& source_bgr,
                         const FaceSwapOptions& options, const std::string& source_name)
    : FaceSwapper(models_dir, options) {
  add_source(source_bgr, source_name);
}

std::size_t FaceSwapper::add_source(const cv::Mat& source_bgr, const std::string& source_name) {
  sources_.push_back(find_source_face(source_bgr, boxes_, mesh_, source_name));
  return sources_.size() - 1;
}

void FaceSwapper::reset() {
  tracks_.clear();
  next_id_ = 0;
  frames_since_detect_ = 0;
  lost_track_ = false;
}

void FaceSwapper::detect_new_faces(const cv::Mat& bgr) {
  std::vector<ScoredBox> boxes = boxes_.detect(bgr);
  std::sort(boxes.begin(), boxes.end(),
            [](const ScoredBox& a, const ScoredBox& b) { return a.box.x < b.box.x; });
  for (const ScoredBox& found : boxes) {
    const cv::Point2f center(found.box.x + found.box.width / 2, found.box.y + found.box.height / 2);
    // A face is tracked when its box centre lies on a tracked face (the ROI without its margin:
    // the margin reaches onto the neighbours in a crowd).
    const bool tracked = std::any_of(tracks_.begin(), tracks_.end(), [&](const Track& t) {
      const FaceRoi face{t.roi.center, t.roi.size / kMeshRoiScale, t.roi.angle};
      return roi_bounds(face).contains(center);
    });
    if (!tracked) tracks_.push_back({-1, roi_from_box(found.box), {}, {}, found.box});
  }
  frames_since_detect_ = 0;
}

void FaceSwapper::drop_duplicate_tracks() {
  for (std::size_t i = 0; i < tracks_.size(); ++i) {
    for (std::size_t j = tracks_.size(); j-- > i + 1;) {
      if (box_iou(roi_bounds(tracks_[i].roi), roi_bounds(tracks_[j].roi)) > 0.5f)
        tracks_.erase(tracks_.begin() + static_cast<std::ptrdiff_t>(j));
    }
  }
}

std::optional<std::size_t> FaceSwapper::source_for(const TargetFace& face,
                                                   const SourceChoice& choose) const {
  const std::optional<std::size_t> chosen = choose ? choose(face) : std::optional<std::size_t>(0);
  if (chosen && *chosen >= sources_.size()) return std::nullopt;
  return chosen;
}

cv::Mat FaceSwapper::kept_in_front(const cv::Mat& occluded, Track& track,
                                   const FaceMeshResult& seen, std::span<const cv::Point2f> points,
                                   cv::Size size) const {
  if (!options_.keep_closed_eyes) return occluded;
  if (track.filter.restarted) track.eyes = {};  // a new face, or a cut: someone else
  const std::array<bool, 2> closed =
      closed_eyes(track.eyes, expression_of(seen.points), head_yaw_degrees(seen.points, seen.depth),
                  options_.blink);
  if (!closed[0] && !closed[1]) return occluded;
  cv::Mat eyes = closed_eye_mask(points, closed, size, options_.blink);
  if (!occluded.empty()) eyes |= occluded;
  return eyes;
}

cv::Mat FaceSwapper::swap(const cv::Mat& target_bgr, SwapStats* stats, const SourceChoice& choose) {
  return swap_at(target_bgr, static_cast<double>(frames_) / options_.frame_rate, stats, choose);
}

cv::Mat FaceSwapper::swap_at(const cv::Mat& target_bgr, double time_s, SwapStats* stats,
                             const SourceChoice& choose, const cv::Mat& occluded) {
  SwapStats local;
  SwapStats& s = stats ? *stats : local;
  s = {};
  ++frames_;
  auto start = std::chrono::steady_clock::now();
  if (tracks_.empty() || lost_track_ || ++frames_since_detect_ >= options_.detect_interval) {
    detect_new_faces(target_bgr);
    s.detected = true;
    s.detect_ms = ms_since(start);
  }
  cv::Mat output = target_bgr.clone();
  std::vector<Track> kept;
  lost_track_ = false;
  for (Track& track : tracks_) {
    start = std::chrono::steady_clock::now();
    const bool established = !track.box;
    const FaceMeshResult face =
        track.box ? mesh_from_box(mesh_, target_bgr, *track.box, options_.min_presence)
                  : mesh_.locate(target_bgr, track.roi);
    track.box.reset();
    s.landmarks_ms += ms_since(start);
    if (face.presence < options_.min_presence) {
      lost_track_ = lost_track_ || established;
      continue;
    }
    track.roi = roi_from_points(face.points);
    if (track.id < 0) track.id = next_id_++;
    const float size = std::max(points_bounds(face.points).width, 1.0f);
    std::vector<cv::Point2f> points =
        options_.smooth
            ? filter_landmarks(track.filter, face.points, time_s, size, options_.smoothing)
            : face.points;
    kept.push_back(std::move(track));
    const TargetFace target{kept.back().id, points_bounds(points)};
    const std::optional<std::size_t> source = source_for(target, choose);
    if (!source) continue;
    const cv::Mat in_front = kept_in_front(occluded, kept.back(), face, points, target_bgr.size());
    start = std::chrono::steady_clock::now();
    s.faces.push_back(
        paste_face(output, sources_[*source], points, options_.paste, in_front, face.depth));
    s.paste_ms += ms_since(start);
    s.landmarks.push_back(std::move(points));
    s.targets.push_back(target);
    s.sources.push_back(*source);
  }
  tracks_ = std::move(kept);
  drop_duplicate_tracks();
  return output;
}

}  // namespace am
