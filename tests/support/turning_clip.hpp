// The turning-person clip as the avatar refinement sees it, shared by the refinement measure
// (bench/refine_measure.cpp) and its integration test. Takes a video and the real pose model (with
// its segmentation mask); gives the tracked frames (image, cleaned person mask, landmarks) and,
// for a built avatar, each frame's silhouette IoU and its render PSNR with the build's atlas and
// with a refined one.
#pragma once

#include <filesystem>
#include <vector>

#include "avatar/view_refine.hpp"
#include "builder/builder.hpp"

namespace am::test {

struct ClipFrame {
  int index = 0;  // frame number in the video
  cv::Mat image;  // 8-bit BGR
  cv::Mat mask;   // 0/255, the pose model's person mask, largest blob, holes filled
  PoseLandmarks landmarks{}, world{};

  avatar::FrameObservation observation() const { return {image, mask, landmarks, world}; }
};

// Frames `indices` (ascending) of the video, each posed as a still image.
std::vector<ClipFrame> still_frames(const std::filesystem::path& video, PoseTracker& pose,
                                    const std::vector<int>& indices);

// Every frame of the video tracked as video; every `stride`-th one with a person kept.
std::vector<ClipFrame> tracked_frames(const std::filesystem::path& video, PoseTracker& pose,
                                      int stride);

avatar::RiggedAvatar rigged(const builder::AvatarBuild& build);

struct FrameScore {
  double iou = 0;           // posed avatar silhouette vs the frame's mask
  double psnr_front = 0;    // render with the build's atlas vs the frame, inside the person
  double psnr_refined = 0;  // the same with the refined atlas
};

FrameScore score_frame(const avatar::RiggedAvatar& avatar, const ClipFrame& frame,
                       const cv::Mat& refined_atlas);

}  // namespace am::test
