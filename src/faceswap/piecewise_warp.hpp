// Piecewise-affine warp: moves an image so that its landmarks land on other landmarks, one affine
// map per triangle. Takes the source image with its points, the destination points (same count and
// order), the triangles (index triples, e.g. from delaunay_triangles on the source points) and the
// destination region to fill (pixels of the destination image). Gives the warped patch
// (region-sized, same type as the source) and the coverage mask (255 where a pixel lies inside a
// destination triangle). Builds one dense map by rasterising the triangles and samples once with
// cv::remap (bilinear). Pure.
#pragma once

#include <span>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace am {

struct WarpedPatch {
  cv::Mat image;     // region-sized
  cv::Mat coverage;  // CV_8U, 255 inside a destination triangle
};

WarpedPatch warp_piecewise_affine(const cv::Mat& source, std::span<const cv::Point2f> source_points,
                                  std::span<const cv::Point2f> dest_points,
                                  std::span<const cv::Vec3i> triangles, const cv::Rect& region);

}  // namespace am
