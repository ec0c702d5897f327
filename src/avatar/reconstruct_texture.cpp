#include "avatar/reconstruct_texture.hpp"

#include <algorithm>

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>

#include "avatar/back_texture.hpp"

namespace am::avatar {
namespace {

constexpr int kCropMarginPx = 4;
constexpr int kTrustedInsetPx = 2;  // soft mask edges mix in the background: not trusted
constexpr int kFilledOutsetPx = 6;  // band outside the silhouette filled by inpainting
constexpr double kInpaintRadiusPx = 3.0;

cv::Mat ellipse(int radius) {
  return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
}

// The photo with every untrusted pixel replaced by person colours.
cv::Mat fill_around_person(const cv::Mat& photo, const cv::Mat& mask) {
  cv::Mat trusted, band;
  cv::erode(mask, trusted, ellipse(kTrustedInsetPx));
  if (cv::countNonZero(trusted) == 0) trusted = mask.clone();
  cv::dilate(mask, band, ellipse(kFilledOutsetPx));
  const cv::Scalar mean = cv::mean(photo, trusted);
  cv::Mat filled(photo.size(), photo.type(), mean);
  photo.copyTo(filled, trusted);
  cv::Mat unknown = band & ~trusted;
  cv::Mat inpainted;
  cv::inpaint(filled, unknown, inpainted, kInpaintRadiusPx, cv::INPAINT_TELEA);
  inpainted.copyTo(filled, band);
  return filled;
}

std::vector<BodyPart> moved_parts(std::vector<BodyPart> parts, const cv::Point& origin) {
  const Eigen::Vector2f shift(static_cast<float>(origin.x), static_cast<float>(origin.y));
  for (BodyPart& p : parts) p.a -= shift, p.b -= shift;
  return parts;
}

std::vector<cv::Point2f> moved_outline(std::vector<cv::Point2f> outline, const cv::Point& origin) {
  for (cv::Point2f& p : outline) p -= cv::Point2f(origin);
  return outline;
}

}  // namespace

TextureAtlas make_texture_atlas(const cv::Mat& image_bgr, const cv::Mat& binary_mask,
                                const std::vector<BodyPart>& parts,
                                const std::vector<cv::Point2f>& face_outline) {
  TextureAtlas atlas;
  const cv::Rect box = cv::boundingRect(binary_mask);
  const cv::Rect padded(box.x - kCropMarginPx, box.y - kCropMarginPx, box.width + 2 * kCropMarginPx,
                        box.height + 2 * kCropMarginPx);
  atlas.crop = padded & cv::Rect(0, 0, image_bgr.cols, image_bgr.rows);
  const cv::Mat mask = binary_mask(atlas.crop);
  const cv::Mat front = fill_around_person(image_bgr(atlas.crop), mask);
  const cv::Mat back = synthesize_back(front, mask, moved_parts(parts, atlas.crop.tl()),
                                       moved_outline(face_outline, atlas.crop.tl()));
  cv::hconcat(front, back, atlas.image);  // the back is the filled front outside the mask
  return atlas;
}

}  // namespace am::avatar
