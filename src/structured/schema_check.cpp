// check_schema: a JSON value against the JSON Schema subset of structured
// output. Once a value has the wrong type nothing below it is checked: the
// first mismatch is the one that explains the rest.

#include <paradigm/schema.hpp>

#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace paradigm {

namespace {

using Json = nlohmann::json;

// JSON Schema's integer is a mathematical one: 3.0 is an integer.
bool is_integer(const Json& value) {
  if (value.is_number_integer()) return true;
  if (!value.is_number_float()) return false;
  const double number = value.get<double>();
  return std::isfinite(number) && std::floor(number) == number;
}

// The type names of JSON Schema; an unknown name is not checked.
bool has_type(const Json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return is_integer(value);
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  return true;
}

std::string kind_of(const Json& value) {
  if (is_integer(value)) return "integer";
  if (value.is_number()) return "number";
  return value.type_name();  // object, array, string, boolean, null
}

std::string child(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string element(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

// A value as it reads in a message: short, on one line.
std::string quoted(const Json& value) {
  return detail::truncate_for_message(value.dump(-1, ' ', false, Json::error_handler_t::replace), 60);
}

class Checker {
 public:
  explicit Checker(const SchemaCheckOptions& options) : options_(options) {}

  void check(const Json& value, const Json& schema, const std::string& path) {
    if (full() || !schema.is_object()) return;
    if (!check_type(value, schema, path)) return;
    check_enum(value, schema, path);
    check_bounds(value, schema, path);
    if (value.is_object()) check_object(value, schema, path);
    if (value.is_array()) check_array(value, schema, path);
  }

  std::vector<SchemaMismatch> take() && { return std::move(mismatches_); }

 private:
  bool full() const { return mismatches_.size() >= options_.max_mismatches; }

  void report(const std::string& path, std::string message) {
    if (!full()) mismatches_.push_back({path, std::move(message)});
  }

  bool check_type(const Json& value, const Json& schema, const std::string& path) {
    const auto type = schema.find("type");
    if (type == schema.end()) return true;
    std::vector<std::string> names;
    if (type->is_string()) names.push_back(type->get<std::string>());
    if (type->is_array()) {
      for (const auto& name : *type) {
        if (name.is_string()) names.push_back(name.get<std::string>());
      }
    }
    if (names.empty() || std::any_of(names.begin(), names.end(),
                                     [&](const std::string& name) { return has_type(value, name); })) {
      return true;
    }
    std::string expected;
    for (const auto& name : names)
      expected += (expected.empty() ? "" : " or ") + name;
    report(path, "expected " + expected + ", got " + kind_of(value));
    return false;
  }

  void check_enum(const Json& value, const Json& schema, const std::string& path) {
    const auto allowed = schema.find("enum");
    if (allowed == schema.end() || !allowed->is_array()) return;
    if (std::find(allowed->begin(), allowed->end(), value) != allowed->end()) return;
    std::string names;
    for (const auto& name : *allowed)
      names += (names.empty() ? "" : ", ") + quoted(name);
    report(path, "expected one of " + names + ", got " + quoted(value));
  }

  void check_bounds(const Json& value, const Json& schema, const std::string& path) {
    if (!value.is_number()) return;
    const auto minimum = schema.find("minimum");
    if (minimum != schema.end() && minimum->is_number() && value < *minimum) {
      report(path, "expected at least " + minimum->dump() + ", got " + value.dump());
    }
    const auto maximum = schema.find("maximum");
    if (maximum != schema.end() && maximum->is_number() && *maximum < value) {
      report(path, "expected at most " + maximum->dump() + ", got " + value.dump());
    }
  }

  void check_object(const Json& value, const Json& schema, const std::string& path) {
    std::vector<std::string> required;
    if (const auto names = schema.find("required"); names != schema.end() && names->is_array()) {
      for (const auto& name : *names) {
        if (!name.is_string()) continue;
        required.push_back(name.get<std::string>());
        if (!value.contains(required.back())) report(child(path, required.back()), "missing (required)");
      }
    }
    const auto properties = schema.find("properties");
    if (properties == schema.end() || !properties->is_object()) return;
    for (const auto& [key, property] : properties->items()) {
      const auto member = value.find(key);
      if (member == value.end()) continue;
      const bool optional = std::find(required.begin(), required.end(), key) == required.end();
      if (member->is_null() && optional && options_.null_as_absent) continue;
      check(*member, property, child(path, key));
    }
  }

  void check_array(const Json& value, const Json& schema, const std::string& path) {
    const auto items = schema.find("items");
    if (items == schema.end()) return;
    for (std::size_t i = 0; i < value.size() && !full(); ++i)
      check(value[i], *items, element(path, i));
  }

  SchemaCheckOptions options_;
  std::vector<SchemaMismatch> mismatches_;
};

}  // namespace

std::vector<SchemaMismatch> check_schema(const JsonValue& value, const JsonValue& schema,
                                         const SchemaCheckOptions& options) {
  Checker checker(options);
  checker.check(value.nlohmann(), schema.nlohmann(), "");
  return std::move(checker).take();
}

}  // namespace paradigm
