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

#include "json/fields.hpp"
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

/// Decodes an object: `known(key, value, path)` returns true for each member
/// it read. Those members are erased, and the object with whatever remains
/// (the members this SDK does not know) becomes `extra`. A null value leaves
/// the target untouched.
template <class Known>
void read_members(Json& value, const JsonPath& at, JsonValue& extra, Known&& known) {
  if (value.is_null()) return;
  if (!value.is_object()) throw_type_error(at, "object", value);
  auto& members = value.get_ref<Json::object_t&>();
  for (auto it = members.begin(); it != members.end();) {
    const JsonPath member_at(at, it->first);
    if (known(std::string_view(it->first), it->second, member_at)) {
      it = members.erase(it);
    } else {
      ++it;
    }
  }
  extra = members.empty() ? JsonValue() : JsonValue(std::move(value));
}

/// How a struct's known fields are read: a wrong JSON type is an error, or
/// (for shapes the API does not publish) the member stays in `extra`.
enum class Strictness { strict, tolerant };

/// Fields read strictly even in a tolerant struct: an artifact's id is
/// documented, and an artifact without one could not be downloaded.
template <class Field>
inline constexpr bool kAlwaysStrict = false;
template <class Text>
inline constexpr bool kAlwaysStrict<ArtifactId<Text>> = true;

/// The reader's side of a field description (fields.hpp): looks at one member
/// of an object and reads it into the field of that name.
template <Strictness strictness>
class MemberReader {
 public:
  MemberReader(std::string_view key, Json& value, const JsonPath& at) noexcept
      : key_(key), value_(value), at_(at) {}

  /// True (the member is consumed) when the key is `name`. Small enough to
  /// be inlined into the description, where the names are constants.
  template <class Field>
  bool operator()(std::string_view name, Field&& field) const {
    return key_ == name && take(field);
  }

 private:
  template <class Field>
  bool take(Field& field) const {
    if constexpr (strictness == Strictness::strict || kAlwaysStrict<Field>) {
      read(value_, at_, field);
      return true;
    } else {
      return read_or_leave(field);
    }
  }

  // Out of line: its exception handler would otherwise keep the compiler
  // from inlining the key comparisons.
  template <class Field>
  [[gnu::noinline]] bool read_or_leave(Field& field) const {
    try {
      read(value_, at_, field);
      return true;
    } catch (const DecodeError&) {
      field = Field();
      return false;
    }
  }

  std::string_view key_;
  Json& value_;
  const JsonPath& at_;
};

/// Decodes a model struct through its field description.
template <Strictness strictness = Strictness::strict, class T>
void read_object(Json& value, const JsonPath& at, T& out) {
  read_members(value, at, out.extra, [&out](std::string_view key, Json& member, const JsonPath& member_at) {
    return fields(MemberReader<strictness>(key, member, member_at), out, Of<T>{});
  });
}

/// A list of elements read tolerantly (fields.hpp).
template <class T>
void read(Json& value, const JsonPath& at, Tolerant<std::vector<T>> list) {
  read_array(value, at, list.target, [](Json& element, const JsonPath& element_at, T& target) {
    read_object<Strictness::tolerant>(element, element_at, target);
  });
}

/// An artifact id: a string or an integer, kept as text.
void read(Json& value, const JsonPath& at, ArtifactId<std::string> id);

}  // namespace paradigm::detail
