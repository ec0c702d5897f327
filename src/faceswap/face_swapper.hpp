// Face swapping on images and video. The constructor takes the models folder, the source photo
// and options: it finds the source face (fr_detect boxes; the largest when several, logged "N
// faces found in NAME, using the largest"; none -> SourceError naming the photo) and its 468-point
// mesh (face_landmark.onnx), both on the execution provider of options.session. swap() takes a BGR
// frame and gives a copy with every face in it replaced by the source face (paste_face). Between
// detections (every detect_interval frames, whenever no face is tracked, and on the frame after a
// tracked face was lost) each face is tracked by re-running the mesh on the ROI of its previous
// landmarks; landmarks are smoothed over time
// (One Euro) so video does not jitter. Call reset() between unrelated images. Not thread-safe.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/config.hpp"
#include "faceswap/face_mesh.hpp"
#include "faceswap/landmark_filter.hpp"
#include "faceswap/paste_face.hpp"
#include "infer/onnx_model.hpp"
#include "perception/face_box_detector.hpp"

namespace am {

struct FaceSwapOptions {
  PasteOptions paste;
  LandmarkSmoothing smoothing;
  bool smooth = true;         // temporal smoothing of the target landmarks
  int detect_interval = 10;   // frames between face detections while faces are tracked
  float min_presence = 0.5f;  // mesh face probability below which a track is dropped
  double frame_rate = 30;     // frame spacing assumed by swap() (swap_at() takes real times)
  SessionOptions session;     // device and threads for the models
};

// face_swap.device, .blend, .keep_mouth, .keep_eyes and processing.threads from the config;
// the rest default.
FaceSwapOptions face_swap_options(const Config& cfg);

struct SwapStats {
  bool detected = false;  // the face detector ran on this frame
  double detect_ms = 0;
  double landmarks_ms = 0;
  double paste_ms = 0;
  std::vector<std::vector<cv::Point2f>> landmarks;  // per swapped face: the 468 points used
  std::vector<PastedFace> faces;                    // per swapped face: region and blend mask
};

class FaceSwapper {
 public:
  FaceSwapper(const std::filesystem::path& models_dir, const cv::Mat& source_bgr,
              const FaceSwapOptions& options = {},
              const std::string& source_name = "the source image");

  // The next video frame (frames assumed 1 / frame_rate apart).
  cv::Mat swap(const cv::Mat& target_bgr, SwapStats* stats = nullptr);
  // A frame seen at time_s seconds (increasing).
  cv::Mat swap_at(const cv::Mat& target_bgr, double time_s, SwapStats* stats = nullptr);
  // Forgets tracked faces: the next frame starts with a detection.
  void reset();

  const SourceFace& source() const { return source_; }

 private:
  struct Track {
    FaceRoi roi;
    LandmarkFilterState filter;
    std::optional<cv::Rect2f> box;  // a new track's detector box, until the mesh has settled on it
  };

  void detect_new_faces(const cv::Mat& bgr);
  void drop_duplicate_tracks();

  FaceSwapOptions options_;
  FaceBoxDetector boxes_;
  FaceMesh mesh_;
  SourceFace source_;
  std::vector<Track> tracks_;
  int frames_since_detect_ = 0;
  bool lost_track_ = false;  // a tracked face was lost: look for it again on the next frame
  long long frames_ = 0;
};

}  // namespace am
