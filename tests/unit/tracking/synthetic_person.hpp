// Synthetic people for the tracking tests: a frontal standing person with plausible MediaPipe
// landmarks (image and world), rotation about the vertical axis, and face embeddings of the same
// or of different people. Deterministic for a given seed.
#pragma once

#include <cmath>
#include <numbers>
#include <random>

#include "tracking/types.hpp"

namespace am::tracking::test {

// Landmark offsets of a frontal person, in body heights: x from the body axis (person's left is
// +x, the image right), y from the top of the head, z toward the camera negative.
struct Offset {
  float x, y, z;
};

inline constexpr Offset kBody[kLandmarkCount] = {
    {0, 0.06f, -0.06f},        {0.012f, 0.045f, -0.05f},  {0.022f, 0.045f, -0.05f},
    {0.032f, 0.045f, -0.05f},  {-0.012f, 0.045f, -0.05f}, {-0.022f, 0.045f, -0.05f},
    {-0.032f, 0.045f, -0.05f}, {0.045f, 0.055f, 0},       {-0.045f, 0.055f, 0},
    {0.015f, 0.08f, -0.05f},   {-0.015f, 0.08f, -0.05f},  {0.12f, 0.18f, 0},
    {-0.12f, 0.18f, 0},        {0.15f, 0.32f, 0},         {-0.15f, 0.32f, 0},
    {0.16f, 0.45f, 0},         {-0.16f, 0.45f, 0},        {0.165f, 0.48f, 0},
    {-0.165f, 0.48f, 0},       {0.16f, 0.49f, 0},         {-0.16f, 0.49f, 0},
    {0.15f, 0.47f, -0.01f},    {-0.15f, 0.47f, -0.01f},   {0.07f, 0.5f, 0},
    {-0.07f, 0.5f, 0},         {0.075f, 0.73f, 0},        {-0.075f, 0.73f, 0},
    {0.075f, 0.94f, 0},        {-0.075f, 0.94f, 0},       {0.07f, 0.97f, 0.01f},
    {-0.07f, 0.97f, 0.01f},    {0.09f, 0.99f, -0.03f},    {-0.09f, 0.99f, -0.03f},
};

inline constexpr float kBodyHeightM = 1.7f;

// A person whose body axis is at image x = centre_x, head top at top, `height` pixels tall,
// turned yaw_deg about the vertical axis (0: facing the camera).
inline PersonInput make_person(float centre_x, float top, float height, float yaw_deg = 0) {
  const float yaw = yaw_deg * std::numbers::pi_v<float> / 180;
  PersonInput p;
  float x0 = 1e9f, x1 = -1e9f;
  for (int i = 0; i < kLandmarkCount; ++i) {
    const Offset o = kBody[i];
    const float x = o.x * std::cos(yaw) - o.z * std::sin(yaw);
    const float z = o.x * std::sin(yaw) + o.z * std::cos(yaw);
    p.landmarks[i] = {centre_x + x * height, top + o.y * height, z, 0.95f, 0.95f};
    p.world[i] = {x * kBodyHeightM, (o.y - 0.5f) * kBodyHeightM, z * kBodyHeightM, 0.95f, 0.95f};
    x0 = std::min(x0, p.landmarks[i].x);
    x1 = std::max(x1, p.landmarks[i].x);
  }
  const float pad = 0.03f * height;
  p.box = {x0 - pad, top - pad, x1 - x0 + 2 * pad, height + 2 * pad};
  p.score = 0.95f;
  return p;
}

inline FaceEmbedding normalized(FaceEmbedding e) {
  double n = 0;
  for (float v : e) n += double(v) * v;
  for (float& v : e) v = static_cast<float>(v / std::sqrt(n));
  return e;
}

// A random unit vector: a face of its own (cosine to another such face is near 0).
inline FaceEmbedding random_face(unsigned seed, int size = 512) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal;
  FaceEmbedding e(size);
  for (float& v : e) v = normal(rng);
  return normalized(e);
}

// The same face seen again: cosine to `face` about 1 / sqrt(1 + noise^2).
inline FaceEmbedding same_face(const FaceEmbedding& face, unsigned seed, float noise = 0.6f) {
  const FaceEmbedding n = random_face(seed, static_cast<int>(face.size()));
  FaceEmbedding e(face.size());
  for (std::size_t i = 0; i < e.size(); ++i) e[i] = face[i] + noise * n[i];
  return normalized(e);
}

}  // namespace am::tracking::test
