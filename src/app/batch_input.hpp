// The shared plumbing of the batch commands (faces, pose): reads INPUT (image, folder, video,
// camera) as fast as possible, optionally writes annotated frames to --draw OUT, and at the end
// writes the JSON document to --json OUT (or a one-line summary to the log when not asked).
#pragma once

#include <memory>
#include <optional>
#include <string>

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

}  // namespace am
