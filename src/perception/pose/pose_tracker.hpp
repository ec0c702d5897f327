// BlazePose for several people. process() takes a BGR frame and gives one PoseObservation per
// person (at most max_persons), each from its own ROI track: a new person starts from the
// detector (ROI from the hip-centre and scale keypoints), later frames crop where the previous
// frame's auxiliary landmarks say the person is. A track ends when its pose presence drops
// below min_presence; the detector runs again on the next frame, and every redetect_interval
// frames to find newcomers (detections whose hip centre is near a tracked one are ignored).
// With video = false each call is a still image: tracks are reset first and nothing is
// smoothed. With video = true landmarks are smoothed per track (PoseSmoother) using
// timestamp_ms. Ids are local to this tracker, increasing, never reused until reset().
#pragma once

#include <filesystem>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "perception/pose/pose_models.hpp"
#include "perception/pose/pose_smoother.hpp"
#include "perception/pose/pose_types.hpp"

namespace am {

struct PoseTrackerOptions {
  PoseComplexity complexity = PoseComplexity::Full;
  int max_persons = 4;
  int redetect_interval = 10;     // frames; 0 = only when a track is lost
  float min_presence = 0.5f;      // MediaPipe's pose presence threshold
  float same_person_hip = 0.15f;  // hip centres closer than this x ROI side: same person
  bool with_mask = false;
};

class PoseTracker {
 public:
  PoseTracker(const std::filesystem::path& models_dir, const PoseTrackerOptions& options = {},
              const SessionOptions& session = {});

  std::vector<PoseObservation> process(const cv::Mat& bgr, double timestamp_ms, bool video);
  void reset();

 private:
  struct Track {
    int id = 0;
    RotatedRoi roi;
    PoseSmoother smoother;
  };

  bool detection_due() const;
  void start_new_tracks(const cv::Mat& bgr);
  bool is_tracked(cv::Point2f hip_centre) const;
  // Runs the landmark model on a track; false when the person is gone.
  bool update_track(Track& track, const cv::Mat& bgr, double timestamp_ms, bool video,
                    PoseObservation& observation) const;
  void drop_duplicate_tracks(std::vector<PoseObservation>& observations);

  PoseDetector detector_;
  PoseLandmarker landmarker_;
  PoseTrackerOptions options_;
  std::vector<Track> tracks_;
  int next_id_ = 1;
  int frames_since_detection_ = 0;
  bool track_lost_ = false;
};

}  // namespace am
