#include "support/refine_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "avatar/gltf_writer.hpp"

namespace am::test {

namespace {

// Mean of a figure per yaw band (0-45, 45-90, 90-135, 135-180) and over all frames (-1).
struct Bands {
  std::map<int, std::pair<double, int>> sums;
  void add(float yaw, double value) {
    for (int band : {static_cast<int>(std::abs(yaw)) / 45 * 45, -1}) {
      sums[band].first += value;
      sums[band].second += 1;
    }
  }
  double mean(int band) const {
    const auto it = sums.find(band);
    return it == sums.end() ? NAN : it->second.first / it->second.second;
  }
  int count(int band) const {
    const auto it = sums.find(band);
    return it == sums.end() ? 0 : it->second.second;
  }
};

constexpr int kBands[] = {0, 45, 90, 135, -1};

void print_row(const char* name, const Bands& b) {
  std::printf("%-26s", name);
  for (int band : kBands) std::printf(" %9.3f", b.mean(band));
  std::printf("\n");
}

// The frame darkened, the person mask's pixels the refined avatar misses in red, the avatar's
// pixels outside the mask in blue, both in green.
cv::Mat silhouette_overlay(const avatar::RiggedAvatar& a, const ClipFrame& f) {
  const avatar::FrameRender r = avatar::render_into_frame(a, f.observation());
  const cv::Mat avatar_px = r.raster.face >= 0, person = f.mask >= 128;
  cv::Mat out = f.image * 0.4;
  out.setTo(cv::Scalar(0, 0, 255), person & ~avatar_px);
  out.setTo(cv::Scalar(255, 0, 0), avatar_px & ~person);
  out.setTo(cv::Scalar(0, 160, 0), avatar_px & person);
  return out;
}

cv::Mat render(const avatar::RiggedAvatar& a, const cv::Mat& atlas, const ClipFrame& f) {
  const avatar::FrameRender r = avatar::render_into_frame(a, f.observation());
  return avatar::render_textured(r.view.mesh, atlas, r.view.camera, r.raster);
}

}  // namespace

void print_band_table(const std::vector<ClipFrame>& frames, const PoseLandmarks& bind,
                      const AvatarPair& avatars, const TurnedSplit& split) {
  Bands iou_front, iou_refined, psnr_front, psnr_refined, iou_held_front, iou_held_refined;
  for (const ClipFrame& f : frames) {
    const float yaw = avatar::relative_yaw_deg(bind, f.world);
    const FrameScore s = score_frame(avatars, f);
    iou_front.add(yaw, s.iou_front);
    iou_refined.add(yaw, s.iou_refined);
    if (std::find(split.held_out.begin(), split.held_out.end(), &f) == split.held_out.end())
      continue;
    iou_held_front.add(yaw, s.iou_front);
    iou_held_refined.add(yaw, s.iou_refined);
    psnr_front.add(yaw, s.psnr_front);
    psnr_refined.add(yaw, s.psnr_refined);
  }
  std::printf("%-26s %9s %9s %9s %9s %9s\n", "|yaw| band (deg)", "0-45", "45-90", "90-135",
              "135-180", "all");
  std::printf("%-26s", "frames (all / held out)");
  for (int band : kBands) std::printf(" %4d/%-4d", iou_front.count(band), psnr_front.count(band));
  std::printf("\n");
  print_row("IoU front-only", iou_front);
  print_row("IoU refined (depth, shape)", iou_refined);
  print_row("IoU held out, front-only", iou_held_front);
  print_row("IoU held out, refined", iou_held_refined);
  print_row("PSNR front-only (dB)", psnr_front);
  print_row("PSNR refined (dB)", psnr_refined);
}

void print_refinement(const Refinement& r) {
  std::printf(
      "depth scales torso %.2f head %.2f arms %.2f legs %.2f: fit on %zu side views in %.0f ms\n",
      r.scales[0], r.scales[1], r.scales[2], r.scales[3], r.side_views, r.depth_ms);
  std::printf("shape: fit to the silhouettes of %zu frames in %.0f ms (%ld vertices)\n",
              r.shape_views, r.shape_ms, static_cast<long>(r.mesh.V.rows()));
  std::printf("paint: %.1f ms per refinement frame (pose + camera + raster + paint, 2 threads)\n",
              r.paint_ms_per_frame);
}

void write_images(const std::filesystem::path& dir, const AvatarPair& avatars,
                  const std::vector<ClipFrame>& frames, size_t every) {
  std::filesystem::create_directories(dir);
  cv::imwrite((dir / "atlas_front.png").string(), avatars.front_only.rest.texture);
  cv::imwrite((dir / "atlas_refined.png").string(), avatars.refined_atlas);
  avatar::Mesh refined = avatars.refined.rest;
  refined.texture = avatars.refined_atlas;
  const std::vector<uint8_t> glb =
      avatar::encode_glb(refined, avatars.refined.skeleton, avatars.refined.weights);
  std::ofstream(dir / "refined.glb", std::ios::binary)
      .write(reinterpret_cast<const char*>(glb.data()), static_cast<std::streamsize>(glb.size()));
  for (size_t i = 0; i < frames.size(); i += every) {
    const ClipFrame& f = frames[i];
    cv::Mat row;
    cv::hconcat(std::vector<cv::Mat>{f.image,
                                     render(avatars.front_only, avatars.front_only.rest.texture, f),
                                     render(avatars.refined, avatars.refined_atlas, f),
                                     silhouette_overlay(avatars.refined, f)},
                row);
    cv::resize(row, row, {}, 0.5, 0.5, cv::INTER_AREA);
    cv::imwrite((dir / ("frame_" + std::to_string(f.index) + ".png")).string(), row);
  }
}

}  // namespace am::test
