#include "avatar/depth_raster.hpp"

#include <array>
#include <limits>

#include <opencv2/imgproc.hpp>

namespace am::avatar {

namespace {

Eigen::Vector2f uv_to_texel(const Eigen::Vector2f& uv, cv::Size size) {
  return uv.cwiseProduct(Eigen::Vector2f(size.width, size.height)) -
         Eigen::Vector2f::Constant(0.5f);
}

}  // namespace

cv::Vec3f sample_bgr(const cv::Mat& bgr, const Eigen::Vector2f& p) {
  const float x = std::clamp(p.x(), 0.0f, static_cast<float>(bgr.cols - 1));
  const float y = std::clamp(p.y(), 0.0f, static_cast<float>(bgr.rows - 1));
  const int x0 = static_cast<int>(x), y0 = static_cast<int>(y);
  const int x1 = std::min(x0 + 1, bgr.cols - 1), y1 = std::min(y0 + 1, bgr.rows - 1);
  const float fx = x - static_cast<float>(x0), fy = y - static_cast<float>(y0);
  const auto at = [&](int r, int c) { return cv::Vec3f(bgr.at<cv::Vec3b>(r, c)); };
  return (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x1)) +
         fy * ((1 - fx) * at(y1, x0) + fx * at(y1, x1));
}

Eigen::VectorXf blend_rows(const Eigen::MatrixXf& M, const Eigen::Vector3i& rows,
                           const Eigen::Vector3f& bary) {
  Eigen::VectorXf out = Eigen::VectorXf::Zero(M.cols());
  for (int k = 0; k < 3; ++k) out += bary[k] * M.row(rows[k]).transpose();
  return out;
}

Triangle2 projected_face(const Mesh& mesh, const ImageToModel& camera, Eigen::Index face) {
  Triangle2 t;
  for (int k = 0; k < 3; ++k) t[k] = camera.to_pixel(mesh.V.row(mesh.F(face, k)).transpose());
  return t;
}

Triangle2 texel_face(const Mesh& mesh, Eigen::Index face, cv::Size size) {
  Triangle2 t;
  for (int k = 0; k < 3; ++k) t[k] = uv_to_texel(mesh.UV.row(mesh.FUV(face, k)).transpose(), size);
  return t;
}

DepthRaster rasterize_depth(const Mesh& posed, const ImageToModel& camera, cv::Size size) {
  DepthRaster r{cv::Mat(size, CV_32FC1, cv::Scalar(-std::numeric_limits<float>::infinity())),
                cv::Mat(size, CV_32SC1, cv::Scalar(-1))};
  for (Eigen::Index f = 0; f < posed.F.rows(); ++f) {
    const Eigen::Vector3i v = posed.F.row(f).transpose();
    const Eigen::Vector3f z(posed.V(v[0], 2), posed.V(v[1], 2), posed.V(v[2], 2));
    scan_triangle(projected_face(posed, camera, f), size,
                  [&](int x, int y, const Eigen::Vector3f& bary) {
                    const float d = bary.dot(z);
                    if (d <= r.depth.at<float>(y, x)) return;
                    r.depth.at<float>(y, x) = d;
                    r.face.at<int>(y, x) = static_cast<int>(f);
                  });
  }
  return r;
}

cv::Mat render_textured(const Mesh& posed, const cv::Mat& texture, const ImageToModel& camera,
                        const DepthRaster& raster) {
  cv::Mat out = cv::Mat::zeros(raster.face.size(), CV_8UC3);
  for (int y = 0; y < out.rows; ++y)
    for (int x = 0; x < out.cols; ++x) {
      const int f = raster.face.at<int>(y, x);
      if (f < 0) continue;
      const auto bary = barycentric(projected_face(posed, camera, f), Eigen::Vector2f(x, y));
      if (!bary) continue;
      const Eigen::Vector2f uv = blend_rows(posed.UV, posed.FUV.row(f).transpose(), *bary);
      out.at<cv::Vec3b>(y, x) = sample_bgr(texture, uv_to_texel(uv, texture.size()));
    }
  return out;
}

cv::Mat render_silhouette(const Mesh& mesh, const ImageToModel& camera, cv::Size size) {
  constexpr int kShift = 4;  // fixed-point fraction bits for sub-pixel vertices
  cv::Mat out = cv::Mat::zeros(size, CV_8UC1);
  for (Eigen::Index f = 0; f < mesh.F.rows(); ++f) {
    std::array<cv::Point, 3> tri;
    for (int k = 0; k < 3; ++k) {
      const Eigen::Vector2f p = camera.to_pixel(mesh.V.row(mesh.F(f, k)).transpose());
      tri[k] = cv::Point(cvRound(p.x() * (1 << kShift)), cvRound(p.y() * (1 << kShift)));
    }
    cv::fillConvexPoly(out, tri.data(), 3, 255, cv::LINE_8, kShift);
  }
  return out;
}

}  // namespace am::avatar
