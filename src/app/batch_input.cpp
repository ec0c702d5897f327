#include "app/batch_input.hpp"

#include <fstream>

#include <spdlog/spdlog.h>

#include "core/error.hpp"

namespace am {

BatchInput::BatchInput(const BatchOptions& opts)
    : opts_(opts), source_(open_source(opts.input, CameraRequest{}, Pacing::AsFastAsPossible)) {
  if (!opts.draw_out.empty())
    writer_ = std::make_unique<FrameWriter>(opts.draw_out, source_->info().fps);
}

std::optional<Frame> BatchInput::next() {
  auto frame = source_->next();
  if (frame) size_ = frame->image.size();
  return frame;
}

bool BatchInput::is_sequence() const {
  const std::string& kind = source_->info().kind;
  return kind == "video" || kind == "stream" || kind == "camera";
}

void BatchInput::draw(const cv::Mat& annotated, int64_t index) {
  if (writer_) writer_->write(annotated, index);
}

void BatchInput::finish(const nlohmann::json& document) {
  if (writer_) writer_->finish();
  if (opts_.json_out.empty()) return;
  std::ofstream out(opts_.json_out);
  out << document.dump(1) << "\n";
  if (!out)
    throw Error("cannot write " + opts_.json_out +
                ": check that the folder exists and is writable");
  spdlog::info("wrote {}", opts_.json_out);
}

}  // namespace am
