// Builds tiny TFLite flatbuffers for the converter's tests, with the raw flatbuffers table API
// and the schema's field ids: one float32 input [1, 4, 4, 2] ("image"), one operator, one output
// ("result", same shape). Written to a file in a scratch folder.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace am::test {

// builtin_code 32 (CUSTOM) uses custom_code as the operator's name.
std::filesystem::path write_one_op_model(const std::filesystem::path& dir, int32_t builtin_code,
                                         const std::string& custom_code = "");

}  // namespace am::test
