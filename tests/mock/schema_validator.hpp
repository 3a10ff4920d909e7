#pragma once

// A small JSON Schema validator for the emulator's structured answers, written
// here rather than borrowed from the emulator or the SDK so that it can catch
// both. It knows the keywords structured output uses: type (a name or a list),
// enum, const, properties, required, additionalProperties, minProperties,
// items (a schema or, draft 4, a list), prefixItems, minItems, maxItems,
// uniqueItems, minimum, maximum, exclusiveMinimum, exclusiveMaximum (numbers,
// or draft 4 booleans), multipleOf, minLength, maxLength (in code points),
// anyOf, oneOf, allOf, $ref (a JSON pointer into the root) and boolean schemas.

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace paradigm::mock::test_support {

class SchemaValidator {
 public:
  explicit SchemaValidator(nlohmann::json root) : root_(std::move(root)) {}

  /// Every place where `value` departs from the root schema ("path: what").
  std::vector<std::string> errors(const nlohmann::json& value) {
    errors_.clear();
    check(value, root_, "$", 0);
    return errors_;
  }

 private:
  using json = nlohmann::json;

  static bool is_integer(const json& value) {
    if (value.is_number_integer()) return true;
    return value.is_number_float() && std::floor(value.get<double>()) == value.get<double>();
  }

  static bool has_type(const json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "integer") return is_integer(value);
    if (type == "number") return value.is_number();
    if (type == "boolean") return value.is_boolean();
    if (type == "null") return value.is_null();
    return false;
  }

  static std::size_t code_points(const std::string& text) {
    std::size_t count = 0;
    for (unsigned char c : text)
      count += (c & 0xC0) != 0x80;
    return count;
  }

  void fail(const std::string& path, const std::string& what) { errors_.push_back(path + ": " + what); }

  // Whether `value` matches `schema`, without reporting (for anyOf, oneOf).
  bool matches(const json& value, const json& schema, int depth) {
    std::vector<std::string> saved;
    saved.swap(errors_);
    check(value, schema, "", depth);
    const bool ok = errors_.empty();
    errors_.swap(saved);
    return ok;
  }

  void check(const json& value, const json& schema, const std::string& path, int depth) {
    if (depth > 64) return fail(path, "schema nests too deep");
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) fail(path, "the schema `false` accepts nothing");
      return;
    }
    if (!schema.is_object()) return fail(path, "a schema must be an object or a boolean");
    if (schema.contains("$ref")) check(value, resolve(schema["$ref"].get<std::string>()), path, depth + 1);
    check_type(value, schema, path);
    if (schema.contains("const") && value != schema["const"])
      fail(path, "not the const " + schema["const"].dump());
    if (schema.contains("enum")) {
      bool listed = false;
      for (const auto& allowed : schema["enum"])
        listed = listed || allowed == value;
      if (!listed) fail(path, value.dump() + " is not in the enum " + schema["enum"].dump());
    }
    check_combinators(value, schema, path, depth);
    if (value.is_number()) check_number(value, schema, path);
    if (value.is_string()) check_string(value.get<std::string>(), schema, path);
    if (value.is_object()) check_object(value, schema, path, depth);
    if (value.is_array()) check_array(value, schema, path, depth);
  }

  const json& resolve(const std::string& ref) {
    if (ref.empty() || ref[0] != '#') throw std::invalid_argument("only local $ref: " + ref);
    return root_.at(json::json_pointer(ref.substr(1)));
  }

  void check_type(const json& value, const json& schema, const std::string& path) {
    if (!schema.contains("type")) return;
    const json& type = schema["type"];
    bool ok = false;
    if (type.is_string()) ok = has_type(value, type.get<std::string>());
    for (const auto& name : type.is_array() ? type : json::array())
      ok = ok || has_type(value, name.get<std::string>());
    if (!ok) fail(path, value.dump() + " is not of type " + type.dump());
  }

  void check_combinators(const json& value, const json& schema, const std::string& path, int depth) {
    if (schema.contains("allOf")) {
      for (const auto& branch : schema["allOf"])
        check(value, branch, path, depth + 1);
    }
    if (schema.contains("anyOf")) {
      bool any = false;
      for (const auto& branch : schema["anyOf"])
        any = any || matches(value, branch, depth + 1);
      if (!any) fail(path, "matches no branch of anyOf");
    }
    if (schema.contains("oneOf")) {
      int matched = 0;
      for (const auto& branch : schema["oneOf"])
        matched += matches(value, branch, depth + 1) ? 1 : 0;
      if (matched != 1) fail(path, "matches " + std::to_string(matched) + " branches of oneOf");
    }
  }

  void check_number(const json& value, const json& schema, const std::string& path) {
    const double number = value.get<double>();
    const auto bound = [&](const char* key) { return schema.contains(key) && schema[key].is_number(); };
    const auto exclusive_flag = [&](const char* key) {  // draft 4
      return schema.contains(key) && schema[key].is_boolean() && schema[key].get<bool>();
    };
    if (bound("minimum")) {
      const double minimum = schema["minimum"].get<double>();
      if (number < minimum || (exclusive_flag("exclusiveMinimum") && number == minimum))
        fail(path, value.dump() + " is below the minimum");
    }
    if (bound("maximum")) {
      const double maximum = schema["maximum"].get<double>();
      if (number > maximum || (exclusive_flag("exclusiveMaximum") && number == maximum))
        fail(path, value.dump() + " is above the maximum");
    }
    if (bound("exclusiveMinimum") && number <= schema["exclusiveMinimum"].get<double>())
      fail(path, value.dump() + " is not above exclusiveMinimum");
    if (bound("exclusiveMaximum") && number >= schema["exclusiveMaximum"].get<double>())
      fail(path, value.dump() + " is not below exclusiveMaximum");
    if (bound("multipleOf")) {
      const double quotient = number / schema["multipleOf"].get<double>();
      if (std::fabs(quotient - std::round(quotient)) > 1e-9) fail(path, value.dump() + " is not a multiple");
    }
  }

  void check_string(const std::string& text, const json& schema, const std::string& path) {
    const std::size_t length = code_points(text);
    if (schema.contains("minLength") && length < schema["minLength"].get<std::size_t>())
      fail(path, "\"" + text + "\" is shorter than minLength");
    if (schema.contains("maxLength") && length > schema["maxLength"].get<std::size_t>())
      fail(path, "\"" + text + "\" is longer than maxLength");
  }

  void check_object(const json& value, const json& schema, const std::string& path, int depth) {
    for (const auto& name : schema.value("required", json::array())) {
      if (!value.contains(name.get<std::string>())) fail(path + "." + name.get<std::string>(), "missing");
    }
    const json properties = schema.value("properties", json::object());
    for (const auto& [key, member] : value.items()) {
      if (properties.contains(key)) {
        check(member, properties[key], path + "." + key, depth + 1);
      } else if (schema.contains("additionalProperties")) {
        check(member, schema["additionalProperties"], path + "." + key, depth + 1);
      }
    }
    if (schema.contains("minProperties") && value.size() < schema["minProperties"].get<std::size_t>())
      fail(path, "fewer members than minProperties");
  }

  void check_array(const json& value, const json& schema, const std::string& path, int depth) {
    if (schema.contains("minItems") && value.size() < schema["minItems"].get<std::size_t>())
      fail(path, "fewer items than minItems");
    if (schema.contains("maxItems") && value.size() > schema["maxItems"].get<std::size_t>())
      fail(path, "more items than maxItems");
    json prefix = schema.value("prefixItems", json::array());
    json rest = schema.value("items", json(true));
    if (rest.is_array()) {  // draft 4 tuple
      prefix = rest;
      rest = schema.value("additionalItems", json(true));
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      const json& item_schema = i < prefix.size() ? prefix[i] : rest;
      check(value[i], item_schema, path + "[" + std::to_string(i) + "]", depth + 1);
    }
    if (schema.value("uniqueItems", false)) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        for (std::size_t j = i + 1; j < value.size(); ++j) {
          if (value[i] == value[j])
            fail(path, "items " + std::to_string(i) + " and " + std::to_string(j) + " are equal");
        }
      }
    }
  }

  json root_;
  std::vector<std::string> errors_;
};

}  // namespace paradigm::mock::test_support
