#pragma once

// Writing model fields back to the wire: lists are always written (`[]` when
// empty); unset optionals, null JsonValues and empty open enums are left out;
// `extra` members come back as received.

#include "json/codec.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace paradigm::detail {

/// A JSON object holding the `extra` members, to which known fields are then
/// written (so a known field wins over a same-named extra member).
inline Json object_with(const JsonValue& extra) {
  return extra.is_object() ? extra.nlohmann() : Json::object();
}

inline Json wire(const std::string& value) {
  return value;
}
inline Json wire(int value) {
  return value;
}
inline Json wire(std::int64_t value) {
  return value;
}
inline Json wire(double value) {
  return value;
}
inline Json wire(bool value) {
  return value;
}
inline Json wire(const Timestamp& value) {
  return value.to_string();
}
inline Json wire(const std::map<std::string, double>& value) {
  return Json(value);
}

/// A model struct, through its encode().
template <class T>
auto wire(const T& value) -> decltype(encode(value)) {
  return encode(value);
}

template <class T>
Json wire(const std::vector<T>& values) {
  Json array = Json::array();
  array.get_ref<Json::array_t&>().reserve(values.size());
  for (const auto& value : values)
    array.push_back(wire(value));
  return array;
}

/// A field that is always written (required by the schema).
template <class T>
void put(Json& object, const char* name, const T& value) {
  object[name] = wire(value);
}

template <class T>
void put(Json& object, const char* name, const std::optional<T>& value) {
  if (value) object[name] = wire(*value);
}

template <class E>
void put(Json& object, const char* name, const OpenEnum<E>& value) {
  if (!value.empty()) object[name] = value.text();
}

inline void put(Json& object, const char* name, const JsonValue& value) {
  if (!value.is_null()) object[name] = value.nlohmann();
}

}  // namespace paradigm::detail
