// Posing the built avatar into another frame, the depth raster and painting the atlas from a
// turned view, the depth and shape fits, on the synthetic person (avatar_fixture.hpp) and on
// hand-made triangles.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "avatar/depth_fit.hpp"
#include "avatar/depth_raster.hpp"
#include "avatar/silhouette_shape.hpp"
#include "avatar/texture_paint.hpp"
#include "avatar/view_pose.hpp"
#include "core/error.hpp"
#include "unit/avatar/avatar_fixture.hpp"

namespace am::test {
namespace {

avatar::RiggedAvatar rigged(const BuiltAvatar& a) {
  return {a.rec.mesh, a.skeleton, a.weights, a.person.view.world};
}

// The mesh turned by `deg` about the model's vertical axis through the hips (x = z = 0).
avatar::Mesh turned(const avatar::Mesh& mesh, float deg) {
  const Eigen::Matrix3f r =
      Eigen::AngleAxisf(deg * std::numbers::pi_v<float> / 180.0f, Eigen::Vector3f::UnitY())
          .toRotationMatrix();
  avatar::Mesh out = mesh;
  out.V = mesh.V * r.transpose();
  out.N = mesh.N * r.transpose();
  return out;
}

// World landmarks turned by `deg` about the vertical (MediaPipe: y down, z away from the camera).
PoseLandmarks turned(PoseLandmarks world, float deg) {
  const float c = std::cos(deg * std::numbers::pi_v<float> / 180.0f);
  const float s = std::sin(deg * std::numbers::pi_v<float> / 180.0f);
  for (PoseLandmark& p : world) {
    const float x = p.x, z = p.z;
    p.x = c * x - s * z;  // model (x, -z) turned counter-clockwise seen from above
    p.z = s * x + c * z;
  }
  return world;
}

// Fraction of the texels of the atlas' right (back) half whose colour is `colour`.
double back_fraction_of(const cv::Mat& atlas, cv::Vec3b colour) {
  const cv::Mat back = atlas.colRange(atlas.cols / 2, atlas.cols);
  cv::Mat hit;
  cv::inRange(back, cv::Scalar(colour), cv::Scalar(colour), hit);
  return static_cast<double>(cv::countNonZero(hit)) / static_cast<double>(back.total());
}

TEST(ViewPose, BuildPoseReproducesTheRestMeshAndTheBuildProjection) {
  const auto& a = built_avatar();
  const avatar::PosedView v = avatar::pose_to_frame(rigged(a), a.person.view.landmarks,
                                                    a.person.view.world, a.rec.binary_mask);
  EXPECT_LT((v.mesh.V - a.rec.mesh.V).cwiseAbs().maxCoeff(), 1e-4f);
  float worst_px = 0;
  for (Eigen::Index i = 0; i < v.mesh.V.rows(); ++i) {
    const Eigen::Vector2f px = v.camera.to_pixel(v.mesh.V.row(i).transpose());
    worst_px = std::max(worst_px, (px - Eigen::Vector2f(a.rec.pixels.row(i))).norm());
  }
  EXPECT_LT(worst_px, 1.0f);
}

TEST(ViewPose, YawFollowsTheShouldersAndHipsAboutTheVertical) {
  const PoseLandmarks& world = built_avatar().person.view.world;
  EXPECT_NEAR(avatar::relative_yaw_deg(world, world), 0.0f, 1e-3f);
  EXPECT_NEAR(avatar::relative_yaw_deg(world, turned(world, 60)), 60.0f, 0.5f);
  EXPECT_NEAR(avatar::relative_yaw_deg(world, turned(world, -100)), -100.0f, 0.5f);
  EXPECT_NEAR(std::abs(avatar::relative_yaw_deg(world, turned(world, 180))), 180.0f, 0.5f);
}

TEST(ViewPose, TurnedLandmarksTurnTheMeshAboutTheVertical) {
  const auto& a = built_avatar();
  const avatar::Mesh posed = avatar::pose_mesh(rigged(a), turned(a.person.view.world, 90));
  // Turned to her left by 90 degrees, the chest (front sheet) faces +X.
  const Eigen::Vector3f chest = a.skeleton.head[index(Bone::Chest)].cast<float>();
  double facing_x = 0;
  int n = 0;
  for (Eigen::Index i = 0; i < posed.V.rows(); ++i)
    if (a.rec.side[i] == avatar::VertexSide::kFront &&
        (Eigen::Vector2f(a.rec.mesh.V.row(i).head<2>()) - chest.head<2>()).norm() < 0.08f)
      facing_x += posed.N(i, 0), ++n;
  ASSERT_GT(n, 10);
  EXPECT_GT(facing_x / n, 0.6);
}

// A side view of the synthetic person whose torso is `torso_scale` times as deep as built: the
// frame's landmarks, world landmarks and mask (its silhouette under the build's camera).
struct SideView {
  cv::Mat image, mask;
  PoseLandmarks landmarks{}, world{};
  avatar::FrameObservation observation() const { return {image, mask, landmarks, world}; }
};

SideView side_view_of_deeper_torso(const BuiltAvatar& a, float torso_scale, float yaw) {
  SideView v;
  v.world = turned(a.person.view.world, yaw);
  const avatar::Mesh deeper = avatar::scale_depth(rigged(a), {torso_scale, 1, 1, 1});
  const avatar::Mesh posed =
      avatar::pose_mesh({deeper, a.skeleton, a.weights, a.person.view.world}, v.world);
  const avatar::ImageToModel& camera = a.rec.frame;
  for (int i = 0; i < kLandmarkCount; ++i) {
    const Eigen::Vector3f model(v.world[i].x, camera.hip_height - v.world[i].y, -v.world[i].z);
    const Eigen::Vector2f px = camera.to_pixel(model);
    v.landmarks[i] = {px.x(), px.y(), 0, v.world[i].visibility, v.world[i].presence};
  }
  v.mask = render_silhouette(posed, camera, a.person.view.image.size());
  v.image = a.person.view.image;
  return v;
}

TEST(DepthFit, UnitScalesKeepTheRestMesh) {
  const auto& a = built_avatar();
  const avatar::Mesh same = avatar::scale_depth(rigged(a), {1, 1, 1, 1});
  EXPECT_LT((same.V - a.rec.mesh.V).cwiseAbs().maxCoeff(), 1e-5f);
}

TEST(DepthFit, ADeeperTorsoSeenFromTheSideIsRecovered) {
  const auto& a = built_avatar();
  const std::vector<SideView> views = {side_view_of_deeper_torso(a, 1.35f, 90),
                                       side_view_of_deeper_torso(a, 1.35f, -70)};
  const std::vector<avatar::FrameObservation> frames = {views[0].observation(),
                                                        views[1].observation()};
  const avatar::DepthScales s = avatar::fit_depth_scales(rigged(a), frames);
  EXPECT_GE(s[static_cast<int>(avatar::DepthGroup::kTorso)], 1.2f);
  const avatar::Mesh fitted = avatar::scale_depth(rigged(a), s);
  EXPECT_GT(
      avatar::mean_silhouette_iou({fitted, a.skeleton, a.weights, a.person.view.world}, frames),
      avatar::mean_silhouette_iou(rigged(a), frames) + 0.01);
}

// Mean outline distance (pixels) of the build view's mesh against its own silhouette grown (or
// shrunk, negative) by `px` pixels.
float mean_outline_px(const BuiltAvatar& a, int px) {
  const cv::Mat rendered =
      avatar::render_silhouette(a.rec.mesh, a.rec.frame, a.person.view.image.size());
  cv::Mat person;
  const cv::Mat disc =
      cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * std::abs(px) + 1, 2 * std::abs(px) + 1});
  if (px >= 0)
    cv::dilate(rendered, person, disc);
  else
    cv::erode(rendered, person, disc);
  const auto n = a.rec.mesh.V.rows();
  avatar::OutlineOffsets acc{Eigen::VectorXf::Zero(n), Eigen::VectorXf::Zero(n)};
  avatar::add_outline_offsets(a.rec.mesh, a.rec.frame, person, rendered, 12.0f, acc);
  EXPECT_GT(acc.count.sum(), 100.0f);
  return acc.sum.sum() / acc.count.sum() / a.rec.frame.metres_per_pixel;
}

TEST(SilhouetteShape, OutlineDistancesMeasureHowFarTheMaskReachesBeyondTheAvatar) {
  const auto& a = built_avatar();
  EXPECT_NEAR(mean_outline_px(a, 0), 0.0f, 1.0f);
  EXPECT_NEAR(mean_outline_px(a, 4), 4.0f, 1.0f);
  EXPECT_NEAR(mean_outline_px(a, -4), -4.0f, 1.0f);
}

TEST(SilhouetteShape, ADeeperTorsoSeenFromTheSideIsRecoveredWithoutChangingTheFront) {
  const auto& a = built_avatar();
  const std::vector<SideView> views = {side_view_of_deeper_torso(a, 1.35f, 90),
                                       side_view_of_deeper_torso(a, 1.35f, -70),
                                       side_view_of_deeper_torso(a, 1.35f, 0)};
  const std::vector<avatar::FrameObservation> frames = {
      views[0].observation(), views[1].observation(), views[2].observation()};
  const avatar::Mesh fitted = avatar::fit_silhouette_shape(rigged(a), frames);
  const avatar::RiggedAvatar refined{fitted, a.skeleton, a.weights, a.person.view.world};
  const std::vector<avatar::FrameObservation> side(frames.begin(), frames.begin() + 2);
  EXPECT_GT(avatar::mean_silhouette_iou(refined, side),
            avatar::mean_silhouette_iou(rigged(a), side) + 0.02);
  const std::vector<avatar::FrameObservation> front = {frames[2]};
  EXPECT_GT(avatar::mean_silhouette_iou(refined, front),
            avatar::mean_silhouette_iou(rigged(a), front) - 0.005);
}

TEST(DepthRaster, TheFrontTriangleHidesTheOneBehind) {
  avatar::Mesh m;
  m.V.resize(6, 3);
  m.V << -1, -1, -0.1f, 1, -1, -0.1f, 0, 1, -0.1f,  // behind
      -1, -1, 0.1f, 1, -1, 0.1f, 0, 1, 0.1f;        // in front
  m.F.resize(2, 3);
  m.F << 0, 1, 2, 3, 4, 5;
  const avatar::ImageToModel camera{0.1f, Eigen::Vector2f(20, 20), 0.0f};
  const avatar::DepthRaster r = avatar::rasterize_depth(m, camera, {40, 40});
  EXPECT_EQ(r.face.at<int>(20, 20), 1);
  EXPECT_FLOAT_EQ(r.depth.at<float>(20, 20), 0.1f);
  EXPECT_EQ(r.face.at<int>(2, 2), -1);
}

TEST(DepthRaster, RenderOfTheBuildViewMatchesThePhotoInsideTheMask) {
  const auto& a = built_avatar();
  const cv::Mat& photo = a.person.view.image;
  const avatar::DepthRaster r = avatar::rasterize_depth(a.rec.mesh, a.rec.frame, photo.size());
  const cv::Mat render = avatar::render_textured(a.rec.mesh, a.rec.mesh.texture, a.rec.frame, r);
  cv::Mat inside;
  cv::erode(a.rec.binary_mask, inside, cv::Mat(), {-1, -1}, 3);
  cv::Mat diff;
  cv::absdiff(render, photo, diff);
  const cv::Scalar mean_diff = cv::mean(diff, inside);
  EXPECT_LT(mean_diff[0] + mean_diff[1] + mean_diff[2], 15.0);
}

TEST(TexturePaint, ABackViewPaintsTheBackHalfAndLeavesTheFront) {
  const auto& a = built_avatar();
  const avatar::Mesh back = turned(a.rec.mesh, 180);
  const cv::Vec3b blue(255, 0, 0);
  const cv::Mat frame(a.person.view.image.size(), CV_8UC3, cv::Scalar(blue));
  const cv::Mat mask(frame.size(), CV_8UC1, cv::Scalar(255));
  const avatar::TexturePaint start = avatar::start_paint(a.rec.mesh.texture);
  const avatar::TexturePaint painted =
      avatar::paint_from_view(back, a.rec.frame, frame, mask, start);
  EXPECT_LT(back_fraction_of(start.atlas, blue), 0.01);
  EXPECT_GT(back_fraction_of(painted.atlas, blue), 0.2);  // the UVs reach ~40% of the half
  const cv::Mat front = a.rec.mesh.texture.colRange(0, a.rec.mesh.texture.cols / 2);
  EXPECT_EQ(cv::norm(painted.atlas.colRange(0, front.cols), front, cv::NORM_INF), 0.0);
}

TEST(TexturePaint, OutsideTheMaskNothingIsPainted) {
  const auto& a = built_avatar();
  const cv::Mat frame(a.person.view.image.size(), CV_8UC3, cv::Scalar(255, 0, 0));
  const cv::Mat mask = cv::Mat::zeros(frame.size(), CV_8UC1);
  const avatar::TexturePaint painted = avatar::paint_from_view(
      turned(a.rec.mesh, 180), a.rec.frame, frame, mask, avatar::start_paint(a.rec.mesh.texture));
  EXPECT_EQ(cv::countNonZero(painted.weight.colRange(painted.weight.cols / 2, painted.weight.cols)),
            0);
}

TEST(TexturePaint, AnObliqueViewDoesNotOverwriteASquareOne) {
  const auto& a = built_avatar();
  const cv::Mat mask(a.person.view.image.size(), CV_8UC1, cv::Scalar(255));
  const cv::Vec3b blue(255, 0, 0), red(0, 0, 255);
  avatar::TexturePaint state = avatar::paint_from_view(
      turned(a.rec.mesh, 180), a.rec.frame, cv::Mat(mask.size(), CV_8UC3, cv::Scalar(blue)), mask,
      avatar::start_paint(a.rec.mesh.texture));
  const double blue_before = back_fraction_of(state.atlas, blue);
  state = avatar::paint_from_view(turned(a.rec.mesh, 105), a.rec.frame,
                                  cv::Mat(mask.size(), CV_8UC3, cv::Scalar(red)), mask, state);
  EXPECT_GT(back_fraction_of(state.atlas, blue), 0.7 * blue_before);
  EXPECT_GT(back_fraction_of(state.atlas, red), 0.0);
}

TEST(TexturePaint, RejectsAnAtlasNotStartedWithStartPaint) {
  const auto& a = built_avatar();
  const cv::Mat frame(a.person.view.image.size(), CV_8UC3, cv::Scalar::all(0));
  const cv::Mat mask(frame.size(), CV_8UC1, cv::Scalar(255));
  EXPECT_THROW(avatar::paint_from_view(
                   a.rec.mesh, a.rec.frame, frame, mask,
                   avatar::TexturePaint{a.rec.mesh.texture, cv::Mat(), cv::Mat(), cv::Mat()}),
               Error);
}

}  // namespace
}  // namespace am::test
