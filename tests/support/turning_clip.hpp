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

// Each 8-bit BGR image tracked as the next frame of a video at `fps` (a rendered turn); every
// image with a person is kept, its index its place in `images`.
std::vector<ClipFrame> tracked_images(const std::vector<cv::Mat>& images, PoseTracker& pose,
                                      double fps);

// Every frame of the video tracked as video; every `stride`-th one with a person kept.
std::vector<ClipFrame> tracked_frames(const std::filesystem::path& video, PoseTracker& pose,
                                      int stride);

// Each frame's mask replaced by the selfie segmenter's (GrabCut-refined, as the avatar build cuts
// the person out) on a square around the pose model's mask: sharper edges than the pose model's.
void segment_again(std::vector<ClipFrame>& frames, const Segmenter& segmenter);

// Each frame's mask replaced by a chroma key of the clip's green screen (a pixel is background
// when its green exceeds red and blue by 15 % and 20 levels), kept within 16 px of the pose
// model's mask (the floor's shadow stays out): the reference silhouette, exact to a pixel where
// the models' masks are blurred by their 256 px input.
void chroma_key_again(std::vector<ClipFrame>& frames);

// The avatar as built and as refined (its depth-fitted mesh, whose texture is the build's atlas,
// and the painted atlas).
struct AvatarPair {
  avatar::RiggedAvatar front_only, refined;
  const cv::Mat& refined_atlas;
};

struct FrameScore {
  double iou_front = 0, iou_refined = 0;    // posed avatar silhouette vs the frame's mask
  double psnr_front = 0, psnr_refined = 0;  // render vs the frame inside the person (dB)
};

FrameScore score_frame(const AvatarPair& avatars, const ClipFrame& frame);

}  // namespace am::test
