
#include <spdlog/spdlog.h>

#include "app/batch_input.hpp"
#include "app/commands.hpp"
#include "models/registry.hpp"
#include "perception/face_detector.hpp"
#include "perception/face_results.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {

int cmd_faces(const Config& cfg, const BatchOptions& opts) {
  const FaceDetector detector(models_dir(cfg), FaceBoxOptions{}, session_options(cfg));
  BatchInput input(opts);
  std::vector<FaceFrame> frames;
  while (auto frame = input.next()) {
    FaceFrame result{frame->index, detector.detect(frame->image)};
    spdlog::info("frame {}: {} face(s)", frame->index, result.faces.size());
    if (input.drawing()) {
      cv::Mat canvas = frame->image.clone();
      draw_faces(canvas, result.faces);
      input.draw(canvas, frame->index);
    }
    frames.push_back(std::move(result));
  }
  input.finish(faces_to_json(opts.input, input.size(), frames));
  return 0;
}

}  // namespace am
