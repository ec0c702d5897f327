#include "avatar/view_pose.hpp"

#include <cmath>
#include <numbers>

#include <opencv2/imgproc.hpp>

#include "avatar/depth_raster.hpp"
#include "avatar/image_aligned_pose.hpp"
#include "avatar/image_frame.hpp"
#include "avatar/landmarks.hpp"
#include "avatar/mesh_ops.hpp"
#include "avatar/silhouette_fit.hpp"
#include "avatar/silhouette_pose.hpp"
#include "avatar/skinning.hpp"
#include "body/bone_rotations.hpp"

namespace am::avatar {

namespace {

// The silhouette shift search reaches 1/40 of the person's height (27 px at 1080 rows) around
// the mean-column match.
constexpr int kShiftSearchDivisor = 40;

// Left minus right of a landmark pair, in the model frame's ground plane (x, z).
Eigen::Vector2f across_xz(const PoseLandmarks& world, int left, int right) {
  return {world[left].x - world[right].x, -(world[left].z - world[right].z)};
}

float wrap_deg(float deg) {
  while (deg > 180.0f) deg -= 360.0f;
  while (deg <= -180.0f) deg += 360.0f;
  return deg;
}

std::vector<Eigen::Quaternionf> as_float(const BoneQuats& q) {
  std::vector<Eigen::Quaternionf> out;
  out.reserve(q.size());
  for (const Eigen::Quaterniond& r : q) out.push_back(r.cast<float>());
  return out;
}

}  // namespace

Mesh pose_mesh(const RiggedAvatar& avatar, const PoseLandmarks& frame_world) {
  const BindPose bind = make_bind_pose(landmark_points(avatar.bind_world));
  const auto local = as_float(bone_rotations(bind, landmark_points(frame_world)));
  Mesh posed = avatar.rest;
  posed.V = linear_blend_skinning(avatar.rest.V, avatar.weights, avatar.skeleton,
                                  posed_global_transforms(avatar.skeleton, local));
  posed.N = vertex_normals(posed.V, posed.F);
  return posed;
}

ImageToModel fit_camera_to_mask(const Mesh& posed, ImageToModel camera, const cv::Mat& mask) {
  const cv::Rect rows = cv::boundingRect(mask);
  const float low = posed.V.col(1).minCoeff(), high = posed.V.col(1).maxCoeff();
  if (rows.height < 2 || high <= low) return camera;
  camera.metres_per_pixel = (high - low) / static_cast<float>(rows.height - 1);
  camera.hip_px.y() =
      static_cast<float>(rows.br().y - 1) - (camera.hip_height - low) / camera.metres_per_pixel;
  const cv::Mat rendered = rasterize_depth(posed, camera, mask.size()).face >= 0;
  const cv::Moments drawn = cv::moments(rendered, true), person = cv::moments(mask, true);
  if (drawn.m00 <= 0 || person.m00 <= 0) return camera;
  const cv::Point mean_column_shift(cvRound(person.m10 / person.m00 - drawn.m10 / drawn.m00), 0);
  const int radius = std::max(2, rows.height / kShiftSearchDivisor);
  const cv::Point shift = best_silhouette_shift(rendered, mask, mean_column_shift, radius);
  camera.hip_px += Eigen::Vector2f(static_cast<float>(shift.x), static_cast<float>(shift.y));
  return camera;
}

PosedView pose_with(const RiggedAvatar& avatar, const PoseLandmarks& pose,
                    const PoseLandmarks& frame_landmarks, const PoseLandmarks& frame_world,
                    const cv::Mat& frame_mask) {
  Mesh posed = pose_mesh(avatar, pose);
  const ImageToModel camera = fit_camera_to_mask(
      posed, estimate_image_to_model(frame_landmarks, frame_world, frame_mask), frame_mask);
  return {std::move(posed), camera, pose};
}

PosedView pose_to_frame(const RiggedAvatar& avatar, const PoseLandmarks& frame_landmarks,
                        const PoseLandmarks& frame_world, const cv::Mat& frame_mask) {
  const PoseLandmarks aligned = align_world_to_image(frame_landmarks, frame_world);
  const PosedView first = pose_with(avatar, aligned, frame_landmarks, frame_world, frame_mask);
  const PoseLandmarks fitted = fit_pose_to_silhouette(avatar, aligned, first.camera, frame_mask);
  return pose_with(avatar, fitted, frame_landmarks, frame_world, frame_mask);
}

float body_yaw_deg(const PoseLandmarks& world) {
  const Eigen::Vector2f across = across_xz(world, lm::kLeftShoulder, lm::kRightShoulder) +
                                 across_xz(world, lm::kLeftHip, lm::kRightHip);
  // Across (1, 0) turned by yaw about +Y is (cos, -sin) in (x, z).
  return wrap_deg(std::atan2(-across.y(), across.x()) * 180.0f / std::numbers::pi_v<float>);
}

float relative_yaw_deg(const PoseLandmarks& build_world, const PoseLandmarks& frame_world) {
  return wrap_deg(body_yaw_deg(frame_world) - body_yaw_deg(build_world));
}

}  // namespace am::avatar
