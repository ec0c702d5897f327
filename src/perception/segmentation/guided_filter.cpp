#include "perception/segmentation/guided_filter.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "core/error.hpp"

namespace am {

namespace {

cv::Mat box_mean(const cv::Mat& m, int radius) {
  cv::Mat out;
  cv::boxFilter(m, out, CV_32F, {2 * radius + 1, 2 * radius + 1}, {-1, -1}, true,
                cv::BORDER_REFLECT);
  return out;
}

void check_inputs(const cv::Mat& guide, const cv::Mat& input, const GuidedFilterParams& params) {
  const bool guide_ok = guide.depth() == CV_8U && (guide.channels() == 1 || guide.channels() == 3);
  if (!guide_ok || input.type() != CV_32FC1 || guide.size() != input.size() || params.radius < 1 ||
      params.eps <= 0 || params.subsample < 1) {
    throw Error(
        "guided_filter: expected an 8-bit 1- or 3-channel guide and a float map of the "
        "same size, radius >= 1, eps > 0, subsample >= 1; this is a bug, please report it");
  }
}

// Per-pixel linear coefficients (a, b) for a gray guide: q = a * I + b.
std::vector<cv::Mat> gray_coefficients(const cv::Mat& I, const cv::Mat& p, int r, double eps) {
  const cv::Mat mean_I = box_mean(I, r), mean_p = box_mean(p, r);
  const cv::Mat cov_Ip = box_mean(I.mul(p), r) - mean_I.mul(mean_p);
  const cv::Mat var_I = box_mean(I.mul(I), r) - mean_I.mul(mean_I);
  cv::Mat a = cov_Ip / (var_I + eps);
  cv::Mat b = mean_p - a.mul(mean_I);
  return {a, b};
}

// Per-pixel coefficients for a colour guide: q = a . I + b, a = (Sigma + eps U)^-1 cov(I, p).
std::vector<cv::Mat> color_coefficients(const cv::Mat& I, const cv::Mat& p, int r, double eps) {
  std::vector<cv::Mat> ch;
  cv::split(I, ch);
  const cv::Mat mean_p = box_mean(p, r);
  cv::Mat mean[3], cov[3], var[3][3];
  for (int i = 0; i < 3; ++i) {
    mean[i] = box_mean(ch[i], r);
    cov[i] = box_mean(ch[i].mul(p), r) - mean[i].mul(mean_p);
  }
  for (int i = 0; i < 3; ++i)
    for (int j = i; j < 3; ++j) var[i][j] = box_mean(ch[i].mul(ch[j]), r) - mean[i].mul(mean[j]);
  std::vector<cv::Mat> out(4);
  for (auto& m : out) m.create(I.size(), CV_32F);
  for (int y = 0; y < I.rows; ++y) {
    for (int x = 0; x < I.cols; ++x) {
      const cv::Matx33d sigma(
          var[0][0].at<float>(y, x) + eps, var[0][1].at<float>(y, x), var[0][2].at<float>(y, x),
          var[0][1].at<float>(y, x), var[1][1].at<float>(y, x) + eps, var[1][2].at<float>(y, x),
          var[0][2].at<float>(y, x), var[1][2].at<float>(y, x), var[2][2].at<float>(y, x) + eps);
      const cv::Vec3d c(cov[0].at<float>(y, x), cov[1].at<float>(y, x), cov[2].at<float>(y, x));
      const cv::Vec3d a = sigma.solve(c, cv::DECOMP_CHOLESKY);
      double b = mean_p.at<float>(y, x);
      for (int i = 0; i < 3; ++i) {
        out[i].at<float>(y, x) = static_cast<float>(a[i]);
        b -= a[i] * mean[i].at<float>(y, x);
      }
      out[3].at<float>(y, x) = static_cast<float>(b);
    }
  }
  return out;
}

}  // namespace

cv::Mat guided_filter(const cv::Mat& guide, const cv::Mat& input,
                      const GuidedFilterParams& params) {
  check_inputs(guide, input, params);
  cv::Mat I;
  guide.convertTo(I, CV_32F, 1.0 / 255.0);
  const int s = params.subsample;
  const int r = std::max(1, params.radius / s);
  cv::Mat I_low = I, p_low = input;
  if (s > 1) {
    const cv::Size low(std::max(1, I.cols / s), std::max(1, I.rows / s));
    cv::resize(I, I_low, low, 0, 0, cv::INTER_AREA);
    cv::resize(input, p_low, low, 0, 0, cv::INTER_AREA);
  }
  std::vector<cv::Mat> coef = I.channels() == 1 ? gray_coefficients(I_low, p_low, r, params.eps)
                                                : color_coefficients(I_low, p_low, r, params.eps);
  for (auto& c : coef) {
    c = box_mean(c, r);
    if (s > 1) cv::resize(c, c, I.size(), 0, 0, cv::INTER_LINEAR);
  }
  std::vector<cv::Mat> ch;
  cv::split(I, ch);
  cv::Mat q = coef.back().clone();
  for (std::size_t i = 0; i < ch.size(); ++i) q += coef[i].mul(ch[i]);
  return q;
}

}  // namespace am
