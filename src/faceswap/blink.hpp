// Blinks: a face's eyes closing, and the mask that lets the camera's closed eye show through the
// swapped face. Warping a source photo's open eye onto a closed one squeezes its iris and lashes
// into a slit that still reads as open, so while a tracked eye is closed the target's own eye
// (lids, lashes) is kept. Takes the eye openings of each frame (expression_metric.hpp), the
// head's yaw and the mesh points; keeps per track each eye's recent openings (about a second):
// an eye is closed while its opening is below `closed_fraction` of their median, which a blink
// (a few frames) does not move. A head turned past `max_yaw` neither counts nor is counted (the
// far eye's width shrinks and its ratio means nothing), and a still image or a new track (fewer
// than `min_history` frames) never blinks. Pure.
#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <span>

#include <opencv2/core/mat.hpp>

#include "faceswap/expression_metric.hpp"

namespace am {

struct BlinkParams {
  double closed_fraction = 0.7;  // of the median recent opening
  std::size_t history = 31;      // frames
  std::size_t min_history = 5;
  double max_yaw = 30;  // degrees
  float grow = 0.03f;   // the kept eye grows by this fraction of the face's size
};

struct UsualEyes {
  std::deque<double> left, right;  // recent openings, newest last
};

// Which eyes (subject's left, right) are closed in a frame with `now`'s openings and the head
// turned `yaw_degrees`; adds the frame to the history.
std::array<bool, 2> closed_eyes(UsualEyes& usual, const Expression& now, double yaw_degrees,
                                const BlinkParams& params = {});

// CV_8U, `size`: the closed eyes' contours (468 points), grown by params.grow of the face's size.
cv::Mat closed_eye_mask(std::span<const cv::Point2f> points, const std::array<bool, 2>& closed,
                        cv::Size size, const BlinkParams& params = {});

}  // namespace am
