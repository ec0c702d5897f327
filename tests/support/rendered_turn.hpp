// A turn rendered by bench/scan_turn/render_turn.py, read back: the RGBA frames composited over a
// plain grey backdrop (what a camera would see), their alpha as exact person masks, the pinhole
// camera as a floor camera (camera.json) and the scan's height. Shared by am_scan_measure and the
// floor-camera integration test. Throws am::Error naming what is missing or unreadable.
#pragma once

#include <filesystem>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "avatar/body_height.hpp"

namespace am::test {

struct RenderedTurn {
  std::vector<cv::Mat> images;  // 8-bit BGR, frame order
  std::vector<cv::Mat> masks;   // 0/255, alpha >= 128
  avatar::FloorCamera camera;
  float scan_height_m = 0;
};

RenderedTurn read_rendered_turn(const std::filesystem::path& dir);

}  // namespace am::test
