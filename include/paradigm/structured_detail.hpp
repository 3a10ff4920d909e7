#pragma once

// The machinery behind <paradigm/structured.hpp>: include that header, not
// this one. Member lists become calls on a visitor (one for the schema, one
// for reading), member and type descriptions are found by argument-dependent
// lookup, and Structure<T> maps each supported C++ type to its schema and its
// reading. Reading trusts its input: values are checked against the schema
// first (check_schema), so every mismatch is reported with its path in one place.

#include <paradigm/errors.hpp>
#include <paradigm/export.hpp>
#include <paradigm/json_value.hpp>
#include <paradigm/turn.hpp>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// PARADIGM_DETAIL_FOR_EACH(m, f, a, b, c) expands to m(f, a) m(f, b) m(f, c),
// for 1 to 64 arguments (the ladder nlohmann's NLOHMANN_DEFINE_TYPE_* use).
// The trailing `unused` keeps the `...` of PICK non-empty, as -Wpedantic asks.
#define PARADIGM_DETAIL_X(x) x
#define PARADIGM_DETAIL_PICK(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17,     \
                             _18, _19, _20, _21, _22, _23, _24, _25, _26, _27, _28, _29, _30, _31, _32, _33, \
                             _34, _35, _36, _37, _38, _39, _40, _41, _42, _43, _44, _45, _46, _47, _48, _49, \
                             _50, _51, _52, _53, _54, _55, _56, _57, _58, _59, _60, _61, _62, _63, _64,      \
                             NAME, ...)                                                                      \
  NAME
#define PARADIGM_DETAIL_FOR_EACH(m, f, ...)                                                                \
  PARADIGM_DETAIL_X(PARADIGM_DETAIL_PICK(                                                                  \
      __VA_ARGS__, PARADIGM_DETAIL_FE64, PARADIGM_DETAIL_FE63, PARADIGM_DETAIL_FE62, PARADIGM_DETAIL_FE61, \
      PARADIGM_DETAIL_FE60, PARADIGM_DETAIL_FE59, PARADIGM_DETAIL_FE58, PARADIGM_DETAIL_FE57,              \
      PARADIGM_DETAIL_FE56, PARADIGM_DETAIL_FE55, PARADIGM_DETAIL_FE54, PARADIGM_DETAIL_FE53,              \
      PARADIGM_DETAIL_FE52, PARADIGM_DETAIL_FE51, PARADIGM_DETAIL_FE50, PARADIGM_DETAIL_FE49,              \
      PARADIGM_DETAIL_FE48, PARADIGM_DETAIL_FE47, PARADIGM_DETAIL_FE46, PARADIGM_DETAIL_FE45,              \
      PARADIGM_DETAIL_FE44, PARADIGM_DETAIL_FE43, PARADIGM_DETAIL_FE42, PARADIGM_DETAIL_FE41,              \
      PARADIGM_DETAIL_FE40, PARADIGM_DETAIL_FE39, PARADIGM_DETAIL_FE38, PARADIGM_DETAIL_FE37,              \
      PARADIGM_DETAIL_FE36, PARADIGM_DETAIL_FE35, PARADIGM_DETAIL_FE34, PARADIGM_DETAIL_FE33,              \
      PARADIGM_DETAIL_FE32, PARADIGM_DETAIL_FE31, PARADIGM_DETAIL_FE30, PARADIGM_DETAIL_FE29,              \
      PARADIGM_DETAIL_FE28, PARADIGM_DETAIL_FE27, PARADIGM_DETAIL_FE26, PARADIGM_DETAIL_FE25,              \
      PARADIGM_DETAIL_FE24, PARADIGM_DETAIL_FE23, PARADIGM_DETAIL_FE22, PARADIGM_DETAIL_FE21,              \
      PARADIGM_DETAIL_FE20, PARADIGM_DETAIL_FE19, PARADIGM_DETAIL_FE18, PARADIGM_DETAIL_FE17,              \
      PARADIGM_DETAIL_FE16, PARADIGM_DETAIL_FE15, PARADIGM_DETAIL_FE14, PARADIGM_DETAIL_FE13,              \
      PARADIGM_DETAIL_FE12, PARADIGM_DETAIL_FE11, PARADIGM_DETAIL_FE10, PARADIGM_DETAIL_FE9,               \
      PARADIGM_DETAIL_FE8, PARADIGM_DETAIL_FE7, PARADIGM_DETAIL_FE6, PARADIGM_DETAIL_FE5,                  \
      PARADIGM_DETAIL_FE4, PARADIGM_DETAIL_FE3, PARADIGM_DETAIL_FE2, PARADIGM_DETAIL_FE1,                  \
      unused)(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE1(m, f, x) m(f, x)
#define PARADIGM_DETAIL_FE2(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE1(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE3(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE2(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE4(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE3(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE5(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE4(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE6(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE5(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE7(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE6(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE8(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE7(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE9(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE8(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE10(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE9(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE11(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE10(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE12(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE11(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE13(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE12(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE14(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE13(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE15(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE14(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE16(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE15(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE17(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE16(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE18(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE17(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE19(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE18(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE20(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE19(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE21(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE20(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE22(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE21(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE23(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE22(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE24(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE23(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE25(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE24(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE26(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE25(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE27(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE26(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE28(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE27(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE29(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE28(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE30(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE29(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE31(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE30(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE32(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE31(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE33(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE32(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE34(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE33(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE35(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE34(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE36(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE35(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE37(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE36(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE38(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE37(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE39(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE38(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE40(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE39(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE41(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE40(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE42(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE41(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE43(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE42(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE44(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE43(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE45(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE44(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE46(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE45(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE47(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE46(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE48(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE47(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE49(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE48(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE50(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE49(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE51(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE50(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE52(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE51(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE53(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE52(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE54(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE53(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE55(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE54(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE56(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE55(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE57(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE56(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE58(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE57(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE59(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE58(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE60(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE59(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE61(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE60(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE62(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE61(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE63(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE62(m, f, __VA_ARGS__))
#define PARADIGM_DETAIL_FE64(m, f, x, ...) m(f, x) PARADIGM_DETAIL_X(PARADIGM_DETAIL_FE63(m, f, __VA_ARGS__))

// One member of PARADIGM_STRUCTURED, one value of PARADIGM_STRUCTURED_ENUM.
#define PARADIGM_DETAIL_MEMBER(Type, name) paradigm_visitor.template member<&Type::name>(#name);
#define PARADIGM_DETAIL_ENUM_VALUE(Enum, name) {Enum::name, #name},

namespace paradigm::detail {

/// Names member M in a member description (PARADIGM_DESCRIBE).
template <auto M>
struct Member {};

/// The values of a described enum with their names (PARADIGM_STRUCTURED_ENUM).
template <class E>
using EnumValues = std::vector<std::pair<E, std::string_view>>;

// The lookups the macros answer for a type, by overloads in the type's own
// namespace (found by argument-dependent lookup). These fallbacks say "no
// description"; the zero-argument declarations only give the names a meaning here.
template <class T>
const char* paradigm_structured_description(const T*) {
  return nullptr;
}
template <class T, auto M>
const char* paradigm_structured_description(const T*, Member<M>) {
  return nullptr;
}
void paradigm_structured_members();
void paradigm_structured_enum();

template <class>
inline constexpr bool kAlwaysFalse = false;

template <class P>
struct MemberPointer;
template <class C, class F>
struct MemberPointer<F C::*> {
  using Field = F;
};
/// The type of the member M points to.
template <auto M>
using FieldOf = typename MemberPointer<decltype(M)>::Field;

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

// Detection: is T a struct described with PARADIGM_STRUCTURED, an enum with PARADIGM_STRUCTURED_ENUM?
struct AnyVisitor {
  template <auto M>
  void member(const char*) {}
};
template <class T, class = void>
struct IsDescribed : std::false_type {};
template <class T>
struct IsDescribed<T, std::void_t<decltype(paradigm_structured_members(
                          std::declval<AnyVisitor&>(), static_cast<const T*>(nullptr)))>> : std::true_type {};
template <class E, class = void>
struct HasEnumValues : std::false_type {};
template <class E>
struct HasEnumValues<E, std::void_t<decltype(paradigm_structured_enum(static_cast<const E*>(nullptr)))>>
    : std::true_type {};

/// `{"type": type}`.
inline JsonValue typed(const char* type) {
  JsonValue schema = JsonValue::object();
  schema.set("type", type);
  return schema;
}

/// Adds `description` to a schema when there is one.
inline void describe(JsonValue& schema, const char* description) {
  if (description != nullptr) schema.set("description", description);
}

/// What a C++ type is in JSON: `schema()` and `read(value)` (of a value the
/// schema check accepted). Specialised below for every supported type.
template <class T, class = void>
struct Structure {
  static_assert(kAlwaysFalse<T>,
                "paradigm: this type has no JSON Schema: describe a struct with PARADIGM_STRUCTURED(Type, "
                "members...) or an enum with PARADIGM_STRUCTURED_ENUM(Enum, values...) in its namespace; "
                "members may be std::string, bool, integers, floating point, std::vector, std::optional, "
                "paradigm::JsonValue or described types");
};

template <>
struct Structure<std::string> {
  static JsonValue schema() { return typed("string"); }
  static std::string read(const JsonValue& value) { return value.as_string().value_or(std::string()); }
};

template <>
struct Structure<bool> {
  static JsonValue schema() { return typed("boolean"); }
  static bool read(const JsonValue& value) { return value.as_bool().value_or(false); }
};

// Every integer type states its range in the schema (std::int64_t and
// std::uint64_t too), so that the check refuses what it cannot hold: reading
// is then exact, with no conversion out of range.
template <class T>
struct Structure<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static_assert(sizeof(T) <= sizeof(std::int64_t),
                "paradigm: integers wider than 64 bits have no JSON Schema");
  static JsonValue schema() {
    using Limits = std::numeric_limits<T>;
    JsonValue schema = typed("integer");
    if constexpr (std::is_signed_v<T>) {
      schema.set("minimum", static_cast<std::int64_t>(Limits::min()));
      schema.set("maximum", static_cast<std::int64_t>(Limits::max()));
    } else {
      schema.set("minimum", std::uint64_t{0});
      schema.set("maximum", static_cast<std::uint64_t>(Limits::max()));
    }
    return schema;
  }
  static T read(const JsonValue& value) {
    if (const auto exact = value.as_int()) return static_cast<T>(*exact);
    if constexpr (std::is_unsigned_v<T>) {
      if (const auto exact = value.as_uint()) return static_cast<T>(*exact);  // past INT64_MAX
    }
    // 3.0, an integer to JSON Schema: the check took it only without fraction
    // and below 2^53, where a double is exact, and within T's range.
    return static_cast<T>(value.as_double().value_or(0.0));
  }
};

// A type narrower than double (float) states its range, so that a number it
// cannot hold is refused rather than converted (undefined behaviour).
template <class T>
struct Structure<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static JsonValue schema() {
    JsonValue schema = typed("number");
    if constexpr (std::numeric_limits<T>::max() < std::numeric_limits<double>::max()) {
      schema.set("minimum", static_cast<double>(std::numeric_limits<T>::lowest()));
      schema.set("maximum", static_cast<double>(std::numeric_limits<T>::max()));
    }
    return schema;
  }
  static T read(const JsonValue& value) { return static_cast<T>(value.as_double().value_or(0.0)); }
};

/// Any JSON at all (the empty schema).
template <>
struct Structure<JsonValue> {
  static JsonValue schema() { return JsonValue::object(); }
  static JsonValue read(const JsonValue& value) { return value; }
};

/// A string enum of the names PARADIGM_STRUCTURED_ENUM gave.
template <class E>
struct Structure<E, std::enable_if_t<std::is_enum_v<E> && HasEnumValues<E>::value>> {
  static const EnumValues<E>& values() { return paradigm_structured_enum(static_cast<const E*>(nullptr)); }
  static JsonValue schema() {
    JsonValue names = JsonValue::array();
    for (const auto& value : values())
      names.push_back(value.second);
    JsonValue schema = typed("string");
    schema.set("enum", std::move(names));
    describe(schema, paradigm_structured_description(static_cast<const E*>(nullptr)));
    return schema;
  }
  static E read(const JsonValue& value) {
    const std::string name = value.as_string().value_or(std::string());
    for (const auto& known : values()) {
      if (known.second == name) return known.first;
    }
    return values().front().first;  // not reached: the check accepts only these names
  }
};

template <class T, class A>
struct Structure<std::vector<T, A>> {
  static JsonValue schema() {
    JsonValue schema = typed("array");
    schema.set("items", Structure<T>::schema());
    return schema;
  }
  static std::vector<T, A> read(const JsonValue& value) {
    std::vector<T, A> out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i)
      out.push_back(Structure<T>::read(value[i]));
    return out;
  }
};

/// Its value's schema; as a member, not `required` (absent or null read as nullopt).
template <class T>
struct Structure<std::optional<T>> {
  static JsonValue schema() { return Structure<T>::schema(); }
  static std::optional<T> read(const JsonValue& value) {
    if (value.is_null()) return std::nullopt;
    return Structure<T>::read(value);
  }
};

/// Builds the object schema of a described struct, member by member.
template <class T>
class SchemaBuilder {
 public:
  template <auto M>
  void member(const char* name) {
    using Field = FieldOf<M>;
    JsonValue property = Structure<Field>::schema();
    describe(property, paradigm_structured_description(static_cast<const T*>(nullptr), Member<M>{}));
    properties_.set(name, std::move(property));
    if (!IsOptional<Field>::value) required_.push_back(name);
  }

  JsonValue schema() && {
    JsonValue schema = typed("object");
    schema.set("properties", std::move(properties_));
    if (required_.size() > 0) schema.set("required", std::move(required_));
    describe(schema, paradigm_structured_description(static_cast<const T*>(nullptr)));
    return schema;
  }

 private:
  JsonValue properties_ = JsonValue::object();
  JsonValue required_ = JsonValue::array();
};

/// Reads a described struct's members from a (checked) JSON object.
template <class T>
class MemberReader {
 public:
  MemberReader(T& out, const JsonValue& object) : out_(out), object_(object) {}

  template <auto M>
  void member(const char* name) {
    out_.*M = Structure<FieldOf<M>>::read(object_[name]);
  }

 private:
  T& out_;
  const JsonValue& object_;
};

template <class T>
struct Structure<T, std::enable_if_t<IsDescribed<T>::value>> {
  static JsonValue schema() {
    SchemaBuilder<T> builder;
    paradigm_structured_members(builder, static_cast<const T*>(nullptr));
    return std::move(builder).schema();
  }
  static T read(const JsonValue& value) {
    T out{};
    MemberReader<T> reader(out, value);
    paradigm_structured_members(reader, static_cast<const T*>(nullptr));
    return out;
  }
};

}  // namespace paradigm::detail
