#include "pipeline/view_face_swap.hpp"

#include <optional>

#include "faceswap/pose_face_parts.hpp"
#include "faceswap/source_photos.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {

SourceChoice choice_by_person(const SourceChoice& by_id, std::span<const PoseLandmarks> poses,
                              std::span<const int> ids) {
  return [by_id, poses, ids](const TargetFace& face) {
    const std::optional<std::size_t> owner = face_owner(face.box, poses);
    const int id = owner && ids[*owner] != 0 ? ids[*owner] : kUnlistedFace;
    return by_id(TargetFace{id, face.box});
  };
}

ViewFaceSwap::ViewFaceSwap(const std::filesystem::path& models, const FaceMap& map,
                           const FaceSwapOptions& options)
    : swapper_(models, options), by_id_(map.choose()) {
  add_sources(swapper_, map);
}

cv::Mat ViewFaceSwap::swap(const cv::Mat& frame, double time_s,
                           std::span<const PoseLandmarks> poses, std::span<const int> ids,
                           SwapStats* stats) {
  return swapper_.swap_at(frame, time_s, stats, choice_by_person(by_id_, poses, ids),
                          hand_occluder_mask(poses, frame.size()));
}

std::unique_ptr<ViewFaceSwap> view_face_swap_from(const Config& cfg,
                                                  const std::filesystem::path& models) {
  const std::optional<FaceMap> map = swap_face_map(cfg);
  if (!map) return nullptr;
  return std::make_unique<ViewFaceSwap>(models, *map, face_swap_options(cfg));
}

}  // namespace am
