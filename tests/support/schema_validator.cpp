#include "support/schema_validator.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <stdexcept>

namespace am::test {

using nlohmann::json;

namespace {

class Validator {
 public:
  explicit Validator(const json& root) : root_(root) {}

  void check(const json& schema, const json& doc, const std::string& at) {
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) fail(at, "is not allowed");
      return;
    }
    for (const auto& [key, value] : schema.items()) check_keyword(key, value, schema, doc, at);
  }

  std::vector<std::string> errors;

 private:
  void fail(const std::string& at, const std::string& what) {
    errors.push_back((at.empty() ? "/" : at) + " " + what);
  }

  static bool has_type(const json& doc, const std::string& type) {
    if (type == "object") return doc.is_object();
    if (type == "array") return doc.is_array();
    if (type == "string") return doc.is_string();
    if (type == "number") return doc.is_number();
    if (type == "integer") {
      return doc.is_number_integer() ||
             (doc.is_number_float() &&
              doc.get<double>() == static_cast<long long>(doc.get<double>()));
    }
    if (type == "boolean") return doc.is_boolean();
    if (type == "null") return doc.is_null();
    throw std::invalid_argument("schema: unknown type '" + type + "'");
  }

  const json& resolve(const std::string& ref) {
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0) throw std::invalid_argument("schema: unsupported $ref " + ref);
    return root_.at("$defs").at(ref.substr(prefix.size()));
  }

  void check_type(const json& types, const json& doc, const std::string& at) {
    const json list = types.is_array() ? types : json::array({types});
    for (const auto& t : list) {
      if (has_type(doc, t.get<std::string>())) return;
    }
    fail(at, "should be of type " + types.dump());
  }

  void check_object(const json& schema, const std::string& key, const json& value, const json& doc,
                    const std::string& at) {
    if (key == "required") {
      for (const auto& name : value) {
        if (!doc.contains(name.get<std::string>())) fail(at, "misses " + name.dump());
      }
      return;
    }
    if (key == "properties") {
      for (const auto& [name, sub] : value.items()) {
        if (doc.contains(name)) check(sub, doc.at(name), at + "/" + name);
      }
      return;
    }
    if (key == "patternProperties") {
      for (const auto& [pattern, sub] : value.items()) {
        const std::regex re(pattern);
        for (const auto& [name, item] : doc.items()) {
          if (std::regex_search(name, re)) check(sub, item, at + "/" + name);
        }
      }
      return;
    }
    // additionalProperties: names matched by neither properties nor patternProperties.
    for (const auto& [name, item] : doc.items()) {
      if (schema.contains("properties") && schema["properties"].contains(name)) continue;
      bool matched = false;
      if (schema.contains("patternProperties")) {
        for (const auto& [pattern, sub] : schema["patternProperties"].items()) {
          matched = matched || std::regex_search(name, std::regex(pattern));
        }
      }
      if (matched) continue;
      if (value.is_boolean() && !value.get<bool>())
        fail(at, "has unexpected member '" + name + "'");
      if (value.is_object()) check(value, item, at + "/" + name);
    }
  }

  void check_keyword(const std::string& key, const json& value, const json& schema, const json& doc,
                     const std::string& at) {
    static const std::set<std::string> annotations = {"$schema", "$id", "title", "description",
                                                      "$defs"};
    static const std::set<std::string> object_keys = {"required", "properties", "patternProperties",
                                                      "additionalProperties"};
    if (annotations.count(key)) return;
    if (key == "$ref") return check(resolve(value.get<std::string>()), doc, at);
    if (key == "type") return check_type(value, doc, at);
    if (key == "const") {
      if (doc != value) fail(at, "should be " + value.dump());
      return;
    }
    if (key == "enum") {
      if (std::find(value.begin(), value.end(), doc) == value.end())
        fail(at, "not in " + value.dump());
      return;
    }
    if (object_keys.count(key)) {
      if (doc.is_object()) check_object(schema, key, value, doc, at);
      return;
    }
    if (key == "items") {
      if (!doc.is_array()) return;
      for (std::size_t i = 0; i < doc.size(); ++i)
        check(value, doc[i], at + "/" + std::to_string(i));
      return;
    }
    if (key == "minItems" || key == "maxItems") {
      if (!doc.is_array()) return;
      const bool bad = key == "minItems" ? doc.size() < value.get<std::size_t>()
                                         : doc.size() > value.get<std::size_t>();
      if (bad)
        fail(at, "has " + std::to_string(doc.size()) + " items, " + key + " " + value.dump());
      return;
    }
    if (key == "minimum" || key == "maximum") {
      if (!doc.is_number()) return;
      const double v = doc.get<double>(), limit = value.get<double>();
      if (key == "minimum" ? v < limit : v > limit)
        fail(at, doc.dump() + " violates " + key + " " + value.dump());
      return;
    }
    throw std::invalid_argument("schema: keyword '" + key + "' is outside the supported subset");
  }

  const json& root_;
};

}  // namespace

std::vector<std::string> schema_errors(const json& schema, const json& doc) {
  Validator v(schema);
  v.check(schema, doc, "");
  return v.errors;
}

json load_schema(const std::string& name) {
  const std::string path = std::string(AM_SOURCE_DIR) + "/docs/schemas/" + name + ".schema.json";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return json::parse(in);
}

std::vector<std::string> message_schema_errors(const std::string& text) {
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) return {"not JSON: " + text.substr(0, 80)};
  if (!doc.is_object() || !doc.contains("type") || !doc["type"].is_string()) {
    return {"no string type member"};
  }
  return schema_errors(load_schema(doc["type"].get<std::string>()), doc);
}

}  // namespace am::test
