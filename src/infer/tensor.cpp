#include "infer/tensor.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>

#include "core/error.hpp"

namespace am {

namespace {

const TensorSpec* find_by_name(const std::vector<TensorSpec>& specs, std::string_view name) {
  auto it =
      std::find_if(specs.begin(), specs.end(), [&](const TensorSpec& s) { return s.name == name; });
  return it == specs.end() ? nullptr : &*it;
}

std::string names_text(const std::vector<TensorSpec>& specs) {
  std::vector<std::string> names;
  names.reserve(specs.size());
  for (const auto& s : specs) names.push_back("'" + s.name + "'");
  return names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "));
}

bool is_concrete(std::span<const int64_t> shape) {
  return std::all_of(shape.begin(), shape.end(), [](int64_t d) { return d >= 0; });
}

}  // namespace

int64_t element_count(std::span<const int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

std::string shape_text(std::span<const int64_t> shape) {
  return fmt::format("[{}]", fmt::join(shape, ", "));
}

bool shapes_compatible(std::span<const int64_t> a, std::span<const int64_t> b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != -1 && b[i] != -1 && a[i] != b[i]) return false;
  }
  return true;
}

std::vector<int64_t> merge_shapes(std::span<const int64_t> declared,
                                  std::span<const int64_t> file) {
  std::vector<int64_t> merged(declared.begin(), declared.end());
  for (size_t i = 0; i < merged.size() && i < file.size(); ++i) {
    if (merged[i] == -1) merged[i] = file[i];
  }
  return merged;
}

void check_model_tensors(std::string_view model, std::string_view file, std::string_view kind,
                         const std::vector<TensorSpec>& declared,
                         const std::vector<TensorSpec>& found) {
  for (const auto& want : declared) {
    const TensorSpec* have = find_by_name(found, want.name);
    if (!have) {
      throw InferError(fmt::format(
          "model {}: {} has no {} '{}' {} (its {}s: {}); the file does not match this model, "
          "re-fetch it with `avatar-mirror models fetch`",
          model, file, kind, want.name, shape_text(want.shape), kind, names_text(found)));
    }
    if (!shapes_compatible(want.shape, have->shape)) {
      throw InferError(fmt::format(
          "model {}: {} '{}' in {} has shape {} but {} is expected; the file does not match "
          "this model, re-fetch it with `avatar-mirror models fetch`",
          model, kind, want.name, file, shape_text(have->shape), shape_text(want.shape)));
    }
  }
  for (const auto& have : found) {
    if (!find_by_name(declared, have.name)) {
      throw InferError(fmt::format(
          "model {}: {} has an unexpected {} '{}' {} (expected {}s: {}); the file does not "
          "match this model, re-fetch it with `avatar-mirror models fetch`",
          model, file, kind, have.name, shape_text(have.shape), kind, names_text(declared)));
    }
  }
}

void check_run_inputs(std::string_view model, const std::vector<TensorSpec>& expected,
                      std::span<const TensorView> inputs) {
  if (inputs.size() != expected.size()) {
    throw InferError(fmt::format("model {}: run() got {} inputs but the model takes {} ({})", model,
                                 inputs.size(), expected.size(), names_text(expected)));
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    const auto& spec = expected[i];
    const auto& in = inputs[i];
    if (!is_concrete(in.shape) || !shapes_compatible(spec.shape, in.shape)) {
      throw InferError(fmt::format("model {}: input '{}' has shape {} but {} is expected", model,
                                   spec.name, shape_text(in.shape), shape_text(spec.shape)));
    }
    if (static_cast<int64_t>(in.data.size()) != element_count(in.shape)) {
      throw InferError(
          fmt::format("model {}: input '{}' of shape {} needs {} values but {} were given", model,
                      spec.name, shape_text(in.shape), element_count(in.shape), in.data.size()));
    }
  }
}

}  // namespace am
