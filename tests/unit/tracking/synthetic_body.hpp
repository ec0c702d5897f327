// A synthetic person drawn on an image for the body appearance tests: head and hair, shirt with
// sleeves, trousers and shoes in given colours along a make_person() pose, on a grey background,
// with its mask. Mirroring a person (image, landmarks and world landmarks, left and right
// swapped) gives the same person seen in a mirror.
#pragma once

#include <utility>

#include <opencv2/imgproc.hpp>

#include "synthetic_person.hpp"

namespace am::tracking::test {

struct Outfit {
  cv::Scalar hair{40, 50, 70}, shirt{180, 60, 40}, trousers{60, 60, 60}, shoes{230, 230, 230};
};

struct DrawnPerson {
  cv::Mat3b image;
  cv::Mat1b mask;
  PersonInput person;
};

inline cv::Point2f point(const PersonInput& p, int i) {
  return {p.landmarks[i].x, p.landmarks[i].y};
}

inline DrawnPerson draw_person(const Outfit& outfit, const PersonInput& person,
                               cv::Size size = {480, 640}) {
  DrawnPerson out{cv::Mat3b(size, cv::Vec3b(128, 128, 128)), cv::Mat1b(size, 0), person};
  const float h = person.box.height;
  const auto paint = [&](auto&& draw) {
    draw(out.image);
    draw(out.mask);
  };
  for (const auto& [a, b, c, colour, width] :
       {std::tuple{lm::kLeftHip, lm::kLeftKnee, lm::kLeftAnkle, outfit.trousers, 0.07f},
        std::tuple{lm::kRightHip, lm::kRightKnee, lm::kRightAnkle, outfit.trousers, 0.07f},
        std::tuple{lm::kLeftShoulder, lm::kLeftElbow, lm::kLeftWrist, outfit.shirt, 0.05f},
        std::tuple{lm::kRightShoulder, lm::kRightElbow, lm::kRightWrist, outfit.shirt, 0.05f}})
    paint([&, a = a, b = b, c = c, colour = colour, width = width](cv::Mat& m) {
      const cv::Scalar s = m.channels() == 1 ? cv::Scalar(255) : colour;
      cv::line(m, point(person, a), point(person, b), s, cvRound(width * h));
      cv::line(m, point(person, b), point(person, c), s, cvRound(width * h));
    });
  paint([&](cv::Mat& m) {
    const std::vector<cv::Point> torso = {
        point(person, lm::kLeftShoulder), point(person, lm::kRightShoulder),
        point(person, lm::kRightHip), point(person, lm::kLeftHip)};
    cv::fillConvexPoly(m, torso, m.channels() == 1 ? cv::Scalar(255) : outfit.shirt);
    for (const int i : {lm::kLeftHeel, lm::kRightHeel, lm::kLeftFootIndex, lm::kRightFootIndex,
                        lm::kLeftAnkle, lm::kRightAnkle})
      cv::circle(m, point(person, i), cvRound(0.025f * h),
                 m.channels() == 1 ? cv::Scalar(255) : outfit.shoes, cv::FILLED);
    cv::circle(m, point(person, lm::kNose) - cv::Point2f(0, 0.02f * h), cvRound(0.06f * h),
               m.channels() == 1 ? cv::Scalar(255) : outfit.hair, cv::FILLED);
  });
  return out;
}

// The image mirrored left-right, the landmarks with it (left and right swapped).
inline DrawnPerson mirrored(const DrawnPerson& in) {
  DrawnPerson out;
  cv::flip(in.image, out.image, 1);
  cv::flip(in.mask, out.mask, 1);
  out.person = in.person;
  const float w = static_cast<float>(in.image.cols);
  for (int i = 0; i < kLandmarkCount; ++i) {
    // MediaPipe's pairs: eyes 1-3 left, 4-6 right; from 7 on odd is left, even right.
    const int j = i == lm::kNose ? i
                  : i <= 6       ? (i <= 3 ? i + 3 : i - 3)
                                 : (i % 2 == 1 ? i + 1 : i - 1);
    PoseLandmark l = in.person.landmarks[j];
    l.x = w - 1 - l.x;
    out.person.landmarks[i] = l;
    PoseLandmark wl = in.person.world[j];
    wl.x = -wl.x;
    out.person.world[i] = wl;
  }
  out.person.box.x = w - in.person.box.x - in.person.box.width;
  return out;
}

}  // namespace am::tracking::test
