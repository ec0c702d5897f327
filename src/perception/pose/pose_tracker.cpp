#include "perception/pose/pose_tracker.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"

#include "perception/common/rotated_roi.hpp"
#include "perception/pose/pose_landmark_decode.hpp"

namespace am {

PoseTracker::PoseTracker(const std::filesystem::path& models_dir, const PoseTrackerOptions& options,
                         const SessionOptions& session)
    : detector_(models_dir / kPoseDetectionModelFile, session),
      landmarker_(models_dir / pose_landmark_model_file(options.complexity), session),
      options_(options) {}

void PoseTracker::reset() {
  tracks_.clear();
  next_id_ = 1;
  frames_since_detection_ = 0;
  track_lost_ = false;
}

bool PoseTracker::detection_due() const {
  if (tracks_.empty() || track_lost_) return true;
  if (static_cast<int>(tracks_.size()) >= options_.max_persons) return false;
  return options_.redetect_interval > 0 && frames_since_detection_ >= options_.redetect_interval;
}

bool PoseTracker::is_tracked(cv::Point2f hip_centre) const {
  for (const Track& t : tracks_) {
    const cv::Point2f d = hip_centre - t.roi.center;
    if (std::hypot(d.x, d.y) < options_.same_person_hip * t.roi.width) return true;
  }
  return false;
}

void PoseTracker::start_new_tracks(const cv::Mat& bgr) {
  frames_since_detection_ = 0;
  track_lost_ = false;
  for (const SsdDetection& d : detector_.detect(bgr)) {
    if (static_cast<int>(tracks_.size()) >= options_.max_persons) break;
    if (is_tracked(d.keypoints[0])) continue;
    tracks_.push_back({next_id_++, roi_from_alignment_points(d.keypoints[0], d.keypoints[1]), {}});
  }
}

bool PoseTracker::update_track(Track& track, const cv::Mat& bgr, double timestamp_ms, bool video,
                               PoseObservation& obs) const {
  RoiLandmarks found = landmarker_.estimate(bgr, track.roi, options_.with_mask);
  if (found.presence < options_.min_presence) return false;
  if (video) track.smoother.smooth(timestamp_ms / 1000.0, found.landmarks, found.world);
  obs.id = track.id;
  obs.score = found.presence;
  obs.roi = track.roi;
  obs.box = landmarks_box(found.landmarks, bgr.size());
  obs.mask = std::move(found.mask);
  track.roi = roi_from_landmarks(found.landmarks);
  for (int i = 0; i < kLandmarkCount; ++i) {
    obs.landmarks[i] = found.landmarks[i];
    obs.world_landmarks[i] = found.world[i];
    obs.world_landmarks[i].visibility = found.landmarks[i].visibility;
    obs.world_landmarks[i].presence = found.landmarks[i].presence;
  }
  return true;
}

void PoseTracker::drop_duplicate_tracks(std::vector<PoseObservation>& observations) {
  for (std::size_t i = 0; i < tracks_.size(); ++i) {
    for (std::size_t j = i + 1; j < tracks_.size();) {
      const cv::Point2f d = tracks_[i].roi.center - tracks_[j].roi.center;
      if (std::hypot(d.x, d.y) < options_.same_person_hip * tracks_[i].roi.width) {
        tracks_.erase(tracks_.begin() + static_cast<std::ptrdiff_t>(j));
        observations.erase(observations.begin() + static_cast<std::ptrdiff_t>(j));
      } else {
        ++j;
      }
    }
  }
}

std::vector<PoseObservation> PoseTracker::process(const cv::Mat& bgr, double timestamp_ms,
                                                  bool video) {
  if (bgr.empty() || bgr.type() != CV_8UC3) {
    throw Error("pose: expected a non-empty 8-bit BGR image, got type " +
                std::to_string(bgr.type()) + "; check the input file or camera");
  }
  if (!video) reset();
  if (detection_due()) start_new_tracks(bgr);
  ++frames_since_detection_;
  std::vector<PoseObservation> observations;
  std::vector<Track> alive;
  for (Track& track : tracks_) {
    PoseObservation obs;
    if (update_track(track, bgr, timestamp_ms, video, obs)) {
      alive.push_back(std::move(track));
      observations.push_back(std::move(obs));
    } else {
      track_lost_ = true;
    }
  }
  tracks_ = std::move(alive);
  drop_duplicate_tracks(observations);
  return observations;
}

}  // namespace am
