#include "app/batch_input.hpp"
#include "app/commands.hpp"
#include "app/face_output.hpp"
#include "models/registry.hpp"
#include "perception/face/face_detector.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {

int cmd_faces(const Config& cfg, const BatchOptions& opts) {
  const FaceDetector detector(models_dir(cfg), FaceBoxOptions{}, session_options(cfg));
  BatchInput input(opts);
  const std::vector<FaceFrame> frames = run_batch<FaceFrame>(
      input, {"face(s)",
              [&](const Frame& f) {
                return FaceFrame{f.index, detector.detect(f.image)};
              },
              [](const FaceFrame& r) { return r.faces.size(); },
              [](cv::Mat& canvas, const FaceFrame& r) { draw_faces(canvas, r.faces); }});
  input.finish(faces_to_json(opts.input, input.size(), frames));
  return 0;
}

}  // namespace am
