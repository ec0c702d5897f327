#include "tracking/body_appearance.hpp"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "tracking/body_regions.hpp"

namespace am::tracking {
namespace {

constexpr int kFloatsPerPart = kColourFeatures + 1;
constexpr std::size_t kFloatCount = kBodyPartCount * kFloatsPerPart + 2 * kProportionCount + 1;

// The person's box grown by 10 %, clipped to the image.
cv::Rect crop_of(const cv::Rect2f& box, cv::Size image) {
  const float pad_x = 0.1f * box.width, pad_y = 0.1f * box.height;
  const cv::Rect grown(cvFloor(box.x - pad_x), cvFloor(box.y - pad_y),
                       cvCeil(box.width + 2 * pad_x), cvCeil(box.height + 2 * pad_y));
  return grown & cv::Rect(cv::Point(0, 0), image);
}

PoseLandmarks to_crop(PoseLandmarks landmarks, cv::Point origin, float scale) {
  for (auto& l : landmarks) {
    l.x = (l.x - static_cast<float>(origin.x)) * scale;
    l.y = (l.y - static_cast<float>(origin.y)) * scale;
  }
  return landmarks;
}

cv::Mat1b person_pixels(const cv::Mat& mask, cv::Rect crop, cv::Size size, float min_mask) {
  if (mask.empty()) return cv::Mat1b(size, 255);
  cv::Mat scaled, as_float;
  cv::resize(mask(crop), scaled, size, 0, 0, cv::INTER_LINEAR);
  scaled.convertTo(as_float, CV_32F, mask.depth() == CV_8U ? 1.0 / 255 : 1.0);
  return as_float > min_mask;
}

// Per pixel: chromaticity r, g (each channel over the sum; unchanged when the light gets
// brighter or dimmer) and intensity (mean of the channels), from BGR in [0, 1].
cv::Mat chromaticity(const cv::Mat& bgr) {
  constexpr float kDark = 0.02f;  // keeps near-black pixels from giving wild ratios
  std::vector<cv::Mat> c;
  cv::split(bgr, c);
  const cv::Mat sum = c[0] + c[1] + c[2] + 3 * kDark;
  cv::Mat out;
  cv::merge(
      std::vector<cv::Mat>{(c[2] + kDark) / sum, (c[1] + kDark) / sum, (c[0] + c[1] + c[2]) / 3},
      out);
  return out;
}

// Per part, x 100: mean and standard deviation of r and g, then the part's mean intensity and
// its spread over (part mean + person mean): bounded, 50 for a part as bright as the person.
void colour_stats(const cv::Mat& rgi, const cv::Mat1b& labels, const cv::Mat1b& person,
                  const BodyOptions& options, BodyAppearance& out) {
  const cv::Mat1b all = (labels != kNoPart) & person;
  const double mean_i = cv::mean(rgi, all)[2];
  if (mean_i < 0.01) return;
  for (int part = 0; part < kBodyPartCount; ++part) {
    const cv::Mat1b pixels = (labels == part) & person;
    if (cv::countNonZero(pixels) < options.min_part_pixels) continue;
    cv::Scalar mean, stddev;
    cv::meanStdDev(rgi, mean, stddev, pixels);
    const double k = 100.0 / (mean[2] + mean_i);
    out.parts[part].stats = {
        static_cast<float>(100 * mean[0]),   static_cast<float>(100 * mean[1]),
        static_cast<float>(k * mean[2]),     static_cast<float>(100 * stddev[0]),
        static_cast<float>(100 * stddev[1]), static_cast<float>(k * stddev[2])};
    out.parts[part].weight = 1;
  }
}

float length(const PoseLandmarks& w, int a, int b) {
  return std::hypot(w[a].x - w[b].x, w[a].y - w[b].y, w[a].z - w[b].z);
}

PoseLandmark midpoint(const PoseLandmark& a, const PoseLandmark& b) {
  return {(a.x + b.x) / 2, (a.y + b.y) / 2, (a.z + b.z) / 2};
}

// Mean length of the visible ones among a left/right pair of segments; 0 when neither is.
float paired_length(const PoseLandmarks& w, const PoseLandmarks& l, int a, int b, int c, int d,
                    float v) {
  float sum = 0;
  int n = 0;
  if (l[a].visibility > v && l[b].visibility > v) sum += length(w, a, b), ++n;
  if (l[c].visibility > v && l[d].visibility > v) sum += length(w, c, d), ++n;
  return n > 0 ? sum / static_cast<float>(n) : 0;
}

void proportions(const PoseLandmarks& w, const PoseLandmarks& l, float v, BodyAppearance& out) {
  for (const int i : {lm::kLeftShoulder, lm::kRightShoulder, lm::kLeftHip, lm::kRightHip})
    if (l[i].visibility <= v) return;
  const PoseLandmark shoulders = midpoint(w[lm::kLeftShoulder], w[lm::kRightShoulder]);
  const PoseLandmark hips = midpoint(w[lm::kLeftHip], w[lm::kRightHip]);
  const float torso = std::hypot(shoulders.x - hips.x, shoulders.y - hips.y, shoulders.z - hips.z);
  if (torso < 0.05f) return;
  const float lengths[kProportionCount - 1] = {
      length(w, lm::kLeftShoulder, lm::kRightShoulder),
      length(w, lm::kLeftHip, lm::kRightHip),
      paired_length(w, l, lm::kLeftShoulder, lm::kLeftElbow, lm::kRightShoulder, lm::kRightElbow,
                    v),
      paired_length(w, l, lm::kLeftElbow, lm::kLeftWrist, lm::kRightElbow, lm::kRightWrist, v),
      paired_length(w, l, lm::kLeftHip, lm::kLeftKnee, lm::kRightHip, lm::kRightKnee, v),
      paired_length(w, l, lm::kLeftKnee, lm::kLeftAnkle, lm::kRightKnee, lm::kRightAnkle, v)};
  for (int i = 0; i < kProportionCount - 1; ++i) {
    out.proportions[i] = lengths[i] / torso;
    out.proportion_weights[i] = lengths[i] > 0 ? 1.0f : 0.0f;
  }
  if (l[lm::kNose].visibility > v && lengths[4] > 0 && lengths[5] > 0) {
    const float neck = std::hypot(w[lm::kNose].x - shoulders.x, w[lm::kNose].y - shoulders.y,
                                  w[lm::kNose].z - shoulders.z);
    out.proportions[kProportionCount - 1] = neck + torso + lengths[4] + lengths[5];
    out.proportion_weights[kProportionCount - 1] = 1;
  }
}

bool all_zero(const PoseLandmarks& world) {
  return std::all_of(world.begin(), world.end(),
                     [](const PoseLandmark& w) { return w.x == 0 && w.y == 0 && w.z == 0; });
}

// Folds values seen with weight w into their running weighted means.
template <std::size_t N>
void fold(std::array<float, N>& mean, float& weight, const std::array<float, N>& value, float w) {
  if (w <= 0) return;
  for (std::size_t i = 0; i < N; ++i) mean[i] = (mean[i] * weight + value[i] * w) / (weight + w);
  weight += w;
}

}  // namespace

BodyAppearance describe_body(const cv::Mat& bgr, const cv::Mat& mask,
                             const PoseLandmarks& landmarks, const PoseLandmarks& world,
                             const cv::Rect2f& box, const BodyOptions& options) {
  BodyAppearance out;
  out.observations = 1;
  if (!all_zero(world)) proportions(world, landmarks, options.min_visibility, out);
  const cv::Rect crop = crop_of(box, bgr.size());
  if (crop.height < 8 || crop.width < 4) return out;
  const float scale = static_cast<float>(options.working_height) / static_cast<float>(crop.height);
  const cv::Size size(std::max(1, cvRound(crop.width * scale)), options.working_height);
  cv::Mat scaled;
  cv::resize(bgr(crop), scaled, size, 0, 0, cv::INTER_AREA);
  scaled.convertTo(scaled, CV_32F, 1.0 / 255);
  const cv::Mat1b labels =
      paint_body_parts(size, to_crop(landmarks, crop.tl(), scale), options.min_visibility);
  colour_stats(chromaticity(scaled), labels, person_pixels(mask, crop, size, options.min_mask),
               options, out);
  return out;
}

void accumulate(BodyAppearance& total, const BodyAppearance& frame) {
  for (int p = 0; p < kBodyPartCount; ++p)
    fold(total.parts[p].stats, total.parts[p].weight, frame.parts[p].stats, frame.parts[p].weight);
  for (int i = 0; i < kProportionCount; ++i) {
    std::array<float, 1> mean{total.proportions[i]};
    fold(mean, total.proportion_weights[i], {frame.proportions[i]}, frame.proportion_weights[i]);
    total.proportions[i] = mean[0];
  }
  total.observations += frame.observations;
}

std::optional<BodyDistance> body_distance(const BodyAppearance& a, const BodyAppearance& b,
                                          const BodyDistanceOptions& options) {
  BodyDistance d;
  for (int p = 0; p < kBodyPartCount; ++p) {
    if (a.parts[p].weight <= 0 || b.parts[p].weight <= 0) continue;
    float sq = 0;
    for (int i = 0; i < kColourFeatures; ++i) {
      const float diff = a.parts[p].stats[i] - b.parts[p].stats[i];
      sq += diff * diff;
    }
    d.colour += std::sqrt(sq) / options.colour_scale;
    ++d.shared_parts;
  }
  int shared_proportions = 0;
  for (int i = 0; i < kProportionCount; ++i) {
    if (a.proportion_weights[i] <= 0 || b.proportion_weights[i] <= 0) continue;
    const float mean = (a.proportions[i] + b.proportions[i]) / 2;
    d.proportion += std::abs(a.proportions[i] - b.proportions[i]) / std::max(mean, 1e-3f);
    ++shared_proportions;
  }
  if (d.shared_parts < options.min_shared_parts ||
      shared_proportions < options.min_shared_proportions)
    return std::nullopt;
  d.colour /= static_cast<float>(d.shared_parts);
  d.proportion /= static_cast<float>(shared_proportions);
  d.total = (d.colour + options.proportion_weight * d.proportion) / (1 + options.proportion_weight);
  return d;
}

std::vector<float> to_floats(const BodyAppearance& body) {
  std::vector<float> out;
  out.reserve(kFloatCount);
  for (const auto& part : body.parts) {
    out.insert(out.end(), part.stats.begin(), part.stats.end());
    out.push_back(part.weight);
  }
  out.insert(out.end(), body.proportions.begin(), body.proportions.end());
  out.insert(out.end(), body.proportion_weights.begin(), body.proportion_weights.end());
  out.push_back(static_cast<float>(body.observations));
  return out;
}

std::optional<BodyAppearance> body_from_floats(const std::vector<float>& values) {
  if (values.size() != kFloatCount) return std::nullopt;
  BodyAppearance body;
  auto it = values.begin();
  for (auto& part : body.parts) {
    std::copy_n(it, kColourFeatures, part.stats.begin());
    it += kColourFeatures;
    part.weight = *it++;
  }
  std::copy_n(it, kProportionCount, body.proportions.begin());
  it += kProportionCount;
  std::copy_n(it, kProportionCount, body.proportion_weights.begin());
  it += kProportionCount;
  body.observations = static_cast<int>(*it);
  return body;
}

}  // namespace am::tracking
