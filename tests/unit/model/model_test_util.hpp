#pragma once

// Fixture loading and JSON comparison for the model tests.

#include <paradigm/errors.hpp>
#include <paradigm/serialize.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace paradigm::test {

/// The text of tests/data/<name>.
inline std::string load_fixture(const std::string& name) {
  std::ifstream file(std::string(PARADIGM_TEST_DATA_DIR) + "/" + name, std::ios::binary);
  if (!file) throw std::runtime_error("missing fixture " + name);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

/// from_json then to_json, parsed back for a structural comparison.
template <class T>
nlohmann::json round_trip(std::string_view text) {
  return nlohmann::json::parse(to_json(from_json<T>(text)));
}

/// `json` without the members whose value is null, at every level (what
/// encode writes for a document whose nullable fields are null).
inline nlohmann::json without_nulls(const nlohmann::json& json) {
  if (json.is_object()) {
    nlohmann::json result = nlohmann::json::object();
    for (const auto& [key, value] : json.items()) {
      if (!value.is_null()) result[key] = without_nulls(value);
    }
    return result;
  }
  if (json.is_array()) {
    nlohmann::json result = nlohmann::json::array();
    for (const auto& element : json)
      result.push_back(without_nulls(element));
    return result;
  }
  return json;
}

/// True when a null appears anywhere in `json`.
inline bool contains_null(const nlohmann::json& json) {
  if (json.is_null()) return true;
  if (json.is_object() || json.is_array()) {
    for (const auto& element : json) {
      if (contains_null(element)) return true;
    }
  }
  return false;
}

/// Runs `action` and returns the DecodeError it throws (fails the test otherwise).
template <class Action>
DecodeError decode_error_of(Action&& action) {
  try {
    action();
  } catch (const DecodeError& e) {
    return e;
  }
  throw std::runtime_error("expected a DecodeError");
}

}  // namespace paradigm::test
