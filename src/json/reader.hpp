#pragma once

// Reading wire values into model fields. Every reader takes the value by
// mutable reference and moves strings and subtrees out of it, so decoding a
// document costs little more than walking it once.
//
// Known fields are strict: a wrong JSON type throws DecodeError naming the
// path. `null` reads as "absent" everywhere (the field keeps its default).

#include <paradigm/enums.hpp>
#include <paradigm/errors.hpp>
#include <paradigm/json_value.hpp>
#include <paradigm/timestamp.hpp>

#include "json/json_path.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paradigm::detail {

using Json = nlohmann::json;

void read(Json& value, const JsonPath& at, std::string& out);
void read(Json& value, const JsonPath& at, std::int64_t& out);
void read(Json& value, const JsonPath& at, double& out);
void read(Json& value, const JsonPath& at, bool& out);
void read(Json& value, const JsonPath& at, Timestamp& out);
/// Any JSON; the subtree is adopted without a copy.
void read(Json& value, const JsonPath& at, JsonValue& out);
/// An object of numbers (`timings`); null members are skipped.
void read(Json& value, const JsonPath& at, std::map<std::string, double>& out);

template <class E>
void read(Json& value, const JsonPath& at, OpenEnum<E>& out) {
  if (value.is_null()) {
    out = OpenEnum<E>();
  } else if (value.is_string()) {
    out = OpenEnum<E>::from_text(std::move(value.get_ref<std::string&>()));
  } else {
    throw_type_error(at, "string", value);
  }
}

template <class T>
void read(Json& value, const JsonPath& at, std::optional<T>& out) {
  if (value.is_null()) {
    out.reset();
    return;
  }
  read(value, at, out.emplace());
}

/// Reads an array with `read_element(element, path, T&)`; null gives an empty vector.
template <class T, class ReadElement>
void read_array(Json& value, const JsonPath& at, std::vector<T>& out, ReadElement&& read_element) {
  out.clear();
  if (value.is_null()) return;
  if (!value.is_array()) throw_type_error(at, "array", value);
  auto& elements = value.get_ref<Json::array_t&>();
  out.reserve(elements.size());
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const JsonPath element_at(at, i);
    read_element(elements[i], element_at, out.emplace_back());
  }
}

template <class T>
void read(Json& value, const JsonPath& at, std::vector<T>& out) {
  read_array(value, at, out,
             [](Json& element, const JsonPath& element_at, T& target) { read(element, element_at, target); });
}

/// One member of an object being decoded; `member("name", field)` reads the
/// value into `field` when the key is `name`.
class Member {
 public:
  Member(std::string_view key, Json& value, const JsonPath& at) noexcept
      : key_(key), value_(value), at_(at) {}

  std::string_view key() const noexcept { return key_; }
  Json& value() const noexcept { return value_; }
  const JsonPath& path() const noexcept { return at_; }

  /// True (the member is consumed) when the key is `name`.
  template <class T>
  bool operator()(std::string_view name, T& field) const {
    if (key_ != name) return false;
    read(value_, at_, field);
    return true;
  }

  /// Like operator(), but a value of an unexpected type is left in `extra`
  /// instead of failing: for shapes the API does not publish.
  template <class T>
  bool tolerant(std::string_view name, T& field) const {
    if (key_ != name) return false;
    try {
      read(value_, at_, field);
      return true;
    } catch (const DecodeError&) {
      field = T();
      return false;
    }
  }

 private:
  std::string_view key_;
  Json& value_;
  const JsonPath& at_;
};

/// Decodes an object: `known(member)` returns true for each member it read.
/// Those members are erased, and the object with whatever remains (the
/// members this SDK does not know) becomes `extra`. A null value leaves the
/// target untouched.
template <class Known>
void read_members(Json& value, const JsonPath& at, JsonValue& extra, Known&& known) {
  if (value.is_null()) return;
  if (!value.is_object()) throw_type_error(at, "object", value);
  auto& members = value.get_ref<Json::object_t&>();
  for (auto it = members.begin(); it != members.end();) {
    const JsonPath member_at(at, it->first);
    if (known(Member(it->first, it->second, member_at))) {
      it = members.erase(it);
    } else {
      ++it;
    }
  }
  extra = members.empty() ? JsonValue() : JsonValue(std::move(value));
}

}  // namespace paradigm::detail
