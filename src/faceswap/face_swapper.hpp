// Face swapping on images and video, one source face or several. The constructor takes the models
// folder, options and optionally the first source photo; add_source() adds more. Each source face
// is found once (fr_detect boxes; the largest when several, logged "N faces found in NAME, using
// the largest"; none -> SourceError naming the photo) with its 468-point mesh (face_landmark.onnx),
// both on the execution provider of options.session. swap() takes a BGR frame and gives a copy
// with faces in it replaced (paste_face): every face by source 0, or each by the source a
// SourceChoice picks for it from its face id (stable while the face is tracked, numbered from 0
// in order of appearance, left to right within a frame) and its box. Between detections (every
// detect_interval frames, whenever no face is tracked, and on the frame after a tracked face was
// lost) each face is tracked by re-running the mesh on the ROI of its previous landmarks;
// landmarks are smoothed over time (One Euro) so video does not jitter, and while a tracked eye
// is closed (blink.hpp) the camera's closed eye is kept. Call reset() between
// unrelated images. Not thread-safe.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "faceswap/blink.hpp"
#include "faceswap/landmark_filter.hpp"
#include "faceswap/paste_face.hpp"
#include "infer/onnx_model.hpp"
#include "perception/face/face_box_detector.hpp"
#include "perception/face/face_mesh.hpp"

namespace am {

struct FaceSwapOptions {
  PasteOptions paste;
  LandmarkSmoothing smoothing;
  bool smooth = true;            // temporal smoothing of the target landmarks
  int detect_interval = 10;      // frames between face detections while faces are tracked
  float min_presence = 0.5f;     // mesh face probability below which a track is dropped
  double frame_rate = 30;        // frame spacing assumed by swap() (swap_at() takes real times)
  bool keep_closed_eyes = true;  // while a tracked eye blinks, the camera's closed eye shows
  BlinkParams blink;
  SessionOptions session;  // device and threads for the models
};

// A face in the target frame, for choosing its source.
struct TargetFace {
  int id = 0;      // stable while the face is tracked
  cv::Rect2f box;  // bounds of its mesh points, frame pixels
};

// The index of the source (in add_source order) to put on a face; nullopt leaves it alone.
using SourceChoice = std::function<std::optional<std::size_t>(const TargetFace&)>;

struct SwapStats {
  bool detected = false;  // the face detector ran on this frame
  double detect_ms = 0;
  double landmarks_ms = 0;
  double paste_ms = 0;
  std::vector<std::vector<cv::Point2f>> landmarks;  // per swapped face: the 468 points used
  std::vector<PastedFace> faces;                    // per swapped face: region and blend mask
  std::vector<TargetFace> targets;                  // per swapped face: its id and box
  std::vector<std::size_t> sources;                 // per swapped face: the source put on it
};

class FaceSwapper {
 public:
  FaceSwapper(const std::filesystem::path& models_dir, const FaceSwapOptions& options = {});
  FaceSwapper(const std::filesystem::path& models_dir, const cv::Mat& source_bgr,
              const FaceSwapOptions& options = {},
              const std::string& source_name = "the source image");

  // Finds the face in a source photo; gives its index for a SourceChoice.
  std::size_t add_source(const cv::Mat& source_bgr, const std::string& source_name);

  // The next video frame (frames assumed 1 / frame_rate apart). Without a choice every face gets
  // source 0 (none added: the frame is returned unchanged).
  cv::Mat swap(const cv::Mat& target_bgr, SwapStats* stats = nullptr,
               const SourceChoice& choose = {});
  // A frame seen at time_s seconds (increasing). `occluded` (CV_8U, frame-sized, or empty):
  // pixels in front of faces, e.g. hands from the body pose; they are left as they are.
  cv::Mat swap_at(const cv::Mat& target_bgr, double time_s, SwapStats* stats = nullptr,
                  const SourceChoice& choose = {}, const cv::Mat& occluded = {});
  // Forgets tracked faces: the next frame starts with a detection, face ids start at 0 again.
  void reset();

  const SourceFace& source(std::size_t index = 0) const { return sources_.at(index); }
  std::size_t source_count() const { return sources_.size(); }

 private:
  struct Track {
    int id = -1;  // given when the mesh first finds the face
    FaceRoi roi;
    LandmarkFilterState filter;
    UsualEyes eyes;                 // for blinks
    std::optional<cv::Rect2f> box;  // a new track's detector box, until the mesh has settled on it
  };

  void detect_new_faces(const cv::Mat& bgr);
  void drop_duplicate_tracks();
  std::optional<std::size_t> source_for(const TargetFace& face, const SourceChoice& choose) const;
  // `occluded` plus the track's closed eyes (`seen`: this frame's raw mesh).
  cv::Mat kept_in_front(const cv::Mat& occluded, Track& track, const FaceMeshResult& seen,
                        std::span<const cv::Point2f> points, cv::Size size) const;

  FaceSwapOptions options_;
  FaceBoxDetector boxes_;
  FaceMesh mesh_;
  std::vector<SourceFace> sources_;
  std::vector<Track> tracks_;
  int next_id_ = 0;
  int frames_since_detect_ = 0;
  bool lost_track_ = false;  // a tracked face was lost: look for it again on the next frame
  long long frames_ = 0;
};

}  // namespace am
