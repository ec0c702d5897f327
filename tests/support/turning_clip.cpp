#include "support/turning_clip.hpp"

#include <algorithm>

#include <opencv2/imgproc.hpp>
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

std::vector<ClipFrame> tracked_images(const std::vector<cv::Mat>& images, PoseTracker& pose,
                                      double fps) {
  std::vector<ClipFrame> out;
  for (size_t i = 0; i < images.size(); ++i)
    if (auto f = observe(images[i], static_cast<int>(i), pose, true, fps))
      out.push_back(std::move(*f));
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

void segment_again(std::vector<ClipFrame>& frames, const Segmenter& segmenter) {
  for (ClipFrame& f : frames) {
    const cv::Rect box = cv::boundingRect(f.mask);
    const int side = static_cast<int>(1.2 * std::max(box.width, box.height));
    const cv::Rect square =
        cv::Rect(box.x + box.width / 2 - side / 2, box.y + box.height / 2 - side / 2, side, side) &
        cv::Rect(0, 0, f.image.cols, f.image.rows);
    cv::Mat mask(f.image.size(), CV_8U, cv::Scalar(0));
    segmenter.segment(f.image(square)).mask.copyTo(mask(square));
    f.mask = avatar::clean_person_mask(mask);
  }
}

void chroma_key_again(std::vector<ClipFrame>& frames) {
  const cv::Mat near = cv::getStructuringElement(cv::MORPH_ELLIPSE, {33, 33});
  for (ClipFrame& f : frames) {
    std::vector<cv::Mat> bgr;
    cv::split(f.image, bgr);
    cv::Mat red_or_blue = cv::max(bgr[0], bgr[2]), green = bgr[1];
    cv::Mat screen = (green > red_or_blue * 1.15) & (green > red_or_blue + 20);
    cv::Mat around;
    cv::dilate(f.mask, around, near);
    f.mask = avatar::clean_person_mask(~screen & around);
  }
}

namespace {

// Silhouette IoU and render PSNR of one avatar with one atlas.
std::pair<double, double> score_one(const avatar::RiggedAvatar& avatar, const cv::Mat& atlas,
                                    const ClipFrame& frame) {
  const avatar::FrameRender r = avatar::render_into_frame(avatar, frame.observation());
  const cv::Mat render = avatar::render_textured(r.view.mesh, atlas, r.view.camera, r.raster);
  return {avatar::silhouette_iou(r.raster, frame.mask),
          avatar::masked_psnr(render, frame.image, avatar::covered_person(r.raster, frame.mask))};
}

}  // namespace

FrameScore score_frame(const AvatarPair& avatars, const ClipFrame& frame) {
  const auto [iou_front, psnr_front] =
      score_one(avatars.front_only, avatars.front_only.rest.texture, frame);
  const auto [iou_refined, psnr_refined] = score_one(avatars.refined, avatars.refined_atlas, frame);
  return {iou_front, iou_refined, psnr_front, psnr_refined};
}

}  // namespace am::test
