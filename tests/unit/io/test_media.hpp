// Synthetic test media for the frame source tests: images that carry their frame number in
// eight black/white blocks (robust to JPEG loss), MJPG videos made of them, and file helpers.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include <opencv2/core/mat.hpp>

namespace am::test {

constexpr int kMediaWidth = 160;
constexpr int kMediaHeight = 120;

// A BGR image whose top band encodes `number` (0..255) and whose background depends on it.
cv::Mat numbered_image(int number);

// The number numbered_image() drew, read back from block brightness.
int read_number(const cv::Mat& image);

// Mean absolute difference per channel value between two same-size images.
double mean_abs_difference(const cv::Mat& a, const cv::Mat& b);

// Writes frames numbered 0..count-1 as an MJPG .avi at `fps`.
void write_numbered_video(const std::filesystem::path& path, int count, double fps);

// Writes `size` bytes of seeded random data.
void write_random_bytes(const std::filesystem::path& path, std::size_t size);

// Copies the first `fraction` of the bytes of `from` to `to`.
void copy_truncated(const std::filesystem::path& from, const std::filesystem::path& to,
                    double fraction);

}  // namespace am::test
