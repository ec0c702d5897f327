// The shared plumbing of the batch commands (faces, pose): reads INPUT (image, folder, video,
// camera) as fast as possible, optionally writes annotated frames to --draw OUT, and at the end
// writes the JSON document to --json OUT (or a one-line summary to the log when not asked).
// run_batch() is the commands' per-frame loop: analyse, log the count, draw when asked.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "core/frame.hpp"
#include "io/frame_source.hpp"
#include "io/frame_writer.hpp"

namespace am {

struct BatchOptions {
  std::string input;
  std::string json_out;  // empty: no JSON file
  std::string draw_out;  // empty: no drawing
  int max_persons = 0;   // pose only; 0: the config value
};

class BatchInput {
 public:
  explicit BatchInput(const BatchOptions& opts);

  std::optional<Frame> next();
  bool drawing() const { return writer_ != nullptr; }
  void draw(const cv::Mat& annotated, int64_t index);
  cv::Size size() const { return size_; }
  // True for videos, streams and cameras: frames follow each other in time (pose smoothing).
  bool is_sequence() const;
  // Writes the JSON (when --json was given) and closes the drawing output.
  void finish(const nlohmann::json& document);

 private:
  BatchOptions opts_;
  std::unique_ptr<FrameSource> source_;
  std::unique_ptr<FrameWriter> writer_;
  cv::Size size_;
};

// What a batch command does with one frame: its result, how many things it found (logged as
// "frame N: COUNT WHAT") and how it paints them for --draw.
template <class Result>
struct BatchStep {
  std::string_view what;
  std::function<Result(const Frame&)> analyse;
  std::function<std::size_t(const Result&)> count;
  std::function<void(cv::Mat&, const Result&)> draw;
};

// Runs `step` on every frame of `input`, in order, and gives the results.
template <class Result>
std::vector<Result> run_batch(BatchInput& input, const BatchStep<Result>& step) {
  std::vector<Result> results;
  while (auto frame = input.next()) {
    Result result = step.analyse(*frame);
    spdlog::info("frame {}: {} {}", frame->index, step.count(result), step.what);
    if (input.drawing()) {
      cv::Mat canvas = frame->image.clone();
      step.draw(canvas, result);
      input.draw(canvas, frame->index);
    }
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace am
