#pragma once

// Writing model fields back to the wire: lists are always written (`[]` when
// empty); unset optionals, null JsonValues and empty open enums are left out;
// `extra` members come back as received.

#include "json/fields.hpp"
#include "json/model_json.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace paradigm::detail {

using Json = nlohmann::json;

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

template <class List>
Json wire(const Tolerant<List>& list) {
  return wire(list.target);
}

/// A canonical decimal (no sign, no leading zero) that fits in 64 bits was
/// sent as a number; a UUID or any other text never looks like one.
inline Json wire(const ArtifactId<const std::string>& id) {
  const std::string& text = id.target;
  const bool numeric = !text.empty() && text.size() <= 18 && !(text[0] == '0' && text.size() > 1) &&
                       text.find_first_not_of("0123456789") == std::string::npos;
  if (numeric) return std::stoll(text);
  return text;
}

/// A field that is always written (required by the schema, or a list).
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

/// The writer's side of a field description (fields.hpp): puts every field.
class MemberWriter {
 public:
  explicit MemberWriter(Json& object) noexcept : object_(object) {}

  /// Always false, so that the description goes on to the next field.
  template <class Field>
  bool operator()(const char* name, const Field& field) const {
    put(object_, name, field);
    return false;
  }

 private:
  Json& object_;
};

/// Writes the fields of `value` (struct or request) into `object`.
template <class T>
void write_fields(Json& object, const T& value) {
  fields(MemberWriter(object), value, Of<T>{});
}

/// Encodes a model struct through its field description, over its `extra`.
template <class T>
Json encode_object(const T& value) {
  Json json = object_with(value.extra);
  write_fields(json, value);
  return json;
}

}  // namespace paradigm::detail
