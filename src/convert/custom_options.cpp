#include "convert/custom_options.hpp"

#include <flatbuffers/flexbuffers.h>

namespace am {

namespace {

flexbuffers::Reference value_of(const Lowering& l, const tflite::OpDef& op,
                                const std::string& key) {
  const auto& bytes = op.options.custom;
  if (bytes.empty() || !flexbuffers::GetRoot(bytes.data(), bytes.size()).IsMap())
    l.fail(op, "has no flexbuffer map in its custom options (the file is damaged)");
  const flexbuffers::Reference value =
      flexbuffers::GetRoot(bytes.data(), bytes.size()).AsMap()[key];
  if (value.IsNull()) l.fail(op, "lacks the custom option '" + key + "'");
  return value;
}

// flexbuffers::Vector or TypedVector.
template <typename Items>
std::vector<int64_t> integers_of(const Items& items) {
  std::vector<int64_t> out;
  for (size_t i = 0; i < items.size(); ++i) out.push_back(items[i].AsInt64());
  return out;
}

}  // namespace

CustomOptions::CustomOptions(const Lowering& lowering, const tflite::OpDef& op)
    : lowering_(lowering), op_(op) {}

int64_t CustomOptions::integer(const std::string& key) const {
  const flexbuffers::Reference v = value_of(lowering_, op_, key);
  if (!v.IsIntOrUint()) lowering_.fail(op_, "has a non-integer custom option '" + key + "'");
  return v.AsInt64();
}

float CustomOptions::number(const std::string& key) const {
  const flexbuffers::Reference v = value_of(lowering_, op_, key);
  if (!v.IsNumeric()) lowering_.fail(op_, "has a non-numeric custom option '" + key + "'");
  return v.AsFloat();
}

std::vector<int64_t> CustomOptions::integers(const std::string& key) const {
  const flexbuffers::Reference v = value_of(lowering_, op_, key);
  if (!v.IsTypedVector() && !v.IsVector())
    lowering_.fail(op_, "has a custom option '" + key + "' that is not a vector");
  return v.IsTypedVector() ? integers_of(v.AsTypedVector()) : integers_of(v.AsVector());
}

}  // namespace am
