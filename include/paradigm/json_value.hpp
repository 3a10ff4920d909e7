#pragma once

#include <paradigm/export.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace paradigm {

namespace detail {

/// Character types hold text, not numbers: `JsonValue('a')` does not compile.
/// (`signed char` and `unsigned char` are int8_t and uint8_t: numbers.)
template <class T>
inline constexpr bool is_character_v = std::is_same_v<T, char> || std::is_same_v<T, wchar_t> ||
#if defined(__cpp_char8_t)
                                       std::is_same_v<T, char8_t> ||
#endif
                                       std::is_same_v<T, char16_t> || std::is_same_v<T, char32_t>;

/// The integral types a JsonValue stores as a JSON integer: all but bool and characters.
template <class T>
inline constexpr bool is_json_integer_v =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !is_character_v<T>;

}  // namespace detail

/// An immutable-by-default JSON value for the free-form parts of the API
/// (`tool_args`, `response_format`, `tool_parameters`, `metadata`, members this
/// SDK does not know). Copies are cheap: they share one tree until modified.
/// A default-constructed value is JSON `null`.
///
/// Include <paradigm/json.hpp> to convert to and from `nlohmann::json`.
class PARADIGM_API JsonValue {
 public:
  /// JSON null.
  JsonValue() noexcept = default;
  JsonValue(std::nullptr_t) noexcept {}  // NOLINT(google-explicit-constructor)
  JsonValue(bool value);                 // NOLINT(google-explicit-constructor)
  /// Any integer type (`int`, `std::size_t`, `long long`, `std::uint64_t`, ...):
  /// signed types are stored as signed, unsigned ones as unsigned, so a value
  /// above INT64_MAX keeps its value.
  template <class Integer, std::enable_if_t<detail::is_json_integer_v<Integer>, int> = 0>
  JsonValue(Integer value)  // NOLINT(google-explicit-constructor)
      : JsonValue(as_integer(value)) {}
  /// A character is not a number: pass a string (`std::string(1, c)`).
  template <class Character, std::enable_if_t<detail::is_character_v<Character>, int> = 0>
  JsonValue(Character) = delete;
  JsonValue(double value);            // NOLINT(google-explicit-constructor)
  JsonValue(const char* value);       // NOLINT(google-explicit-constructor)
  JsonValue(std::string value);       // NOLINT(google-explicit-constructor)
  JsonValue(std::string_view value);  // NOLINT(google-explicit-constructor)

  /// Parses JSON text. Throws DecodeError on malformed input.
  static JsonValue parse(std::string_view text);
  /// An empty JSON object `{}`.
  static JsonValue object();
  /// An empty JSON array `[]`.
  static JsonValue array();

  /// Serialises the value; `indent` < 0 gives the compact form.
  std::string dump(int indent = -1) const;

  bool is_null() const noexcept;
  bool is_object() const noexcept;
  bool is_array() const noexcept;
  bool is_string() const noexcept;
  bool is_number() const noexcept;
  bool is_boolean() const noexcept;
  /// True for null, `{}` and `[]`.
  bool empty() const noexcept;
  /// Number of members (object) or elements (array); 0 for scalars.
  std::size_t size() const noexcept;

  /// Member `key` of an object, or null when absent or not an object.
  JsonValue operator[](std::string_view key) const;
  /// Element `index` of an array, or null when out of range or not an array.
  JsonValue operator[](std::size_t index) const;
  bool contains(std::string_view key) const;
  /// Member names of an object, in stored order.
  std::vector<std::string> keys() const;

  /// The value as a string/number/bool; nullopt when it has another type.
  std::optional<std::string> as_string() const;
  std::optional<double> as_double() const;
  std::optional<std::int64_t> as_int() const;
  /// A non-negative integer up to 2^64-1 (as_int stops at 2^63-1).
  std::optional<std::uint64_t> as_uint() const;
  std::optional<bool> as_bool() const;

  /// Sets member `key` (turning null into an object). Throws
  /// InvalidRequestError if the value is neither null nor an object.
  JsonValue& set(std::string_view key, JsonValue value);
  /// Appends to an array (turning null into an array). Throws
  /// InvalidRequestError if the value is neither null nor an array.
  JsonValue& push_back(JsonValue value);
  /// Removes member `key` if present.
  JsonValue& erase(std::string_view key);

  friend PARADIGM_API bool operator==(const JsonValue& a, const JsonValue& b);
  friend bool operator!=(const JsonValue& a, const JsonValue& b) { return !(a == b); }
  /// Prints the compact JSON (invalid UTF-8 as U+FFFD).
  friend PARADIGM_API std::ostream& operator<<(std::ostream& out, const JsonValue& value);

  /// nlohmann interop; the type is complete once <paradigm/json.hpp> is included.
  JsonValue(const nlohmann::json& value);  // NOLINT(google-explicit-constructor)
  JsonValue(nlohmann::json&& value);       // NOLINT(google-explicit-constructor)
  /// The underlying tree (a shared null when this value is null).
  const nlohmann::json& nlohmann() const noexcept;

 private:
  struct SignedInteger {
    std::int64_t value;
  };
  struct UnsignedInteger {
    std::uint64_t value;
  };
  template <class Integer>
  static auto as_integer(Integer value) noexcept {
    if constexpr (std::is_signed_v<Integer>) {
      return SignedInteger{static_cast<std::int64_t>(value)};
    } else {
      return UnsignedInteger{static_cast<std::uint64_t>(value)};
    }
  }
  explicit JsonValue(SignedInteger value);
  explicit JsonValue(UnsignedInteger value);
  explicit JsonValue(std::shared_ptr<const nlohmann::json> node) noexcept : node_(std::move(node)) {}
  nlohmann::json& mutable_node();

  // Null pointer means JSON null. Shared and immutable; writers copy first.
  std::shared_ptr<const nlohmann::json> node_;
};

}  // namespace paradigm
