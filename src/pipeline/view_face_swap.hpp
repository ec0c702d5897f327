// The face swap of `run`'s mirror view (--preview, --record). Takes each camera frame with the
// people's body poses (image pixels) and their tracked ids (0: not tracked yet); gives the frame
// with every face swapped for the photo the face map (face_swap.face_map by tracked person id,
// face_swap.source_image for everyone else) gives the person the face belongs to (face_owner: the
// person whose pose's nose and eyes lie in the face's box; a face nobody owns, or an untracked
// person's, gets the photo for everyone else), and with everyone's hands (hand_occluder_mask)
// left as they are, not pasted over. Smooths landmarks along each face's track. Not thread-safe.
#pragma once

#include <filesystem>
#include <memory>
#include <span>

#include <opencv2/core/mat.hpp>

#include "body/landmarks.hpp"
#include "core/config.hpp"
#include "faceswap/face_map.hpp"
#include "faceswap/face_swapper.hpp"

namespace am {

// For one frame: the face map's choice (by_id, over FaceMap ids) made for the tracked person who
// owns each face. poses and ids (same length) must outlive the returned choice.
SourceChoice choice_by_person(const SourceChoice& by_id, std::span<const PoseLandmarks> poses,
                              std::span<const int> ids);

class ViewFaceSwap {
 public:
  // Loads and finds the face in each photo of the map (SourceError naming a bad one).
  ViewFaceSwap(const std::filesystem::path& models, const FaceMap& map,
               const FaceSwapOptions& options);

  // poses[i] is the person tracked as ids[i]; time_s increases from frame to frame.
  cv::Mat swap(const cv::Mat& frame, double time_s, std::span<const PoseLandmarks> poses,
               std::span<const int> ids, SwapStats* stats = nullptr);

 private:
  FaceSwapper swapper_;
  SourceChoice by_id_;
};

// With face_swap.enabled, the mirror view's swap for swap_face_map(cfg); nullptr when face
// swapping is off. SourceError when the map names no photo or a missing one.
std::unique_ptr<ViewFaceSwap> view_face_swap_from(const Config& cfg,
                                                  const std::filesystem::path& models);

}  // namespace am
