#include <gtest/gtest.h>

#include "support/schema_validator.hpp"

namespace am::test {
namespace {

using nlohmann::json;

const json kSchema = json::parse(R"({
  "type": "object", "required": ["a"], "additionalProperties": false,
  "properties": {"a": {"type": "integer", "minimum": 0, "maximum": 10},
                 "b": {"type": "array", "items": {"$ref": "#/$defs/s"}, "minItems": 1, "maxItems": 2},
                 "c": {"enum": ["x", "y"]}, "d": {"const": true},
                 "m": {"type": "object", "patternProperties": {"^[0-9]+$": {"type": "number"}},
                       "additionalProperties": false}},
  "$defs": {"s": {"type": "string"}}})");

std::size_t count(const char* doc) { return schema_errors(kSchema, json::parse(doc)).size(); }

TEST(SchemaValidator, AcceptsAValidDocument) {
  EXPECT_EQ(count(R"({"a": 3, "b": ["s"], "c": "x", "d": true, "m": {"12": 1.5}})"), 0u);
  EXPECT_EQ(count(R"({"a": 3.0})"), 0u) << "3.0 is an integer in JSON Schema";
}

TEST(SchemaValidator, ReportsEveryKindOfViolation) {
  EXPECT_EQ(count(R"({})"), 1u);                            // required
  EXPECT_EQ(count(R"({"a": 1.5})"), 1u);                    // type integer
  EXPECT_EQ(count(R"({"a": -1})"), 1u);                     // minimum
  EXPECT_EQ(count(R"({"a": 11})"), 1u);                     // maximum
  EXPECT_EQ(count(R"({"a": 1, "z": 0})"), 1u);              // additionalProperties false
  EXPECT_EQ(count(R"({"a": 1, "b": []})"), 1u);             // minItems
  EXPECT_EQ(count(R"({"a": 1, "b": ["1","2","3"]})"), 1u);  // maxItems
  EXPECT_EQ(count(R"({"a": 1, "b": [5]})"), 1u);            // items via $ref
  EXPECT_EQ(count(R"({"a": 1, "c": "q"})"), 1u);            // enum
  EXPECT_EQ(count(R"({"a": 1, "d": false})"), 1u);          // const
  EXPECT_EQ(count(R"({"a": 1, "m": {"1": "s"}})"), 1u);     // patternProperties
  EXPECT_EQ(count(R"({"a": 1, "m": {"x": 1}})"), 1u);       // additional beside patterns
  EXPECT_EQ(count(R"([1])"), 1u);                           // top-level type
}

TEST(SchemaValidator, RefusesKeywordsOutsideItsSubset) {
  EXPECT_THROW(schema_errors(json::parse(R"({"oneOf": []})"), json(1)), std::invalid_argument);
  EXPECT_THROW(schema_errors(json::parse(R"({"type": "float"})"), json(1)), std::invalid_argument);
}

TEST(SchemaValidator, EveryShippedSchemaUsesOnlyTheSubset) {
  for (const char* name : {"hello", "new_character", "pose_update", "person_left", "pong", "error",
                           "client_message"}) {
    EXPECT_NO_THROW(schema_errors(load_schema(name), json::object())) << name;
  }
}

}  // namespace
}  // namespace am::test
