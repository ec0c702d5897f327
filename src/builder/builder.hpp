// Photo to rigged avatar. Takes an 8-bit BGR photo, one person's pose in it (or a PoseTracker to
// find the person) and the person segmenter; cuts out the person (crop around the landmark box,
// resized for resolution), reconstructs a closed textured mesh, places the 22-bone humanoid
// skeleton, solves heat-diffusion skin weights and encodes the .glb (optionally writes an OBJ).
// Throws am::Error (one actionable line) when there is no person or the photo is unusable.
//
// Contract with the pose stream: the .glb's bind pose is the pose in the photo, and its bone
// rests are exactly those make_bind_pose(bind_world) computes (docs/skeleton.md). A stream that
// animates this avatar must compute bone_rotations(make_bind_pose(bind_world), live_world) with
// THIS build's bind_world; bone_rotations(make_bind_pose(bind_world), bind_world) is the
// identity for every bone (the avatar stands as in the photo).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "avatar/body_height.hpp"
#include "avatar/reconstruct.hpp"
#include "avatar/skin_weights.hpp"
#include "avatar/view_refine.hpp"
#include "builder/build_report.hpp"
#include "builder/person_crop.hpp"
#include "perception/face/face_mesh.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "perception/segmentation/segmenter.hpp"

namespace am::builder {

struct BuildOptions {
  CropOptions crop;
  SegmentOptions segment;  // default: GrabCut edge refinement
  avatar::ReconstructOptions reconstruct;
  avatar::SkinWeightOptions weights;    // visibility is set from the silhouette
  const FaceMesh* face_mesh = nullptr;  // set: the face oval shapes the back of the head; not
                                        // set: an oval estimated from the pose landmarks
  std::filesystem::path obj_out;        // non-empty: also write OBJ + MTL + PNG there
  // Set: the photo's camera, fixed at a known height above the floor (floor_stature.hpp): the
  // avatar is scaled to the stature it sees. Not set, or no stature seen: the pose model's scale.
  std::optional<avatar::FloorCamera> floor_camera;
};

struct AvatarBuild {
  std::vector<uint8_t> glb;               // binary glTF 2.0
  PoseLandmarks bind_world;               // MediaPipe world landmarks of the bind pose (metres)
  avatar::PersonView view;                // the working view: cropped photo, mask, landmarks
  avatar::Reconstruction reconstruction;  // mesh, image-to-model map of `view`, per-vertex pixels
  BindPose skeleton;                      // the 22 bones in the mesh frame (avatar/skeleton.hpp)
  avatar::SkinWeights weights;
  BuildReport report;
};

// person: the pose of the person to build, in photo pixels (e.g. from PoseTracker::process).
AvatarBuild build_avatar(const cv::Mat& bgr, const PoseObservation& person,
                         const Segmenter& segmenter, const BuildOptions& options = {});

// Runs the pose on the photo as a still image and builds the largest person found.
AvatarBuild build_avatar(const cv::Mat& bgr, PoseTracker& pose, const Segmenter& segmenter,
                         const BuildOptions& options = {});

// The build's rest mesh, rig and bind pose, ready to pose into later frames (both refer to the
// build, which must outlive them).
avatar::RiggedAvatar rigged(const AvatarBuild& build);
// The build's working view as a frame of the person (the shape fit's front view).
avatar::FrameObservation photo_observation(const AvatarBuild& build);

}  // namespace am::builder
