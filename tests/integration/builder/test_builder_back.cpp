// The avatar seen from behind, on every test photo: the back of the head shows the hair (its
// texels are nearer the front's hair colour than the face's skin, and carry no face detail) and
// the back of the torso carries none of the front's prints (its high-frequency energy is far
// below the front's); the height from the landmarks is a person's; the head is deeper than wide.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>

#include <opencv2/imgproc.hpp>

#include "avatar/head_colours.hpp"
#include "avatar/landmarks.hpp"
#include "integration/builder/builder_cases.hpp"

namespace am::test {
namespace {

using namespace avatar::lm;

cv::Mat rect_mask(cv::Size size, cv::Rect r) {
  cv::Mat m = cv::Mat::zeros(size, CV_8UC1);
  m(r & cv::Rect(0, 0, size.width, size.height)).setTo(255);
  return m;
}

struct FaceGeometry {
  Eigen::Vector2f eyes, mouth;
  int left = 0, right = 0, head_top = 0;  // columns between the eyes; top of the mask there
};

FaceGeometry face_geometry(const builder::AvatarBuild& b) {
  FaceGeometry g;
  g.eyes = 0.5f * (landmark_px(b, kLeftEye) + landmark_px(b, kRightEye));
  g.mouth = 0.5f * (landmark_px(b, kMouthLeft) + landmark_px(b, kMouthRight));
  const auto [lo, hi] = std::minmax(landmark_px(b, kLeftEye).x(), landmark_px(b, kRightEye).x());
  g.left = cvRound(lo), g.right = cvRound(hi);
  const cv::Mat columns = b.reconstruction.binary_mask.colRange(g.left, g.right + 1);
  g.head_top = cv::boundingRect(columns).y;
  return g;
}

// Hair: the top quarter of the head above the eyes, between them. Skin: between eyes and mouth.
cv::Scalar front_hair(const builder::AvatarBuild& b, const FaceGeometry& g) {
  const float above = g.eyes.y() - static_cast<float>(g.head_top);
  const int y0 = g.head_top + 2, y1 = g.head_top + 2 + cvRound(0.25f * above);
  const cv::Mat region = rect_mask(b.view.image.size(), {g.left, y0, g.right - g.left, y1 - y0});
  return avatar::median_colour(b.view.image, region & b.reconstruction.binary_mask);
}

cv::Scalar front_skin(const builder::AvatarBuild& b, const FaceGeometry& g) {
  const float d = g.mouth.y() - g.eyes.y();
  const int y0 = cvRound(g.eyes.y() + 0.2f * d), y1 = cvRound(g.eyes.y() + 0.6f * d);
  return avatar::median_colour(
      b.view.image, rect_mask(b.view.image.size(), {g.left, y0, g.right - g.left, y1 - y0}));
}

// Texels of the given texture half (0 front, 1 back) under the vertices near px.
cv::Mat texels_near(const builder::AvatarBuild& b, const Eigen::Vector2f& px, float radius,
                    int half) {
  const avatar::Mesh& m = b.reconstruction.mesh;
  std::vector<cv::Vec3b> out;
  for (int v : vertices_near(b, px, radius)) {
    if (b.reconstruction.side[v] == avatar::VertexSide::kRim) continue;
    const Eigen::Vector2f uv = m.UV.row(2 * v + half);
    out.push_back(
        m.texture.at<cv::Vec3b>(std::min(m.texture.rows - 1, int(uv.y() * m.texture.rows)),
                                std::min(m.texture.cols - 1, int(uv.x() * m.texture.cols))));
  }
  return cv::Mat(out, true);
}

double luminance_std(const cv::Mat& texels) {
  cv::Mat grey;
  cv::cvtColor(texels.reshape(3, 1), grey, cv::COLOR_BGR2GRAY);
  cv::Scalar mean, std;
  cv::meanStdDev(grey, mean, std);
  return std[0];
}

void check_back_of_head_is_hair(const std::string& name) {
  SCOPED_TRACE("BackOfTheHeadIsHairNotFace");
  const builder::AvatarBuild& b = built_avatar_for(name);
  const FaceGeometry g = face_geometry(b);
  const Eigen::Vector2f face_centre = g.eyes + 0.25f * (g.mouth - g.eyes);
  const float radius = 0.5f * (g.mouth - g.eyes).norm();
  const cv::Mat back = texels_near(b, face_centre, radius, 1);
  const cv::Mat front = texels_near(b, face_centre, radius, 0);
  ASSERT_GE(back.rows, 4) << "no back vertices behind the face";
  const cv::Scalar hair = front_hair(b, g), skin = front_skin(b, g);
  const cv::Scalar behind = avatar::median_colour(back, cv::Mat(back.size(), CV_8UC1, 255));
  const double hair_skin = avatar::colour_distance(hair, skin);
  const double to_hair = avatar::colour_distance(behind, hair);
  const double to_skin = avatar::colour_distance(behind, skin);
  std::cout << name << ": face mesh " << b.report.face_mesh_found << ", hair-skin " << hair_skin
            << ", back of head to hair " << to_hair << ", to skin " << to_skin
            << ", luminance std front " << luminance_std(front) << " back " << luminance_std(back)
            << "\n";
  EXPECT_LT(luminance_std(back), 0.5 * luminance_std(front)) << "face detail on the back";
  if (hair_skin < 20.0) return;  // hair too close to the skin to tell them apart here
  EXPECT_LT(to_hair, to_skin);
  EXPECT_GT(to_skin, 0.5 * hair_skin);
}

double detail_energy(const cv::Mat& bgr) {
  cv::Mat grey, lap;
  cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
  cv::Laplacian(grey, lap, CV_32F);
  return cv::mean(cv::abs(lap))[0];
}

void check_no_front_details_on_the_back(const std::string& name) {
  SCOPED_TRACE("BackOfTheTorsoHasNoFrontDetails");
  const builder::AvatarBuild& b = built_avatar_for(name);
  const Eigen::Vector2f ls = landmark_px(b, kLeftShoulder), rs = landmark_px(b, kRightShoulder);
  const Eigen::Vector2f hips = 0.5f * (landmark_px(b, kLeftHip) + landmark_px(b, kRightHip));
  const float width = std::abs(ls.x() - rs.x()), top = 0.5f * (ls.y() + rs.y());
  const float height = std::min(hips.y(), static_cast<float>(b.view.image.rows)) - top;
  const cv::Rect crop = b.reconstruction.texture_crop;
  const cv::Rect chest = cv::Rect(0, 0, crop.width, crop.height) &
                         cv::Rect(cvRound(std::min(ls.x(), rs.x()) + 0.2f * width) - crop.x,
                                  cvRound(top + 0.15f * height) - crop.y, cvRound(0.6f * width),
                                  cvRound(0.6f * height));
  const cv::Mat& atlas = b.reconstruction.mesh.texture;
  ASSERT_GT(chest.area(), 100) << "no torso in the photo";
  const double front = detail_energy(atlas(chest));
  const double back = detail_energy(atlas(chest + cv::Point(crop.width, 0)));
  std::cout << name << ": torso detail energy front " << front << " back " << back << "\n";
  EXPECT_LT(back, 0.2 * front);
}

void check_landmark_height(const std::string& name) {
  SCOPED_TRACE("HeightFromTheLandmarksIsAPersons");
  const builder::BuildReport& r = built_avatar_for(name).report;
  std::cout << name << ": height from the landmarks " << r.landmark_height_m << " m, mesh "
            << r.height_m << " m\n";
  EXPECT_GT(r.landmark_height_m, 1.4);
  EXPECT_LT(r.landmark_height_m, 2.1);
}

// Pixels of the mask from p along dir until the background.
float run_length(const cv::Mat& mask, const Eigen::Vector2f& p, const Eigen::Vector2f& dir) {
  float length = 0;
  for (;; length += 0.5f) {
    const Eigen::Vector2f q = p + length * dir;
    const int x = cvRound(q.x()), y = cvRound(q.y());
    if (x < 0 || y < 0 || x >= mask.cols || y >= mask.rows || !mask.at<uint8_t>(y, x))
      return length;
  }
}

// Head depth (mesh front to back at the eyes' midpoint) over its width there (the mask's run
// across the face): deeper than wide. The model's 1.25 (docs/avatar.md) comes out at 1.0-1.2:
// the capsule's depth follows the distance to the background, which the hair and the neck's
// blend lower.
void check_head_shape(const std::string& name) {
  SCOPED_TRACE("HeadIsDeeperThanWide");
  const builder::AvatarBuild& b = built_avatar_for(name);
  const Eigen::Vector2f left = landmark_px(b, kLeftEye), right = landmark_px(b, kRightEye);
  const Eigen::Vector2f eyes = 0.5f * (left + right), across = (left - right).normalized();
  float front = -1e9f, back = 1e9f;
  for (int v : vertices_near(b, eyes, 0.3f * (left - right).norm() + 2.0f)) {
    front = std::max(front, b.reconstruction.mesh.V(v, 2));
    back = std::min(back, b.reconstruction.mesh.V(v, 2));
  }
  const cv::Mat& mask = b.reconstruction.binary_mask;
  const float width_px = run_length(mask, eyes, across) + run_length(mask, eyes, -across);
  const double ratio = (front - back) / (width_px * b.reconstruction.frame.metres_per_pixel);
  std::cout << name << ": head depth/width at the eyes " << ratio << "\n";
  EXPECT_GT(ratio, 1.0);
  EXPECT_LT(ratio, 1.45);
}

class EveryPhotoFromBehind : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryPhotoFromBehind, ShowsHairAndNoFrontDetails) {
  check_back_of_head_is_hair(GetParam());
  check_no_front_details_on_the_back(GetParam());
  check_landmark_height(GetParam());
  check_head_shape(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Builder, EveryPhotoFromBehind, ::testing::ValuesIn(builder_case_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace am::test
