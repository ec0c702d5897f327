#include "test_media.hpp"

#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

namespace am::test {
namespace {

constexpr int kBits = 8;
constexpr int kBlockWidth = kMediaWidth / kBits;
constexpr int kBlockHeight = 40;

cv::Rect bit_block(int bit) { return {bit * kBlockWidth, 0, kBlockWidth, kBlockHeight}; }

}  // namespace

cv::Mat numbered_image(int number) {
  cv::Mat image(kMediaHeight, kMediaWidth, CV_8UC3,
                cv::Scalar(40 + (number * 37) % 160, 90, 200 - (number * 11) % 120));
  for (int bit = 0; bit < kBits; ++bit) {
    bool set = (number >> bit) & 1;
    image(bit_block(bit)).setTo(set ? cv::Scalar::all(255) : cv::Scalar::all(0));
  }
  cv::circle(image, {kMediaWidth / 2, 80}, 20 + number % 15, cv::Scalar(0, 255, 0), cv::FILLED);
  return image;
}

int read_number(const cv::Mat& image) {
  cv::Mat gray;
  cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
  int number = 0;
  for (int bit = 0; bit < kBits; ++bit) {
    cv::Rect block = bit_block(bit);
    cv::Rect inner(block.x + 4, block.y + 4, block.width - 8, block.height - 8);
    if (cv::mean(gray(inner))[0] > 128) number |= 1 << bit;
  }
  return number;
}

double mean_abs_difference(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat diff;
  cv::absdiff(a, b, diff);
  cv::Scalar per_channel = cv::mean(diff);
  return (per_channel[0] + per_channel[1] + per_channel[2]) / 3.0;
}

void write_numbered_video(const std::filesystem::path& path, int count, double fps) {
  cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps,
                         {kMediaWidth, kMediaHeight});
  if (!writer.isOpened()) throw std::runtime_error("cannot write test video " + path.string());
  for (int i = 0; i < count; ++i) writer.write(numbered_image(i));
}

void write_random_bytes(const std::filesystem::path& path, std::size_t size) {
  std::mt19937 random(1234);
  std::vector<char> bytes(size);
  for (char& byte : bytes) byte = static_cast<char>(random() & 0xff);
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(size));
}

void copy_truncated(const std::filesystem::path& from, const std::filesystem::path& to,
                    double fraction) {
  std::ifstream in(from, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto keep = static_cast<std::streamsize>(static_cast<double>(bytes.size()) * fraction);
  std::ofstream(to, std::ios::binary).write(bytes.data(), keep);
}

}  // namespace am::test
