// Pure steps around the person-segmentation model: framing the model's square view (a square
// region around a box, cropped with zero padding where it leaves the image, and the model's output
// pasted back), cleaning a probability map (keep the largest person blob), refining it against the
// image with GrabCut, and comparing masks (IoU). Probability maps are CV_32FC1 in [0,1]; masks
// are CV_8UC1 in 0..255; images are 8-bit BGR.
#pragma once

#include <opencv2/core/mat.hpp>

namespace am {

// The square centred on `box` with side max(w, h) * (1 + 2 * margin); it may leave the image.
cv::Rect square_around(const cv::Rect& box, double margin);

// Resizes `patch` (CV_32FC1) to region's size and writes the part that lies inside `target`.
void paste_resized(const cv::Mat& patch, const cv::Rect& region, cv::Mat& target);

// 0/255 mask of the largest 8-connected blob of prob > threshold (all zero when there is none).
cv::Mat largest_blob(const cv::Mat& prob, float threshold);

// Bounding box of largest_blob(); empty when there is none.
cv::Rect largest_blob_box(const cv::Mat& prob, float threshold);

// prob with everything farther than `reach` pixels from the largest blob set to zero: removes
// stray detections (other blobs) while keeping the soft edge of the person.
cv::Mat keep_largest_blob(const cv::Mat& prob, float threshold, int reach);

// GrabCut (OpenCV) initialised from prob: sure foreground inside the blob shrunk by `band`
// pixels, sure background outside it grown by `band`, probable labels in between. Runs on the
// image scaled to at most `work_side` pixels on its long side; gives a 0/1 CV_32FC1 map.
cv::Mat grabcut_refine(const cv::Mat& bgr, const cv::Mat& prob, int band, int work_side,
                       int iterations);

// Intersection over union of (a >= threshold) and (b >= threshold) for two CV_8UC1 masks of the
// same size; 1 when both are empty.
float mask_iou(const cv::Mat& a, const cv::Mat& b, int threshold = 128);

// CV_8UC1 0..255 from a probability map (clamped to [0,1]).
cv::Mat probability_to_mask(const cv::Mat& prob);

// BGRA image with the mask as alpha and colour zeroed where the mask is 0.
cv::Mat make_cutout(const cv::Mat& bgr, const cv::Mat& mask);

}  // namespace am
