#pragma once

// Members of parsed JSON looked up without throwing, for code that reads
// payloads whose shape is not published (stream events, progress): a
// missing member or one of another type is nullptr, never an exception.

#include <nlohmann/json.hpp>

#include <string>

namespace paradigm::detail {

/// `object[key]`, or nullptr when `object` is not an object or lacks it.
inline const nlohmann::json* json_member(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

/// `object[key]` when it is an object, else nullptr.
inline const nlohmann::json* object_member(const nlohmann::json& object, const char* key) {
  const nlohmann::json* value = json_member(object, key);
  return value != nullptr && value->is_object() ? value : nullptr;
}

/// `object[key]` when it is a string, else nullptr.
inline const std::string* string_member(const nlohmann::json& object, const char* key) {
  const nlohmann::json* value = json_member(object, key);
  return value != nullptr && value->is_string() ? value->get_ptr<const std::string*>() : nullptr;
}

}  // namespace paradigm::detail
