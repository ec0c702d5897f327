// Texture atlas for the single-view mesh. Takes the photo and the person's binary mask;
// gives an atlas of the person's bounding box: left half the photo (front), right half a
// synthesized back (back_texture.hpp: hair on the head, the clothing's colours without the
// front's details) from the body parts and the face outline (image pixels).
// Pixels near and outside the silhouette are filled from the person (inpainting, then the
// person's mean colour), so no texel a UV can reach is black or a background colour.
#pragma once

#include <vector>

#include "avatar/body_parts.hpp"
#include "avatar/types.hpp"

namespace am::avatar {

struct TextureAtlas {
  cv::Mat image;  // 8-bit BGR, 2 * crop.width x crop.height
  cv::Rect crop;  // region of the photo in each half

  Eigen::Vector2f front_uv(const Eigen::Vector2f& px) const { return uv(px, 0.0f); }
  Eigen::Vector2f back_uv(const Eigen::Vector2f& px) const { return uv(px, 0.5f); }

 private:
  Eigen::Vector2f uv(const Eigen::Vector2f& px, float u_offset) const {
    return {u_offset + (px.x() - static_cast<float>(crop.x) + 0.5f) / (2.0f * crop.width),
            (px.y() - static_cast<float>(crop.y) + 0.5f) / static_cast<float>(crop.height)};
  }
};

TextureAtlas make_texture_atlas(const cv::Mat& image_bgr, const cv::Mat& binary_mask,
                                const std::vector<BodyPart>& parts,
                                const std::vector<cv::Point2f>& face_outline);

}  // namespace am::avatar
