// Plain tensors for the inference layer and the shape rules between them. A TensorSpec names a
// model input or output and its shape, where -1 means "any size on that axis". Tensor owns its
// float32 data; TensorView borrows it for hot paths. The check_* functions throw InferError with
// one line naming the model, the tensor, what was expected and what was found.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace am {

struct TensorSpec {
  std::string name;
  std::vector<int64_t> shape;  // -1 = any size on that axis
};

struct Tensor {
  std::vector<int64_t> shape;
  std::vector<float> data;  // row-major, size = product of shape
};

// A borrowed tensor: the caller keeps data and shape alive for the call it is passed to.
struct TensorView {
  std::span<const int64_t> shape;
  std::span<const float> data;
};

inline TensorView view_of(const Tensor& t) { return {t.shape, t.data}; }

// Product of the axes: 1 for a scalar (rank 0), 0 when any axis is 0.
int64_t element_count(std::span<const int64_t> shape);

// "[1, 3, -1, 224]".
std::string shape_text(std::span<const int64_t> shape);

// True when both have the same rank and every axis matches or is -1 on either side.
bool shapes_compatible(std::span<const int64_t> a, std::span<const int64_t> b);

// The declared shape with each -1 replaced by the file's fixed size on that axis (if it has one).
std::vector<int64_t> merge_shapes(std::span<const int64_t> declared, std::span<const int64_t> file);

// Checks that the model file's tensors (`found`, in file order) are exactly the `declared` ones by
// name, in any order, with compatible shapes. `kind` is "input" or "output".
void check_model_tensors(std::string_view model, std::string_view file, std::string_view kind,
                         const std::vector<TensorSpec>& declared,
                         const std::vector<TensorSpec>& found);

// Checks run() arguments against the expected inputs: count, concrete shape, data size.
void check_run_inputs(std::string_view model, const std::vector<TensorSpec>& expected,
                      std::span<const TensorView> inputs);

}  // namespace am
