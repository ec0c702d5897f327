#include "oracle.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace am::test {
namespace {

void write_f32(const std::filesystem::path& path, const Tensor& t) {
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(t.data.data()),
             static_cast<std::streamsize>(t.data.size() * sizeof(float)));
}

std::vector<float> read_f32(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("oracle output missing: " + path.string());
  const std::vector<char> bytes{std::istreambuf_iterator<char>(in), {}};
  std::vector<float> values(bytes.size() / sizeof(float));
  std::copy(bytes.begin(), bytes.begin() + values.size() * sizeof(float),
            reinterpret_cast<char*>(values.data()));
  return values;
}

OracleOutputs read_run(const std::filesystem::path& dir) {
  std::ifstream in(dir / "outputs.json");
  const auto signature = nlohmann::json::parse(in);
  OracleOutputs out;
  int index = 0;
  for (const auto& detail : signature.at("outputs")) {
    out.names.push_back(detail.at("name").get<std::string>());
    Tensor t;
    t.shape = detail.at("shape").get<std::vector<int64_t>>();
    t.data = read_f32(dir / ("out" + std::to_string(index++) + ".f32"));
    out.tensors.push_back(std::move(t));
  }
  return out;
}

}  // namespace

std::vector<OracleOutputs> run_litert(const std::filesystem::path& tflite,
                                      const std::vector<std::vector<Tensor>>& runs,
                                      const std::filesystem::path& work_dir) {
  nlohmann::json batch{{"runs", nlohmann::json::array()}};
  for (size_t r = 0; r < runs.size(); ++r) {
    nlohmann::json inputs = nlohmann::json::array();
    for (size_t i = 0; i < runs[r].size(); ++i) {
      const auto path = work_dir / ("run" + std::to_string(r) + "_in" + std::to_string(i) + ".f32");
      write_f32(path, runs[r][i]);
      inputs.push_back(path.string());
    }
    batch["runs"].push_back(
        {{"inputs", inputs}, {"outdir", (work_dir / ("run" + std::to_string(r))).string()}});
  }
  const auto batch_file = work_dir / "batch.json";
  std::ofstream(batch_file) << batch.dump();
  const std::string command = "node '" AM_SOURCE_DIR "/tests/oracle/tflite_run.mjs' --model '" +
                              tflite.string() + "' --batch '" + batch_file.string() + "' > '" +
                              (work_dir / "oracle.log").string() + "' 2>&1";
  if (std::system(command.c_str()) != 0) {
    throw std::runtime_error("LiteRT.js oracle failed (see " + (work_dir / "oracle.log").string() +
                             "); install it with: bash tests/oracle/install.sh");
  }
  std::vector<OracleOutputs> results;
  for (size_t r = 0; r < runs.size(); ++r) {
    results.push_back(read_run(work_dir / ("run" + std::to_string(r))));
  }
  return results;
}

}  // namespace am::test
