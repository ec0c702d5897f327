// Piecewise-affine warp: moves an image so that its landmarks land on other landmarks, one affine
// map per triangle. Takes the source image with its points, the destination points (same count and
// order), the triangles (index triples, e.g. from delaunay_triangles on the source points) and the
// destination region to fill (pixels of the destination image), optionally with a flag per
// triangle saying whether it may be pasted. Gives the warped patch (region-sized, same type as the
// source) and the coverage mask (255 where a pixel's triangle may be pasted; without flags, every
// triangle). Builds one dense map by rasterising the triangles in the given order (a later
// triangle paints over an earlier one) and samples once with cv::remap (bilinear). Pure.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace am {

struct WarpedPatch {
  cv::Mat image;     // region-sized
  cv::Mat coverage;  // CV_8U, 255 inside a destination triangle that may be pasted
};

WarpedPatch warp_piecewise_affine(const cv::Mat& source, std::span<const cv::Point2f> source_points,
                                  std::span<const cv::Point2f> dest_points,
                                  std::span<const cv::Vec3i> triangles, const cv::Rect& region,
                                  std::span<const std::uint8_t> trusted = {});

}  // namespace am
