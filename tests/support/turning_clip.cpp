#include "support/turning_clip.hpp"

#include <opencv2/videoio.hpp>

#include "avatar/reconstruct.hpp"
#include "core/error.hpp"

namespace am::test {

namespace {

cv::VideoCapture open_video(const std::filesystem::path& video) {
  cv::VideoCapture capture(video.string());
  if (!capture.isOpened()) throw Error("cannot open " + video.string());
  return capture;
}

// The largest person's pose and mask, or nothing when the model sees nobody.
std::optional<ClipFrame> observe(const cv::Mat& image, int index, PoseTracker& pose, bool video,
                                 double fps) {
  const auto people = pose.process(image, 1000.0 * index / fps, video);
  if (people.empty() || !people.front().mask) return std::nullopt;
  const auto largest = std::max_element(
      people.begin(), people.end(), [](auto& a, auto& b) { return a.box.area() < b.box.area(); });
  cv::Mat soft;
  largest->mask->convertTo(soft, CV_8U, 255.0);
  return ClipFrame{index, image.clone(), avatar::clean_person_mask(soft), largest->landmarks,
                   largest->world_landmarks};
}

}  // namespace

std::vector<ClipFrame> still_frames(const std::filesystem::path& video, PoseTracker& pose,
                                    const std::vector<int>& indices) {
  cv::VideoCapture capture = open_video(video);
  const double fps = capture.get(cv::CAP_PROP_FPS);
  std::vector<ClipFrame> out;
  cv::Mat image;
  for (int index = 0, next = 0; next < static_cast<int>(indices.size()) && capture.read(image);
       ++index) {
    if (index != indices[next]) continue;
    ++next;
    if (auto f = observe(image, index, pose, false, fps)) out.push_back(std::move(*f));
  }
  return out;
}

std::vector<ClipFrame> tracked_frames(const std::filesystem::path& video, PoseTracker& pose,
                                      int stride) {
  cv::VideoCapture capture = open_video(video);
  const double fps = capture.get(cv::CAP_PROP_FPS);
  std::vector<ClipFrame> out;
  cv::Mat image;
  for (int index = 0; capture.read(image); ++index) {
    auto f = observe(image, index, pose, true, fps);
    if (f && index % stride == 0) out.push_back(std::move(*f));
  }
  return out;
}

avatar::RiggedAvatar rigged(const builder::AvatarBuild& build) {
  return {build.reconstruction.mesh, build.skeleton, build.weights, build.bind_world};
}

FrameScore score_frame(const avatar::RiggedAvatar& avatar, const ClipFrame& frame,
                       const cv::Mat& refined_atlas) {
  const avatar::FrameRender r = avatar::render_into_frame(avatar, frame.observation());
  const cv::Mat compared = avatar::covered_person(r.raster, frame.mask);
  const auto psnr = [&](const cv::Mat& atlas) {
    return avatar::masked_psnr(avatar::render_textured(r.view.mesh, atlas, r.view.camera, r.raster),
                               frame.image, compared);
  };
  return {avatar::silhouette_iou(r.raster, frame.mask), psnr(avatar.rest.texture),
          psnr(refined_atlas)};
}

}  // namespace am::test
