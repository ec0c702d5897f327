#include "pipeline/view_face_swap.hpp"

#include <optional>

#include "core/error.hpp"
#include "faceswap/pose_face_parts.hpp"
#include "faceswap/source_photos.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {

namespace {

// The FaceMap id of a face nobody tracked owns: no entry has it, so it gets the photo for the rest.
constexpr int kNoPerson = -1;

}  // namespace

SourceChoice choice_by_person(const SourceChoice& by_id, std::span<const PoseLandmarks> poses,
                              std::span<const int> ids) {
  return [by_id, poses, ids](const TargetFace& face) {
    const std::optional<std::size_t> owner = face_owner(face.box, poses);
    const int id = owner && ids[*owner] != 0 ? ids[*owner] : kNoPerson;
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
  if (!cfg.get_bool("face_swap.enabled")) return nullptr;
  const FaceMap map = face_map_from(cfg);
  if (map.empty())
    throw SourceError(
        "face_swap.enabled is true but neither face_swap.source_image nor face_swap.face_map "
        "names a photo: set one (or FACE_SWAP_SOURCE_IMAGE / FACE_SWAP_FACE_MAP)");
  return std::make_unique<ViewFaceSwap>(models, map, face_swap_options(cfg));
}

}  // namespace am
