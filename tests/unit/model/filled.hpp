#pragma once

// A value of any model type with every field of its description set (and
// an unknown member in every `extra`), built through the library's field
// descriptions: what a server that sends everything would give.

#include "json/model_fields.hpp"

#include <paradigm/model_types.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace paradigm::test {

// Every overload is declared first: the templates below call each other, and
// argument-dependent lookup never looks in paradigm::test.
inline void fill(std::string& value);
inline void fill(std::int64_t& value);
inline void fill(int& value);
inline void fill(double& value);
inline void fill(bool& value);
inline void fill(Timestamp& value);
inline void fill(JsonValue& value);
inline void fill(std::map<std::string, double>& value);
template <class E>
void fill(OpenEnum<E>& value);
template <class T>
void fill(std::optional<T>& value);
template <class T>
void fill(std::vector<T>& values);
template <class List>
void fill(detail::Tolerant<List> list);
inline void fill(detail::ArtifactId<std::string> id);
struct Filler;
template <class T>
auto fill(T& value) -> decltype(fields(std::declval<Filler>(), value, detail::Of<T>{}), void());

/// Sets every field a description visits.
struct Filler {
  template <class Field>
  bool operator()(const char*, Field&& field) const {
    fill(field);
    return false;
  }
};

inline void fill(std::string& value) {
  value = "text";
}
inline void fill(std::int64_t& value) {
  value = 7;
}
inline void fill(int& value) {
  value = 3;
}
inline void fill(double& value) {
  value = 0.5;
}
inline void fill(bool& value) {
  value = true;
}
inline void fill(Timestamp& value) {
  value = Timestamp::parse("2026-01-02T03:04:05.5Z");
}
inline void fill(JsonValue& value) {
  value = JsonValue::object().set("k", JsonValue::array().push_back(1).push_back("two"));
}
inline void fill(std::map<std::string, double>& value) {
  value = {{"retrieval", 0.25}};
}
template <class E>
void fill(OpenEnum<E>& value) {
  value = OpenEnum<E>::from_text(std::string(EnumNames<E>::names[1]));
}
template <class T>
void fill(std::optional<T>& value) {
  fill(value.emplace());
}
template <class T>
void fill(std::vector<T>& values) {
  fill(values.emplace_back());
}
template <class List>
void fill(detail::Tolerant<List> list) {
  fill(list.target);
}
inline void fill(detail::ArtifactId<std::string> id) {
  id.target = "art-1";
}
template <class T>
auto fill(T& value) -> decltype(fields(std::declval<Filler>(), value, detail::Of<T>{}), void()) {
  fields(Filler{}, value, detail::Of<T>{});
  if constexpr (!is_request_type_v<T>) value.extra = JsonValue::object().set("zz_future", 1);
}

template <class T>
T filled() {
  T value{};
  fill(value);
  return value;
}

/// The wire names of T's description, in its order.
template <class T>
std::vector<std::string> field_names() {
  std::vector<std::string> names;
  const T value{};
  fields(
      [&names](const char* name, const auto&) {
        names.emplace_back(name);
        return false;
      },
      value, detail::Of<T>{});
  return names;
}

}  // namespace paradigm::test
