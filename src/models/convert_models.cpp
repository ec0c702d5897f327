#include "models/convert_models.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "convert/convert.hpp"
#include "models/registry.hpp"

namespace am {
namespace {

std::string stamp_text(const ModelEntry& model) {
  return std::string(model.sha256) + " converter-v" + std::to_string(kConverterVersion) + "\n";
}

bool up_to_date(const std::filesystem::path& onnx, const std::filesystem::path& stamp,
                const std::string& expected) {
  if (!std::filesystem::exists(onnx) || !std::filesystem::exists(stamp)) return false;
  std::ifstream in(stamp);
  std::stringstream text;
  text << in.rdbuf();
  return text.str() == expected;
}

ConversionOutcome convert_one(const std::filesystem::path& dir, const ModelEntry& model) {
  ConversionOutcome outcome{std::string(model.name), false, false, ""};
  const auto tflite = dir / std::string(model.file);
  const auto onnx = dir / model.onnx_file();
  const auto stamp = dir / (model.onnx_file() + ".stamp");
  if (!std::filesystem::exists(tflite)) {
    outcome.detail = "missing " + tflite.string() + ": run `avatar-mirror models fetch`";
    return outcome;
  }
  if (up_to_date(onnx, stamp, stamp_text(model))) {
    outcome.ok = true;
    outcome.detail = "up to date";
    return outcome;
  }
  try {
    const ConvertReport report = convert_tflite_to_onnx(tflite, onnx);
    std::ofstream(stamp) << stamp_text(model);
    std::ostringstream detail;
    detail << "converted (" << report.node_count << " ONNX nodes, " << report.seconds << " s)";
    outcome = {outcome.name, true, true, detail.str()};
  } catch (const std::exception& e) {
    outcome.detail = e.what();
  }
  return outcome;
}

}  // namespace

bool ConversionReport::ok() const {
  return std::all_of(models.begin(), models.end(), [](const auto& m) { return m.ok; });
}

std::string ConversionReport::summary() const {
  const auto count = [&](auto pred) { return std::count_if(models.begin(), models.end(), pred); };
  std::ostringstream out;
  out << models.size() << " converted models: " << count([](auto& m) { return m.converted; })
      << " converted, " << count([](auto& m) { return m.ok && !m.converted; }) << " up to date, "
      << count([](auto& m) { return !m.ok; }) << " failed";
  return out.str();
}

ConversionReport convert_models(const std::filesystem::path& models_dir,
                                const ProgressFn& progress) {
  ConversionReport report;
  std::vector<const ModelEntry*> todo;
  for (const auto& model : model_registry())
    if (model.needs_conversion) todo.push_back(&model);
  for (size_t i = 0; i < todo.size(); ++i) {
    report.models.push_back(convert_one(models_dir, *todo[i]));
    const auto& done = report.models.back();
    if (!progress) continue;
    std::ostringstream line;
    line << "[" << i + 1 << "/" << todo.size() << "] " << todo[i]->onnx_file() << ": "
         << (done.ok ? "" : "FAILED: ") << done.detail;
    progress(line.str());
  }
  if (progress) progress(report.summary());
  return report;
}

}  // namespace am
