// A JSON Schema validator for the subset docs/schemas/ uses: type, const, enum, required,
// properties, patternProperties, additionalProperties (bool or schema), items, minItems,
// maxItems, minimum, maximum and local "$ref": "#/$defs/NAME". Annotations ($schema, $id, title,
// description, $defs) are skipped; any other keyword throws std::invalid_argument, so a schema
// never passes because a keyword was silently ignored. Gives one line per violation, empty when
// valid. Used by the stream tests to check every message the server sends.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace am::test {

std::vector<std::string> schema_errors(const nlohmann::json& schema, const nlohmann::json& doc);

// docs/schemas/<name>.schema.json of this source tree.
nlohmann::json load_schema(const std::string& name);

// Parses a server message and validates it against the schema named by its "type".
std::vector<std::string> message_schema_errors(const std::string& text);

}  // namespace am::test
